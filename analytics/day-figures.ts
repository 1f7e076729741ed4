import { AvailabilityResult, figures } from './availability';

/**
 * One object's availability figures for one local day: what `availability_daily` stores, and
 * enough to rebuild any longer period's figures exactly without the 5-minute data.
 *
 * Times add up; outages do not, because an outage that runs over midnight is counted in both
 * days. So each day also says how long the down run touching its start and its end lasted:
 * where one day ends down and the next starts down, the two are one outage (counted once, its
 * length is the sum, and a day down from start to end carries the run on).
 */
export interface DayFigures {
  /** The part of the day the object was in the inventory and observed (its segments' extent). */
  from: number;
  to: number;
  upMs: number;
  downMs: number;
  unknownMs: number;
  maintenanceMs: number;
  parentMs: number;
  outages: number;
  longestOutageMs: number;
  /** Length of the down run that starts at `from` (0 when the day starts in another state). */
  downAtStartMs: number;
  /** Length of the down run that ends at `to` (0 when the day ends in another state). */
  downAtEndMs: number;
}

/** The day's figures from the day's slice of a timeline, summarised. */
export function dayFigures(r: AvailabilityResult): DayFigures {
  const first = r.outages[0];
  const last = r.outages[r.outages.length - 1];
  return {
    from: r.from,
    to: r.to,
    upMs: r.upMs,
    downMs: r.downMs,
    unknownMs: r.unknownMs,
    maintenanceMs: r.maintenanceMs,
    parentMs: r.parentMs,
    outages: r.outageCount,
    longestOutageMs: r.longestOutageMs,
    downAtStartMs: first && first.from === r.from ? first.durationMs : 0,
    downAtEndMs: last && last.to === r.to ? last.durationMs : 0,
  };
}

/**
 * A period's figures from its days, equal to summarising the period's whole timeline (tested in
 * day-figures.test.ts). `from`/`to` is the requested period: time in it before the object's
 * first day counts as "not yet in the inventory", as availabilityRows clips it. The outage list
 * itself is not rebuilt (only its count, longest and totals); callers needing each outage's
 * start and end read the timeline.
 */
export function composeDays(days: DayFigures[], from: number, to: number): AvailabilityResult {
  const sorted = [...days].sort((a, b) => a.from - b.from);
  const ms = { up: 0, down: 0, unknown: 0, maintenance: 0, parent: 0 };
  let outages = 0;
  let longest = 0;
  let run = 0; // the down run still open at the end of the previous day
  let prevTo: number | undefined;
  for (const d of sorted) {
    ms.up += d.upMs;
    ms.down += d.downMs;
    ms.unknown += d.unknownMs;
    ms.maintenance += d.maintenanceMs;
    ms.parent += d.parentMs;
    outages += d.outages;
    longest = Math.max(longest, d.longestOutageMs);
    const continues = run > 0 && prevTo === d.from && d.downAtStartMs > 0;
    if (continues) {
      outages--; // yesterday's last outage and today's first are one
      if (d.downAtStartMs === d.to - d.from)
        run += d.downAtStartMs; // down all day: still open
      else {
        longest = Math.max(longest, run + d.downAtStartMs);
        run = d.downAtEndMs;
      }
    } else run = d.downAtEndMs;
    longest = Math.max(longest, run);
    prevTo = d.to;
  }
  const start = sorted.length ? Math.max(from, Math.min(sorted[0].from, to)) : to;
  return figures(
    { from: start, to, periodMs: to - start, notAddedMs: start - from, ...ms },
    [],
    outages,
    longest,
  );
}

const FIELDS = [
  'from',
  'to',
  'upMs',
  'downMs',
  'unknownMs',
  'maintenanceMs',
  'parentMs',
  'outages',
  'longestOutageMs',
  'downAtStartMs',
  'downAtEndMs',
] as const;

/**
 * Many objects' days, each object's in one flat Float64Array: a year of 2,500 objects is
 * 0,9 M days, ≈ 80 MB this way against several hundred MB as separate objects.
 */
export class DayFiguresStore {
  private readonly byKey = new Map<string, { buf: Float64Array; n: number }>();

  add(key: string, d: DayFigures): void {
    let e = this.byKey.get(key);
    if (!e) this.byKey.set(key, (e = { buf: new Float64Array(32 * FIELDS.length), n: 0 }));
    if ((e.n + 1) * FIELDS.length > e.buf.length) {
      const grown = new Float64Array(e.buf.length * 2);
      grown.set(e.buf);
      e.buf = grown;
    }
    const at = e.n++ * FIELDS.length;
    FIELDS.forEach((f, i) => (e.buf[at + i] = d[f]));
  }

  /** The key's days lying wholly inside [from, to). */
  within(key: string, from: number, to: number): DayFigures[] {
    const e = this.byKey.get(key);
    const out: DayFigures[] = [];
    for (let i = 0; e && i < e.n; i++) {
      const at = i * FIELDS.length;
      if (e.buf[at] < from || e.buf[at + 1] > to) continue;
      const d = {} as Record<(typeof FIELDS)[number], number>;
      FIELDS.forEach((f, j) => (d[f] = e.buf[at + j]));
      out.push(d);
    }
    return out;
  }
}
