import { DeviceMib, scalar, TableDef } from '../mib';
import { wander } from '../waves';
import { Clock, interfaceTables, merge, PortSpec, systemGroup } from './common';

/**
 * A MikroTik CCR core router (RouterOS 7): system group, ether1..ether8 + sfp-sfpplus1 + bridge
 * with moving 32/64-bit counters, and MIKROTIK-MIB health (legacy mtxrHl* scalars and the
 * RouterOS 7 mtxrGaugeTable), as a CCR2004 answers them.
 */
export const MIKROTIK = {
  sysObjectID: '1.3.6.1.4.1.14988.1',
  /** mtxrHlVoltage (dV), mtxrHlTemperature (0.1 °C), mtxrHlProcessorTemperature (0.1 °C). */
  mtxrHlVoltage: '1.3.6.1.4.1.14988.1.1.3.8',
  mtxrHlTemperature: '1.3.6.1.4.1.14988.1.1.3.10',
  mtxrHlProcessorTemperature: '1.3.6.1.4.1.14988.1.1.3.11',
  /** mtxrGaugeEntry: index, name (2), value (3), unit (4: 1 celsius, 2 rpm, 3 dV, 4 dA, 5 dW, 6 status). */
  mtxrGaugeEntry: '1.3.6.1.4.1.14988.1.1.3.100.1',
  mtxrLicSoftwareId: '1.3.6.1.4.1.14988.1.1.4.1',
  mtxrLicVersion: '1.3.6.1.4.1.14988.1.1.4.4',
  mtxrFirmwareVersion: '1.3.6.1.4.1.14988.1.1.7.4',
  mtxrSerialNumber: '1.3.6.1.4.1.14988.1.1.7.3',
} as const;

/** The router's ports: ether1 is the ISP uplink the demo configuration watches. */
export const MIKROTIK_PORTS: PortSpec[] = [
  { name: 'ether1', alias: 'ISP-1 PT ISP Demo', speedMbps: 1000, inLoad: 0.09, outLoad: 0.03 },
  { name: 'ether2', alias: 'ISP-2 cadangan', speedMbps: 1000, inLoad: 0.01, outLoad: 0.005 },
  { name: 'ether3', alias: 'Jaringan Intra - distribusi', speedMbps: 1000, inLoad: 0.05, outLoad: 0.12 },
  { name: 'ether4', alias: 'Pusat Data - server', speedMbps: 1000, inLoad: 0.04, outLoad: 0.07 },
  { name: 'ether5', alias: 'OPD Dinkes', speedMbps: 100, inLoad: 0.2, outLoad: 0.35 },
  { name: 'ether6', alias: 'OPD Disdik', speedMbps: 100, inLoad: 0.15, outLoad: 0.3 },
  { name: 'ether7', speedMbps: 1000 },
  { name: 'ether8', alias: 'Manajemen', speedMbps: 1000, inLoad: 0.001, outLoad: 0.001 },
  { name: 'sfp-sfpplus1', alias: 'Uplink core switch', speedMbps: 10000, inLoad: 0.03, outLoad: 0.025 },
  { name: 'bridge-lan', speedMbps: 10000, inLoad: 0.002, outLoad: 0.002, ifType: 209 },
];

/** How long the router had been up when the lab started (its counters count from then). */
export const MIKROTIK_UP_BEFORE = 41 * 86400 + 3 * 3600;

export function mikrotikRouter(clock: Clock, name = 'core-router'): DeviceMib {
  const t = clock;
  const gauges: [number, string, () => number, number][] = [
    [17, 'cpu-temperature', () => wander(47, 4, t(), 900), 1],
    [50, 'sfp-temperature', () => wander(41, 2, t(), 1300, 1), 1],
    [7001, 'fan1-speed', () => wander(3900, 150, t(), 400), 2],
    [7002, 'fan2-speed', () => wander(3950, 150, t(), 430, 2), 2],
    [7101, 'board-temperature1', () => wander(35, 2, t(), 1100), 1],
    [7401, 'psu1-state', () => 0, 6],
    [7402, 'psu2-state', () => 0, 6],
    [13, 'voltage', () => wander(243, 2, t(), 700), 3],
  ];
  const gaugeTable: TableDef = {
    name: 'mtxrGaugeTable',
    oid: MIKROTIK.mtxrGaugeEntry,
    columns: [
      [1, 'mtxrGaugeIndex', 'int', true],
      [2, 'mtxrGaugeName', 'str'],
      [3, 'mtxrGaugeValue', 'int'],
      [4, 'mtxrGaugeUnit', 'int'],
    ],
    rows: gauges.map(([index, gname, value, unit]) => [index, gname, value, unit]),
  };
  return merge(
    {
      scalars: systemGroup(clock, {
        descr: 'RouterOS CCR2004-1G-12S+2XS',
        objectID: MIKROTIK.sysObjectID,
        name,
        location: 'Pusat Data Diskominfo, Ruang Server 1, Rak R01',
        upBeforeSeconds: MIKROTIK_UP_BEFORE,
      }),
      tables: [gaugeTable],
    },
    interfaceTables(clock, MIKROTIK_PORTS, 0x64d154a10000, MIKROTIK_UP_BEFORE),
    {
      scalars: [
        scalar('mtxrHlVoltage', MIKROTIK.mtxrHlVoltage, 'int', () => wander(243, 2, t(), 700)),
        scalar('mtxrHlTemperature', MIKROTIK.mtxrHlTemperature, 'int', () => wander(350, 20, t(), 1100)),
        scalar('mtxrHlProcessorTemperature', MIKROTIK.mtxrHlProcessorTemperature, 'int', () =>
          wander(470, 40, t(), 900),
        ),
        scalar('mtxrLicSoftwareId', MIKROTIK.mtxrLicSoftwareId, 'str', 'DEMO-LAB1'),
        scalar('mtxrLicVersion', MIKROTIK.mtxrLicVersion, 'str', '7.16.2'),
        scalar('mtxrSerialNumber', MIKROTIK.mtxrSerialNumber, 'str', 'HD0847DEMO1'),
        scalar('mtxrFirmwareVersion', MIKROTIK.mtxrFirmwareVersion, 'str', '7.16.2'),
      ],
      tables: [],
    },
  );
}
