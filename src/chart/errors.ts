// The one error type the chart library throws for bad input. Its message is meant for the user:
// it names the chart or file and says what to change, so callers print it without a stack trace.

export class ChartError extends Error {
  override readonly name = 'ChartError';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** True for errors from Node's fs layer (ENOENT, EACCES, …). */
export function isFsError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
