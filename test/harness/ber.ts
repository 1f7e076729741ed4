/**
 * Just enough BER (X.690) to be an SNMPv2c agent in tests: read requests, write responses.
 * Written here instead of borrowing net-snmp's encoder so the simulated device is independent
 * of the library the collector uses.
 */

export interface Tlv {
  tag: number;
  /** Offset of the content in the buffer, and its end. */
  start: number;
  end: number;
}

export function readTlv(buf: Buffer, pos: number): Tlv {
  const tag = buf[pos];
  let len = buf[pos + 1];
  let start = pos + 2;
  if (len & 0x80) {
    const n = len & 0x7f;
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + buf[start + i];
    start += n;
  }
  if (start + len > buf.length) throw new Error('truncated BER');
  return { tag, start, end: start + len };
}

/** The TLVs inside a constructed value. */
export function children(buf: Buffer, tlv: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let p = tlv.start; p < tlv.end;) {
    const c = readTlv(buf, p);
    out.push(c);
    p = c.end;
  }
  return out;
}

export function readInt(buf: Buffer, t: Tlv): number {
  let v = buf[t.start] & 0x80 ? -1 : 0;
  for (let i = t.start; i < t.end; i++) v = v * 256 + buf[i];
  return v;
}

export function readOid(buf: Buffer, t: Tlv): string {
  const parts: number[] = [];
  const first = buf[t.start];
  parts.push(Math.floor(first / 40), first % 40);
  let v = 0;
  for (let i = t.start + 1; i < t.end; i++) {
    v = v * 128 + (buf[i] & 0x7f);
    if (!(buf[i] & 0x80)) {
      parts.push(v);
      v = 0;
    }
  }
  return parts.join('.');
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), length(content.length), content]);
}

export function seq(tag: number, parts: Buffer[]): Buffer {
  return tlv(tag, Buffer.concat(parts));
}

/** Signed INTEGER, minimal two's complement. */
export function int(tag: number, v: number): Buffer {
  const bytes: number[] = [];
  let x = BigInt(v);
  for (;;) {
    bytes.unshift(Number(x & 0xffn));
    x >>= 8n;
    if ((x === 0n && !(bytes[0] & 0x80)) || (x === -1n && bytes[0] & 0x80)) break;
  }
  return tlv(tag, Buffer.from(bytes));
}

/** Unsigned (Counter32, Gauge32, TimeTicks, Counter64): a leading 0x00 when the top bit is set. */
export function uint(tag: number, v: number | bigint): Buffer {
  const bytes: number[] = [];
  let x = BigInt(v);
  do {
    bytes.unshift(Number(x & 0xffn));
    x >>= 8n;
  } while (x > 0n);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return tlv(tag, Buffer.from(bytes));
}

export function oid(tag: number, dotted: string): Buffer {
  const p = dotted.split('.').map(Number);
  const bytes: number[] = [p[0] * 40 + p[1]];
  for (const n of p.slice(2)) {
    const chunk: number[] = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return tlv(tag, Buffer.from(bytes));
}
