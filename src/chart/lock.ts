// Chart.lock as Helm packages it: not copied, but read into its Lock struct and written back
// with yaml.Marshal. For a lock written by `helm dependency update` that is the same text; a
// hand-edited one comes out normalized (sorted keys, RFC 3339 time), as it would from Helm.
import { ChartError } from './errors.js';
import { decodeShape, DecodeError, type Shape } from './go-decode.js';
import { goJsonObject, goJsonString } from './go-json.js';
import { GoYamlError, loadGoYaml } from './go-yaml-load.js';
import { DEPENDENCY_SHAPE, dependencyJson, goYaml, toDependency, type RawMetadata } from './metadata.js';

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
  let raw: RawMetadata;
  try {
    raw = (decodeShape(loadGoYaml(text), LOCK_SHAPE) as RawMetadata | null) ?? {};
  } catch (error) {
    if (error instanceof GoYamlError) throw new ChartError(`${where} is not valid YAML: ${error.message}`, { cause: error });
    if (error instanceof DecodeError) throw new ChartError(`${where}: ${error.message}`, { cause: error });
    throw error;
  }
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

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/;

/**
 * Go's time.Time through encoding/json: an RFC 3339 string in, RFC3339Nano out (fraction
 * trimmed, "Z" for a zero offset); null or missing is the zero time.
 */
function goTimeJson(value: unknown, where: string): string {
  if (value === null || value === undefined) return '0001-01-01T00:00:00Z';
  const bad = () =>
    new ChartError(`${where}: "generated" must be an RFC 3339 time such as "2024-05-01T12:00:00Z", not ${JSON.stringify(value)}; run "helm dependency update" to rewrite Chart.lock`);
  if (typeof value !== 'string') throw bad();
  const m = RFC3339.exec(value);
  if (!m) throw bad();
  const [, year, month, day, hour, minute, second, fraction, zone, , zoneHour, zoneMinute] = m;
  const daysInMonth = new Date(Date.UTC(Number(year), Number(month), 0)).getUTCDate();
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > daysInMonth) throw bad();
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) throw bad();
  if (zone !== 'Z' && (Number(zoneHour) >= 24 || Number(zoneMinute) >= 60)) throw bad();
  // Go keeps nanoseconds: at most nine digits count, trailing zeros are not written.
  const nanos = (fraction ?? '').slice(0, 9).replace(/0+$/, '');
  const offsetZero = zone === 'Z' || (Number(zoneHour) === 0 && Number(zoneMinute) === 0);
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${nanos ? `.${nanos}` : ''}${offsetZero ? 'Z' : zone}`;
}
