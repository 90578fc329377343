// Runner entry for the main step: inputs → publish → outputs. Kept thin; the work is in run.ts.
import * as core from '@actions/core';
import { run } from './run.js';
import { describeError } from './errors.js';

run().catch((error: unknown) => {
  core.debug(error instanceof Error && error.stack ? error.stack : String(error));
  core.setFailed(`helm-oci-publish: ${describeError(error)}`);
});
