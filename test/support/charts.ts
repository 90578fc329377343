// Minimal chart sources written on the fly, for tests that only need "a chart".
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MinimalChartOptions {
  name?: string;
  version?: string;
  appVersion?: string;
  description?: string;
}

/** Writes `<parentDir>/<name>/` with Chart.yaml, values.yaml and one template; returns the chart dir. */
export async function writeMinimalChart(parentDir: string, options: MinimalChartOptions = {}): Promise<string> {
  const name = options.name ?? 'tiny';
  const dir = join(parentDir, name);
  await mkdir(join(dir, 'templates'), { recursive: true });
  const lines = ['apiVersion: v2', `name: ${name}`, `version: ${options.version ?? '0.1.0'}`];
  if (options.appVersion) lines.push(`appVersion: "${options.appVersion}"`);
  if (options.description) lines.push(`description: ${options.description}`);
  await writeFile(join(dir, 'Chart.yaml'), `${lines.join('\n')}\n`);
  await writeFile(join(dir, 'values.yaml'), 'greeting: hello\n');
  await writeFile(
    join(dir, 'templates', 'configmap.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-tiny\ndata:\n  greeting: {{ .Values.greeting | quote }}\n',
  );
  return dir;
}
