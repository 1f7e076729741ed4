import { createSocket, Socket } from 'node:dgram';
import { children, int, oid as encOid, readInt, readOid, readTlv, seq, tlv, uint } from './ber';

/**
 * A simulated SNMPv2c device for the dynamic cases no recording can play: counters the test
 * moves between polls, reboots, tooBig above a size, no answer at all, garbage answers, tables
 * that never end, OIDs that go backwards, wrong value types. It follows RFC 3416 for GET,
 * GETNEXT and GETBULK on a MIB the test edits.
 */

export type SimValue =
  | { type: 'int'; value: number }
  | { type: 'str'; value: string | Buffer }
  | { type: 'oid'; value: string }
  | { type: 'counter32' | 'gauge' | 'ticks'; value: number }
  | { type: 'counter64'; value: bigint }
  | { type: 'noSuchObject' | 'noSuchInstance' };

const TAG = {
  int: 0x02,
  str: 0x04,
  null: 0x05,
  oid: 0x06,
  counter32: 0x41,
  gauge: 0x42,
  ticks: 0x43,
  counter64: 0x46,
};
const PDU = { get: 0xa0, getNext: 0xa1, response: 0xa2, getBulk: 0xa5 };

export interface SimBehaviour {
  /** Never answer (a device that is down or filtered). */
  silent?: boolean;
  /** Answer with bytes that are not SNMP. */
  garbage?: boolean;
  /** Answer tooBig when a response would hold more varbinds than this. */
  maxVarbinds?: number;
  /** Consulted before the MIB for GETNEXT/GETBULK: a made-up next object, or undefined for the MIB's. */
  next?: (oid: string) => { oid: string; value: SimValue } | undefined;
}

function cmp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return pa.length - pb.length;
}

function encodeValue(v: SimValue | 'end'): Buffer {
  if (v === 'end') return tlv(0x82, Buffer.alloc(0));
  switch (v.type) {
    case 'int':
      return int(TAG.int, v.value);
    case 'str':
      return tlv(TAG.str, Buffer.isBuffer(v.value) ? v.value : Buffer.from(v.value));
    case 'oid':
      return encOid(TAG.oid, v.value);
    case 'counter32':
    case 'gauge':
    case 'ticks':
      return uint(TAG[v.type], v.value);
    case 'counter64':
      return uint(TAG.counter64, v.value);
    case 'noSuchObject':
      return tlv(0x80, Buffer.alloc(0));
    case 'noSuchInstance':
      return tlv(0x81, Buffer.alloc(0));
  }
}

export class SimAgent {
  readonly mib = new Map<string, SimValue>();
  /** The MIB's OIDs in order, rebuilt after set(). */
  private sorted?: string[];
  behaviour: SimBehaviour = {};
  /** max-repetitions of every GETBULK received, in order. */
  readonly bulkLog: number[] = [];
  requests = 0;
  private socket?: Socket;
  port = 0;

  constructor(readonly community = 'public') {}

  async start(): Promise<number> {
    const socket = createSocket('udp4');
    this.socket = socket;
    socket.on('message', (msg, rinfo) => {
      try {
        const reply = this.handle(msg);
        if (reply) socket.send(reply, rinfo.port, rinfo.address);
      } catch {
        // A request we cannot decode is dropped, as a real agent does.
      }
    });
    await new Promise<void>((r) => socket.bind(0, '127.0.0.1', () => r()));
    this.port = socket.address().port;
    return this.port;
  }

  stop(): Promise<void> {
    return new Promise((r) => (this.socket ? this.socket.close(() => r()) : r()));
  }

  set(values: Record<string, SimValue>): void {
    for (const [k, v] of Object.entries(values)) this.mib.set(k, v);
    this.sorted = undefined;
  }

