import type { FieldValue, Sample } from '../sample';

/**
 * Sample -> InfluxDB line protocol, millisecond precision. Pure: no I/O, no clock.
 *
 * Escaping follows the line protocol reference (and Telegraf's serializer for what the
 * protocol cannot carry): in measurements `,` and space; in tag keys, tag values and field
 * keys `,`, `=` and space; control characters (newline, carriage return, tab, form feed),
 * which would end or corrupt the line, become the two characters `\n`, `\r`, `\t`, `\f`.
 * A backslash at the end or before one of the escaped characters would escape the wrong
 * thing and InfluxDB 1.x has no way to carry it, so it is removed. Empty tag
 * values are left out (InfluxDB rejects them). String fields escape `"` and `\`, and their
 * control characters become `\n` etc. too, as Telegraf does: InfluxDB 2.x does not accept a
 * raw newline in a field value, and a batch is then exactly its lines joined by newlines.
 */

/** Why a field or a whole sample was not written. Used as the `reason` label in stats. */
export type DropReason = 'invalidField' | 'noValidField' | 'invalidTime' | 'invalidName';

export interface LineResult {
  /** The line, or undefined when the sample had nothing writable. */
  line?: string;
  /** Fields left out of the line (NaN, Infinity, integers outside int64, empty keys). */
  droppedFields: number;
  /** Set when the whole sample was dropped. */
  dropped?: DropReason;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

function controls(s: string): string {
  return s.replace(/[\n\r\t\f]/g, (c) => ({ '\n': '\\n', '\r': '\\r', '\t': '\\t', '\f': '\\f' })[c]!);
}

// Most names need no escaping at all: one test instead of three replaces (the hot path).
const PLAIN_NAME = /^[^,= \\\n\r\t\f]*$/;
const PLAIN_STRING = /^[^"\\\n\r\t\f]*$/;

export function escapeMeasurement(name: string): string {
  if (PLAIN_NAME.test(name)) return name;
  return controls(name)
    .replace(/\\+(?=[, ]|$)/g, '')
    .replace(/[, ]/g, (c) => '\\' + c);
}

/** Tag keys, tag values and field keys share one escaping rule. */
export function escapeKey(key: string): string {
  if (PLAIN_NAME.test(key)) return key;
  return escapeKeySlow(key);
}

function escapeKeySlow(key: string): string {
  return controls(key)
    .replace(/\\+(?=[,= ]|$)/g, '')
    .replace(/[,= ]/g, (c) => '\\' + c);
}

export function escapeString(value: string): string {
  if (PLAIN_STRING.test(value)) return '"' + value + '"';
  return '"' + controls(value.replace(/[\\"]/g, (c) => '\\' + c)) + '"';
}

/** One field value, or undefined when it cannot be written. */
export function formatField(value: FieldValue): string | undefined {
  switch (typeof value) {
    case 'number':
      // Numbers are always floats: an integer-valued number stays a float field so a gauge
      // that happens to read 5 and later 5.5 never causes a field type conflict.
      return Number.isFinite(value) ? String(value) : undefined;
    case 'bigint':
      return value >= INT64_MIN && value <= INT64_MAX ? `${value}i` : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return escapeString(value);
    default:
      return undefined;
  }
}

export function toLine(sample: Sample): LineResult {
  const measurement = escapeMeasurement(sample.measurement);
  if (!measurement) return { droppedFields: 0, dropped: 'invalidName' };
  if (!Number.isFinite(sample.time)) return { droppedFields: 0, dropped: 'invalidTime' };

  // Hot path (every sample of every poll): plain loops and string building, no entries()/join().
  let line = measurement;
  for (const key of sortedKeys(sample.tags)) {
    const k = escapeKey(key);
    const v = escapeKey(sample.tags[key] ?? '');
    if (k && v) line += ',' + k + '=' + v;
  }

  let sep = ' ';
  let droppedFields = 0;
  for (const key in sample.fields) {
    const k = escapeKey(key);
    const v = formatField(sample.fields[key]);
    if (k && v !== undefined) {
      line += sep + k + '=' + v;
      sep = ',';
    } else droppedFields++;
  }
  if (sep === ' ') return { droppedFields, dropped: 'noValidField' };
  return { line: line + ' ' + Math.trunc(sample.time), droppedFields };
}

/** Tags sorted by key, as InfluxDB recommends; collectors mostly build them sorted already. */
function sortedKeys(tags: Record<string, string>): string[] {
  const keys = Object.keys(tags);
  for (let i = 1; i < keys.length; i++) if (keys[i - 1] > keys[i]) return keys.sort();
  return keys;
}
