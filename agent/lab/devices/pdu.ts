import { DeviceMib, scalar, TableDef } from '../mib';
import { wander } from '../waves';
import { Clock, interfaceTables, merge, systemGroup } from './common';

/**
 * A single-phase APC rack PDU (AP8959EU3, PowerNet-MIB rPDU2 and the older rPDU load table):
 * device power and energy, phase current/voltage/power. Energy is the integral of the power,
 * so it only ever grows.
 */
export const APC_PDU = {
  sysObjectID: '1.3.6.1.4.1.318.1.3.4.6',
  /** rPDU2IdentEntry: index, module, name (3), location (4), ..., modelNumber (8), serialNumber (9). */
  rPDU2IdentEntry: '1.3.6.1.4.1.318.1.1.26.2.1.1',
  /** rPDU2DeviceStatusEntry: index, module, name, loadState (4), power (5, 0.01 kW), peakPower (6), ..., energy (9, 0.1 kWh), ..., apparentPower (16, 0.01 kVA), powerFactor (17, 0.01). */
  rPDU2DeviceStatusEntry: '1.3.6.1.4.1.318.1.1.26.4.3.1',
  /** rPDU2PhaseStatusEntry: index, module, number, loadState (4), current (5, 0.1 A), voltage (6, V), power (7, 0.01 kW), apparentPower (8), powerFactor (9). */
  rPDU2PhaseStatusEntry: '1.3.6.1.4.1.318.1.1.26.6.3.1',
  /** rPDULoadStatusEntry (older rPDU MIB): index, load (2, 0.1 A), loadState (3), phaseNumber (4), bankNumber (5). */
  rPDULoadStatusEntry: '1.3.6.1.4.1.318.1.1.12.2.3.1.1',
} as const;

export function apcPdu(clock: Clock, name = 'pdu-r01-a'): DeviceMib {
  const t = clock;
  const volts = () => wander(229, 2, t(), 310);
  const kw = () => wander(2.1, 0.25, t(), 420, 1.3);
  const amps = () => (kw() * 1000) / (volts() * 0.93);
  // Energy meter (0.1 kWh) since the PDU was commissioned: 41,6 MWh plus the mean 2,1 kW since.
  const energyTenths = () => Math.floor(416_000 + (2.1 * t()) / 360);
  const ident: TableDef = {
    name: 'rPDU2IdentTable',
    oid: APC_PDU.rPDU2IdentEntry,
    columns: [
      [1, 'rPDU2IdentIndex', 'int'],
      [2, 'rPDU2IdentModule', 'int'],
      [3, 'rPDU2IdentName', 'str'],
      [4, 'rPDU2IdentLocation', 'str'],
      [8, 'rPDU2IdentModelNumber', 'str'],
      [9, 'rPDU2IdentSerialNumber', 'str'],
    ],
    rows: [[1, 1, name, 'Rak R01 feed A', 'AP8959EU3', '5A1638E0DEMO']],
  };
  const device: TableDef = {
    name: 'rPDU2DeviceStatusTable',
    oid: APC_PDU.rPDU2DeviceStatusEntry,
    columns: [
      [1, 'rPDU2DeviceStatusIndex', 'int'],
      [2, 'rPDU2DeviceStatusModule', 'int'],
      [3, 'rPDU2DeviceStatusName', 'str'],
      [4, 'rPDU2DeviceStatusLoadState', 'int'],
      [5, 'rPDU2DeviceStatusPower', 'int'],
      [6, 'rPDU2DeviceStatusPeakPower', 'int'],
      [9, 'rPDU2DeviceStatusEnergy', 'int'],
      [16, 'rPDU2DeviceStatusApparentPower', 'int'],
      [17, 'rPDU2DeviceStatusPowerFactor', 'int'],
    ],
    rows: [[1, 1, name, 2, () => kw() * 100, 262, energyTenths, () => (kw() * 100) / 0.93, 93]],
  };
  const phase: TableDef = {
    name: 'rPDU2PhaseStatusTable',
    oid: APC_PDU.rPDU2PhaseStatusEntry,
    columns: [
      [1, 'rPDU2PhaseStatusIndex', 'int'],
      [2, 'rPDU2PhaseStatusModule', 'int'],
      [3, 'rPDU2PhaseStatusNumber', 'int'],
      [4, 'rPDU2PhaseStatusLoadState', 'int'],
      [5, 'rPDU2PhaseStatusCurrent', 'int'],
      [6, 'rPDU2PhaseStatusVoltage', 'int'],
      [7, 'rPDU2PhaseStatusPower', 'int'],
      [8, 'rPDU2PhaseStatusApparentPower', 'int'],
      [9, 'rPDU2PhaseStatusPowerFactor', 'int'],
    ],
    rows: [[1, 1, 1, 2, () => amps() * 10, volts, () => kw() * 100, () => (kw() * 100) / 0.93, 93]],
  };
  const legacy: TableDef = {
    name: 'rPDULoadStatusTable',
    oid: APC_PDU.rPDULoadStatusEntry,
    columns: [
      [1, 'rPDULoadStatusIndex', 'int'],
      [2, 'rPDULoadStatusLoad', 'gauge'],
      [3, 'rPDULoadStatusLoadState', 'int'],
      [4, 'rPDULoadStatusPhaseNumber', 'int'],
      [5, 'rPDULoadStatusBankNumber', 'int'],
    ],
    rows: [[1, () => amps() * 10, 1, 1, 0]],
  };
  return merge(
    {
      scalars: [
        ...systemGroup(clock, {
          descr:
            'APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.4.0 PN:apc_hw05_aos_640.bin AF1:v6.4.0 ' +
            'AN1:apc_hw05_rpdu2g_640.bin MN:AP8959EU3 HR:02 SN: 5A1638E0DEMO MD:09/20/2016)',
          objectID: APC_PDU.sysObjectID,
          name,
          location: 'Pusat Data Diskominfo, Rak R01',
          upBeforeSeconds: 200 * 86400,
        }),
        scalar('rPDUIdentName', '1.3.6.1.4.1.318.1.1.12.1.1', 'str', name),
      ],
      tables: [ident, device, phase, legacy],
    },
    interfaceTables(
      clock,
      [{ name: 'LAN', speedMbps: 100, inLoad: 0.0002, outLoad: 0.0003 }],
      0x0020850000,
      200 * 86400,
    ),
  );
}
