import type { Sample } from '../agent/sample';
import type { Device, NocConfig } from '../config/load';
import { MaintenanceWindow, occurrenceAt } from './maintenance';

/**
 * The `maintenance` measurement (docs/metrics.md): which devices are in a maintenance window
 * right now, for the wallboard's status tiles (pemeliharaan). Only devices inside an active
 * window produce points, so 2,000 devices with no maintenance cost nothing; a covered device
 * gets `active=1i` when its window starts and then once a minute (the tiles look back 5
 * minutes), and `active=0i` the moment it ends, so a tile clears at its next refresh.
 */

export const MAINTENANCE_MEASUREMENT = 'maintenance';
/** How often a device still in maintenance is written again. */
export const REPEAT_MS = 60_000;

/** Devices by id, site and agency, built once from the configuration. */
export interface ScopeIndex {
  byId: Map<string, Device>;
  bySite: Map<string, Device[]>;
  byAgency: Map<string, Device[]>;
}

export function scopeIndex(devices: Device[]): ScopeIndex {
  const index: ScopeIndex = { byId: new Map(), bySite: new Map(), byAgency: new Map() };
  const add = (map: Map<string, Device[]>, key: string | undefined, d: Device) => {
    if (key) map.set(key, [...(map.get(key) ?? []), d]);
  };
  for (const d of devices) {
    index.byId.set(d.id, d);
    add(index.bySite, d.site, d);
    add(index.byAgency, d.agency, d);
  }
  return index;
}

/**
 * The devices a window covers, as windowApplies() decides for tickets and availability: its
 * device, every device of its site, or every device of its agency. A window naming none covers
 * nothing (config checks and `noc maintenance add` require exactly one). A device removed from
 * the configuration since `noc maintenance add` is still covered, without inventory tags.
 */
export function windowDevices(
  w: MaintenanceWindow,
  index: ScopeIndex,
): Pick<Device, 'id' | 'kind' | 'site' | 'agency'>[] {
  if (w.device) return [index.byId.get(w.device) ?? { id: w.device, kind: 'other' }];
  if (w.site) return index.bySite.get(w.site) ?? [];
  if (w.agency) return index.byAgency.get(w.agency) ?? [];
  return [];
}

/** One device under one window: what a point says. */
export interface Coverage {
  window: MaintenanceWindow;
  device: Pick<Device, 'id' | 'kind' | 'site' | 'agency'>;
  /** End of the occurrence in progress, Unix ms. */
  end: number;
}

/** Every (window, device) pair in force at `now`, keyed "window|device". */
export function activeCoverage(
  windows: MaintenanceWindow[],
  index: ScopeIndex,
  now: number,
  timezone: string,
): Map<string, Coverage> {
  const out = new Map<string, Coverage>();
  for (const w of windows) {
    const occ = occurrenceAt(w, now, timezone);
    if (!occ) continue;
    for (const device of windowDevices(w, index))
      out.set(`${w.id}|${device.id}`, { window: w, device, end: occ.end });
  }
  return out;
}

export function maintenanceSample(c: Coverage, active: boolean, time: number): Sample {
  const tags: Record<string, string> = { device: c.device.id, window: c.window.id, kind: c.device.kind };
  if (c.device.site) tags.site = c.device.site;
  if (c.device.agency) tags.agency = c.device.agency;
  return {
    measurement: MAINTENANCE_MEASUREMENT,
    tags,
    fields: { active: active ? 1n : 0n, reason: c.window.reason, end_ms: c.end },
    time,
  };
}

/**
 * Remembers what was last written, so each tick writes only what is due: new coverage and
 * ends at once, the rest once a minute. After a restart it starts empty: a window that ended
 * while the agent was down gets no `active=0i`, its last point simply ages out of the tiles.
 */
export class MaintenancePoints {
  private readonly index: ScopeIndex;
  private current = new Map<string, Coverage>();
  private lastFull = -Infinity;

  constructor(private readonly config: NocConfig) {
    this.index = scopeIndex(config.devices);
  }

  /** The samples due at `now` for these windows (possibly none). */
  update(windows: MaintenanceWindow[], now: number): Sample[] {
    const next = activeCoverage(windows, this.index, now, this.config.organisation.timezone);
    const out: Sample[] = [];
    for (const [key, c] of this.current) if (!next.has(key)) out.push(maintenanceSample(c, false, now));
    const full = now - this.lastFull >= REPEAT_MS;
    for (const [key, c] of next)
      if (full || !this.current.has(key)) out.push(maintenanceSample(c, true, now));
    if (full) this.lastFull = now;
    this.current = next;
    return out;
  }

  /** Keys "window|device" currently covered (tests, `noc incidents`-style views). */
  covered(): string[] {
    return [...this.current.keys()];
  }
}
