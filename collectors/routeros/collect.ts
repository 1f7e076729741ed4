import { Row, RouterosConnection, TrapError } from './connection';
import type { WirelessDriver } from './parse-queue';

/**
 * The reads of one poll, sent at once over the one session (the router answers them
 * interleaved, told apart by `.tag`). `.proplist` keeps the replies to what noc uses.
 */

export type ReadName =
  'interfaces' | 'resource' | 'health' | 'queues' | 'leases' | 'neighbors' | WirelessDriver;

export const READS: Record<ReadName, string[]> = {
  interfaces: [
    '/interface/print',
    '=stats=',
    '=.proplist=.id,name,type,comment,running,disabled,rx-byte,tx-byte,rx-packet,tx-packet,rx-error,tx-error,rx-drop,tx-drop,link-downs',
  ],
  resource: [
    '/system/resource/print',
    '=.proplist=uptime,version,board-name,architecture-name,cpu-load,cpu-count,free-memory,total-memory,free-hdd-space,total-hdd-space',
  ],
  // No proplist: the v6 form has one attribute per sensor, and which ones depends on the board.
  health: ['/system/health/print'],
  queues: ['/queue/simple/print', '=stats=', '=.proplist=name,target,disabled,max-limit,rate,bytes'],
  leases: ['/ip/dhcp-server/lease/print', '=.proplist=server,active-server,status,disabled'],
  neighbors: [
    '/ip/neighbor/print',
    '=.proplist=interface,address,address4,mac-address,identity,platform,board,version,interface-name',
  ],
  // Wireless clients live under a different menu per wireless package: legacy `wireless`
  // (v6, v7), `wifiwave2` (v7 before 7.13) and `wifi` (7.13 and later).
  wireless: ['/interface/wireless/registration-table/print', '=.proplist=interface,signal-strength'],
  wifiwave2: ['/interface/wifiwave2/registration-table/print', '=.proplist=interface,signal'],
  wifi: ['/interface/wifi/registration-table/print', '=.proplist=interface,signal'],
};

export interface RouterRead {
  rows: Partial<Record<ReadName, Row[]>>;
  errors: { read: ReadName; error: Error }[];
}

/** A menu the router does not have (package not installed, older or newer RouterOS). */
export function isMissingMenu(err: unknown): boolean {
  return err instanceof TrapError && /no such command/i.test(err.detail);
}

/**
 * Runs every read not known to be missing on this router. Missing menus are added to
 * `missing` and not asked again; other failures are returned per read.
 */
export async function readRouter(
  conn: RouterosConnection,
  missing: Set<ReadName>,
  signal?: AbortSignal,
): Promise<RouterRead> {
  const names = (Object.keys(READS) as ReadName[]).filter((n) => !missing.has(n));
  const results = await Promise.allSettled(names.map((n) => conn.command(READS[n], { signal })));
  const read: RouterRead = { rows: {}, errors: [] };
  results.forEach((r, i) => {
    const name = names[i];
    if (r.status === 'fulfilled') read.rows[name] = r.value;
    else if (isMissingMenu(r.reason)) missing.add(name);
    else read.errors.push({ read: name, error: r.reason as Error });
  });
  return read;
}
