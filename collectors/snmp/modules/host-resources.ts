import type { Sample } from '../../../agent/sample';
import { detectProfile } from '../profiles';
import type { ModuleContext, SnmpModule, SystemInfo, Varbinds } from '../types';
import { bytes, compact, num, round, sample, table, text } from './util';

/**
 * HOST-RESOURCES-MIB (RFC 2790): processor load, memory and disks from hrStorage, process
 * count and host uptime. Servers (net-snmp, Windows) and many network OSes (RouterOS) answer it.
 */

export const HR = {
  systemUptime: '1.3.6.1.2.1.25.1.1.0',
  systemProcesses: '1.3.6.1.2.1.25.1.6.0',
  storageEntry: '1.3.6.1.2.1.25.2.3.1',
  processorEntry: '1.3.6.1.2.1.25.3.3.1',
  /** hrStorageTypes: …25.2.1.N */
  storageType: '1.3.6.1.2.1.25.2.1.',
} as const;

const RAM = HR.storageType + '2';
const VIRTUAL = HR.storageType + '3';
/** fixedDisk, removableDisk, floppy, compactDisc, ramDisk, flashMemory, networkDisk. */
const DISKS = new Set([4, 5, 6, 7, 8, 9, 10].map((n) => HR.storageType + n));

/** Storage sizes are INTEGER (signed 32-bit); Windows wraps large volumes negative. */
function units(v: number | undefined): number | undefined {
  if (v === undefined) return undefined;
  return v < 0 ? v + 2 ** 32 : v;
}

interface StorageRow {
  index: string;
  type: string;
  descr: string;
  total: number;
  used: number;
}

function storageRows(vb: Varbinds): StorageRow[] {
  const rows: StorageRow[] = [];
  for (const [index, row] of table(vb, HR.storageEntry)) {
    const type = row.get(2);
    const alloc = num(row.get(4));
    const size = units(num(row.get(5)));
    const used = units(num(row.get(6)));
    if (typeof type !== 'string' || !alloc || alloc <= 0 || size === undefined || used === undefined)
      continue;
    rows.push({
      index,
      type,
      descr: text(row.get(3)) || `storage ${index}`,
      total: size * alloc,
      used: used * alloc,
    });
  }
  return rows;
}

function percent(used: number, total: number): number | undefined {
  return total > 0 ? round((used / total) * 100) : undefined;
}

function memorySample(rows: StorageRow[], ctx: ModuleContext): Sample | undefined {
  const ram = rows.find((r) => r.type === RAM && r.total > 0);
  if (!ram) return undefined;
  // net-snmp on Linux counts buffers and page cache as used RAM and lists them as their own
  // rows; take them out so "used" means what `free` calls used.
  const buffers = rows.find((r) => /^Memory buffers$/i.test(r.descr))?.used ?? 0;
  const cached = rows.find((r) => /^Cached memory$/i.test(r.descr))?.used ?? 0;
  const used = Math.max(0, ram.used - buffers - cached);
  const swap = rows.find((r) => r.type === VIRTUAL && /swap/i.test(r.descr));
  return sample(
    'memory',
    ctx,
    {},
    {
      total_bytes: bytes(ram.total),
      used_bytes: bytes(used),
      used_percent: percent(used, ram.total),
      buffers_bytes: bytes(buffers || undefined),
      cached_bytes: bytes(cached || undefined),
      swap_total_bytes: bytes(swap?.total),
      swap_used_bytes: bytes(swap?.used),
    },
  );
}

function storageSamples(rows: StorageRow[], ctx: ModuleContext): (Sample | undefined)[] {
  return rows
    .filter((r) => DISKS.has(r.type) && r.total > 0)
    .map((r) =>
      sample(
        'storage',
        ctx,
        { path: r.descr, index: r.index },
        { total_bytes: bytes(r.total), used_bytes: bytes(r.used), used_percent: percent(r.used, r.total) },
      ),
    );
}

function cpuSamples(vb: Varbinds, ctx: ModuleContext): (Sample | undefined)[] {
  const loads: number[] = [];
  for (const [, row] of table(vb, HR.processorEntry)) {
    const load = num(row.get(2));
    if (load !== undefined && load >= 0 && load <= 100) loads.push(load);
  }
  if (loads.length === 0) return [];
  const average = round(loads.reduce((a, b) => a + b, 0) / loads.length);
  return [
    sample('cpu', ctx, { cpu: 'cpu-total' }, { load_percent: average, cores: loads.length }),
    ...loads.map((load, i) => sample('cpu', ctx, { cpu: `cpu${i}` }, { load_percent: load })),
  ];
}

export function parseHostResources(vb: Varbinds, ctx: ModuleContext): Sample[] {
  const rows = storageRows(vb);
  const uptimeTicks = num(vb.get(HR.systemUptime));
  const processes = num(vb.get(HR.systemProcesses));
  return compact([
    ...cpuSamples(vb, ctx),
    memorySample(rows, ctx),
    ...storageSamples(rows, ctx),
    // The host's own counters beside the agent's sysUpTime in `system` (same device tag).
    sample(
      'system',
      ctx,
      {},
      {
        processes: processes !== undefined && processes >= 0 ? processes : undefined,
        host_uptime_seconds:
          uptimeTicks !== undefined && uptimeTicks >= 0 ? Math.floor(uptimeTicks / 100) : undefined,
      },
    ),
  ]);
}

export const hostResourcesModule: SnmpModule = {
  name: 'host-resources',
  walk: ['1.3.6.1.2.1.25.1', HR.storageEntry, HR.processorEntry + '.2'],
  // UPS, PDU and sensor cards do not implement it; every OS-based device may.
  applies: (system: SystemInfo) => !['ups', 'pdu', 'sensor'].includes(detectProfile(system).kind),
  parse: parseHostResources,
};
