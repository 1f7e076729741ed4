import type { NocConfig } from '../../config/load';
import { agencyUsage, rackPower, RackPower, rackSpace, RackSpace, upsHeadroom } from '../capacity';
import { InfluxEdge } from '../influx/client';
import { fetchLatest, pickSource } from '../influx/fetch';

/**
 * Capacity of the Pusat Data now: per rack space and power (allocated from the configuration,
 * measured from the last PDU/UPS readings of the past hour), UPS headroom, usage per agency.
 */
export interface RackCapacity {
  id: string;
  site: string;
  space: RackSpace;
  power: RackPower;
}

export async function capacityReport(
  edge: InfluxEdge | undefined,
  config: NocConfig,
  q: { now: number; site?: string },
) {
  const racks = config.racks.filter((r) => !q.site || r.site === q.site);
  const src = edge
    ? await pickSource(edge, q.now - 3_600_000, q.now, config.influx.retention.rawDays)
    : undefined;
  // PDU: the whole-device reading; UPS: output watts (or load % of nothing else is known).
  const pdu =
    edge && src
      ? await fetchLatest(edge, 'pdu', ['power_watts'], q.now, src, `"scope" = 'device'`)
      : new Map();
  const ups =
    edge && src
      ? await fetchLatest(edge, 'ups', ['output_watts', 'load_percent', 'runtime_minutes'], q.now, src)
      : new Map();

  // A UPS or PDU may feed several racks' feeds: its reading is shared between them evenly.
  const sharedBy = new Map<string, number>();
  for (const r of config.racks)
    for (const f of r.feeds) if (f.device) sharedBy.set(f.device, (sharedBy.get(f.device) ?? 0) + 1);

  const placed = config.devices.filter((d) => d.position);
  const out: RackCapacity[] = racks.map((rack) => {
    const inRack = placed.filter((d) => d.position!.rack === rack.id);
    const space = rackSpace(
      rack.heightU,
      inRack.map((d) => ({ id: d.id, u: d.position!.u, heightU: d.position!.heightU })),
    );
    const measured: Record<string, { watts: number; sharedBy: number } | undefined> = {};
    for (const f of rack.feeds) {
      if (!f.device) continue;
      const w = pdu.get(f.device)?.power_watts ?? ups.get(f.device)?.output_watts ?? null;
      if (typeof w === 'number') measured[f.id] = { watts: w, sharedBy: sharedBy.get(f.device) ?? 1 };
    }
    const power = rackPower(
      rack.feeds,
      inRack.map((d) => ({
        id: d.id,
        agency: d.agency,
        watts: d.watts?.allocated ?? d.watts?.nameplate ?? 0,
        feeds: d.feeds ?? [],
      })),
      measured,
    );
    return { id: rack.id, site: rack.site, space, power };
  });
  const rackIds = new Set(racks.map((r) => r.id));
  const upsDevices = config.devices.filter((d) => d.kind === 'ups' && (!q.site || d.site === q.site));
  return {
    racks: out,
    ups: upsDevices.map((d) =>
      upsHeadroom(
        {
          id: d.id,
          loadPercent: ups.get(d.id)?.load_percent ?? null,
          runtimeMinutes: ups.get(d.id)?.runtime_minutes ?? null,
        },
        config.serviceLevels.upsMinRuntimeMinutes,
      ),
    ),
    agencies: agencyUsage(
      placed
        .filter((d) => rackIds.has(d.position!.rack))
        .map((d) => ({
          id: d.id,
          agency: d.agency,
          watts: d.watts?.allocated ?? d.watts?.nameplate ?? 0,
          feeds: d.feeds ?? [],
          heightU: d.position!.heightU,
        })),
    ),
  };
}
