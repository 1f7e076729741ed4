/**
 * Shared InfluxQL pieces for every panel, so no filter string is written twice. Template
 * variables are matched as regexes (`=~ /^$device$/`) because that is how Grafana expands a
 * multi-value or "All" selection for InfluxQL.
 */

export const DATASOURCE = { type: 'influxdb', uid: 'noc-influxdb' } as const;

/** Dashboard variables every board may use. */
export type VarName = 'site' | 'agency' | 'device' | 'link' | 'rack';

export function varMatch(tag: string, variable: VarName = tag as VarName): string {
  return `"${tag}" =~ /^$${variable}$/`;
}

export interface QueryOptions {
  measurement: string;
  /** SELECT expressions, e.g. ['mean("in_bps") AS "masuk"']. */
  select: string[];
  /** Tag filters on dashboard variables. */
  vars?: VarName[];
  /** Extra WHERE conditions, already quoted. */
  where?: string[];
  groupBy?: string[];
  /** Group by time($__interval) with fill(null); false for tables of latest values. */
  timeBuckets?: boolean;
  /** Restrict to the dashboard time range (default true). */
  timeFilter?: boolean;
}

/** One InfluxQL statement built from its parts, in the order InfluxQL wants them. */
export function influxql(o: QueryOptions): string {
  const conditions = [...(o.timeFilter === false ? [] : ['$timeFilter'])];
  for (const v of o.vars ?? []) conditions.push(varMatch(v));
  conditions.push(...(o.where ?? []));
  const group = [...(o.timeBuckets === false ? [] : ['time($__interval)']), ...(o.groupBy ?? []).map(quote)];
  let q = `SELECT ${o.select.join(', ')} FROM "${o.measurement}"`;
  if (conditions.length) q += ` WHERE ${conditions.join(' AND ')}`;
  if (group.length) q += ` GROUP BY ${group.join(', ')}`;
  if (o.timeBuckets !== false) q += ' fill(null)';
  return q;
}

function quote(tag: string): string {
  return tag === '*' ? tag : `"${tag}"`;
}

export interface Target {
  refId: string;
  datasource: typeof DATASOURCE;
  query: string;
  rawQuery: true;
  resultFormat: 'time_series' | 'table';
  alias?: string;
}

export function target(
  query: string,
  opts: { refId?: string; format?: Target['resultFormat']; alias?: string } = {},
): Target {
  const t: Target = {
    refId: opts.refId ?? 'A',
    datasource: DATASOURCE,
    query,
    rawQuery: true,
    resultFormat: opts.format ?? 'time_series',
  };
  if (opts.alias) t.alias = opts.alias;
  return t;
}

/** Several queries in one panel get refIds A, B, C … */
export function targets(
  ...queries: (string | { query: string; alias?: string; format?: Target['resultFormat'] })[]
): Target[] {
  return queries.map((q, i) => {
    const spec = typeof q === 'string' ? { query: q } : q;
    return target(spec.query, { refId: String.fromCharCode(65 + i), alias: spec.alias, format: spec.format });
  });
}
