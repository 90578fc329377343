// Temporary directories that tests create and always remove, even when an assertion fails.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Creates a fresh directory under the OS temp dir; `prefix` keeps leftovers recognisable. */
export async function makeTempDir(prefix = 'helm-oci-publish-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix.endsWith('-') ? prefix : `${prefix}-`));
}

/** Removes a directory tree; a missing directory is not an error. */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** Anything `node:test` accepts a teardown callback from: the `after` hook or a test context. */
export type AfterHook = (fn: () => unknown) => void;

/** Makes a temp dir that is removed by the given hook, e.g. `await tempDirFor(t.after.bind(t))` or `tempDirFor(after)`. */
export async function tempDirFor(after: AfterHook, prefix?: string): Promise<string> {
  const dir = await makeTempDir(prefix);
  after(() => removeDir(dir));
  return dir;
}

/**
 * Collects teardown steps and runs them in reverse order, all of them even if some fail.
 * Use one per test file: `const cleanup = new Cleanup(); after(() => cleanup.run());`
 */
export class Cleanup {
  private readonly steps: Array<() => unknown> = [];

  add(step: () => unknown): void {
    this.steps.push(step);
  }

  /** Makes a temp dir that this cleanup removes. */
  async tempDir(prefix?: string): Promise<string> {
    const dir = await makeTempDir(prefix);
    this.add(() => removeDir(dir));
    return dir;
  }

  async run(): Promise<void> {
    const errors: unknown[] = [];
    while (this.steps.length > 0) {
      const step = this.steps.pop()!;
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, 'several cleanup steps failed');
  }
}
