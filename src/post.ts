// Runner entry for the post step. It runs after the job's other steps, on failure and
// cancellation too, and only ever warns: cleaning up must not fail a job.
import * as core from '@actions/core';
import { describeError } from './errors.js';
import { logoutRecorded } from './login.js';

logoutRecorded().catch((error: unknown) => {
  core.warning(`helm-oci-publish: logout did not complete: ${describeError(error)}`);
});
