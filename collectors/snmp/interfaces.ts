import type { InterfaceReading } from '../common/interface';
import type { SnmpValue, Varbinds } from './types';
import { counter, kindOf, num, text } from './parse';

/**
 * IF-MIB ifTable + ifXTable -> one InterfaceReading per ifIndex (pure). Only the columns the
 * `interface` measurement needs are walked, all in the same GETBULK requests.
 */

const IF_ENTRY = '1.3.6.1.2.1.2.2.1';
const IFX_ENTRY = '1.3.6.1.2.1.31.1.1.1';

/** Column name -> OID of the column (ifTable / ifXTable entry + column number). */
export const IF_COLUMNS = {
  ifDescr: `${IF_ENTRY}.2`,
  ifSpeed: `${IF_ENTRY}.5`,
  ifAdminStatus: `${IF_ENTRY}.7`,
  ifOperStatus: `${IF_ENTRY}.8`,
  ifInOctets: `${IF_ENTRY}.10`,
  ifInUcastPkts: `${IF_ENTRY}.11`,
  ifInDiscards: `${IF_ENTRY}.13`,
  ifInErrors: `${IF_ENTRY}.14`,
  ifOutOctets: `${IF_ENTRY}.16`,
  ifOutUcastPkts: `${IF_ENTRY}.17`,
  ifOutDiscards: `${IF_ENTRY}.19`,
  ifOutErrors: `${IF_ENTRY}.20`,
  ifName: `${IFX_ENTRY}.1`,
  ifHCInOctets: `${IFX_ENTRY}.6`,
  ifHCInUcastPkts: `${IFX_ENTRY}.7`,
  ifHCOutOctets: `${IFX_ENTRY}.10`,
  ifHCOutUcastPkts: `${IFX_ENTRY}.11`,
  ifHighSpeed: `${IFX_ENTRY}.15`,
  ifAlias: `${IFX_ENTRY}.18`,
  ifCounterDiscontinuityTime: `${IFX_ENTRY}.19`,
} as const;
export type IfColumn = keyof typeof IF_COLUMNS;

/** What the walker reads for interfaces. */
export const INTERFACE_WALK: string[] = Object.values(IF_COLUMNS);

export interface ParsedInterface extends InterfaceReading {
  ifDescr?: string;
  /** TimeTicks of the last counter discontinuity (ifXTable), to detect resets. */
  discontinuity?: number;
}

export interface InterfacesResult {
  interfaces: ParsedInterface[];
  /** Values of the wrong type, named by column and ifIndex; the field is left out. */
  problems: string[];
}

const COLUMN_BY_OID = new Map<string, IfColumn>(
  Object.entries(IF_COLUMNS).map(([name, oid]) => [oid, name as IfColumn]),
);

/** Groups varbinds by ifIndex (the last OID component in both tables) and column. */
function byIndex(vb: Varbinds): Map<string, Partial<Record<IfColumn, SnmpValue>>> {
  const rows = new Map<string, Partial<Record<IfColumn, SnmpValue>>>();
  for (const [oid, value] of vb) {
    const dot = oid.lastIndexOf('.');
    const name = COLUMN_BY_OID.get(oid.slice(0, dot));
    if (!name) continue;
    const index = oid.slice(dot + 1);
    let row = rows.get(index);
    if (!row) rows.set(index, (row = {}));
    row[name] = value;
  }
  return rows;
}

/**
 * One reading per interface, in ifIndex order. 64-bit ifHC* counters are used where the
 * device has them for that interface, the 32-bit ifTable ones otherwise (never mixed within
 * one interface, so one counter width applies to the rate maths).
 */
export function parseInterfaces(vb: Varbinds): InterfacesResult {
  const problems: string[] = [];
  const interfaces: ParsedInterface[] = [];
  const rows = [...byIndex(vb)].sort((a, b) => Number(a[0]) - Number(b[0]));
  for (const [ifIndex, row] of rows) {
    const numberOf = (col: IfColumn): number | undefined => {
      const v = row[col];
      const n = num(v);
      if (v !== undefined && n === undefined)
        problems.push(`${col}.${ifIndex}: expected a number, got ${kindOf(v)}`);
      return n;
    };
    const counterOf = (col: IfColumn): bigint | undefined => {
      const v = row[col];
      const c = counter(v);
      if (v !== undefined && c === undefined)
        problems.push(`${col}.${ifIndex}: expected a counter, got ${kindOf(v)}`);
      return c;
    };
    const textOf = (col: IfColumn): string | undefined => {
      const v = row[col];
      return v === undefined ? undefined : text(v);
    };

    const hcIn = counterOf('ifHCInOctets');
    const hcOut = counterOf('ifHCOutOctets');
    const hc = hcIn !== undefined || hcOut !== undefined;
    const ifDescr = textOf('ifDescr');
    const ifName = textOf('ifName') || ifDescr || `if${ifIndex}`;
    const highSpeed = numberOf('ifHighSpeed');
    const speed = numberOf('ifSpeed');
    const reading: ParsedInterface = {
      ifIndex,
      ifName,
      ifDescr,
      ifAlias: textOf('ifAlias') || undefined,
      adminStatus: numberOf('ifAdminStatus'),
      operStatus: numberOf('ifOperStatus'),
      speedMbps: speedMbps(highSpeed, speed),
      counterBits: hc ? 64 : 32,
      inOctets: hc ? hcIn : counterOf('ifInOctets'),
      outOctets: hc ? hcOut : counterOf('ifOutOctets'),
      inUcastPkts: hc ? counterOf('ifHCInUcastPkts') : counterOf('ifInUcastPkts'),
      outUcastPkts: hc ? counterOf('ifHCOutUcastPkts') : counterOf('ifOutUcastPkts'),
      inErrors: counterOf('ifInErrors'),
      outErrors: counterOf('ifOutErrors'),
      inDiscards: counterOf('ifInDiscards'),
      outDiscards: counterOf('ifOutDiscards'),
      discontinuity: numberOf('ifCounterDiscontinuityTime'),
    };
    // A row made only of a stray ifXTable entry without status or name is still an interface.
    interfaces.push(reading);
  }
  return { interfaces, problems };
}

/**
 * Mbit/s: ifHighSpeed when the device gives it (non-zero), else ifSpeed (bit/s) unless it is
 * the 4294967295 "too fast for 32 bits" marker.
 */
export function speedMbps(highSpeed: number | undefined, speed: number | undefined): number | undefined {
  if (highSpeed !== undefined && highSpeed > 0) return highSpeed;
  if (speed !== undefined && speed > 0 && speed < 4294967295) return speed / 1e6;
  if (highSpeed === 0 || speed === 0) return 0;
  return undefined;
}

/** Whether this interface's counters are not comparable with the previous poll's. */
export function discontinuityChanged(prev: number | undefined, cur: number | undefined): boolean {
  return prev !== undefined && cur !== undefined && prev !== cur;
}
