import type { FieldValue, Sample } from '../../../agent/sample';
import type { ModuleContext, SnmpValue, Varbinds } from '../types';

/**
 * Small pure helpers shared by the device modules: reading numbers and text whatever type a
 * device chose to send, cutting tables into rows by index, and building samples that leave
 * out what the device did not report (an absent field, never a made-up zero).
 */

/** A finite number from an INTEGER/Gauge/Counter, a bigint, or a numeric OCTET STRING; else undefined. */
export function num(v: SnmpValue | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'bigint') return Number(v);
  const s = (Buffer.isBuffer(v) ? v.toString('latin1') : String(v)).replace(/\0+$/, '').trim();
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Display text from an OCTET STRING (trailing NULs and blanks cut), a string, or a number. */
export function text(v: SnmpValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  const s = (Buffer.isBuffer(v) ? v.toString('utf8') : v).replace(/\0+$/, '').trim();
  return s;
}

/** A value scaled by `factor`, rounded to `digits` decimals to drop binary noise (122.5, not 122.50000000000001). */
export function scaled(v: number | undefined, factor: number, digits = 6): number | undefined {
  if (v === undefined) return undefined;
  return round(v * factor, digits);
}

export function round(v: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

/**
 * A byte count as an InfluxDB integer (bigint), like every other writer's `*_bytes` fields: one
 * field with two types is a "field type conflict" and InfluxDB drops the later writer's points.
 */
export function bytes(v: number | undefined): bigint | undefined {
  return v === undefined || !Number.isFinite(v) ? undefined : BigInt(Math.round(v));
}

/** Rows of a table: index (the OID part after `entry.column.`) -> column number -> value. */
export function table(vb: Varbinds, entry: string): Map<string, Map<number, SnmpValue>> {
  const rows = new Map<string, Map<number, SnmpValue>>();
  const prefix = entry + '.';
  for (const [oid, value] of vb) {
    if (!oid.startsWith(prefix)) continue;
    const rest = oid.slice(prefix.length);
    const dot = rest.indexOf('.');
    if (dot <= 0) continue;
    const column = Number(rest.slice(0, dot));
    const index = rest.slice(dot + 1);
    if (!Number.isInteger(column) || !index) continue;
    let row = rows.get(index);
    if (!row) rows.set(index, (row = new Map()));
    row.set(column, value);
  }
  return new Map([...rows].sort((a, b) => compareIndex(a[0], b[0])));
}

/** Numeric order of dotted indexes ("2" before "10"). */
export function compareIndex(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (d !== 0) return d || 0;
  }
  return 0;
}

/** True when any OID lies under one of the given subtrees. */
export function hasAny(vb: Varbinds, ...subtrees: string[]): boolean {
  for (const oid of vb.keys()) if (subtrees.some((s) => oid === s || oid.startsWith(s + '.'))) return true;
  return false;
}

/** A sample with only the fields that have a value; undefined when nothing is left. */
export function sample(
  measurement: string,
  ctx: ModuleContext,
  tags: Record<string, string>,
  fields: Record<string, FieldValue | undefined>,
): Sample | undefined {
  const kept: Record<string, FieldValue> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    if (typeof v === 'number' && !Number.isFinite(v)) continue;
    kept[k] = v;
  }
  if (Object.keys(kept).length === 0) return undefined;
  // InfluxDB line protocol has no empty tag values: a tag the device left blank is dropped.
  const keptTags: Record<string, string> = { device: ctx.device };
  for (const [k, v] of Object.entries(tags)) if (v !== '') keptTags[k] = v;
  return { measurement, tags: keptTags, fields: kept, time: ctx.time };
}

/** Collects the defined samples. */
export function compact(samples: (Sample | undefined)[]): Sample[] {
  return samples.filter((s): s is Sample => s !== undefined);
}
