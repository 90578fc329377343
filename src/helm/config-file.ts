// Reading and writing a credentials file safely: through a symlink to its target, atomically
// (a concurrent reader sees the old or the new file), with the permissions a secret needs.
import { randomBytes } from 'node:crypto';
import { open, readFile, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { describeError } from '../errors.js';
import { RegistryConfigError } from './errors.js';

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

// Credentials files hold a few entries; anything this large is not one to parse and rewrite.
const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/** The file's text, or undefined when there is no file. */
export async function readConfig(file: string, label: string): Promise<string | undefined> {
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_CONFIG_BYTES) throw new RegistryConfigError(`${label} is ${size} bytes, more than the ${MAX_CONFIG_BYTES} a credentials file can be; not changing it`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isMissing(error)) return undefined;
    if (error instanceof RegistryConfigError) throw error;
    throw new RegistryConfigError(`cannot read ${label}: ${describeError(error)}`, { cause: error });
  }
  return text;
}

/** Writes through a symlink (as Docker does) rather than replacing the link with a file. */
export async function resolveTarget(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch {
    // A link to a file that does not exist yet: write the file it names, keep the link.
    const target = await readlink(file).catch(() => undefined);
    return target === undefined ? file : path.resolve(path.dirname(file), target);
  }
}

/** Temp file in the same directory, then rename. */
export async function writeAtomic(file: string, text: string, mode: number, label: string): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', mode);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.chmod(mode); // the umask may have narrowed it
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new RegistryConfigError(`cannot write ${label}: ${describeError(error)}`, { cause: error });
  }
}

/** The directories above `dir` (itself included) that do not exist yet, deepest first. */
export async function missingDirs(dir: string): Promise<string[]> {
  const missing: string[] = [];
  for (let current = dir; ; current = path.dirname(current)) {
    try {
      await stat(current);
      return missing;
    } catch (error) {
      if (!isMissing(error) || path.dirname(current) === current) return missing;
      missing.push(current);
    }
  }
}
