// One line for a user from any error: our own errors already say what to change; for anything
// else the cause chain is kept (never dropped), but never a stack trace.
export function describeError(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && current !== null && depth < 4; depth++) {
    const message = current instanceof Error ? current.message : thrownText(current);
    if (message && !parts.some((p) => p.includes(message))) parts.push(message);
    current = current instanceof Error ? current.cause : undefined;
  }
  if (parts.length === 0) return 'unknown error';
  const [first, ...causes] = parts;
  return causes.length === 0 ? first! : `${first} (cause: ${causes.join(': ')})`;
}

// Something thrown that is not an Error: a primitive as String() writes it; an object by its own
// toString, as String() would call it.
function thrownText(value: unknown): string {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function') return String(value as string | number | boolean | bigint | symbol | null | undefined);
  const toString: unknown = (value as { toString?: unknown }).toString;
  return typeof toString === 'function' ? String(toString.call(value)) : Object.prototype.toString.call(value);
}

// Errors the action raises about the user's input, charts or registry: their message is the whole
// story. A stack is worth a debug line only for anything else (a bug of ours).
const USER_FACING = new Set(['InputError', 'StepTimeoutError', 'ChartSourceError', 'PreparationError', 'ChartError', 'OciInputError', 'RegistryError', 'SigningError', 'SupplyChainError', 'SupplyChainInputError', 'HelmError', 'RegistryConfigError', 'SourceError']);

export function isUserFacing(error: unknown): boolean {
  return error instanceof Error && USER_FACING.has(error.name);
}

/** Prefixes `message` with where it happened, unless it names that place already. */
export function naming(where: string, message: string): string {
  return message.includes(where) ? message : `${where}: ${message}`;
}
