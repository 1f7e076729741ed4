import { Cell, DeviceMib, scalar, ScalarDef, TableDef } from '../mib';
import { seed, Traffic, trafficBytes } from '../waves';

/**
 * What every simulated device shares: the system group (SNMPv2-MIB) and the interface tables
 * (IF-MIB ifTable + ifXTable) with counters computed from the lab clock.
 */

/** Seconds since the lab started; every moving value is a function of it. */
export type Clock = () => number;

export interface SystemSpec {
  descr: string;
  objectID: string;
  name: string;
  location: string;
  contact?: string;
  /** How long the device had been up when the lab started, so sysUpTime looks lived-in. */
  upBeforeSeconds: number;
  services?: number;
}

export const OID = {
  system: '1.3.6.1.2.1.1',
  ifNumber: '1.3.6.1.2.1.2.1',
  ifEntry: '1.3.6.1.2.1.2.2.1',
  ifXEntry: '1.3.6.1.2.1.31.1.1.1',
} as const;

export function systemGroup(clock: Clock, s: SystemSpec): ScalarDef[] {
  return [
    scalar('sysDescr', `${OID.system}.1`, 'str', s.descr),
    scalar('sysObjectID', `${OID.system}.2`, 'oid', s.objectID),
    scalar('sysUpTime', `${OID.system}.3`, 'ticks', () => Math.floor((s.upBeforeSeconds + clock()) * 100)),
    scalar('sysContact', `${OID.system}.4`, 'str', s.contact ?? 'noc@diskominfo.demo.go.id'),
    scalar('sysName', `${OID.system}.5`, 'str', s.name),
    scalar('sysLocation', `${OID.system}.6`, 'str', s.location),
    scalar('sysServices', `${OID.system}.7`, 'int', s.services ?? 78),
  ];
}

export interface PortSpec {
  /** ifName; ifDescr too unless `descr` is given. */
  name: string;
  descr?: string;
  alias?: string;
  speedMbps: number;
  /** Mean load as a fraction of the speed, each direction; omitted = link down (no traffic). */
  inLoad?: number;
  outLoad?: number;
  /** IANAifType: 6 ethernetCsmacd (default), 24 softwareLoopback, 53 propVirtual, 161 ieee8023adLag. */
  ifType?: number;
  mtu?: number;
}

const AVG_PACKET = 740;

export function portTraffic(port: PortSpec, direction: 'in' | 'out', load: number): Traffic {
  const s = seed(`${port.name}/${direction}`);
  return {
    meanBytesPerSecond: (port.speedMbps * 1e6 * load) / 8,
    slow: 0.35 + 0.2 * s,
    fast: 0.1 + 0.15 * s,
    phase: 2 * Math.PI * s,
  };
}

/**
 * ifNumber, ifTable and ifXTable for the given ports (ifIndex 1..n in order). Counters count
 * from the device's boot (`upBeforeSeconds` before the lab started), so they start large and
 * the 32-bit ones wrap within minutes on busy ports, as on a real device.
 */
