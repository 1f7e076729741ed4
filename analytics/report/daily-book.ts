import type { MaintenanceWindow } from '../availability';
import type { NocConfig } from '../../config/load';
import { composeDays, dayFigures, DayFigures, DayFiguresStore } from '../day-figures';
import { InfluxEdge, qi } from '../influx/client';
import { MAX_ROWS } from '../influx/fetch';
import { localDays } from '../period';
import { AvailabilityBook, objectTimelines } from './availability';
import { dailyRetentionPolicy, objectDays } from './daily';
import { slaObjects } from './inventory';

const DAY_MS = 86_400_000;

/**
 * A period's availability from the stored daily summaries (`availability_daily`, written by the
 * agent's service-level job at 00:15 for the day before, or by `noc availability --write`), so
 * a year for 500 devices and 2,000 links is ≈ 0,9 M rows instead of 265 M 5-minute rollups.
 * Days without summaries (today, the agent was down that night, points written before the
 * run-length fields existed) are computed from the raw or 5-minute data as before, and both
 * kinds of day are added up the same way (day-figures.ts), so the figures do not depend on
 * which days were stored.
 *
 * A stored day is what was true when it was summarised: a maintenance window entered afterwards
 * for that day counts only once the day is summarised again (`noc availability --period DAY
 * --write`).
 */
export interface DailyBookQuery {
  from: number;
  to: number;
  now: number;
  /** Extra windows for the days computed from the raw data. */
  maintenance?: MaintenanceWindow[];
  progress?: (done: number, total: number) => void;
}

export interface DailyBook extends AvailabilityBook {
  /** Local days read from the summaries, and computed from the raw or 5-minute data. */
  storedDays: number;
  computedDays: number;
  computedFrom?: 'raw' | 'rollup';
}

const FIELDS = [
  'up_seconds',
  'downtime_seconds',
  'unknown_seconds',
  'maintenance_seconds',
  'parent_seconds',
  'outages',
  'longest_outage_seconds',
  'down_at_start_seconds',
  'down_at_end_seconds',
] as const;

export async function availabilityBook(
  edge: InfluxEdge,
  config: NocConfig,
  q: DailyBookQuery,
): Promise<DailyBook> {
  const to = Math.min(q.to, q.now);
  const from = Math.min(q.from, to);
  const objects = slaObjects(config);
  const store = new DayFiguresStore();
  const add = (key: string, d: DayFigures) => store.add(key, d);

  // Whole local days of the period that may have a summary (a summary is of a whole day).
  const tz = config.organisation.timezone;
  const periodDays = localDays(from, to, tz);
  const whole = periodDays.filter((d) => d.to - d.from === DAY_MS);
  const stored = await readStored(edge, config, whole, objects.length, add);

  // The rest, in contiguous ranges, from the raw or 5-minute data.
  const ranges: [number, number][] = [];
  for (const d of periodDays) {
    if (stored.has(d.from)) continue;
    const last = ranges[ranges.length - 1];
    if (last && last[1] === d.from) last[1] = d.to;
    else ranges.push([d.from, d.to]);
  }
  let computedFrom: DailyBook['computedFrom'];
  for (const [a, b] of ranges) {
    const t = await objectTimelines(edge, config, {
      from: a,
      to: b,
      now: q.now,
      by: 'device',
      maintenance: q.maintenance,
      progress: q.progress,
    });
    computedFrom = computedFrom === 'rollup' ? 'rollup' : t.source.kind;
    for (const { object, result } of objectDays(t, tz))
      add(`${object.kind}:${object.id}`, dayFigures(result));
  }

  return {
    objects,
    from,
    to,
    storedDays: stored.size,
    computedDays: periodDays.length - stored.size,
    computedFrom,
    describe: `InfluxDB availability_daily (${stored.size} d)${ranges.length ? ` + ${computedFrom} (${periodDays.length - stored.size} d)` : ''}`,
    resultOf: (o, a, b) => {
      const end = Math.min(b, to);
      const list = store.within(`${o.kind}:${o.id}`, a, end);
      return list.length ? composeDays(list, Math.max(a, from), end) : undefined;
    },
  };
}

/**
 * Reads the stored days, at most MAX_ROWS rows per answer. Returns the days that have
 * summaries; a point without the run-length fields (written by an older agent) does not count,
 * so its day is computed again rather than its outages miscounted.
 */
async function readStored(
  edge: InfluxEdge,
  config: NocConfig,
  whole: { from: number; to: number }[],
  objects: number,
  add: (key: string, d: DayFigures) => void,
): Promise<Set<number>> {
  const found = new Set<number>();
  if (!whole.length) return found;
  const rp = dailyRetentionPolicy(config);
  const measurement = `${rp ? `${qi(rp)}.` : ''}"availability_daily"`;
  // A fifth of the usual answer size: these rows have 10 columns, not 2 or 3.
  const step = Math.max(1, Math.floor(MAX_ROWS / 5 / Math.max(1, objects))) * DAY_MS;
  const wanted = new Set(whole.map((d) => d.from));
  const first = whole[0].from;
  const end = whole[whole.length - 1].to;
  for (let a = first; a < end; a += step) {
    const b = Math.min(a + step, end);
    const series = await edge
      .query(
        `SELECT ${FIELDS.map(qi).join(', ')} FROM ${measurement} ` +
          `WHERE time >= ${a}ms AND time < ${b}ms AND ("object_kind" = 'device' OR "object_kind" = 'link' OR "object_kind" = 'service') ` +
          `GROUP BY "object_kind", "object"`,
      )
      .catch((err: Error) => {
        // No agent has prepared this database's policies yet: nothing is stored, all is computed.
        if (/retention policy not found/.test(err.message)) return [];
        throw err;
      });
    for (const s of series) {
      const key = `${s.tags?.object_kind}:${s.tags?.object}`;
      const col = Object.fromEntries(s.columns.map((c, i) => [c, i]));
      for (const v of s.values) {
        const at = Number(v[0]);
        if (!wanted.has(at) || v[col.down_at_start_seconds] === null) continue;
        const ms = (f: (typeof FIELDS)[number]) => Math.round(Number(v[col[f]] ?? 0) * 1000);
        const span =
          ms('up_seconds') +
          ms('downtime_seconds') +
          ms('unknown_seconds') +
          ms('maintenance_seconds') +
          ms('parent_seconds');
        // Stamped at the day's start; the object's part of the day ends at the day's end.
        add(key, {
          from: at + DAY_MS - span,
          to: at + DAY_MS,
          upMs: ms('up_seconds'),
          downMs: ms('downtime_seconds'),
          unknownMs: ms('unknown_seconds'),
          maintenanceMs: ms('maintenance_seconds'),
          parentMs: ms('parent_seconds'),
          outages: Number(v[col.outages] ?? 0),
          longestOutageMs: ms('longest_outage_seconds'),
          downAtStartMs: ms('down_at_start_seconds'),
          downAtEndMs: ms('down_at_end_seconds'),
        });
        found.add(at);
      }
    }
  }
  return found;
}
