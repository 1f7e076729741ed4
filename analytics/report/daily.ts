import { summarise } from '../availability';
import { summariseBandwidth } from '../bandwidth';
import { line } from '../influx/client';
import { days } from '../period';
import { slice } from '../timeline';
import type { Timelines } from './availability';
import type { RackCapacity } from './capacity';

/**
 * Line protocol for the summaries written back to InfluxDB (docs/metrics.md, "Service levels"):
 * `availability_daily` and `bandwidth_daily` one point per object and local day, stamped at the
 * day's start; `capacity` one point per rack, feed and UPS, stamped now.
 */
const s = (ms: number) => ms / 1000;

export function availabilityDailyLines(t: Timelines): string[] {
  const lines: (string | undefined)[] = [];
  for (const o of t.objects) {
    const tl = t.final.get(`${o.kind}:${o.id}`);
    if (!tl?.length) continue;
    for (const d of days(t.from, t.to)) {
      const part = slice(tl, d.from, d.to);
      if (!part.length) continue;
      const r = summarise(part, part[0].from, part[part.length - 1].to);
      lines.push(
        line(
          'availability_daily',
          { object: o.kind, id: o.id, agency: o.agency, site: o.site },
          {
            availability_percent: r.availabilityPercent,
            up_seconds: s(r.upMs),
            down_seconds: s(r.downMs),
            unknown_seconds: s(r.unknownMs),
            maintenance_seconds: s(r.maintenanceMs),
            parent_seconds: s(r.parentMs),
            outages: BigInt(r.outageCount),
            longest_outage_seconds: s(r.longestOutageMs),
            target_percent: o.targetPercent,
          },
          d.from,
        ),
      );
    }
  }
  return lines.filter((l): l is string => l !== undefined);
}

/** Daily bandwidth from the 5-minute series of one link, aligned with its timestamps. */
export function bandwidthDailyLines(
  id: string,
  tags: { kind: 'link' | 'queue'; agency?: string },
  times: number[],
  inBps: number[],
  outBps: number[],
  from: number,
  to: number,
  capacityBps?: number,
): string[] {
  const out: string[] = [];
  let i = 0;
  for (const d of days(from, to)) {
    const start = i;
    while (i < times.length && times[i] < d.to) i++;
    if (i === start) continue;
    const b = summariseBandwidth({
      inBps: inBps.slice(start, i),
      outBps: outBps.slice(start, i),
      intervalSeconds: 300,
      capacityBps,
    });
    const l = line(
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
    );
    if (l) out.push(l);
  }
  return out;
}

/** 100 × measured ÷ rated: what the rack-/feed-power-high rules and the power board read. */
const powerPercent = (measured: number | null, rated: number) =>
  measured === null || !(rated > 0) ? undefined : (100 * measured) / rated;

export function capacityLines(racks: RackCapacity[], now: number): string[] {
  const out: (string | undefined)[] = [];
  for (const r of racks) {
    const rated = r.power.feeds.reduce((a, f) => a + f.ratedWatts, 0);
    out.push(
      line(
        'capacity',
        { scope: 'rack', rack: r.id, site: r.site },
        {
          u_used: BigInt(r.space.usedU),
          u_free: BigInt(r.space.freeU),
          u_largest_free: BigInt(r.space.largestFreeU),
          allocated_watts: r.power.allocatedWatts,
          measured_watts: r.power.measuredWatts,
          load_watts: r.power.loadWatts,
          side_a_available_watts: r.power.sideAvailableWatts.A,
          side_b_available_watts: r.power.sideAvailableWatts.B,
          redundant: r.power.redundant,
          power_percent: powerPercent(r.power.measuredWatts, rated),
        },
        now,
      ),
    );
    for (const f of r.power.feeds)
      out.push(
        line(
          'capacity',
          { scope: 'feed', rack: r.id, site: r.site, feed: f.id, side: f.side },
          {
            rated_watts: f.ratedWatts,
            available_watts: f.availableWatts,
            allocated_watts: f.allocatedWatts,
            measured_watts: f.measuredWatts,
            load_watts: f.loadWatts,
            utilisation_percent: f.utilisationPercent,
            max_utilisation_percent: f.maxUtilisationPercent,
            headroom_watts: f.headroomWatts,
            power_percent: powerPercent(f.measuredWatts, f.ratedWatts),
          },
          now,
        ),
      );
  }
  return out.filter((l): l is string => l !== undefined);
}
