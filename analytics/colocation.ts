import type { RackPower, RackSpace } from './capacity';

/**
 * The colocation SOP's check before accepting a server (ketersediaan rak, ketersediaan catu
 * daya): which racks can take it now, and for every other rack why not.
 */
export interface ColocationRequest {
  units: number;
  watts: number;
  /** Dual-corded on an A/B pair: each side alone must then carry the whole rack with it. */
  redundant: boolean;
}

export type Reason =
  | { code: 'space'; needU: number; largestFreeU: number }
  | { code: 'no-feeds' }
  | { code: 'no-pair' }
  | { code: 'feed'; feed: string; percentAfter: number; maxPercent: number }
  | { code: 'failover'; side: 'A' | 'B'; wattsAfter: number; availableWatts: number };

export interface RackFit {
  rack: string;
  fits: boolean;
  reasons: Reason[];
  /** Where it would go: the lowest free block that is large enough. */
  position?: { u: number };
  /** The feed(s) to plug into. */
  feeds?: string[];
}

export function checkRack(rack: string, space: RackSpace, power: RackPower, req: ColocationRequest): RackFit {
  const reasons: Reason[] = [];
  const block = space.freeBlocks.find(([a, b]) => b - a + 1 >= req.units);
  if (!block) reasons.push({ code: 'space', needU: req.units, largestFreeU: space.largestFreeU });
  let feeds: string[] | undefined;
  if (power.feeds.length === 0) reasons.push({ code: 'no-feeds' });
  else if (req.redundant) {
    if (!power.hasPair) reasons.push({ code: 'no-pair' });
    else {
      // If side B fails, side A carries the rack's whole load plus the new server, and vice versa.
      for (const side of ['A', 'B'] as const) {
        const wattsAfter = power.loadWatts + req.watts;
        if (wattsAfter > power.sideAvailableWatts[side])
          reasons.push({
            code: 'failover',
            side,
            wattsAfter,
            availableWatts: power.sideAvailableWatts[side],
          });
      }
      const pick = (s: 'A' | 'B') =>
        power.feeds.filter((f) => f.side === s).sort((a, b) => b.headroomWatts - a.headroomWatts)[0].id;
      feeds = [pick('A'), pick('B')];
    }
  } else {
    // Single-corded: the feed with the most headroom takes the whole server.
    const best = [...power.feeds].sort((a, b) => b.headroomWatts - a.headroomWatts)[0];
    if (req.watts > best.headroomWatts)
      reasons.push({
        code: 'feed',
        feed: best.id,
        percentAfter: (100 * (best.loadWatts + req.watts)) / best.ratedWatts,
        maxPercent: best.maxUtilisationPercent,
      });
    feeds = [best.id];
  }
  const fits = reasons.length === 0;
  return fits ? { rack, fits, reasons, position: { u: block![0] }, feeds } : { rack, fits, reasons };
}

/** Every rack, those that fit first (most free space first), then the others in id order. */
export function checkColocation(
  racks: { id: string; space: RackSpace; power: RackPower }[],
  req: ColocationRequest,
): RackFit[] {
  const all = racks.map((r) => ({ fit: checkRack(r.id, r.space, r.power, req), free: r.space.freeU }));
  return all
    .sort(
      (a, b) =>
        Number(b.fit.fits) - Number(a.fit.fits) ||
        (a.fit.fits ? b.free - a.free : 0) ||
        a.fit.rack.localeCompare(b.fit.rack),
    )
    .map((r) => r.fit);
}
