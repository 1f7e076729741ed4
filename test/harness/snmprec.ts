import * as fs from 'fs';
import * as path from 'path';
import type { SnmpValue, Varbinds } from '../../collectors/snmp/types';

/**
 * Reads snmpsim `.snmprec` recordings (`oid|type|value`, one per line) into the same `Varbinds`
 * shape the SNMP engine hands to the modules, so modules are tested on real device data
 * without a network. Type codes are BER tags: 2 Integer, 4 OctetString, 5 Null, 6 OID,
 * 64 IpAddress, 65 Counter32, 66 Gauge32, 67 TimeTicks, 68 Opaque, 70 Counter64,
 * 128-130 noSuchObject/noSuchInstance/endOfMibView. A trailing `x` (e.g. `4x`) means the value
 * is hex-encoded. A variation module may follow the type (`65:numeric`); its initial value is
 * used where the module states one, otherwise the line is left out, as a live walk would
 * return something we cannot predict.
 */

const INTEGER_TYPES = new Set([2, 65, 66, 67, 71]);

export function parseSnmprec(text: string): Varbinds {
  const vb: Varbinds = new Map();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const first = line.indexOf('|');
    const second = first < 0 ? -1 : line.indexOf('|', first + 1);
    if (first < 0 || second < 0) continue;
    const oid = line.slice(0, first).replace(/^\./, '');
    const value = decodeValue(line.slice(first + 1, second), line.slice(second + 1));
    if (value !== undefined && /^\d+(\.\d+)*$/.test(oid)) vb.set(oid, value);
  }
  return vb;
}

export function readSnmprec(file: string): Varbinds {
  return parseSnmprec(fs.readFileSync(file, 'utf8'));
}

/** One recorded value as net-snmp would deliver it (see SnmpValue); undefined to leave it out. */
export function decodeValue(tag: string, value: string): SnmpValue | undefined {
  const [typePart, variation] = splitTag(tag);
  const hex = typePart.endsWith('x');
  const type = Number(hex ? typePart.slice(0, -1) : typePart);
  if (!Number.isInteger(type)) return undefined;
  let payload = value;
  if (variation) {
    const initial = variationValue(value);
    if (initial === undefined) return undefined;
    payload = initial;
  }
  const bytes = hex ? Buffer.from(payload, 'hex') : Buffer.from(payload, 'utf8');
  if (INTEGER_TYPES.has(type)) {
    const digits = (hex ? bytes.toString('utf8') : payload).trim();
    return /^-?\d+$/.test(digits) ? Number(digits) : undefined;
  }
  switch (type) {
    case 4:
    case 68:
      return bytes;
    case 70:
      return /^\d+$/.test(payload.trim()) ? BigInt(payload.trim()) : undefined;
    case 6:
      return payload.replace(/^\./, '');
    case 64:
      return hex && bytes.length === 4 ? Array.from(bytes).join('.') : payload;
    default:
      // 5 Null and 128-130 (noSuchObject, noSuchInstance, endOfMibView) carry no value.
      return undefined;
  }
}

function splitTag(tag: string): [string, string | undefined] {
  const colon = tag.indexOf(':');
  return colon < 0 ? [tag, undefined] : [tag.slice(0, colon), tag.slice(colon + 1)];
}

/** `numeric`/`writecache` style values: `initial=5,rate=1` or `value=5`; a bare value as is. */
function variationValue(value: string): string | undefined {
  if (!value.includes('=')) return value;
  for (const part of value.split(',')) {
    const [key, v] = part.split('=');
    if ((key === 'initial' || key === 'value') && v !== undefined) return v;
  }
  return undefined;
}

/** The shared recordings (../shared/fixtures/snmprec beside the repository; never copied in). */
export const SNMPREC_DIR = path.resolve(__dirname, '../..', '../shared/fixtures/snmprec');

export function snmprecFiles(): string[] {
  return fs
    .readdirSync(SNMPREC_DIR)
    .filter((f) => f.endsWith('.snmprec'))
    .sort();
}

export function loadFixture(name: string): Varbinds {
  return readSnmprec(path.join(SNMPREC_DIR, name));
}

/** sysObjectID and sysDescr as the engine would pass them to profile detection. */
export function systemOf(vb: Varbinds): { sysObjectID: string; sysDescr: string } {
  const descr = vb.get('1.3.6.1.2.1.1.1.0');
  const oid = vb.get('1.3.6.1.2.1.1.2.0');
  return {
    sysObjectID: typeof oid === 'string' ? oid : '',
    sysDescr: Buffer.isBuffer(descr) ? descr.toString('utf8') : String(descr ?? ''),
  };
}
