// A throwaway certificate authority made with the real openssl CLI, so the certificates are the
// kind Distribution, Go (Helm) and Node meet in the wild: SANs for IP and DNS, key usages set.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { makeTempDir } from './tmp.js';

const execFileAsync = promisify(execFile);

export type KeyType = 'ec' | 'rsa';

/** A certificate and its private key, both as files and as PEM text. */
export interface CertAndKey {
  certFile: string;
  keyFile: string;
  certPem: string;
  keyPem: string;
}

/** A CA whose files live in `dir` (remove `dir` when done). */
export interface TestCa extends CertAndKey {
  dir: string;
}

export interface IssueOptions {
  commonName: string;
  /** Becomes subjectAltName entries: IP addresses as IP:, everything else as DNS:. */
  hosts?: string[];
  /** serverAuth, clientAuth, or signing only (for JWTs). */
  usage: 'server' | 'client' | 'signing';
  /** EC P-256 by default (fast to make); RSA 2048 for RS256 signing. */
  keyType?: KeyType;
  /** File name stem inside the CA's dir; defaults to the usage and a counter. */
  name?: string;
}

// A private request config so the machine's openssl.cnf cannot add or clash with extensions.
const REQ_CONFIG = '[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = placeholder\n';

let counter = 0;

async function openssl(args: string[], cwd: string): Promise<void> {
  try {
    await execFileAsync('openssl', args, { cwd });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(`openssl ${args[0]} failed: ${stderr.trim() || String(error)}`, { cause: error });
  }
}

function keyArgs(keyType: KeyType): string[] {
  return keyType === 'rsa'
    ? ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']
    : ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256'];
}

// Positive, non-zero, 128-bit: what Go and browsers expect of a serial number.
function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x10;
  return `0x${bytes.toString('hex')}`;
}

function subjectAltName(hosts: string[]): string {
  return hosts.map((host) => (isIP(host) ? `IP:${host}` : `DNS:${host}`)).join(',');
}

function extensions(options: IssueOptions): string {
  const keyType = options.keyType ?? 'ec';
  const lines = ['[v3]', 'basicConstraints = critical,CA:FALSE', 'subjectKeyIdentifier = hash', 'authorityKeyIdentifier = keyid'];
  if (options.usage === 'signing') {
    lines.push('keyUsage = critical,digitalSignature');
  } else {
    lines.push(`keyUsage = critical,digitalSignature${keyType === 'rsa' ? ',keyEncipherment' : ''}`);
    lines.push(`extendedKeyUsage = ${options.usage === 'server' ? 'serverAuth' : 'clientAuth'}`);
  }
  if (options.hosts && options.hosts.length > 0) lines.push(`subjectAltName = ${subjectAltName(options.hosts)}`);
  return `${lines.join('\n')}\n`;
}

async function makeKeyAndRequest(dir: string, stem: string, commonName: string, keyType: KeyType): Promise<{ keyFile: string; csrFile: string }> {
  const keyFile = join(dir, `${stem}.key`);
  const csrFile = join(dir, `${stem}.csr`);
  const configFile = join(dir, 'req.cnf');
  await writeFile(configFile, REQ_CONFIG);
  await openssl(['genpkey', ...keyArgs(keyType), '-out', keyFile], dir);
  await openssl(['req', '-new', '-config', configFile, '-key', keyFile, '-subj', `/CN=${commonName}`, '-out', csrFile], dir);
  return { keyFile, csrFile };
}

async function readPair(certFile: string, keyFile: string): Promise<CertAndKey> {
  const [certPem, keyPem] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')]);
  return { certFile, keyFile, certPem, keyPem };
}

/** Creates a self-signed CA (EC P-256 unless asked otherwise) in `dir`, or in a new temp dir. */
export async function makeCa(options: { dir?: string; commonName?: string; keyType?: KeyType } = {}): Promise<TestCa> {
  const dir = options.dir ?? (await makeTempDir('test-ca-'));
  await mkdir(dir, { recursive: true });
  const { keyFile, csrFile } = await makeKeyAndRequest(dir, 'ca', options.commonName ?? 'helm-oci-publish test CA', options.keyType ?? 'ec');
  const extFile = join(dir, 'ca.ext');
  await writeFile(
    extFile,
    '[v3]\nbasicConstraints = critical,CA:TRUE\nkeyUsage = critical,keyCertSign,cRLSign,digitalSignature\nsubjectKeyIdentifier = hash\n',
  );
  const certFile = join(dir, 'ca.pem');
  await openssl(
    ['x509', '-req', '-in', csrFile, '-signkey', keyFile, '-days', '7', '-sha256', '-set_serial', randomSerial(),
      '-extfile', extFile, '-extensions', 'v3', '-out', certFile],
    dir,
  );
  return { dir, ...(await readPair(certFile, keyFile)) };
}

/** Issues a certificate signed by `ca`; files land in the CA's dir. */
export async function issueCert(ca: TestCa, options: IssueOptions): Promise<CertAndKey> {
  const stem = options.name ?? `${options.usage}-${++counter}`;
  const { keyFile, csrFile } = await makeKeyAndRequest(ca.dir, stem, options.commonName, options.keyType ?? 'ec');
  const extFile = join(ca.dir, `${stem}.ext`);
  await writeFile(extFile, extensions(options));
  const certFile = join(ca.dir, `${stem}.pem`);
  await openssl(
    ['x509', '-req', '-in', csrFile, '-CA', ca.certFile, '-CAkey', ca.keyFile, '-set_serial', randomSerial(),
      '-days', '7', '-sha256', '-extfile', extFile, '-extensions', 'v3', '-out', certFile],
    ca.dir,
  );
  return readPair(certFile, keyFile);
}

/** A TLS server certificate for the given hosts (default 127.0.0.1 and localhost). */
export function issueServerCert(ca: TestCa, options: { hosts?: string[]; keyType?: KeyType; name?: string } = {}): Promise<CertAndKey> {
  const hosts = options.hosts ?? ['127.0.0.1', 'localhost'];
  return issueCert(ca, { commonName: hosts[0] ?? 'localhost', hosts, usage: 'server', keyType: options.keyType, name: options.name });
}

/** A TLS client certificate whose subject CN is `commonName`. */
export function issueClientCert(ca: TestCa, commonName: string, options: { keyType?: KeyType; name?: string } = {}): Promise<CertAndKey> {
  return issueCert(ca, { commonName, usage: 'client', keyType: options.keyType, name: options.name });
}
