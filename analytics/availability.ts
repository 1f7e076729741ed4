import { buildTimeline, relabel, Segment, State, Window, windowsOf } from './timeline';

/**
 * Availability of one object (device, link, service) over a period, from its timeline.
 * Formula (docs/service-levels.md):
 *   monitored = up + down        (maintenance, parent-caused and unmonitored time excluded)
 *   availability % = 100 × up / monitored   (null when nothing was monitored: "tidak terpantau")
 */

/** A planned maintenance window; alerting's maintenance store or the config can supply it. */
export interface MaintenanceWindow {
  scope: { device?: string; site?: string; agency?: string };
  from: number;
  to: number;
  reason: string;
}

/** Who an outage is counted against when the parent was down at the same time. */
export type ParentPolicy = 'parent' | 'child';

export interface Outage {
  from: number;
  to: number;
  durationMs: number;
}

export interface AvailabilityResult {
  from: number;
  to: number;
  /** Length of the period after clipping to the object's `added` date. */
  periodMs: number;
  /** Part of the requested period before the object was added (not counted at all). */
  notAddedMs: number;
  upMs: number;
  downMs: number;
  unknownMs: number;
  maintenanceMs: number;
  parentMs: number;
  monitoredMs: number;
  availabilityPercent: number | null;
  /** Share of the period (maintenance excluded) that was monitored. */
  coveragePercent: number | null;
  outages: Outage[];
  outageCount: number;
  longestOutageMs: number;
  /** Mean time to repair: downtime / outages. */
  mttrMs: number | null;
  /** Mean time between failures: uptime / outages. */
  mtbfMs: number | null;
}

export interface AvailabilityInput {
  from: number;
  to: number;
  /** When the object entered the inventory (ms); time before it is not counted. */
  added?: number;
  times: ArrayLike<number>;
  up: ArrayLike<number | boolean>;
  intervalMs: number;
  maxGapIntervals: number;
  maintenance?: Window[];
  /** The parents' down windows; applied only with policy 'parent'. */
  parentDown?: Window[];
  parentPolicy?: ParentPolicy;
}

/** The object's timeline after clipping, maintenance and parent relabelling. */
export function availabilityTimeline(input: AvailabilityInput): Segment[] {
  const from = Math.max(input.from, input.added ?? -Infinity);
  if (from >= input.to) return [];
  let tl = buildTimeline(input.times, input.up, {
    from,
    to: input.to,
    intervalMs: input.intervalMs,
    maxGapIntervals: input.maxGapIntervals,
  });
  if (input.maintenance?.length)
    tl = relabel(tl, input.maintenance, ['up', 'down', 'unknown'], 'maintenance');
  if ((input.parentPolicy ?? 'parent') === 'parent' && input.parentDown?.length)
    tl = relabel(tl, input.parentDown, ['down'], 'parent');
  return tl;
}

export function computeAvailability(input: AvailabilityInput): AvailabilityResult {
  const tl = availabilityTimeline(input);
  const from = Math.min(Math.max(input.from, input.added ?? -Infinity), input.to);
  return summarise(tl, from, input.to, from - input.from);
}

/** Sums a finished timeline into the figures auditors read. */
export function summarise(tl: Segment[], from: number, to: number, notAddedMs = 0): AvailabilityResult {
  const ms: Record<State, number> = { up: 0, down: 0, unknown: 0, maintenance: 0, parent: 0 };
  const outages: Outage[] = [];
  for (const s of tl) {
    ms[s.state] += s.to - s.from;
    if (s.state !== 'down') continue;
    const last = outages[outages.length - 1];
    if (last && last.to === s.from) {
      last.to = s.to;
      last.durationMs = last.to - last.from;
    } else outages.push({ from: s.from, to: s.to, durationMs: s.to - s.from });
  }
  return figures(
    { from, to, periodMs: to - from, notAddedMs, ...ms },
    outages,
    outages.length,
    outages.reduce((m, o) => Math.max(m, o.durationMs), 0),
  );
}

