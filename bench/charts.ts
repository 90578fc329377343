// Benchmark charts: what `helm create` writes (made once by the real Helm 4.1 binary) under a
// distinct name per chart, plus a few environment values files, in a git workspace as a checkout
// would be. Every chart differs (name, values), so every chart is its own repository and blobs.
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { helmBinary, helmHome } from '../test/support/helm.js';

const run = promisify(execFile);

export const CHART_VERSION = '1.0.0';
const TEMPLATE_NAME = 'benchtemplate';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(path)));
    else out.push(path);
  }
  return out;
}

function envValues(name: string, env: string, i: number): string {
  const replicas = env === 'prod' ? 3 + (i % 3) : 1;
  return [
    `# ${name}: ${env} overrides`,
    `replicaCount: ${replicas}`,
    'image:',
    `  repository: registry.example.com/${env}/${name}`,
    `  tag: "${1 + (i % 7)}.${i % 11}.${i % 13}"`,
    'ingress:',
    `  enabled: ${env !== 'dev'}`,
    '  className: nginx',
    '  annotations:',
    '    cert-manager.io/cluster-issuer: letsencrypt',
    `    nginx.ingress.kubernetes.io/proxy-body-size: ${8 + (i % 5)}m`,
    '  hosts:',
    `    - host: ${name}.${env}.example.com`,
    '      paths:',
    '        - path: /',
    '          pathType: Prefix',
    '  tls:',
    `    - secretName: ${name}-${env}-tls`,
    '      hosts:',
    `        - ${name}.${env}.example.com`,
    'resources:',
    '  limits:',
    `    cpu: ${env === 'prod' ? 1000 + 100 * (i % 4) : 250}m`,
    `    memory: ${env === 'prod' ? 1024 + 128 * (i % 4) : 256}Mi`,
    '  requests:',
    `    cpu: ${env === 'prod' ? 500 : 100}m`,
    `    memory: ${env === 'prod' ? 512 : 128}Mi`,
    'autoscaling:',
    `  enabled: ${env === 'prod'}`,
    '  minReplicas: 2',
    `  maxReplicas: ${10 + (i % 10)}`,
    '  targetCPUUtilizationPercentage: 75',
    'podAnnotations:',
    `  prometheus.io/scrape: "true"`,
    `  prometheus.io/port: "${8000 + i}"`,
    'nodeSelector:',
    `  kubernetes.io/os: linux`,
    'tolerations:',
    `  - key: dedicated`,
    '    operator: Equal',
    `    value: ${env}`,
    '    effect: NoSchedule',
    '',
  ].join('\n');
}

/** `helm create` once, in an isolated Helm home; returns name → content of every file. */
async function helmCreateTemplate(work: string): Promise<Map<string, string>> {
  const home = await helmHome();
  try {
    await run(helmBinary('4.1.4'), ['create', TEMPLATE_NAME], { cwd: work, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...home.env } });
  } finally {
    await home.remove();
  }
  const root = join(work, TEMPLATE_NAME);
  const files = new Map<string, string>();
  for (const file of await filesUnder(root)) files.set(relative(root, file), await readFile(file, 'utf8'));
  return files;
}

export interface Workspace {
  dir: string;
  /** Chart directories relative to `dir`. */
  charts: string[];
  names: string[];
}

/**
 * Writes `count` distinct charts to `<dir>/charts/app-NNN` and commits them (fixed dates), so the
 * action's archive time comes from the commit, as on a runner after actions/checkout.
 */
export async function makeWorkspace(dir: string, count: number, options: { extraFiles?: (chartDir: string, i: number) => Promise<void> } = {}): Promise<Workspace> {
  await mkdir(join(dir, 'charts'), { recursive: true });
  const template = await helmCreateTemplate(dir);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `app-${String(i).padStart(3, '0')}`;
    names.push(name);
    const chartDir = join(dir, 'charts', name);
    for (const [path, content] of template) {
      let text = content.replaceAll(TEMPLATE_NAME, name);
      if (path === 'Chart.yaml') {
        text = text
          .replace(/^version: .*$/m, `version: ${CHART_VERSION}`)
          .replace(/^appVersion: .*$/m, `appVersion: "${1 + (i % 5)}.${i}.0"`)
          .replace(/^description: .*$/m, `description: ${name}, one of the services of the platform`);
      }
      await mkdir(join(chartDir, path, '..'), { recursive: true });
      await writeFile(join(chartDir, path), text);
    }
    for (const env of ['dev', 'staging', 'prod']) await writeFile(join(chartDir, `values-${env}.yaml`), envValues(name, env, i));
    await writeFile(join(chartDir, 'README.md'), `# ${name}\n\nDeploys ${name}. Values per environment: values-dev.yaml, values-staging.yaml, values-prod.yaml.\n`);
    await options.extraFiles?.(chartDir, i);
  }
  await rm(join(dir, TEMPLATE_NAME), { recursive: true, force: true });
  const gitEnv = {
    ...process.env,
    GIT_AUTHOR_NAME: 'bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    GIT_AUTHOR_DATE: '2026-01-02T03:04:05Z',
    GIT_COMMITTER_DATE: '2026-01-02T03:04:05Z',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
  };
  await run('git', ['init', '-q', '-b', 'main'], { cwd: dir, env: gitEnv });
  await run('git', ['add', '-A'], { cwd: dir, env: gitEnv });
  await run('git', ['commit', '-q', '-m', 'charts'], { cwd: dir, env: gitEnv });
  return { dir, charts: names.map((n) => `charts/${n}`), names };
}
