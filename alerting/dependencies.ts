/**
 * Device dependencies, pure. A device whose every parent is down (or itself unreachable because
 * of its own parents) is "unreachable because of its parent": it gets no ticket of its own, and
 * the root cause's ticket lists it with the agencies and services it takes down.
 */

export interface Topology {
  parents: Map<string, string[]>;
  agencyOf: Map<string, string | undefined>;
  /** service id -> device ids it runs on. */
  services: Map<string, string[]>;
}

export type Reach = 'down' | 'pending' | 'up';

/**
 * The root cause of a down device: the first parent chain ending in a device that is down with
 * no down parents. undefined when the device has no parents or not all of them are down.
 */
export function rootCause(device: string, reach: (d: string) => Reach, topo: Topology): string | undefined {
  const seen = new Set<string>();
  const walk = (d: string): string | undefined => {
    if (seen.has(d)) return undefined;
    seen.add(d);
    const parents = topo.parents.get(d) ?? [];
    if (parents.length === 0 || !parents.every((p) => reach(p) === 'down')) return undefined;
    // Every parent is down: blame the first one, or its own root if it has one.
    const first = parents[0];
    return walk(first) ?? first;
  };
  return walk(device);
}

/**
 * Whether to wait before ticketing a down device: some parent is not yet confirmed down but is
 * failing (pending), and all parents are failing. The parent's incident will decide.
 */
export function waitForParents(device: string, reach: (d: string) => Reach, topo: Topology): boolean {
  const parents = topo.parents.get(device) ?? [];
  if (parents.length === 0) return false;
  const states = parents.map(reach);
  return states.every((s) => s !== 'up') && states.some((s) => s === 'pending');
}

export interface Affected {
  devices: string[];
  agencies: string[];
  services: string[];
}

/**
 * What the root device's outage takes down: itself first, then every down device whose root
 * cause it is, the agencies owning them, and the services running on any of them.
 */
export function affectedBy(root: string, downChildren: string[], topo: Topology): Affected {
  const devices = [root, ...downChildren.filter((d) => d !== root).sort()];
  const set = new Set(devices);
  const agencies = [...new Set(devices.map((d) => topo.agencyOf.get(d)).filter((a): a is string => !!a))];
  const services = [...topo.services.entries()]
    .filter(([, ds]) => ds.some((d) => set.has(d)))
    .map(([s]) => s)
    .sort();
  return { devices, agencies, services };
}

export function topologyOf(config: {
  devices: { id: string; parents: string[]; agency?: string }[];
  services: { id: string; devices: string[] }[];
}): Topology {
  return {
    parents: new Map(config.devices.map((d) => [d.id, d.parents])),
    agencyOf: new Map(config.devices.map((d) => [d.id, d.agency])),
    services: new Map(config.services.map((s) => [s.id, s.devices])),
  };
}
