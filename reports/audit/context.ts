import type { InfluxEdge, Series } from '../../analytics/influx/client';
import { qi } from '../../analytics/influx/client';
import type { NocConfig } from '../../config/load';
import type { Lang } from '../model';

/** What every section of the audit report is assembled from. */
export interface AuditContext {
  config: NocConfig;
  edge: InfluxEdge;
  lang: Lang;
  from: number;
  to: number;
  now: number;
  periodLabel: string;
  /** Called as each section is done, for the progress bar. */
  progress?: (step: string) => void;
}

export const en = (ctx: AuditContext) => ctx.lang === 'en';
export const t = (ctx: AuditContext, id: string, english: string) => (ctx.lang === 'en' ? english : id);

export const timeRange = (from: number, to: number) => `time >= ${from}ms AND time < ${to}ms`;

/**
 * The retention policies a year is spread over: the newest 30 days in `raw`, everything older in
 * the 5-minute `rollup` (fields prefixed `last_`, `mean_`, `max_`). A database written without
 * retention management has only its default policy.
 */
export async function sources(edge: InfluxEdge): Promise<{ rp: string; prefix: (agg: string) => string }[]> {
  const series = await edge.query(`SHOW RETENTION POLICIES ON ${qi(edge.database)}`);
  const names = new Set((series[0]?.values ?? []).map((v) => String(v[0])));
  const out: { rp: string; prefix: (agg: string) => string }[] = [];
  if (names.has('raw')) out.push({ rp: '"raw".', prefix: () => '' });
  if (names.has('rollup')) out.push({ rp: '"rollup".', prefix: (agg) => `${agg}_` });
  if (!out.length) out.push({ rp: '', prefix: () => '' });
  return out;
}

/** Runs one query per retention policy, with the field names that policy uses. */
export async function queryAll(
  edge: InfluxEdge,
  build: (rp: string, f: (name: string, agg?: string) => string) => string,
): Promise<Series[]> {
  const out: Series[] = [];
  for (const src of await sources(edge)) {
    const q = build(src.rp, (name, agg = 'last') => qi(`${src.prefix(agg)}${name}`));
    out.push(...(await edge.query(q)));
  }
  return out;
}