/** Time per state in a period (ms). */
export interface StateTimes {
  from: number;
  to: number;
  periodMs: number;
  notAddedMs: number;
  up: number;
  down: number;
  unknown: number;
  maintenance: number;
  parent: number;
}

/**
 * The figures from the time per state and the outages: one formula for a timeline summarised,
 * objects added up (aggregate) and days added up (day-figures.ts composeDays).
 */
export function figures(
  t: StateTimes,
  outages: Outage[],
  outageCount: number,
  longestOutageMs: number,
): AvailabilityResult {
  const monitoredMs = t.up + t.down;
  const countable = t.periodMs - t.maintenance;
  return {
    from: t.from,
    to: t.to,
    periodMs: t.periodMs,
    notAddedMs: t.notAddedMs,
    upMs: t.up,
    downMs: t.down,
    unknownMs: t.unknown,
    maintenanceMs: t.maintenance,
    parentMs: t.parent,
    monitoredMs,
    availabilityPercent: monitoredMs > 0 ? (100 * t.up) / monitoredMs : null,
    coveragePercent: countable > 0 ? (100 * monitoredMs) / countable : null,
    outages,
    outageCount,
    longestOutageMs,
    mttrMs: outageCount ? t.down / outageCount : null,
    mtbfMs: outageCount ? t.up / outageCount : null,
  };
}

/** The down windows of a timeline, to pass as a child's parentDown. */
export const downWindows = (tl: Segment[]): Window[] => windowsOf(tl, ['down']);

/**
 * Several objects together (an agency, a site): time-weighted, i.e. total up time over total
 * monitored time, with outages and durations added up.
 */
export function aggregate(results: AvailabilityResult[]): AvailabilityResult {
  const sum = (k: keyof AvailabilityResult) => results.reduce((a, r) => a + (r[k] as number), 0);
  return figures(
    {
      from: Math.min(...results.map((r) => r.from)),
      to: Math.max(...results.map((r) => r.to)),
      periodMs: sum('periodMs'),
      notAddedMs: sum('notAddedMs'),
      up: sum('upMs'),
      down: sum('downMs'),
      unknown: sum('unknownMs'),
      maintenance: sum('maintenanceMs'),
      parent: sum('parentMs'),
    },
    results.flatMap((r) => r.outages).sort((a, b) => a.from - b.from),
    // Counted from the results, not the list: figures rebuilt from daily summaries carry no list.
    sum('outageCount'),
    results.reduce((m, r) => Math.max(m, r.longestOutageMs), 0),
  );
}

/** TIA-942 reference tiers (annual availability). */
export const TIERS = [
  { tier: 'I', percent: 99.671 },
  { tier: 'II', percent: 99.741 },
  { tier: 'III', percent: 99.982 },
  { tier: 'IV', percent: 99.995 },
] as const;

/** The highest TIA-942 tier the availability meets, or null below Tier I or without data. */
export function tierMet(availabilityPercent: number | null): string | null {
  if (availabilityPercent === null) return null;
  let met: string | null = null;
  for (const t of TIERS) if (availabilityPercent >= t.percent) met = t.tier;
  return met;
}

/** Meets the object's own target? null when there is no target or no data. */
export function meetsTarget(availabilityPercent: number | null, target?: number): boolean | null {
  if (availabilityPercent === null || target === undefined) return null;
  return availabilityPercent >= target;
}

/** Applies maintenance windows whose scope matches the object. */
export function windowsFor(
  windows: MaintenanceWindow[],
  object: { device?: string; devices?: string[]; site?: string; agency?: string },
): Window[] {
  const devices = new Set([...(object.devices ?? []), ...(object.device ? [object.device] : [])]);
  return windows
    .filter((w) => {
      const { device, site, agency } = w.scope;
      if (device === undefined && site === undefined && agency === undefined) return true;
      return (
        (device !== undefined && devices.has(device)) ||
        (site !== undefined && site === object.site) ||
        (agency !== undefined && agency === object.agency)
      );
    })
    .map((w) => ({ from: w.from, to: w.to }));
}
