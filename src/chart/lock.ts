// Chart.lock as Helm packages it: not copied, but read into its Lock struct and written back
// with yaml.Marshal. For a lock written by `helm dependency update` that is the same text; a
// hand-edited one comes out normalized (sorted keys, RFC 3339 time), as it would from Helm.
import { ChartError, readingYaml } from './errors.js';
import { decodeShape, type Shape } from './go/decode.js';
import { goJsonObject, goJsonString } from './go/json.js';
import { GO_ZERO_TIME, goTimeRoundTrip } from './go/time.js';
import { loadGoYaml } from './go/yaml-load.js';
import { DEPENDENCY_SHAPE, toDependency, type RawMetadata } from './metadata.js';
import { dependencyJson, goYaml } from './metadata-text.js';

const LOCK_SHAPE: Shape = {
  kind: 'struct',
  fields: {
    generated: { kind: 'any' },
    digest: { kind: 'string' },
    dependencies: { kind: 'list', of: DEPENDENCY_SHAPE },
  },
};

/** The Chart.lock (or v2 requirements.lock) text Helm writes into a package. */
export function lockFileText(text: string, where: string): string {
  const raw = readingYaml(where, () => (decodeShape(loadGoYaml(text), LOCK_SHAPE) as RawMetadata | null) ?? {});
  const generated = goTimeJson(raw.generated, where);
  const digest = typeof raw.digest === 'string' ? raw.digest : '';
  const deps = Array.isArray(raw.dependencies)
    ? `[${(raw.dependencies as Array<RawMetadata | null>).map((d) => (d === null ? 'null' : dependencyJson(toDependency(d, false)))).join(',')}]`
    : 'null';
  const json = goJsonObject([
    ['generated', goJsonString(generated)],
    ['digest', goJsonString(digest)],
    ['dependencies', deps],
  ]);
  return goYaml(json, where);
}

/** Chart.lock's `generated` (a Go time.Time) as Helm writes it back; null or missing is the zero time. */
function goTimeJson(value: unknown, where: string): string {
  if (value === null || value === undefined) return GO_ZERO_TIME;
  const written = typeof value === 'string' ? goTimeRoundTrip(value) : undefined;
  if (written === undefined) {
    throw new ChartError(`${where}: "generated" must be an RFC 3339 time such as "2024-05-01T12:00:00Z", not ${JSON.stringify(value)}; run "helm dependency update" to rewrite Chart.lock`);
  }
  return written;
}