  private handle(msg: Buffer): Buffer | undefined {
    this.requests++;
    if (this.behaviour.silent) return undefined;
    if (this.behaviour.garbage) return Buffer.from('this is not an SNMP message at all');
    const top = children(msg, readTlv(msg, 0));
    const version = readInt(msg, top[0]);
    const community = msg.subarray(top[1].start, top[1].end).toString();
    if (version !== 1 || community !== this.community) return undefined;
    const pdu = top[2];
    const [reqId, f1, f2, vbList] = children(msg, pdu);
    const oids = children(msg, vbList).map((vb) => readOid(msg, children(msg, vb)[0]));
    const id = readInt(msg, reqId);
    let out: [string, SimValue | 'end'][];
    if (pdu.tag === PDU.get) out = oids.map((o) => [o, this.mib.get(o) ?? { type: 'noSuchObject' }]);
    else if (pdu.tag === PDU.getNext) out = oids.map((o) => this.next(o));
    else if (pdu.tag === PDU.getBulk) {
      const nonRep = readInt(msg, f1);
      const maxRep = readInt(msg, f2);
      this.bulkLog.push(maxRep);
      out = oids.slice(0, nonRep).map((o) => this.next(o));
      let cursor = oids.slice(nonRep);
      for (let r = 0; r < maxRep && cursor.length; r++) {
        const row = cursor.map((o) => this.next(o));
        out.push(...row);
        cursor = row.map(([o]) => o);
        if (row.every(([, v]) => v === 'end')) break;
      }
    } else return undefined;
    const limit = this.behaviour.maxVarbinds;
    const tooBig = limit !== undefined && out.length > limit;
    const varbinds = (tooBig ? [] : out).map(([o, v]) => seq(0x30, [encOid(TAG.oid, o), encodeValue(v)]));
    const body = seq(PDU.response, [
      int(0x02, id),
      int(0x02, tooBig ? 1 : 0),
      int(0x02, 0),
      seq(0x30, varbinds),
    ]);
    return seq(0x30, [int(0x02, version), tlv(TAG.str, Buffer.from(community)), body]);
  }

  private next(o: string): [string, SimValue | 'end'] {
    const made = this.behaviour.next?.(o);
    if (made) return [made.oid, made.value];
    const keys = (this.sorted ??= [...this.mib.keys()].sort(cmp));
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(keys[mid], o) > 0) hi = mid;
      else lo = mid + 1;
    }
    const k = keys[lo];
    return k ? [k, this.mib.get(k)!] : [o, 'end'];
  }
}

/** A MIB for a small device: system group plus `count` interfaces with the given counters. */
export function deviceMib(opts: {
  uptimeTicks: number;
  interfaces: { name: string; hcIn?: bigint; in32?: number; speedMbps?: number; discontinuity?: number }[];
}): Record<string, SimValue> {
  const m: Record<string, SimValue> = {
    '1.3.6.1.2.1.1.1.0': { type: 'str', value: 'Simulated device' },
    '1.3.6.1.2.1.1.2.0': { type: 'oid', value: '1.3.6.1.4.1.99999.1' },
    '1.3.6.1.2.1.1.3.0': { type: 'ticks', value: opts.uptimeTicks },
    '1.3.6.1.2.1.1.4.0': { type: 'str', value: 'noc@example.go.id' },
    '1.3.6.1.2.1.1.5.0': { type: 'str', value: 'sim-1' },
    '1.3.6.1.2.1.1.6.0': { type: 'str', value: 'Ruang Server' },
  };
  opts.interfaces.forEach((i, n) => {
    const idx = n + 1;
    m[`1.3.6.1.2.1.2.2.1.2.${idx}`] = { type: 'str', value: i.name };
    m[`1.3.6.1.2.1.2.2.1.5.${idx}`] = { type: 'gauge', value: (i.speedMbps ?? 100) * 1e6 };
    m[`1.3.6.1.2.1.2.2.1.7.${idx}`] = { type: 'int', value: 1 };
    m[`1.3.6.1.2.1.2.2.1.8.${idx}`] = { type: 'int', value: 1 };
    if (i.in32 !== undefined) m[`1.3.6.1.2.1.2.2.1.10.${idx}`] = { type: 'counter32', value: i.in32 };
    if (i.hcIn !== undefined) {
      m[`1.3.6.1.2.1.31.1.1.1.1.${idx}`] = { type: 'str', value: i.name };
      m[`1.3.6.1.2.1.31.1.1.1.6.${idx}`] = { type: 'counter64', value: i.hcIn };
      m[`1.3.6.1.2.1.31.1.1.1.15.${idx}`] = { type: 'gauge', value: i.speedMbps ?? 100 };
      m[`1.3.6.1.2.1.31.1.1.1.19.${idx}`] = { type: 'ticks', value: i.discontinuity ?? 0 };
    }
  });
  return m;
}
