import { InfluxEdge, qi, qs, Series } from './client';

/**
 * Where the series of a period come from. Raw samples stay rawDays in rp `raw`; older periods
 * read the 5-minute rollups in rp `rollup` (fields `last_*`, `mean_*`, `max_*`, see
 * docs/metrics.md). A database without those policies (no retention management) is read from
 * its default policy.
 */
export interface Source {
  kind: 'raw' | 'rollup';
  /** `"raw".` / `"rollup".` or '' for the default retention policy. */
  from: string;
}

export const ROLLUP_INTERVAL_MS = 300_000;

export async function pickSource(
  edge: InfluxEdge,
  periodFrom: number,
  now: number,
  rawDays: number,
): Promise<Source> {
  const series = await edge.query(`SHOW RETENTION POLICIES ON ${qi(edge.database)}`);
  const names = new Set((series[0]?.values ?? []).map((v) => String(v[0])));
  const rawHasIt = periodFrom >= now - rawDays * 86_400_000;
  if (!rawHasIt && names.has('rollup')) return { kind: 'rollup', from: `"rollup".` };
  return { kind: 'raw', from: names.has('raw') ? `"raw".` : '' };
}

/** The field name in the chosen source: `up` raw, `last_up` in the rollup. */
export const field = (src: Source, name: string, agg: 'last' | 'mean' | 'max') =>
  src.kind === 'rollup' ? `${agg}_${name}` : name;

export interface UpSeries {
  times: number[];
  up: number[];
}

/** Month-sized chunks so a year never arrives as one huge JSON answer. */
export function chunks(from: number, to: number, size = 31 * 86_400_000): [number, number][] {
  const out: [number, number][] = [];
  for (let t = from; t < to; t += size) out.push([t, Math.min(t + size, to)]);
  return out;
}

/** Rows per answer: ≈ 10 MB of JSON, parsed into ≈ 60 MB of arrays. */
export const MAX_ROWS = 250_000;

/**
 * Chunk length for a query over `series` series sampled every intervalMs, so one answer stays
 * under maxRows rows: a month of 5-minute rollups for 2,000 links is 18 M rows (≈ 700 MB of
 * JSON, past V8's largest string), a day and a half of them is 1 M. At most a month, at least
 * an hour.
 */
export function chunkMs(series: number, intervalMs: number, maxRows = MAX_ROWS): number {
  const month = 31 * 86_400_000;
  if (series <= 0) return month;
  return Math.max(3_600_000, Math.min(month, Math.floor(maxRows / series) * intervalMs));
}

/**
 * The answers to queries in order, the next one already asked while the caller handles the
 * current one: InfluxDB works on chunk i+1 while Node parses chunk i (2 cores, both busy).
 */
export async function* pipelined(edge: InfluxEdge, queries: string[]): AsyncGenerator<Series[]> {
  let next = queries.length ? edge.query(queries[0]) : undefined;
  for (let i = 0; i < queries.length; i++) {
    const current = await next!;
    next = i + 1 < queries.length ? edge.query(queries[i + 1]) : undefined;
    // Handled when awaited; until then a failure must not count as unhandled.
    next?.catch(() => undefined);
    yield current;
  }
}

const timeRange = (a: number, b: number) => `time >= ${a}ms AND time < ${b}ms`;

/**
 * Up/down observations per key (the tags in groupBy joined by "|"), for availability.
 * isUp turns the stored value into up (true, 1) or down.
 */
export async function fetchUp(
  edge: InfluxEdge,
  src: Source,
  q: {
    measurement: string;
    field: string;
    groupBy: string[];
    where?: string;
    isUp: (v: unknown) => boolean;
    /** Chunk length (chunkMs); a month by default. */
    chunk?: number;
  },
  from: number,
  to: number,
  lookbackMs: number,
  progress?: () => void,
  /** When given, each observation goes here (in time order per key) instead of the returned map. */
  onSample?: (key: string, time: number, up: number) => void,
): Promise<Map<string, UpSeries>> {
  const out = new Map<string, UpSeries>();
  const f = field(src, q.field, 'last');
  const select = ([a, b]: [number, number]) => {
    const where = [timeRange(a, b), q.where].filter(Boolean).join(' AND ');
    return `SELECT ${qi(f)} FROM ${src.from}${qi(q.measurement)} WHERE ${where} GROUP BY ${q.groupBy.map(qi).join(', ')}`;
  };
  for await (const series of pipelined(edge, chunks(from - lookbackMs, to, q.chunk).map(select))) {
    for (const s of series) {
      const key = q.groupBy.map((t) => s.tags[t] ?? '').join('|');
      if (onSample) {
        for (const row of s.values)
          if (row[1] !== null && row[1] !== undefined)
            onSample(key, row[0] as number, q.isUp(row[1]) ? 1 : 0);
        continue;
      }
      const entry = out.get(key) ?? { times: [], up: [] };
      out.set(key, entry);
      for (const row of s.values) {
        if (row[1] === null || row[1] === undefined) continue;
        entry.times.push(row[0] as number);
        entry.up.push(q.isUp(row[1]) ? 1 : 0);
      }
    }
    progress?.();
  }
  return out;
}

