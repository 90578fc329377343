// Runner entry for the main step: inputs → publish → outputs. Kept thin; the work is in run.ts.
import * as core from '@actions/core';
import { describeError, isUserFacing } from './errors.js';
import { run } from './run.js';
import { stepDeadline } from './step-deadline.js';

const deadline = stepDeadline(core.getInput('timeout'));
run(deadline.signal)
  .catch((error: unknown) => {
    if (!isUserFacing(error) && error instanceof Error && error.stack) core.debug(error.stack);
    // A request stopped by the deadline says what it was waiting for; anything else gets the deadline's own words.
    const message = describeError(error);
    const timedOut = deadline.signal.aborted && !/ran out of time/.test(message);
    core.setFailed(`helm-oci-publish: ${timedOut ? describeError(deadline.signal.reason) : message}`);
  })
  .finally(() => deadline.clear());
