import * as snmp from 'net-snmp';

/**
 * A small way to write a simulated device's MIB as data (agent/lab/devices/*.ts) and serve it
 * with net-snmp's Agent. A cell is a constant or a function read at request time, so counters
 * move with the clock rather than with a timer: two GETs a second apart see a second of traffic.
 */

export type LabType = 'int' | 'str' | 'oid' | 'c32' | 'gauge' | 'ticks' | 'c64' | 'ip';
export type LabValue = number | bigint | string | Buffer;
export type Cell = LabValue | (() => LabValue);

export interface ScalarDef {
  name: string;
  /** The object's OID; the instance served is `${oid}.0`. */
  oid: string;
  type: LabType;
  value: Cell;
}

export interface TableDef {
  name: string;
  /** The entry OID (ifEntry 1.3.6.1.2.1.2.2.1, not ifTable). */
  oid: string;
  /**
   * [column number, name, type, not-accessible?]; the first column is the (integer) index unless
   * `index` says otherwise. A not-accessible index column is used for the row OID but not served.
   */
  columns: [number, string, LabType, boolean?][];
  index?: string[];
  rows: Cell[][];
}

export interface DeviceMib {
  scalars: ScalarDef[];
  tables: TableDef[];
  /** For parts whose rows come and go (UPS alarms): called once with the Mib after installation. */
  attach?: (mib: NetSnmpMib) => void;
}

export const scalar = (name: string, oid: string, type: LabType, value: Cell): ScalarDef => ({
  name,
  oid,
  type,
  value,
});

const OBJECT_TYPE: Record<LabType, number> = {
  int: snmp.ObjectType.Integer,
  str: snmp.ObjectType.OctetString,
  oid: snmp.ObjectType.OID,
  c32: snmp.ObjectType.Counter,
  gauge: snmp.ObjectType.Gauge,
  ticks: snmp.ObjectType.TimeTicks,
  c64: snmp.ObjectType.Counter64,
  ip: snmp.ObjectType.IpAddress,
};

const TWO_32 = 2n ** 32n;
const TWO_64 = 2n ** 64n;

/**
 * Counter64 content octets as a real agent sends them: the shortest two's-complement form of an
 * unsigned value, so a value with the top bit set gets a leading 0x00 (9 bytes) and small values
 * are short. net-snmp's encoder writes whatever Buffer it is given.
 */
export function counter64Bytes(value: bigint): Buffer {
  let v = ((value % TWO_64) + TWO_64) % TWO_64;
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return Buffer.from(bytes);
}

/** The wire value for a type: counters wrap at their width, gauges are clamped, numbers are whole. */
export function wireValue(type: LabType, value: LabValue): LabValue {
  switch (type) {
    case 'c64':
      return counter64Bytes(BigInt(value as number | bigint));
    case 'c32':
      return Number(BigInt(value as number | bigint) % TWO_32);
    case 'gauge':
    case 'ticks':
      return Math.min(Math.max(0, Math.round(Number(value))), 0xffffffff);
    case 'int':
      return Math.round(Number(value));
    default:
      return value;
  }
}

/** A value that passes net-snmp's row/scalar validation before the first request replaces it. */
function initialValue(type: LabType, value: LabValue): LabValue {
  if (type === 'c64') return Buffer.alloc(8);
  return wireValue(type, value);
}

const read = (cell: Cell): LabValue => (typeof cell === 'function' ? cell() : cell);

interface MibRequest {
  instanceNode: { oid: string; value: unknown };
  done(): void;
}

/** The part of net-snmp's Mib this module uses (its typings declare it as any). */
export interface NetSnmpMib {
  registerProvider(provider: unknown): void;
  setScalarValue(name: string, value: unknown): void;
  addTableRow(table: string, row: unknown[]): void;
  deleteTableRow(table: string, rowIndex: unknown[]): void;
}

/**
 * Registers every scalar and table of a device on a net-snmp Mib. Each provider's handler
 * recomputes the requested instance from its cell just before the agent answers (GET, GETNEXT
 * and GETBULK all pass through the handler).
 */
export function installMib(mib: NetSnmpMib, device: DeviceMib): void {
  const live = new Map<string, { type: LabType; cell: () => LabValue }>();
  const handler = (req: MibRequest) => {
    const entry = live.get(req.instanceNode.oid);
    if (entry) req.instanceNode.value = wireValue(entry.type, entry.cell());
    req.done();
  };
  for (const s of device.scalars) {
    mib.registerProvider({
      name: s.name,
      type: snmp.MibProviderType.Scalar,
      oid: s.oid,
      scalarType: OBJECT_TYPE[s.type],
      maxAccess: snmp.MaxAccess['read-only'],
      handler,
    });
    mib.setScalarValue(s.name, initialValue(s.type, read(s.value)));
    if (typeof s.value === 'function') live.set(`${s.oid}.0`, { type: s.type, cell: s.value });
  }
  for (const t of device.tables) {
    const index = t.index ?? [t.columns[0][1]];
    mib.registerProvider({
      name: t.name,
      type: snmp.MibProviderType.Table,
      oid: t.oid,
      maxAccess: snmp.MaxAccess['not-accessible'],
      tableColumns: t.columns.map(([number, name, type, hidden]) => ({
        number,
        name,
        type: OBJECT_TYPE[type],
        maxAccess: snmp.MaxAccess[hidden ? 'not-accessible' : 'read-only'],
      })),
      tableIndex: index.map((columnName) => ({ columnName })),
      handler,
    });
    const indexPositions = index.map((name) => t.columns.findIndex((c) => c[1] === name));
    for (const row of t.rows) {
      const values = row.map(read);
      mib.addTableRow(
        t.name,
        values.map((v, i) => initialValue(t.columns[i][2], v)),
      );
      const suffix = indexPositions.map((p) => String(values[p])).join('.');
      row.forEach((cell, i) => {
        if (typeof cell === 'function')
          live.set(`${t.oid}.${t.columns[i][0]}.${suffix}`, { type: t.columns[i][2], cell });
      });
    }
  }
  device.attach?.(mib);
}