export interface RateSeries {
  times: number[];
  inBps: number[];
  outBps: number[];
  /** Interface speed (ifHighSpeed, Mbit/s) last seen, for utilisation when no committed rate. */
  speedMbps: number | null;
}

/**
 * 5-minute average rates per key (tag `link` of `interface`, or `queue` of `queue`): the rollup's
 * mean_in_bps/mean_out_bps, or the same means computed from raw samples with GROUP BY time(5m).
 */
export async function fetchRates(
  edge: InfluxEdge,
  src: Source,
  q: { measurement: 'interface' | 'queue'; tag: string; only?: string[]; chunk?: number },
  from: number,
  to: number,
  progress?: () => void,
): Promise<Map<string, RateSeries>> {
  const out = new Map<string, RateSeries>();
  const where = (a: number, b: number) =>
    [
      timeRange(a, b),
      q.only ? `(${q.only.map((v) => `${qi(q.tag)} = ${qs(v)}`).join(' OR ')})` : `${qi(q.tag)} != ''`,
    ].join(' AND ');
  const speed = q.measurement === 'interface';
  const select = ([a, b]: [number, number]) =>
    src.kind === 'rollup'
      ? `SELECT "mean_in_bps", "mean_out_bps"${speed ? ', "last_ifHighSpeed"' : ''} FROM ${src.from}${qi(q.measurement)} WHERE ${where(a, b)} GROUP BY ${qi(q.tag)}`
      : `SELECT mean("in_bps"), mean("out_bps")${speed ? ', last("ifHighSpeed")' : ''} FROM ${src.from}${qi(q.measurement)} WHERE ${where(a, b)} GROUP BY time(5m), ${qi(q.tag)} fill(none)`;
  for await (const series of pipelined(edge, chunks(from, to, q.chunk).map(select))) {
    for (const s of series) {
      const key = s.tags[q.tag] ?? '';
      const entry = out.get(key) ?? { times: [], inBps: [], outBps: [], speedMbps: null };
      out.set(key, entry);
      for (const row of s.values) {
        entry.times.push(row[0] as number);
        entry.inBps.push(typeof row[1] === 'number' ? row[1] : NaN);
        entry.outBps.push(typeof row[2] === 'number' ? row[2] : NaN);
        if (speed && typeof row[3] === 'number') entry.speedMbps = row[3];
      }
    }
    progress?.();
  }
  return out;
}

/** Mean latency and loss of a device's pings over the period (the ISP SLA check). */
export async function fetchLatency(edge: InfluxEdge, src: Source, device: string, from: number, to: number) {
  const rtt = qi(field(src, 'rtt_avg_ms', 'mean'));
  const loss = qi(field(src, 'loss_percent', 'mean'));
  const series = await edge.query(
    `SELECT mean(${rtt}), mean(${loss}) FROM ${src.from}"ping" WHERE ${timeRange(from, to)} AND "device" = ${qs(device)}`,
  );
  const row = series[0]?.values[0];
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return { latencyMs: num(row?.[1]), lossPercent: num(row?.[2]) };
}

/** The last reading of each device within the last hour (PDU power, UPS load and runtime). */
export async function fetchLatest(
  edge: InfluxEdge,
  measurement: 'pdu' | 'ups',
  fields: string[],
  now: number,
  src: Source,
  where = '',
): Promise<Map<string, Record<string, number | null>>> {
  const sel = fields.map((f) => `last(${qi(f)}) AS ${qi(f)}`).join(', ');
  const cond = [timeRange(now - 3_600_000, now + 60_000), where].filter(Boolean).join(' AND ');
  const out = new Map<string, Record<string, number | null>>();
  for (const s of await edge.query(
    `SELECT ${sel} FROM ${src.from}${qi(measurement)} WHERE ${cond} GROUP BY "device"`,
  )) {
    const rec: Record<string, number | null> = {};
    fields.forEach(
      (f, i) => (rec[f] = typeof s.values[0]?.[i + 1] === 'number' ? (s.values[0][i + 1] as number) : null),
    );
    out.set(s.tags.device, rec);
  }
  return out;
}
