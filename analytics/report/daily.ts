import type { Sample } from '../../agent/sample';
import type { NocConfig } from '../../config/load';
import { aggregate, AvailabilityResult, summarise } from '../availability';
import { dayFigures } from '../day-figures';
import { summariseBandwidth } from '../bandwidth';
import { days, localDays } from '../period';
import { slice } from '../timeline';
import type { Timelines } from './availability';
import type { SlaObject } from './inventory';
import type { CapacityReport } from './capacity';
import { capacityPoints } from './capacity-points';
import { defined, point, toLines } from './points';
import { ROLLUP_RP } from '../../agent/writer/retention';

/**
 * The summaries written back to InfluxDB (docs/metrics.md, "Service levels"):
 * `availability_daily` and `bandwidth_daily` one point per object and local day, stamped at the
 * day's start; `capacity` (capacity-points.ts) one point per rack, feed, UPS and agency, stamped
 * now. The agent's service-level job sends the points through its pipeline; the CLI's --write
 * sends the same points as line protocol.
 */
const s = (ms: number) => ms / 1000;

/**
 * Where the daily summaries go: they are read over a year, so into the `rollup` retention
 * policy (kept influx.retention.rollupDays) when the agent manages retention on 1.x, not into
 * `raw` (rawDays). Otherwise the database's default policy (2.x: the bucket's retention).
 */
export const dailyRetentionPolicy = (config: NocConfig): string | undefined =>
  config.influx.version === 1 && config.influx.retention.manage ? ROLLUP_RP : undefined;

function availabilityPoint(
  kind: string,
  id: string,
  tags: { agency?: string; site?: string },
  r: AvailabilityResult,
  day: number,
  targetPercent?: number,
): Sample | undefined {
  // Only objects' days carry the run lengths at the day's edges (agency and site points are
  // sums over devices, for dashboards; reports add devices up themselves).
  const edges = kind === 'device' || kind === 'link' || kind === 'service' ? dayFigures(r) : undefined;
  return point(
    'availability_daily',
    { object_kind: kind, object: id, agency: tags.agency, site: tags.site },
    {
      availability_percent: r.availabilityPercent,
      // The dashboards sum these two over any range: 100 × (1 − downtime ÷ monitored).
      monitored_seconds: s(r.monitoredMs),
      downtime_seconds: s(r.downMs),
      up_seconds: s(r.upMs),
      unknown_seconds: s(r.unknownMs),
      maintenance_seconds: s(r.maintenanceMs),
      parent_seconds: s(r.parentMs),
      outages: BigInt(r.outageCount),
      longest_outage_seconds: s(r.longestOutageMs),
      // With these a year's outage count and longest outage are rebuilt exactly (day-figures.ts).
      down_at_start_seconds: edges && s(edges.downAtStartMs),
      down_at_end_seconds: edges && s(edges.downAtEndMs),
      target_percent: targetPercent,
    },
    day,
  );
}

/** Each object's figures per local day of the timelines' period (day slices, summarised). */
export function* objectDays(
  t: Timelines,
  timezone?: string,
): Generator<{ object: SlaObject; day: { from: number; to: number }; result: AvailabilityResult }> {
  // Without a zone the period starts at a local midnight (the job's and the CLI's days).
  for (const d of timezone ? localDays(t.from, t.to, timezone) : days(t.from, t.to))
    for (const object of t.objects) {
      const tl = t.final.get(`${object.kind}:${object.id}`);
      const part = tl ? slice(tl, d.from, d.to) : [];
      if (!part.length) continue;
      yield { object, day: d, result: summarise(part, part[0].from, part[part.length - 1].to) };
    }
}

/**
 * One point per device, link and service and local day; and per agency and site (their devices'
 * time added up, as `noc availability --by agency|site` does).
 */
export function availabilityDailyPoints(t: Timelines): Sample[] {
  const out: (Sample | undefined)[] = [];
  let groups = {
    agency: new Map<string, AvailabilityResult[]>(),
    site: new Map<string, AvailabilityResult[]>(),
  };
  let current: number | undefined;
  const flush = () => {
    for (const kind of ['agency', 'site'] as const)
      for (const [id, results] of [...groups[kind].entries()].sort(([x], [y]) => x.localeCompare(y)))
        out.push(availabilityPoint(kind, id, { [kind]: id }, aggregate(results), current!));
    groups = { agency: new Map(), site: new Map() };
  };
  for (const { object: o, day, result: r } of objectDays(t)) {
    if (current !== undefined && day.from !== current) flush();
    current = day.from;
    out.push(availabilityPoint(o.kind, o.id, o, r, day.from, o.targetPercent));
    if (o.kind !== 'device') continue;
    if (o.agency) groups.agency.set(o.agency, [...(groups.agency.get(o.agency) ?? []), r]);
    if (o.site) groups.site.set(o.site, [...(groups.site.get(o.site) ?? []), r]);
  }
  if (current !== undefined) flush();
  return defined(out);
}

export const availabilityDailyLines = (t: Timelines): string[] => toLines(availabilityDailyPoints(t));

/** Daily bandwidth from the 5-minute series of one link, aligned with its timestamps. */
export function bandwidthDailyPoints(
  id: string,
  tags: { kind: 'link' | 'queue'; agency?: string },
  times: number[],
  inBps: number[],
  outBps: number[],
  from: number,
  to: number,
  capacityBps?: number,
): Sample[] {
  const out: (Sample | undefined)[] = [];
  let i = 0;
  for (const d of days(from, to)) {
    // Series may start before the period (a lookback): skip what lies before the day.
    while (i < times.length && times[i] < d.from) i++;
    const start = i;
    while (i < times.length && times[i] < d.to) i++;
    if (i === start) continue;
    const b = summariseBandwidth({
      inBps: inBps.slice(start, i),
      outBps: outBps.slice(start, i),
      intervalSeconds: 300,
      capacityBps,
    });
    out.push(
      point(
        'bandwidth_daily',
        { [tags.kind]: id, agency: tags.agency },
        {
          p95_in_bps: b.p95InBps,
          p95_out_bps: b.p95OutBps,
          p95_max_bps: b.p95MaxBps,
          p95_aggregate_bps: b.p95AggregateBps,
          avg_in_bps: b.avgInBps,
          avg_out_bps: b.avgOutBps,
          peak_in_bps: b.peakInBps,
          peak_out_bps: b.peakOutBps,
          volume_in_bytes: b.volumeInBytes,
          volume_out_bytes: b.volumeOutBytes,
          avg_utilisation_percent: b.avgUtilisationPercent,
          peak_utilisation_percent: b.peakUtilisationPercent,
          samples: BigInt(b.samples),
        },
        d.from,
      ),
    );
  }
  return defined(out);
}

export const bandwidthDailyLines = (...args: Parameters<typeof bandwidthDailyPoints>): string[] =>
  toLines(bandwidthDailyPoints(...args));

export const capacityLines = (report: CapacityReport, config: NocConfig, now: number): string[] =>
  toLines(capacityPoints(report, config, now));
