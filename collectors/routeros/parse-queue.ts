import type { FieldValue, Sample } from '../../agent/sample';
import { CounterPoint, counterRate } from '../common/counters';
import type { Row } from './connection';
import { parseBitRate, parsePair, toBigint } from './parse';

/**
 * Simple queues: the bandwidth each agency is allocated. RouterOS writes every figure as
 * "upload/download" seen from the queue's target (the agency's LAN): upload leaves the agency,
 * download reaches it. noc maps download -> `in`, upload -> `out`, as on the agency's own port.
 */

export interface QueueReading {
  name: string;
  target?: string;
  disabled: boolean;
  maxLimit?: { upload: number; download: number };
  rate?: { upload: number; download: number };
  bytes?: { upload: bigint; download: bigint };
}

export interface QueueBinding {
  name: string;
  agency: string;
  link?: string;
  target?: string;
}

export function parseQueues(rows: Row[]): QueueReading[] {
  return rows
    .filter((r) => r.name)
    .map((r) => ({
      name: r.name,
      target: r.target || undefined,
      disabled: r.disabled === 'true',
      maxLimit: parsePair(r['max-limit'], parseBitRate),
      rate: parsePair(r.rate, parseBitRate),
      bytes: parsePair(r.bytes, toBigint),
    }));
}

/** The configured binding of a queue: same name and, when the binding names one, the same target. */
export function bindingFor(queue: QueueReading, bindings: QueueBinding[]): QueueBinding | undefined {
  return bindings.find(
    (b) => b.name === queue.name && (!b.target || (queue.target ?? '').split(',').includes(b.target)),
  );
}

export type QueueMemory = { in?: CounterPoint; out?: CounterPoint };

/**
 * One `queue` sample per simple queue. in_bps/out_bps are averages over the poll interval from
 * the byte counters (a gap after a reset, like interfaces); rate_* is the router's own
 * short-term rate; utilisation is against max-limit (0 means unlimited: no percentage).
 */
export function queueSample(
  q: QueueReading,
  previous: QueueMemory | undefined,
  opts: { tags: Record<string, string>; time: number; countersReset: boolean; binding?: QueueBinding },
): { sample: Sample; memory: QueueMemory } {
  const fields: Record<string, FieldValue> = {};
  const memory: QueueMemory = {};
  const dirs = [
    ['in', 'download'],
    ['out', 'upload'],
  ] as const;
  for (const [dir, side] of dirs) {
    const limit = q.maxLimit?.[side];
    if (limit !== undefined) fields[`max_limit_${dir}_bps`] = limit;
    if (q.rate) fields[`rate_${dir}_bps`] = q.rate[side];
    const bytes = q.bytes?.[side];
    if (bytes === undefined) continue;
    fields[`bytes_${dir}`] = bytes;
    const point = { value: bytes, time: opts.time };
    memory[dir] = point;
    const rate = opts.countersReset ? undefined : counterRate(previous?.[dir], point, 64);
    if (rate === undefined) continue;
    const bps = rate * 8;
    fields[`${dir}_bps`] = bps;
    if (limit) fields[`${dir}_utilisation_percent`] = (bps / limit) * 100;
  }
  fields.disabled = q.disabled;
  const tags: Record<string, string> = { ...opts.tags, queue: q.name };
  if (q.target) tags.target = q.target;
  if (opts.binding) {
    tags.agency = opts.binding.agency;
    if (opts.binding.link) tags.link = opts.binding.link;
  }
  return { sample: { measurement: 'queue', tags, fields, time: opts.time }, memory };
}

/** DHCP lease counts per server (`/ip/dhcp-server/lease/print`); disabled leases are left out. */
export function dhcpSamples(rows: Row[], tags: Record<string, string>, time: number): Sample[] {
  const servers = new Map<string, Record<string, number>>();
  for (const row of rows) {
    if (row.disabled === 'true') continue;
    const server = row['active-server'] || row.server || 'all';
    const counts = servers.get(server) ?? { bound: 0, waiting: 0, offered: 0, busy: 0, total: 0 };
    servers.set(server, counts);
    counts.total++;
    if (row.status && row.status in counts) counts[row.status]++;
  }
  return [...servers].map(([server, c]) => ({
    measurement: 'dhcp',
    tags: { ...tags, server },
    fields: {
      leases_total: c.total,
      leases_bound: c.bound,
      leases_waiting: c.waiting,
      leases_offered: c.offered,
      leases_busy: c.busy,
    },
    time,
  }));
}

export type WirelessDriver = 'wireless' | 'wifiwave2' | 'wifi';

/** "-62@6Mbps" (legacy wireless) or "-56" (wifiwave2 / wifi) -> -62 / -56 dBm. */
export function parseSignal(text: string | undefined): number | undefined {
  const m = /^(-?\d+(?:\.\d+)?)/.exec(text ?? '');
  return m ? Number(m[1]) : undefined;
}

/** Registration-table rows -> clients and signal per wireless interface (no per-client series). */
export function wirelessSamples(
  rows: Row[],
  driver: WirelessDriver,
  tags: Record<string, string>,
  time: number,
): Sample[] {
  const byInterface = new Map<string, number[]>();
  const clients = new Map<string, number>();
  for (const row of rows) {
    const iface = row.interface ?? 'unknown';
    clients.set(iface, (clients.get(iface) ?? 0) + 1);
    const signal = parseSignal(row['signal-strength'] ?? row.signal);
    const list = byInterface.get(iface) ?? [];
    if (signal !== undefined) list.push(signal);
    byInterface.set(iface, list);
  }
  return [...clients].map(([iface, count]) => {
    const signals = byInterface.get(iface) ?? [];
    const fields: Record<string, FieldValue> = { clients: count };
    if (signals.length) {
      fields.signal_avg_dbm = Math.round((signals.reduce((a, b) => a + b, 0) / signals.length) * 10) / 10;
      fields.signal_min_dbm = Math.min(...signals);
      fields.signal_max_dbm = Math.max(...signals);
    }
    return { measurement: 'wireless', tags: { ...tags, interface: iface, driver }, fields, time };
  });
}

export interface Neighbor {
  interface: string;
  address?: string;
  macAddress?: string;
  identity?: string;
  platform?: string;
  board?: string;
  version?: string;
  /** The neighbour's own port name (LLDP/CDP/MNDP). */
  remoteInterface?: string;
}

/** `/ip/neighbor/print` -> topology hints for `noc discover`. */
export function parseNeighbors(rows: Row[]): Neighbor[] {
  return rows
    .filter((r) => r.interface)
    .map((r) => ({
      interface: r.interface,
      address: r.address || r.address4 || undefined,
      macAddress: r['mac-address'] || undefined,
      identity: r.identity || undefined,
      platform: r.platform || undefined,
      board: r.board || undefined,
      version: r.version || undefined,
      remoteInterface: r['interface-name'] || undefined,
    }));
}
