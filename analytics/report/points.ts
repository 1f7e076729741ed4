import type { Sample } from '../../agent/sample';
import { line } from '../influx/client';

/**
 * The figures written back to InfluxDB are built as Samples, so the agent can send them through
 * its pipeline (writer with spool, alerting) and the CLI's --write can turn the very same points
 * into line protocol.
 */
export type Fields = Record<string, number | bigint | boolean | string | null | undefined>;

/** A Sample without the empty tags and the missing or non-finite fields; undefined if no field is left. */
export function point(
  measurement: string,
  tags: Record<string, string | undefined>,
  fields: Fields,
  time: number,
): Sample | undefined {
  const t: Record<string, string> = {};
  for (const [k, v] of Object.entries(tags)) if (v !== undefined && v !== '') t[k] = v;
  const f: Sample['fields'] = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined || v === null || (typeof v === 'number' && !Number.isFinite(v))) continue;
    f[k] = v;
  }
  return Object.keys(f).length ? { measurement, tags: t, fields: f, time } : undefined;
}

export const defined = <T>(xs: (T | undefined)[]): T[] => xs.filter((x): x is T => x !== undefined);

export function toLines(points: Sample[]): string[] {
  return defined(points.map((p) => line(p.measurement, p.tags, p.fields, p.time)));
}
