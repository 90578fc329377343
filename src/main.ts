// Runner entry for the main step: inputs → publish → outputs. Kept thin; the work is in run.ts.
import * as core from '@actions/core';
import { describeError, isUserFacing } from './errors.js';
import { run } from './run.js';
import { stepDeadline } from './step-deadline.js';

const deadline = stepDeadline(core.getInput('timeout'));
run(deadline.signal)
  .catch((error: unknown) => {
    if (!isUserFacing(error) && error instanceof Error && error.stack) core.debug(error.stack);
    core.setFailed(`helm-oci-publish: ${describeError(deadline.signal.aborted ? deadline.signal.reason : error)}`);
  })
  .finally(() => deadline.clear());
