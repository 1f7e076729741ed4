import type { NocConfig } from '../../config/load';
import type { MaintenanceWindow } from '../availability';
import { parsePeriod } from '../period';
import { occurrencesBetween } from '../../alerting/maintenance';
import { allMaintenanceWindows } from '../../alerting/windows';

/**
 * What the figures need from the configuration, in the shapes of the pure maths: the objects
 * availability is reported for, with their targets, parents, added dates and owners.
 */
export type ObjectKind = 'device' | 'link' | 'service';

export interface SlaObject {
  kind: ObjectKind;
  id: string;
  name: string;
  agency?: string;
  site?: string;
  /** Devices whose outages are this object's parents' outages. */
  parents: string[];
  devices: string[];
  added?: number;
  targetPercent?: number;
  targetSource?: string;
}

export function slaObjects(config: NocConfig): SlaObject[] {
  const tz = config.organisation.timezone;
  const day = (d?: string) => (d ? parsePeriod(d, tz).from : undefined);
  const devices = new Map(config.devices.map((d) => [d.id, d]));
  const out: SlaObject[] = config.devices.map((d) => ({
    kind: 'device',
    id: d.id,
    name: d.name ?? d.id,
    agency: d.agency,
    site: d.site,
    parents: d.parents,
    devices: [d.id],
    added: day(d.added),
  }));
  for (const l of config.links) {
    const dev = devices.get(l.device);
    out.push({
      kind: 'link',
      id: l.id,
      name: l.name ?? l.id,
      agency: l.agency ?? dev?.agency,
      site: dev?.site,
      // The link's router is its parent: an unreachable router is the router's outage.
      parents: [l.device],
      devices: [l.device],
      added: day(dev?.added),
      targetPercent: l.contract?.availabilityPercent,
      targetSource: l.contract?.source,
    });
  }
  for (const s of config.services) {
    const added = s.devices.map((id) => day(devices.get(id)?.added));
    out.push({
      kind: 'service',
      id: s.id,
      name: s.name,
      agency: s.agency,
      site: devices.get(s.devices[0])?.site,
      parents: s.devices,
      devices: s.devices,
      // A service exists once its first device does, if every device has a date.
      added:
        added.every((a) => a !== undefined) && added.length ? Math.min(...(added as number[])) : undefined,
      targetPercent: s.availabilityTarget?.percent,
      targetSource: s.availabilityTarget?.source,
    });
  }
  return out;
}

/**
 * Maintenance windows in force over [from, to): alerting's, from the configuration
 * (alerting.maintenance) and from `noc maintenance add` (the store), each recurring window
 * expanded into its occurrences. One list feeds tickets, availability and the report.
 */
export function maintenanceIn(config: NocConfig, from: number, to: number): MaintenanceWindow[] {
  const tz = config.organisation.timezone;
  return allMaintenanceWindows(config).flatMap((w) =>
    occurrencesBetween(w, from, to, tz).map((o) => ({
      scope: { device: w.device, site: w.site, agency: w.agency },
      from: o.start,
      to: o.end,
      reason: w.reason,
    })),
  );
}