export function interfaceTables(
  labClock: Clock,
  ports: PortSpec[],
  macBase: number,
  upBeforeSeconds = 0,
  /** ifX false: ifTable only (32-bit counters), as older management cards (APC NMC) answer. */
  opts: { ifX?: boolean } = {},
): DeviceMib {
  const clock = () => upBeforeSeconds + labClock();
  const rowsIf: Cell[][] = [];
  const rowsX: Cell[][] = [];
  ports.forEach((port, i) => {
    const ifIndex = i + 1;
    const up = port.inLoad !== undefined;
    const zero = () => 0n;
    const inBytes = up
      ? (
          (p: Traffic) => () =>
            trafficBytes(p, clock())
        )(portTraffic(port, 'in', port.inLoad!))
      : zero;
    const outBytes = up
      ? (
          (p: Traffic) => () =>
            trafficBytes(p, clock())
        )(portTraffic(port, 'out', port.outLoad ?? port.inLoad!))
      : zero;
    const pkts = (bytes: () => bigint, share: bigint) => () =>
      (bytes() * share) / (BigInt(AVG_PACKET) * 1000n);
    const mac = Buffer.alloc(6);
    mac.writeUIntBE(macBase + ifIndex, 0, 6);
    const isLoopback = port.ifType === 24;
    rowsIf.push([
      ifIndex,
      port.descr ?? port.name,
      port.ifType ?? 6,
      port.mtu ?? (isLoopback ? 65536 : 1500),
      Math.min(port.speedMbps * 1e6, 0xffffffff),
      isLoopback ? Buffer.alloc(0) : mac,
      1,
      up ? 1 : 2,
      300 + ifIndex * 17,
      inBytes,
      pkts(inBytes, 985n),
      pkts(inBytes, 15n),
      0,
      () => Number(inBytes() / 2_000_000_000n),
      0,
      outBytes,
      pkts(outBytes, 990n),
      pkts(outBytes, 10n),
      0,
      0,
      0,
      '0.0',
    ]);
    rowsX.push([
      ifIndex,
      port.name,
      pkts(inBytes, 10n),
      pkts(inBytes, 5n),
      pkts(outBytes, 7n),
      pkts(outBytes, 3n),
      inBytes,
      pkts(inBytes, 985n),
      pkts(inBytes, 10n),
      pkts(inBytes, 5n),
      outBytes,
      pkts(outBytes, 990n),
      pkts(outBytes, 7n),
      pkts(outBytes, 3n),
      1,
      port.speedMbps,
      2,
      isLoopback ? 2 : 1,
      port.alias ?? '',
      0,
    ]);
  });
  const ifTable: TableDef = {
    name: 'ifTable',
    oid: OID.ifEntry,
    columns: [
      [1, 'ifIndex', 'int'],
      [2, 'ifDescr', 'str'],
      [3, 'ifType', 'int'],
      [4, 'ifMtu', 'int'],
      [5, 'ifSpeed', 'gauge'],
      [6, 'ifPhysAddress', 'str'],
      [7, 'ifAdminStatus', 'int'],
      [8, 'ifOperStatus', 'int'],
      [9, 'ifLastChange', 'ticks'],
      [10, 'ifInOctets', 'c32'],
      [11, 'ifInUcastPkts', 'c32'],
      [12, 'ifInNUcastPkts', 'c32'],
      [13, 'ifInDiscards', 'c32'],
      [14, 'ifInErrors', 'c32'],
      [15, 'ifInUnknownProtos', 'c32'],
      [16, 'ifOutOctets', 'c32'],
      [17, 'ifOutUcastPkts', 'c32'],
      [18, 'ifOutNUcastPkts', 'c32'],
      [19, 'ifOutDiscards', 'c32'],
      [20, 'ifOutErrors', 'c32'],
      [21, 'ifOutQLen', 'gauge'],
      [22, 'ifSpecific', 'oid'],
    ],
    rows: rowsIf,
  };
  const ifXTable: TableDef = {
    name: 'ifXTable',
    oid: OID.ifXEntry,
    // ifXEntry AUGMENTS ifEntry: its index is ifIndex, which is not a column of ifXTable. Column 0
    // here is that index (not-accessible in the MIB, so never served) and column 1 is ifName.
    columns: [
      [0, 'ifXIndex', 'int', true],
      [1, 'ifName', 'str'],
      [2, 'ifInMulticastPkts', 'c32'],
      [3, 'ifInBroadcastPkts', 'c32'],
      [4, 'ifOutMulticastPkts', 'c32'],
      [5, 'ifOutBroadcastPkts', 'c32'],
      [6, 'ifHCInOctets', 'c64'],
      [7, 'ifHCInUcastPkts', 'c64'],
      [8, 'ifHCInMulticastPkts', 'c64'],
      [9, 'ifHCInBroadcastPkts', 'c64'],
      [10, 'ifHCOutOctets', 'c64'],
      [11, 'ifHCOutUcastPkts', 'c64'],
      [12, 'ifHCOutMulticastPkts', 'c64'],
      [13, 'ifHCOutBroadcastPkts', 'c64'],
      [14, 'ifLinkUpDownTrapEnable', 'int'],
      [15, 'ifHighSpeed', 'gauge'],
      [16, 'ifPromiscuousMode', 'int'],
      [17, 'ifConnectorPresent', 'int'],
      [18, 'ifAlias', 'str'],
      [19, 'ifCounterDiscontinuityTime', 'ticks'],
    ],
    rows: rowsX,
  };
  return {
    scalars: [scalar('ifNumber', OID.ifNumber, 'int', ports.length)],
    tables: opts.ifX === false ? [ifTable] : [ifTable, ifXTable],
  };
}

/** Joins parts of a device's MIB. */
export function merge(...parts: DeviceMib[]): DeviceMib {
  const attach = parts.filter((p) => p.attach).map((p) => p.attach!);
  return {
    scalars: parts.flatMap((p) => p.scalars),
    tables: parts.flatMap((p) => p.tables),
    attach: attach.length ? (mib) => attach.forEach((a) => a(mib)) : undefined,
  };
}
