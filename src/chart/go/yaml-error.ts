/** What go-yaml refuses, reading or writing; the message is go-yaml's reason, without a file name. */
export class GoYamlError extends Error {
  override readonly name = 'GoYamlError';
}
