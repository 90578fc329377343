// Throwaway OpenPGP keys made by the real `gpg`, in a private GNUPGHOME that is deleted afterwards.
// Tests get each key as armored text (what the action's input holds) and as binary keyrings
// (what `helm verify --keyring` and `helm package --sign` read).
import { execFile } from 'node:child_process';
import { readFile, readdir, writeFile, mkdir, chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempDir, removeDir } from './tmp.js';

export interface GpgResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface MakeKeyOptions {
  name: string;
  email?: string;
  /** rsa: RSA 2048 (every Helm can verify it); ed25519: EdDSA, gpg's modern default. */
  algorithm?: 'rsa' | 'ed25519';
  passphrase?: string;
  /**
   * sign: the primary key signs (gpg's usual layout);
   * subkey: a certify-only primary with a separate signing subkey;
   * none: a certify-only primary with just an encryption subkey, so nothing can sign.
   */
  signing?: 'sign' | 'subkey' | 'none';
  /** Create the key as if it were this date (gpg --faked-system-time, e.g. '20200101T000000'). */
  createdAt?: string;
  /** gpg Expire-Date relative to createdAt, e.g. '1d'; default never. */
  expire?: string;
}

export interface GpgKey {
  uid: string;
  fingerprint: string;
  passphrase?: string;
  armoredSecret: string;
  armoredPublic: string;
  /** Binary public keyring (`gpg --export`), for `helm verify --keyring`. */
  publicKeyring: string;
  /** Binary secret keyring (`gpg --export-secret-keys`), for `helm package --sign --keyring`. */
  secretKeyring: string;
}

