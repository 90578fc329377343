// Go's time package where Helm's files depend on it: the layouts go-yaml v2 tries on a scalar
// that starts like a date, and time.Time through encoding/json (Chart.lock's `generated`).

/** A calendar date Go's time.Parse accepts (month 1–12, day within the month). */
function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

// go-yaml v2 tries time.Parse with these layouts when a scalar starts with "YYYY-":
// "2006-1-2T15:4:5.999999999Z07:00" (also with a lower-case t), "2006-1-2 15:4:5.999999999",
// "2006-1-2". Go's parser takes one or two digits for the short fields and validates ranges.
const YAML_TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:([Tt])|( ))(\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether go-yaml v2 reads this plain scalar as a timestamp. */
export function isGoYamlTimestamp(text: string): boolean {
  const m = YAML_TIMESTAMP.exec(text);
  if (!m) return false;
  const [, year, month, day, tee, space, hour, minute, second, zone] = m;
  if (!isValidDate(Number(year), Number(month), Number(day))) return false;
  if (hour === undefined) return true;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return false;
  // The T/t layouts require a zone; the space layout forbids one.
  if (tee !== undefined) {
    if (zone === undefined) return false;
    if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4, 6)) > 60)) return false;
    return true;
  }
  return space !== undefined && zone === undefined;
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Go's zero time.Time as encoding/json writes it. */
export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/**
 * time.Time's UnmarshalJSON then MarshalJSON: an RFC 3339 string in, RFC3339Nano out (fraction
 * trimmed, "Z" for a zero offset); undefined when Go would refuse the text.
 */
export function goTimeRoundTrip(text: string): string | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const [, year, month, day, hour, minute, second, fraction, zone, , zoneHour, zoneMinute] = m;
  if (!isValidDate(Number(year), Number(month), Number(day))) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  if (zone !== 'Z' && (Number(zoneHour) >= 24 || Number(zoneMinute) >= 60)) return undefined;
  // Go keeps nanoseconds: at most nine digits count, trailing zeros are not written.
  const nanos = (fraction ?? '').slice(0, 9).replace(/0+$/, '');
  const offsetZero = zone === 'Z' || (Number(zoneHour) === 0 && Number(zoneMinute) === 0);
  return `${year}-${month}-${day}T${hour}:${minute}:${second}${nanos ? `.${nanos}` : ''}${offsetZero ? 'Z' : zone}`;
}
