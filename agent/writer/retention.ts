import type { InfluxConfig } from '../../config/schema';
import type { Logger } from '../log';

/**
 * Retention and rollups on InfluxDB 1.x, made idempotent: the database, a `raw` retention
 * policy (rawDays, the default, where the writer writes) and a `rollup` policy (rollupDays)
 * fed by one continuous query that keeps, every 5 minutes, the mean, max and last of every
 * field of every measurement (`mean_x`, `max_x`, `last_x`; mean and max only exist for numeric
 * fields). The 2.x equivalent (buckets and a Flux task) is in docs/storage.md.
 */

export const RAW_RP = 'raw';
export const ROLLUP_RP = 'rollup';
export const ROLLUP_CQ = 'noc_rollup_5m';

type Retention = InfluxConfig['retention'];

export interface ExistingPolicy {
  name: string;
  /** As SHOW RETENTION POLICIES prints it, e.g. "720h0m0s". */
  duration: string;
  default: boolean;
}

export function quoteIdent(name: string): string {
  return '"' + name.replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
}

export function rollupQuery(db: string): string {
  const d = quoteIdent(db);
  return (
    `CREATE CONTINUOUS QUERY ${quoteIdent(ROLLUP_CQ)} ON ${d} BEGIN ` +
    `SELECT mean(*), max(*), last(*) INTO ${d}.${quoteIdent(ROLLUP_RP)}.:MEASUREMENT ` +
    `FROM ${d}.${quoteIdent(RAW_RP)}./.*/ GROUP BY time(5m), * END`
  );
}

/**
 * The statements that bring the database to the wanted state, given what exists: nothing when
 * it is already there, so running it on every start is harmless.
 */
export function retentionPlan(
  db: string,
  retention: Retention,
  policies: ExistingPolicy[],
  cqs: { name: string; query: string }[],
): string[] {
  const d = quoteIdent(db);
  const out: string[] = [];
  const want = [
    { name: RAW_RP, days: retention.rawDays, isDefault: true },
    { name: ROLLUP_RP, days: retention.rollupDays, isDefault: false },
  ];
  for (const w of want) {
    const have = policies.find((p) => p.name === w.name);
    const spec = `DURATION ${w.days}d REPLICATION 1${w.isDefault ? ' DEFAULT' : ''}`;
    if (!have) out.push(`CREATE RETENTION POLICY ${quoteIdent(w.name)} ON ${d} ${spec}`);
    else if (have.duration !== `${w.days * 24}h0m0s` || (w.isDefault && !have.default))
      out.push(`ALTER RETENTION POLICY ${quoteIdent(w.name)} ON ${d} ${spec}`);
  }
  // InfluxDB prints the query back re-serialised, quoting only keywords: compare without quotes.
  const cq = cqs.find((c) => c.name === ROLLUP_CQ);
  const same = cq && unquoted(cq.query) === unquoted(rollupQuery(db));
  if (cq && !same) out.push(`DROP CONTINUOUS QUERY ${quoteIdent(ROLLUP_CQ)} ON ${d}`);
  if (!same) out.push(rollupQuery(db));
  return out;
}

const unquoted = (q: string) => q.replace(/"/g, '');

type Query = (q: string) => Promise<{
  results: { error?: string; series?: { name?: string; columns: string[]; values?: unknown[][] }[] }[];
}>;

/** Runs the plan through InfluxQL; returns the statements it executed. */
export async function ensureRetention(
  db: string,
  retention: Retention,
  query: Query,
  log: Logger,
): Promise<string[]> {
  await query(`CREATE DATABASE ${quoteIdent(db)}`);
  const rp = await query(`SHOW RETENTION POLICIES ON ${quoteIdent(db)}`);
  const policies: ExistingPolicy[] = (rp.results[0]?.series?.[0]?.values ?? []).map((v) => ({
    name: String(v[0]),
    duration: String(v[1]),
    default: v[4] === true,
  }));
  const cq = await query('SHOW CONTINUOUS QUERIES');
  const cqs = (cq.results[0]?.series ?? [])
    .filter((s) => s.name === db)
    .flatMap((s) => (s.values ?? []).map((v) => ({ name: String(v[0]), query: String(v[1]) })));
  const plan = retentionPlan(db, retention, policies, cqs);
  for (const statement of plan) {
    const r = await query(statement);
    if (r.results[0]?.error) throw new Error(`${statement}: ${r.results[0].error}`);
    log.info(`retention: ${statement}`);
  }
  return plan;
}
