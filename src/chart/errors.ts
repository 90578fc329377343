// The one error type the chart library throws for bad input. Its message is meant for the user:
// it names the chart or file and says what to change, so callers print it without a stack trace.
import { DecodeError } from './go/decode.js';
import { GoYamlError } from './go/yaml-error.js';

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

/** Runs a YAML read of the file `where`, turning what go-yaml or Go's decoder refuses into a ChartError. */
export function readingYaml<T>(where: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof GoYamlError) throw new ChartError(`${where} is not valid YAML: ${error.message}`, { cause: error });
    if (error instanceof DecodeError) throw new ChartError(`${where}: ${error.message}`, { cause: error });
    throw error;
  }
}

/** Runs a YAML write for `what`, turning what go-yaml could never write into a ChartError. */
export function writingYaml<T>(what: string, write: () => T): T {
  try {
    return write();
  } catch (error) {
    if (error instanceof GoYamlError) throw new ChartError(`${what}: ${error.message}`, { cause: error });
    throw error;
  }
}
