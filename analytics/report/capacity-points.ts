import type { Sample } from '../../agent/sample';
import type { NocConfig } from '../../config/load';
import type { CapacityReport, RackCapacity } from './capacity';
import { defined, point } from './points';

/**
 * The `capacity` measurement (docs/metrics.md, "Service levels"): what the colocation and power
 * dashboards and alerting's rack-power-high / feed-power-high rules read. One point per rack,
 * feed, UPS and agency, all stamped `now`.
 *
 * Rack and feed points carry `device` = the rack id, as alerting needs a device to key an
 * incident on (docs/alerting.md); the rack is what the NOC acts on, not the PDU measuring it.
 */
const pct = (part: number | null, whole: number) =>
  part === null || whole <= 0 ? null : (100 * part) / whole;

export function capacityPoints(report: CapacityReport, config: NocConfig, now: number): Sample[] {
  const out: (Sample | undefined)[] = [];
  for (const r of report.racks) out.push(rackPoint(r, now), ...feedPoints(r, now));
  for (const u of report.ups) {
    const site = config.devices.find((d) => d.id === u.id)?.site;
    out.push(
      point(
        'capacity',
        { scope: 'ups', device: u.id, site },
        {
          load_percent: u.loadPercent,
          runtime_minutes: u.runtimeMinutes,
          load_headroom_percent: u.loadHeadroomPercent,
          runtime_headroom_minutes: u.runtimeHeadroomMinutes,
          ok: u.ok,
        },
        now,
      ),
    );
  }
  const measured = agencyMeasuredWatts(report.racks, config);
  for (const a of report.agencies) {
    if (a.agency === '-') continue; // devices without an owner: no tag value to file them under
    out.push(
      point(
        'capacity',
        { scope: 'agency', agency: a.agency },
        {
          devices: BigInt(a.devices),
          units_used: BigInt(a.units),
          power_allocated_watts: a.allocatedWatts,
          power_measured_watts: measured.get(a.agency),
        },
        now,
      ),
    );
  }
  return defined(out);
}

function rackPoint(r: RackCapacity, now: number): Sample | undefined {
  const p = r.power;
  const rated = p.feeds.reduce((a, f) => a + f.ratedWatts, 0);
  const weakerSide = Math.min(p.sideAvailableWatts.A, p.sideAvailableWatts.B);
  return point(
    'capacity',
    { scope: 'rack', device: r.id, rack: r.id, site: r.site },
    {
      units_total: BigInt(r.space.heightU),
      units_used: BigInt(r.space.usedU),
      units_free: BigInt(r.space.freeU),
      units_used_percent: pct(r.space.usedU, r.space.heightU),
      largest_free_block_u: BigInt(r.space.largestFreeU),
      power_rated_watts: rated,
      power_available_watts: p.feeds.reduce((a, f) => a + f.availableWatts, 0),
      power_allocated_watts: p.allocatedWatts,
      power_measured_watts: p.measuredWatts,
      power_load_watts: p.loadWatts,
      power_percent: pct(p.measuredWatts, rated),
      // If one side fails the other carries the whole load: the weaker side decides.
      failover_percent: p.hasPair ? pct(p.loadWatts, weakerSide) : null,
      side_a_available_watts: p.sideAvailableWatts.A,
      side_b_available_watts: p.sideAvailableWatts.B,
      redundant: p.redundant,
    },
    now,
  );
}

function feedPoints(r: RackCapacity, now: number): (Sample | undefined)[] {
  return r.power.feeds.map((f) =>
    point(
      'capacity',
      { scope: 'feed', device: r.id, rack: r.id, site: r.site, feed: f.id, side: f.side },
      {
        power_rated_watts: f.ratedWatts,
        power_available_watts: f.availableWatts,
        power_allocated_watts: f.allocatedWatts,
        power_measured_watts: f.measuredWatts,
        power_load_watts: f.loadWatts,
        power_headroom_watts: f.headroomWatts,
        power_percent: pct(f.measuredWatts, f.ratedWatts),
        load_percent: f.utilisationPercent,
        max_percent: f.maxUtilisationPercent,
      },
      now,
    ),
  );
}

/**
 * An agency's share of what was measured: each measured feed's watts split between the devices
 * on it in proportion to their allocated watts (a PDU reads the feed, not the server). Feeds
 * without a reading or without allocated devices add nothing.
 */
export function agencyMeasuredWatts(racks: RackCapacity[], config: NocConfig): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of racks)
    for (const f of r.power.feeds) {
      if (f.measuredWatts === null || f.allocatedWatts <= 0) continue;
      for (const d of config.devices) {
        if (d.position?.rack !== r.id || !d.agency || !d.feeds?.includes(f.id)) continue;
        const allocated = (d.watts?.allocated ?? d.watts?.nameplate ?? 0) / d.feeds.length;
        const share = (f.measuredWatts * allocated) / f.allocatedWatts;
        out.set(d.agency, (out.get(d.agency) ?? 0) + share);
      }
    }
  return out;
}
