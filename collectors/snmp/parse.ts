import type { SnmpValue } from './types';

/**
 * Pure conversion of what net-snmp hands back into the values of the module contract
 * (collectors/snmp/types.ts), plus the OID helpers the walker needs. No I/O here.
 */

/** ASN.1 / SNMP type tags as net-snmp reports them in `varbind.type`. */
export const SnmpType = {
  Boolean: 1,
  Integer: 2,
  BitString: 3,
  OctetString: 4,
  Null: 5,
  OID: 6,
  IpAddress: 64,
  Counter32: 65,
  Gauge32: 66,
  TimeTicks: 67,
  Opaque: 68,
  Counter64: 70,
  NoSuchObject: 128,
  NoSuchInstance: 129,
  EndOfMibView: 130,
} as const;

export interface RawVarbind {
  oid: string;
  type?: number;
  value?: unknown;
}

/** The three SNMPv2 exceptions: the object is absent, which is not an error of the device. */
export function isException(type: number | undefined): boolean {
  return type === SnmpType.NoSuchObject || type === SnmpType.NoSuchInstance || type === SnmpType.EndOfMibView;
}

/**
 * Counter64 arrives as a big-endian Buffer of up to 8 bytes, sometimes 9 with a leading 0x00
 * (BER keeps a sign byte when the top bit is set). Anything longer than that is not a
 * Counter64 and yields undefined rather than a wrong number.
 */
export function counter64ToBigint(buf: Buffer): bigint | undefined {
  let start = 0;
  while (start < buf.length - 1 && buf[start] === 0) start++;
  if (buf.length - start > 8) return undefined;
  let v = 0n;
  for (let i = start; i < buf.length; i++) v = (v << 8n) | BigInt(buf[i]);
  return v;
}

/**
 * One varbind -> SnmpValue per the contract, or undefined when it carries nothing (exceptions,
 * Null) or a value that does not fit its declared type (the caller reports it).
 */
export function convertValue(vb: RawVarbind): SnmpValue | undefined {
  const { type, value } = vb;
  switch (type) {
    case SnmpType.Integer:
    case SnmpType.Counter32:
    case SnmpType.Gauge32:
    case SnmpType.TimeTicks:
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      if (typeof value === 'bigint') return Number(value);
      return undefined;
    case SnmpType.Boolean:
      return typeof value === 'boolean' ? (value ? 1 : 0) : undefined;
    case SnmpType.Counter64:
      if (Buffer.isBuffer(value)) return counter64ToBigint(value);
      if (typeof value === 'bigint') return value;
      if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
      return undefined;
    case SnmpType.OctetString:
    case SnmpType.Opaque:
    case SnmpType.BitString:
      if (Buffer.isBuffer(value)) return value;
      if (typeof value === 'string') return Buffer.from(value, 'latin1');
      return undefined;
    case SnmpType.OID:
    case SnmpType.IpAddress:
      return typeof value === 'string' ? value : undefined;
    default:
      return undefined;
  }
}

/** OID as a list of numbers, for ordering; "1.3.6.1" and ".1.3.6.1" give the same. */
export function oidParts(oid: string): number[] {
  return oid
    .replace(/^\./, '')
    .split('.')
    .map((p) => Number(p));
}

/**
 * Lexicographic OID order: negative when a < b. Compares component by component while scanning
 * the strings (no split): it runs once per varbind read, the hottest path of a poll.
 */
export function compareOids(a: string, b: string): number {
  let i = a.charCodeAt(0) === 46 ? 1 : 0;
  let j = b.charCodeAt(0) === 46 ? 1 : 0;
  const la = a.length;
  const lb = b.length;
  while (i < la && j < lb) {
    let x = 0;
    for (let c = a.charCodeAt(i); i < la && c !== 46; c = a.charCodeAt(++i)) x = x * 10 + c - 48;
    let y = 0;
    for (let c = b.charCodeAt(j); j < lb && c !== 46; c = b.charCodeAt(++j)) y = y * 10 + c - 48;
    if (x !== y) return x - y;
    i++;
    j++;
  }
  return (i < la ? 1 : 0) - (j < lb ? 1 : 0);
}

/** Whether `oid` lies strictly below `base` ("1.3.6.1.2.1.2.2.1.2.5" is in "1.3.6.1.2.1.2.2.1.2"). */
export function inSubtree(base: string, oid: string): boolean {
  return oid.startsWith(base + '.');
}

/** Text from an OCTET STRING: UTF-8, NUL padding some agents add removed, trimmed. */
export function text(v: SnmpValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (Buffer.isBuffer(v)) return v.toString('utf8').replace(/\0+$/, '').replace(/\0/g, '').trim();
  if (typeof v === 'string') return v;
  return String(v);
}

/** A number from an INTEGER/Gauge/Counter32/TimeTicks; undefined for any other type. */
export function num(v: SnmpValue | undefined): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

/** A counter as bigint (Counter32 numbers or Counter64); undefined for a wrong type. */
export function counter(v: SnmpValue | undefined): bigint | undefined {
  if (typeof v === 'bigint') return v >= 0n ? v : undefined;
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return BigInt(v);
  return undefined;
}

/** A short description of a value's kind, for error messages about wrong types. */
export function kindOf(v: SnmpValue | undefined): string {
  if (v === undefined) return 'nothing';
  if (Buffer.isBuffer(v)) return 'OCTET STRING';
  if (typeof v === 'bigint') return 'Counter64';
  if (typeof v === 'number') return 'number';
  return 'OBJECT IDENTIFIER/IpAddress';
}
