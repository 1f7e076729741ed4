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
  const monitoredMs = ms.up + ms.down;
  const countable = to - from - ms.maintenance;
  return {
    from,
    to,
    periodMs: to - from,
    notAddedMs,
    upMs: ms.up,
    downMs: ms.down,
    unknownMs: ms.unknown,
    maintenanceMs: ms.maintenance,
    parentMs: ms.parent,
    monitoredMs,
    availabilityPercent: monitoredMs > 0 ? (100 * ms.up) / monitoredMs : null,
    coveragePercent: countable > 0 ? (100 * monitoredMs) / countable : null,
    outages,
    outageCount: outages.length,
    longestOutageMs: outages.reduce((m, o) => Math.max(m, o.durationMs), 0),
    mttrMs: outages.length ? ms.down / outages.length : null,
    mtbfMs: outages.length ? ms.up / outages.length : null,
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
  const outages = results.flatMap((r) => r.outages).sort((a, b) => a.from - b.from);
  const upMs = sum('upMs');
  const downMs = sum('downMs');
  const monitoredMs = upMs + downMs;
  const count = sum('outageCount');
  const countable = sum('periodMs') - sum('maintenanceMs');
  return {
    from: Math.min(...results.map((r) => r.from)),
    to: Math.max(...results.map((r) => r.to)),
    periodMs: sum('periodMs'),
    notAddedMs: sum('notAddedMs'),
    upMs,
    downMs,
    unknownMs: sum('unknownMs'),
    maintenanceMs: sum('maintenanceMs'),
    parentMs: sum('parentMs'),
    monitoredMs,
    availabilityPercent: monitoredMs > 0 ? (100 * upMs) / monitoredMs : null,
    coveragePercent: countable > 0 ? (100 * monitoredMs) / countable : null,
    outages,
    // Counted from the results, not the list: figures rebuilt from daily summaries carry no list.
    outageCount: count,
    longestOutageMs: results.reduce((m, r) => Math.max(m, r.longestOutageMs), 0),
    mttrMs: count ? downMs / count : null,
    mtbfMs: count ? upMs / count : null,
  };
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
