import type { RawConfig } from './schema';
import { ConfigProblem, formatPath } from './problems';
import { checkAlerting } from './alerting-checks';

/**
 * Checks the schema cannot express: unique ids, references that must exist, dependency cycles,
 * and rack positions. Each problem names the key path of the entry at fault.
 */
export function checkConfig(config: RawConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (path: PropertyKey[], message: string) => problems.push({ path: formatPath(path), message });

  const ids = (key: 'agencies' | 'sites' | 'racks' | 'devices' | 'links' | 'services') => {
    const seen = new Map<string, number>();
    config[key].forEach((entry, i) => {
      const first = seen.get(entry.id);
      if (first !== undefined) add([key, i, 'id'], `duplicate id "${entry.id}" (also ${key}[${first}])`);
      else seen.set(entry.id, i);
    });
    return seen;
  };
  const agencies = ids('agencies');
  const sites = ids('sites');
  const racks = ids('racks');
  const devices = ids('devices');
  const links = ids('links');
  ids('services');

  const mustExist = (
    known: Map<string, number>,
    what: string,
    value: string | undefined,
    path: PropertyKey[],
  ) => {
    if (value !== undefined && !known.has(value)) add(path, `${what} "${value}" does not exist`);
  };

  config.sites.forEach((site, i) => {
    const rooms = new Set<string>();
    site.rooms.forEach((room, r) => {
      if (rooms.has(room.id)) add(['sites', i, 'rooms', r, 'id'], `duplicate room id "${room.id}"`);
      rooms.add(room.id);
    });
  });

  config.racks.forEach((rack, i) => {
    mustExist(sites, 'site', rack.site, ['racks', i, 'site']);
    const site = config.sites.find((s) => s.id === rack.site);
    if (site && rack.room && !site.rooms.some((r) => r.id === rack.room))
      add(['racks', i, 'room'], `room "${rack.room}" does not exist in site "${site.id}"`);
    const feeds = new Set<string>();
    rack.feeds.forEach((feed, f) => {
      if (feeds.has(feed.id)) add(['racks', i, 'feeds', f, 'id'], `duplicate feed id "${feed.id}"`);
      feeds.add(feed.id);
      mustExist(devices, 'device', feed.device, ['racks', i, 'feeds', f, 'device']);
    });
  });

  config.devices.forEach((device, i) => {
    mustExist(agencies, 'agency', device.agency, ['devices', i, 'agency']);
    mustExist(sites, 'site', device.site, ['devices', i, 'site']);
    device.parents.forEach((parent, p) => {
      if (parent === device.id) add(['devices', i, 'parents', p], 'a device cannot be its own parent');
      else mustExist(devices, 'parent device', parent, ['devices', i, 'parents', p]);
    });
    if (device.position) mustExist(racks, 'rack', device.position.rack, ['devices', i, 'position', 'rack']);
    device.routeros?.queues.forEach((q, j) => {
      mustExist(agencies, 'agency', q.agency, ['devices', i, 'routeros', 'queues', j, 'agency']);
      mustExist(links, 'link', q.link, ['devices', i, 'routeros', 'queues', j, 'link']);
    });
    if (device.feeds) {
      const rack = config.racks.find((r) => r.id === device.position?.rack);
      if (!rack) add(['devices', i, 'feeds'], 'feeds need a position in a rack');
      else
        device.feeds.forEach((feed, f) => {
          if (!rack.feeds.some((x) => x.id === feed))
            add(['devices', i, 'feeds', f], `feed "${feed}" does not exist in rack "${rack.id}"`);
        });
    }
  });

  config.links.forEach((link, i) => {
    mustExist(devices, 'device', link.device, ['links', i, 'device']);
    mustExist(agencies, 'agency', link.agency, ['links', i, 'agency']);
    const { utilisation } = link;
    if (utilisation && utilisation.warningPercent > utilisation.criticalPercent)
      add(['links', i, 'utilisation', 'warningPercent'], 'must not be above criticalPercent');
  });

  config.services.forEach((service, i) => {
    mustExist(agencies, 'agency', service.agency, ['services', i, 'agency']);
    service.devices.forEach((d, j) => mustExist(devices, 'device', d, ['services', i, 'devices', j]));
  });

  for (const cycle of findCycles(config))
    add(['devices', cycle.index, 'parents'], `dependency cycle: ${cycle.path}`);
  problems.push(...checkRackPositions(config));
  problems.push(...checkAlerting(config));
  return problems;
}

/** Depth-first search over parent edges; reports each cycle once, at its first device. */
function findCycles(config: RawConfig): { index: number; path: string }[] {
  const index = new Map(config.devices.map((d, i) => [d.id, i]));
  const parents = new Map(
    config.devices.map((d) => [d.id, d.parents.filter((p) => index.has(p) && p !== d.id)]),
  );
  const state = new Map<string, 'visiting' | 'done'>();
  const found: { index: number; path: string }[] = [];
  const stack: string[] = [];

  const visit = (id: string) => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const parent of parents.get(id) ?? []) {
      if (state.get(parent) === 'visiting') {
        const cycle = [...stack.slice(stack.indexOf(parent)), parent];
        found.push({ index: index.get(parent)!, path: cycle.join(' -> ') });
      } else if (!state.has(parent)) visit(parent);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const d of config.devices) if (!state.has(d.id)) visit(d.id);
  return found;
}

function checkRackPositions(config: RawConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const occupied = new Map<string, Map<number, string>>();
  config.devices.forEach((device, i) => {
    const pos = device.position;
    if (!pos) return;
    const rack = config.racks.find((r) => r.id === pos.rack);
    if (!rack) return;
    const top = pos.u + pos.heightU - 1;
    if (top > rack.heightU) {
      problems.push({
        path: formatPath(['devices', i, 'position']),
        message: `U${pos.u}-U${top} exceeds rack "${rack.id}" height of ${rack.heightU}U`,
      });
      return;
    }
    const units = occupied.get(rack.id) ?? new Map<number, string>();
    occupied.set(rack.id, units);
    for (let u = pos.u; u <= top; u++) {
      const other = units.get(u);
      if (other) {
        problems.push({
          path: formatPath(['devices', i, 'position']),
          message: `U${u} of rack "${rack.id}" is already taken by device "${other}"`,
        });
        return;
      }
    }
    for (let u = pos.u; u <= top; u++) units.set(u, device.id);
  });
  return problems;
}