/** A private GNUPGHOME. Call `remove()` when done: it stops the gpg-agent gpg started there. */
export class GpgHome {
  // gpg processes sharing a home trip over each other's keyring locks; run them one at a time.
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly dir: string,
    readonly home: string,
  ) {}

  static async create(): Promise<GpgHome> {
    const dir = await makeTempDir('gpg-');
    const home = join(dir, 'gnupg');
    await mkdir(home);
    await chmod(home, 0o700);
    // Throwaway keys need no slow passphrase hashing: the default makes each protected key take seconds.
    await writeFile(join(home, 'gpg-agent.conf'), 's2k-count 65536\n');
    return new GpgHome(dir, home);
  }

  /** Runs gpg in this home, without a shell; never throws for a non-zero exit. */
  run(args: string[], input?: string): Promise<GpgResult> {
    const result = this.queue.then(() => this.spawn(args, input));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private spawn(args: string[], input?: string): Promise<GpgResult> {
    return new Promise((resolve, reject) => {
      const child = execFile(
        'gpg',
        ['--homedir', this.home, '--batch', '--no-tty', ...args],
        { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GNUPGHOME: this.home }, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 60_000 },
        (error, stdout, stderr) => {
          if (error && typeof error.code !== 'number') {
            reject(new Error(`could not run gpg: ${error.message}`, { cause: error }));
            return;
          }
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
        },
      );
      // gpg may exit without reading stdin; a broken pipe then is not an error.
      child.stdin?.on('error', () => {});
      if (input === undefined) child.stdin?.end();
      else child.stdin?.end(input);
    });
  }

  async ok(args: string[], input?: string): Promise<GpgResult> {
    const result = await this.run(args, input);
    if (result.code !== 0) throw new Error(`gpg ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
    return result;
  }

  async makeKey(options: MakeKeyOptions): Promise<GpgKey> {
    const email = options.email ?? `${options.name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@example.com`;
    const uid = `${options.name} <${email}>`;
    const algorithm = options.algorithm ?? 'rsa';
    const signing = options.signing ?? 'sign';
    const rsa = algorithm === 'rsa';
    const primary = rsa ? ['Key-Type: RSA', 'Key-Length: 2048'] : ['Key-Type: EDDSA', 'Key-Curve: ed25519'];
    const signingSubkey = rsa ? ['Subkey-Type: RSA', 'Subkey-Length: 2048'] : ['Subkey-Type: EDDSA', 'Subkey-Curve: ed25519'];
    const encryptionSubkey = rsa ? ['Subkey-Type: RSA', 'Subkey-Length: 2048'] : ['Subkey-Type: ECDH', 'Subkey-Curve: cv25519'];
    const params = [
      ...primary,
      `Key-Usage: ${signing === 'sign' ? 'sign,cert' : 'cert'}`,
      ...(signing === 'subkey' ? [...signingSubkey, 'Subkey-Usage: sign'] : []),
      ...(signing === 'none' ? [...encryptionSubkey, 'Subkey-Usage: encrypt'] : []),
      `Name-Real: ${options.name}`,
      `Name-Email: ${email}`,
      `Expire-Date: ${options.expire ?? '0'}`,
      options.passphrase === undefined ? '%no-protection' : `Passphrase: ${options.passphrase}`,
      '%commit',
      '',
    ].join('\n');
    const time = options.createdAt ? ['--faked-system-time', options.createdAt] : [];
    await this.ok([...time, '--pinentry-mode', 'loopback', '--gen-key'], params);

    const colons = await this.ok(['--with-colons', '--fingerprint', '--list-keys', `=${uid}`]);
    const fingerprint = /^fpr:(?:[^:]*:){8}([0-9A-F]{40,64}):/m.exec(colons.stdout)?.[1];
    if (!fingerprint) throw new Error(`no fingerprint for ${uid} in:\n${colons.stdout}`);
    return this.exportKey(uid, fingerprint, options.passphrase);
  }

  /** Exports the key again (e.g. after revoking it), rewriting its keyring files. */
  async exportKey(uid: string, fingerprint: string, passphrase?: string): Promise<GpgKey> {
    // The passphrase goes in on stdin, not in argv.
    const unlock = ['--pinentry-mode', 'loopback', '--passphrase-fd', '0'];
    const armoredSecret = (await this.ok([...unlock, '--armor', '--export-secret-keys', fingerprint], passphrase ?? '')).stdout;
    const armoredPublic = (await this.ok(['--armor', '--export', fingerprint])).stdout;
    const publicKeyring = join(this.dir, `${fingerprint}.pub.gpg`);
    const secretKeyring = join(this.dir, `${fingerprint}.sec.gpg`);
    await this.ok(['--yes', '--output', publicKeyring, '--export', fingerprint]);
    await this.ok([...unlock, '--yes', '--output', secretKeyring, '--export-secret-keys', fingerprint], passphrase ?? '');
    return { uid, fingerprint, ...(passphrase === undefined ? {} : { passphrase }), armoredSecret, armoredPublic, publicKeyring, secretKeyring };
  }

  /** Revokes the key with the revocation certificate gpg stored when it made the key. */
  async revoke(key: GpgKey): Promise<GpgKey> {
    const revocs = join(this.home, 'openpgp-revocs.d');
    const file = (await readdir(revocs)).find((name) => name.startsWith(key.fingerprint));
    if (!file) throw new Error(`no revocation certificate for ${key.fingerprint}`);
    // gpg prefixes the armor line with ':' so the certificate is not imported by accident.
    const certificate = (await readFile(join(revocs, file), 'utf8')).replace(/^:-----BEGIN/m, '-----BEGIN');
    await this.ok(['--import'], certificate);
    return this.exportKey(key.uid, key.fingerprint, key.passphrase);
  }

  async remove(): Promise<void> {
    await new Promise<void>((resolve) => {
      // Stops only the agent serving this home directory.
      execFile('gpgconf', ['--homedir', this.home, '--kill', 'gpg-agent'], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', GNUPGHOME: this.home } }, () => resolve());
    });
    await removeDir(this.dir);
  }
}

/** `gpg --verify` of clear-signed text in a fresh home that knows only `armoredPublic`; stdout is the status output. */
export async function gpgVerifyClearsigned(armoredPublic: string, signedText: string): Promise<GpgResult> {
  const gpg = await GpgHome.create();
  try {
    await gpg.ok(['--import'], armoredPublic);
    const file = join(gpg.dir, 'signed.asc');
    await writeFile(file, signedText);
    return await gpg.run(['--status-fd', '1', '--verify', file]);
  } finally {
    await gpg.remove();
  }
}
