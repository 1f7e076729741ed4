import { DeviceMib, scalar, TableDef } from '../mib';
import { wander } from '../waves';
import { Clock, interfaceTables, merge, systemGroup } from './common';

/**
 * An APC Environmental Monitoring Unit (AP9340, PowerNet-MIB "EMS" and "mem" groups) with two
 * probes in the server room, serving the objects and value shapes of the real unit's recording
 * (../shared/fixtures/snmprec/sensor-apc_emu.snmprec): whole degrees Celsius and percent RH,
 * humidity 0 on a temperature-only probe, a probe port never connected ("Err", commStatus 1),
 * the same probes again in memSensorsStatusTable (index module.sensor), and an ifTable without
 * ifXTable. Temperatures drift slowly (22–24 °C in the room), humidity stays around 45 %.
 */
const EMS = '1.3.6.1.4.1.318.1.1.10.3';
const MEM = '1.3.6.1.4.1.318.1.1.10.4';
export const APC_EMU = {
  sysObjectID: '1.3.6.1.4.1.318.1.3.8.4',
  emsIdentEMSName: EMS + '.1.1',
  /** emsStatusSysTempUnits: celsius(1), fahrenheit(2). */
  emsStatusSysTempUnits: EMS + '.12.11',
  /** emsProbeStatusEntry: name (2), temperature (3), humidity (6, 0 = none), commStatus (10: 2 = commsEstablished). */
  emsProbeStatusEntry: EMS + '.13.1.1',
  memSensorsStatusSysTempUnits: MEM + '.2.1',
  /** memSensorsStatusEntry (index module.sensor): name (3), temperature (5), humidity (6, -1 = none), commStatus (7: 2 = commsOK). */
  memSensorsStatusEntry: MEM + '.2.3.1',
} as const;

interface Probe {
  name: string;
  location: string;
  temp: () => number;
  /** Omitted: a temperature-only probe. */
  humidity?: () => number;
}

export function apcEmu(clock: Clock, name = 'sensor-ruang1'): DeviceMib {
  const t = clock;
  const probes: Probe[] = [
    {
      name: 'Ruang Server 1',
      location: 'Dinding utara',
      temp: () => wander(23, 1, t(), 1500, 0.6),
      humidity: () => wander(45, 3, t(), 2100, 1.9),
    },
    { name: 'Rak R01 depan', location: 'Pintu depan rak R01', temp: () => wander(22, 0.8, t(), 1100, 2.7) },
  ];
  const emsRow = (p: Probe, i: number) => [
    i + 1,
    p.name,
    p.temp,
    27,
    15,
    p.humidity ?? 0,
    p.humidity ? 60 : 90,
    p.humidity ? 20 : 10,
    `L${i}`,
    2,
    0,
    35,
    10,
    p.humidity ? 80 : 99,
    0,
  ];
  const ems: TableDef = {
    name: 'emsProbeStatusTable',
    oid: APC_EMU.emsProbeStatusEntry,
    columns: [
      [1, 'emsProbeStatusProbeIndex', 'int'],
      [2, 'emsProbeStatusProbeName', 'str'],
      [3, 'emsProbeStatusProbeTemperature', 'int'],
      [4, 'emsProbeStatusProbeHighTempThresh', 'int'],
      [5, 'emsProbeStatusProbeLowTempThresh', 'int'],
      [6, 'emsProbeStatusProbeHumidity', 'int'],
      [7, 'emsProbeStatusProbeHighHumidThresh', 'int'],
      [8, 'emsProbeStatusProbeLowHumidThresh', 'int'],
      [9, 'emsProbeStatusProbeSerialNumber', 'str'],
      [10, 'emsProbeStatusProbeCommStatus', 'int'],
      [11, 'emsProbeStatusProbeAlarmStatus', 'int'],
      [12, 'emsProbeStatusProbeMaxTempThresh', 'int'],
      [13, 'emsProbeStatusProbeMinTempThresh', 'int'],
      [14, 'emsProbeStatusProbeMaxHumidThresh', 'int'],
      [15, 'emsProbeStatusProbeMinHumidThresh', 'int'],
    ],
    // The third port has never seen a probe: the card names it "Err" (as on the recorded unit).
    rows: [...probes.map(emsRow), [3, 'Err', 27, 59, 1, 29, 90, 10, 'L2', 1, 0, 60, 0, 99, 0]],
  };
  const mem: TableDef = {
    name: 'memSensorsStatusTable',
    oid: APC_EMU.memSensorsStatusEntry,
    index: ['memSensorsStatusModuleNumber', 'memSensorsStatusSensorNumber'],
    columns: [
      [1, 'memSensorsStatusModuleNumber', 'int'],
      [2, 'memSensorsStatusSensorNumber', 'int'],
      [3, 'memSensorsStatusSensorName', 'str'],
      [4, 'memSensorsStatusSensorLocation', 'str'],
      [5, 'memSensorsTemperature', 'int'],
      [6, 'memSensorsHumidity', 'int'],
      [7, 'memSensorsCommStatus', 'int'],
      [8, 'memSensorsAlarmStatus', 'int'],
    ],
    rows: probes.map((p, i) => [0, i + 1, p.name, p.location, p.temp, p.humidity ?? -1, 2, 1]),
  };
  return merge(
    {
      scalars: [
        ...systemGroup(clock, {
          descr:
            'APC Web/SNMP Management Card (MB:v3.8.6 PF:v3.5.7 PN:apc_hw03_aos_357.bin AF1:v3.5.6 ' +
            'AN1:apc_hw03_mem_356.bin MN:AP9340 HR:05 SN: ZA0808DEMO01 MD:02/23/2008)',
          objectID: APC_EMU.sysObjectID,
          name,
          location: 'Pusat Data Diskominfo, Ruang Server 1',
          upBeforeSeconds: 97 * 86400,
        }),
        scalar('emsIdentEMSName', APC_EMU.emsIdentEMSName, 'str', name),
        scalar('emsStatusSysTempUnits', APC_EMU.emsStatusSysTempUnits, 'int', 1),
        scalar('memSensorsStatusSysTempUnits', APC_EMU.memSensorsStatusSysTempUnits, 'int', 1),
      ],
      tables: [
        {
          name: 'emsOutputRelayControlTable',
          oid: EMS + '.2.1.1',
          columns: [
            [1, 'emsOutputRelayControlOutputRelayIndex', 'int'],
            [2, 'emsOutputRelayControlOutputRelayName', 'str'],
            [3, 'emsOutputRelayControlOutputRelayCommand', 'int'],
          ],
          rows: [[1, 'Relay', 2]],
        },
        {
          name: 'emsOutletControlTable',
          oid: EMS + '.3.1.1',
          columns: [
            [1, 'emsOutletControlOutletIndex', 'int'],
            [2, 'emsOutletControlOutletName', 'str'],
            [3, 'emsOutletControlOutletCommand', 'int'],
          ],
          rows: [[1, 'Outlet', 2]],
        },
        ems,
        mem,
      ],
    },
    interfaceTables(
      clock,
      [
        { name: 'LOOPBACK', speedMbps: 0, ifType: 24, mtu: 1500, inLoad: 0, outLoad: 0 },
        { name: 'lance', speedMbps: 10, inLoad: 0.0004, outLoad: 0.0006 },
      ],
      0x00c0b7cd0000,
      97 * 86400,
      { ifX: false },
    ),
  );
}
