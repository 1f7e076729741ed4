/**
 * Colocation capacity of the Pusat Data: rack space in U and power per feed. Pure functions over
 * plain inputs (analytics/inventory.ts builds them from the configuration and the last PDU/UPS
 * readings). Formulas in docs/service-levels.md.
 */
export interface Occupant {
  id: string;
  /** Lowest U (1 = bottom). */
  u: number;
  heightU: number;
}

export interface RackSpace {
  heightU: number;
  usedU: number;
  freeU: number;
  largestFreeU: number;
  /** Free runs, bottom up, as [lowest U, highest U]. */
  freeBlocks: [number, number][];
  /** Devices that claim a U someone else already holds, or lie outside the rack. */
  conflicts: { id: string; u: number }[];
}

/**
 * Counts U on a map of the rack, one cell per U, so two devices claiming the same U (a config
 * mistake) never make the rack look fuller than it is; the clash is reported instead.
 */
export function rackSpace(heightU: number, occupants: Occupant[]): RackSpace {
  const owner: (string | undefined)[] = new Array(heightU + 1);
  const conflicts: { id: string; u: number }[] = [];
  for (const o of occupants)
    for (let u = o.u; u < o.u + o.heightU; u++) {
      if (u < 1 || u > heightU || owner[u] !== undefined) conflicts.push({ id: o.id, u });
      else owner[u] = o.id;
    }
  let usedU = 0;
  const freeBlocks: [number, number][] = [];
  for (let u = 1; u <= heightU; u++) {
    if (owner[u] !== undefined) {
      usedU++;
      continue;
    }
    const last = freeBlocks[freeBlocks.length - 1];
    if (last && last[1] === u - 1) last[1] = u;
    else freeBlocks.push([u, u]);
  }
  return {
    heightU,
    usedU,
    freeU: heightU - usedU,
    largestFreeU: freeBlocks.reduce((m, [a, b]) => Math.max(m, b - a + 1), 0),
    freeBlocks,
    conflicts,
  };
}

export interface FeedSpec {
  id: string;
  side: 'A' | 'B';
  voltage: number;
  amperage: number;
  phase: 1 | 3;
  maxUtilisationPercent: number;
}

/** The breaker's full rating in watts: V × A, × √3 for three-phase (line-to-line voltage). */
export const ratedWatts = (f: FeedSpec) => f.voltage * f.amperage * (f.phase === 3 ? Math.sqrt(3) : 1);

/** What the feed may carry under the SOP: rated watts × max %. */
export const availableWatts = (f: FeedSpec) => (ratedWatts(f) * f.maxUtilisationPercent) / 100;

export interface PoweredDevice {
  id: string;
  agency?: string;
  /** Allocated watts if set, else nameplate, else 0. */
  watts: number;
  /** Feed ids it draws from; its load is shared evenly between them in normal operation. */
  feeds: string[];
}

export interface FeedPower {
  id: string;
  side: 'A' | 'B';
  ratedWatts: number;
  availableWatts: number;
  allocatedWatts: number;
  /** PDU/UPS reading for this feed, null when none. */
  measuredWatts: number | null;
  /** How many feeds share the measuring device (a UPS feeding several racks): then an estimate. */
  measuredSharedBy: number;
  /** max(allocated, measured): what planning counts. */
  loadWatts: number;
  /** load / rated, %: compare with maxUtilisationPercent. */
  utilisationPercent: number;
  maxUtilisationPercent: number;
  headroomWatts: number;
}

export interface RackPower {
  feeds: FeedPower[];
  allocatedWatts: number;
  measuredWatts: number | null;
  loadWatts: number;
  /** Per side: what that side alone may carry. */
  sideAvailableWatts: { A: number; B: number };
  /** Both sides present and each alone can carry the whole rack load. */
  redundant: boolean;
  hasPair: boolean;
}

export function rackPower(
  feeds: FeedSpec[],
  devices: PoweredDevice[],
  measured: Record<string, { watts: number; sharedBy: number } | undefined>,
): RackPower {
  const out: FeedPower[] = feeds.map((f) => {
    let allocatedWatts = 0;
    for (const d of devices) if (d.feeds.includes(f.id)) allocatedWatts += d.watts / d.feeds.length;
    const m = measured[f.id];
    const measuredWatts = m ? m.watts / m.sharedBy : null;
    const loadWatts = Math.max(allocatedWatts, measuredWatts ?? 0);
    const rated = ratedWatts(f);
    return {
      id: f.id,
      side: f.side,
      ratedWatts: rated,
      availableWatts: availableWatts(f),
      allocatedWatts,
      measuredWatts,
      measuredSharedBy: m?.sharedBy ?? 0,
      loadWatts,
      utilisationPercent: (100 * loadWatts) / rated,
      maxUtilisationPercent: f.maxUtilisationPercent,
      headroomWatts: availableWatts(f) - loadWatts,
    };
  });
  const allocatedWatts = out.reduce((a, f) => a + f.allocatedWatts, 0);
  const anyMeasured = out.some((f) => f.measuredWatts !== null);
  const measuredWatts = anyMeasured ? out.reduce((a, f) => a + (f.measuredWatts ?? 0), 0) : null;
  const loadWatts = Math.max(allocatedWatts, measuredWatts ?? 0);
  const side = (s: 'A' | 'B') => out.filter((f) => f.side === s).reduce((a, f) => a + f.availableWatts, 0);
  const sideAvailableWatts = { A: side('A'), B: side('B') };
  const hasPair = sideAvailableWatts.A > 0 && sideAvailableWatts.B > 0;
  return {
    feeds: out,
    allocatedWatts,
    measuredWatts,
    loadWatts,
    sideAvailableWatts,
    hasPair,
    redundant: hasPair && loadWatts <= sideAvailableWatts.A && loadWatts <= sideAvailableWatts.B,
  };
}

export interface UpsReading {
  id: string;
  loadPercent: number | null;
  runtimeMinutes: number | null;
}

/** UPS headroom: load left before 100 %, and runtime beyond the minimum the SOP asks for. */
export function upsHeadroom(r: UpsReading, minRuntimeMinutes: number) {
  return {
    ...r,
    loadHeadroomPercent: r.loadPercent === null ? null : 100 - r.loadPercent,
    runtimeHeadroomMinutes: r.runtimeMinutes === null ? null : r.runtimeMinutes - minRuntimeMinutes,
    ok:
      r.loadPercent === null || r.runtimeMinutes === null
        ? null
        : r.loadPercent < 100 && r.runtimeMinutes >= minRuntimeMinutes,
  };
}

export interface AgencyUsage {
  agency: string;
  devices: number;
  units: number;
  allocatedWatts: number;
}

/** Per tenant: how many devices, U and allocated watts it holds in the racks. */
export function agencyUsage(devices: (PoweredDevice & { heightU: number })[]): AgencyUsage[] {
  const by = new Map<string, AgencyUsage>();
  for (const d of devices) {
    const key = d.agency ?? '-';
    const u = by.get(key) ?? { agency: key, devices: 0, units: 0, allocatedWatts: 0 };
    u.devices++;
    u.units += d.heightU;
    u.allocatedWatts += d.watts;
    by.set(key, u);
  }
  return [...by.values()].sort((a, b) => a.agency.localeCompare(b.agency));
}
