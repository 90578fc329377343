// The whole step's bound (input `timeout`): an AbortSignal that stops every request in flight,
// and, should something not listen to it, a last-resort exit shortly after.
import * as core from '@actions/core';
import { parseDuration } from './inputs.js';

/** After the signal fires, how long the step gets to stop cleanly before it is ended. */
const GRACE_MS = 10_000;
const DEFAULT_TIMEOUT_MS = 30 * 60_000;

class StepTimeoutError extends Error {
  override name = 'StepTimeoutError';
}

export function stepDeadline(input: string): { signal: AbortSignal; clear(): void } {
  // A bad value is reported by parseInputs; until then the default bounds the step.
  let ms = DEFAULT_TIMEOUT_MS;
  try {
    ms = parseDuration('timeout', input, DEFAULT_TIMEOUT_MS);
  } catch {
    // reported by parseInputs with what to change
  }
  const controller = new AbortController();
  let exit: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    controller.abort(new StepTimeoutError(`the step ran out of time (timeout: ${input || '30m'}) and stopped; raise "timeout" if the registry is slow, or look at the log for what it was waiting for`));
    exit = setTimeout(() => {
      core.setFailed(`helm-oci-publish: the step ran out of time (timeout: ${input || '30m'}) and did not stop within ${GRACE_MS / 1000} s`);
      process.exit(1);
    }, GRACE_MS);
    exit.unref();
  }, ms);
  timer.unref();
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      if (exit) clearTimeout(exit);
    },
  };
}
