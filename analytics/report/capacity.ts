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

/** The last PDU and UPS readings (within the hour before `now`) the capacity figures use. */
export interface PowerReadings {
  /** PDU whole-device readings by device id: `power_watts`. */
  pdu: Map<string, Record<string, number | null>>;
  /** UPS readings by device id: `output_watts`, `load_percent`, `runtime_minutes`. */
  ups: Map<string, Record<string, number | null>>;
}

export const NO_READINGS: PowerReadings = { pdu: new Map(), ups: new Map() };

/** Reads the last PDU/UPS values of the past hour from InfluxDB (the I/O half of capacityReport). */
export async function fetchPowerReadings(
  edge: InfluxEdge,
  config: NocConfig,
  now: number,
): Promise<PowerReadings> {
  const src = await pickSource(edge, now - 3_600_000, now, config.influx.retention.rawDays);
  // PDU: the whole-device reading; UPS: output watts (or load % of nothing else is known).
  const pdu = await fetchLatest(edge, 'pdu', ['power_watts'], now, src, `"scope" = 'device'`);
  const ups = await fetchLatest(edge, 'ups', ['output_watts', 'load_percent', 'runtime_minutes'], now, src);
  return { pdu, ups };
}

export async function capacityReport(
  edge: InfluxEdge | undefined,
  config: NocConfig,
  q: { now: number; site?: string },
) {
  const readings = edge ? await fetchPowerReadings(edge, config, q.now) : NO_READINGS;
  return capacityFrom(config, readings, q.site);
}

export type CapacityReport = ReturnType<typeof capacityFrom>;

/** The pure half: the configuration's racks and devices with the given readings. */
export function capacityFrom(config: NocConfig, readings: PowerReadings, site?: string) {
  const { pdu, ups } = readings;
  const q = { site };
  const racks = config.racks.filter((r) => !q.site || r.site === q.site);
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
