import { DeviceMib, scalar, TableDef } from '../mib';
import { wander } from '../waves';
import { Clock, interfaceTables, merge, systemGroup } from './common';
import { demoRackPower, PowerModel } from './rack-power';

/**
 * A single-phase APC metered rack PDU (AP8959EU3, AOS 6.4), serving the objects and value shapes
 * of the real unit's recording (../shared/fixtures/snmprec/pdu-apc_ap8959eu3.snmprec): PowerNet
 * rPDU2 device and phase status (every column, timestamps as the card's "MM/DD/YYYY hh:mm:ss"
 * strings), the rPDU2 temperature/humidity port with no probe plugged in, the older rPDU ident,
 * phase thresholds and load table, the sPDU ident, and an ifTable without ifXTable. Power is what
 * the rack it feeds draws (rack-power.ts); energy is its exact integral, so it only grows.
 */
const R2 = '1.3.6.1.4.1.318.1.1.26';
const R1 = '1.3.6.1.4.1.318.1.1.12';
export const APC_PDU = {
  sysObjectID: '1.3.6.1.4.1.318.1.3.4.6',
  /** rPDU2IdentEntry: index, module, name (3), location (4), ..., modelNumber (8), serialNumber (9). */
  rPDU2IdentEntry: R2 + '.2.1.1',
  /** rPDU2DeviceStatusEntry: loadState (4), power (5, 0.01 kW), peakPower (6), energy (9, 0.1 kWh), apparentPower (16, 0.01 kVA), powerFactor (17, 0.01). */
  rPDU2DeviceStatusEntry: R2 + '.4.3.1',
  /** rPDU2PhaseStatusEntry: number (3), loadState (4), current (5, 0.1 A), voltage (6, V), power (7, 0.01 kW), apparentPower (8), powerFactor (9), peakCurrent (10). */
  rPDU2PhaseStatusEntry: R2 + '.6.3.1',
  /** rPDU2SensorTempHumidityStatusEntry: commStatus (6: 1 notInstalled, 2 commsOK), tempC (8, 0.1 °C), humidity (10). */
  rPDU2SensorTempHumidityStatusEntry: R2 + '.10.2.2.1',
  /** rPDUIdent: hardware revision (.2), model (.5), serial (.6), line-to-neutral voltage (.15), device power W (.16). */
  rPDUIdent: R1 + '.1',
  /** rPDULoadPhaseConfigEntry: lowLoad (2), nearOverload (3), overload (4) thresholds in A. */
  rPDULoadPhaseConfigEntry: R1 + '.2.2.1.1',
  /** rPDULoadStatusEntry: index, load (2, 0.1 A), loadState (3), phaseNumber (4), bankNumber (5). */
  rPDULoadStatusEntry: R1 + '.2.3.1.1',
  /** sPDUIdent (MasterSwitch): hardware revision (.1), model (.4), serial (.5). */
  sPDUIdent: '1.3.6.1.4.1.318.1.1.4.1',
} as const;

const SERIAL = '5A1638E0DEMO';
const MODEL = 'AP8959EU3';
const POWER_FACTOR = 0.95;
/** rPDULoadPhaseConfig thresholds of the real unit (A): low 0, near overload 13, overload 16. */
const NEAR_OVERLOAD_A = 13;
const OVERLOAD_A = 16;
/** The meter had counted this much (kWh) before the lab started. */
const ENERGY_BEFORE_KWH = 19_677.4;

/** rPDU2 load state: lowLoad(1), normal(2), nearOverload(3), overload(4). */
export function pduLoadState(amps: number): number {
  if (amps >= OVERLOAD_A) return 4;
  if (amps >= NEAR_OVERLOAD_A) return 3;
  return amps < 0.5 ? 1 : 2;
}

export function apcPdu(clock: Clock, name = 'pdu-r01-a', power: PowerModel = demoRackPower()): DeviceMib {
  const t = clock;
  const watts = () => power.watts(t());
  const volts = () => wander(229, 2, t(), 310);
  const amps = () => watts() / (volts() * POWER_FACTOR);
  const peakAmps = () => Math.ceil((power.peakWatts / (225 * POWER_FACTOR)) * 10);
  const energyTenths = () => Math.floor((ENERGY_BEFORE_KWH + power.wattHours(t()) / 1000) * 10);
  const since = '01/06/2025 08:30:00';
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
    rows: [[1, 1, name, 'Rak R01 feed A', MODEL, SERIAL]],
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
      [7, 'rPDU2DeviceStatusPeakPowerTimestamp', 'str'],
      [8, 'rPDU2DeviceStatusPeakPowerStartTime', 'str'],
      [9, 'rPDU2DeviceStatusEnergy', 'int'],
      [10, 'rPDU2DeviceStatusEnergyStartTime', 'str'],
      [11, 'rPDU2DeviceStatusCommandPending', 'int'],
      [12, 'rPDU2DeviceStatusPowerSupplyAlarm', 'int'],
      [13, 'rPDU2DeviceStatusPowerSupply1Status', 'int'],
      [14, 'rPDU2DeviceStatusPowerSupply2Status', 'int'],
      [15, 'rPDU2DeviceStatusOutletsEnergyStartTime', 'str'],
      [16, 'rPDU2DeviceStatusApparentPower', 'int'],
      [17, 'rPDU2DeviceStatusPowerFactor', 'int'],
      [18, 'rPDU2DeviceStatusNPSType', 'int'],
    ],
    rows: [
      [
        1,
        1,
        name,
        () => pduLoadState(amps()),
        () => watts() / 10,
        Math.ceil(power.peakWatts / 10),
        '03/02/2026 14:05:10',
        since,
        energyTenths,
        '09/20/2016 08:29:39',
        2,
        1,
        1,
        1,
        '09/20/2016 08:29:39',
        () => watts() / POWER_FACTOR / 10,
        POWER_FACTOR * 100,
        1,
      ],
    ],
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
      [10, 'rPDU2PhaseStatusPeakCurrent', 'int'],
      [11, 'rPDU2PhaseStatusPeakCurrentTimestamp', 'str'],
      [12, 'rPDU2PhaseStatusPeakCurrentStartTime', 'str'],
    ],
    rows: [
      [
        1,
        1,
        1,
        () => pduLoadState(amps()),
        () => amps() * 10,
        volts,
        () => watts() / 10,
        () => watts() / POWER_FACTOR / 10,
        POWER_FACTOR * 100,
        peakAmps,
        '03/02/2026 14:05:10',
        since,
      ],
    ],
  };
  // The temperature/humidity port of the card, with no probe plugged in (as on the recorded unit).
  const probePort: TableDef = {
    name: 'rPDU2SensorTempHumidityStatusTable',
    oid: APC_PDU.rPDU2SensorTempHumidityStatusEntry,
    columns: [
      [1, 'rPDU2SensorTempHumidityStatusIndex', 'int'],
      [2, 'rPDU2SensorTempHumidityStatusModule', 'int'],
      [3, 'rPDU2SensorTempHumidityStatusName', 'str'],
      [4, 'rPDU2SensorTempHumidityStatusNumber', 'int'],
      [5, 'rPDU2SensorTempHumidityStatusType', 'int'],
      [6, 'rPDU2SensorTempHumidityStatusCommStatus', 'int'],
      [7, 'rPDU2SensorTempHumidityStatusTempF', 'int'],
      [8, 'rPDU2SensorTempHumidityStatusTempC', 'int'],
      [9, 'rPDU2SensorTempHumidityStatusTempStatus', 'int'],
      [10, 'rPDU2SensorTempHumidityStatusRelativeHumidity', 'int'],
      [11, 'rPDU2SensorTempHumidityStatusHumidityStatus', 'int'],
    ],
    rows: [[1, 1, '', 1, 4, 1, -1, -1, 1, -1, 1]],
  };
  const phaseConfig: TableDef = {
    name: 'rPDULoadPhaseConfigTable',
    oid: APC_PDU.rPDULoadPhaseConfigEntry,
    columns: [
      [1, 'rPDULoadPhaseConfigIndex', 'int'],
      [2, 'rPDULoadPhaseConfigLowLoadThreshold', 'int'],
      [3, 'rPDULoadPhaseConfigNearOverloadThreshold', 'int'],
      [4, 'rPDULoadPhaseConfigOverloadThreshold', 'int'],
    ],
    rows: [[1, 0, NEAR_OVERLOAD_A, OVERLOAD_A]],
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
    // rPDULoadStatusLoadState: phaseLoadNormal(1), phaseLoadLow(2), nearOverload(3), overload(4).
    rows: [[1, () => amps() * 10, () => [1, 1, 3, 4][pduLoadState(amps()) - 1], 1, 0]],
  };
  return merge(
    {
      scalars: [
        ...systemGroup(clock, {
          descr:
            'APC Web/SNMP Management Card (MB:v4.1.0 PF:v6.4.0 PN:apc_hw05_aos_640.bin AF1:v6.4.0 ' +
            `AN1:apc_hw05_rpdu2g_640.bin MN:${MODEL} HR:02 SN: ${SERIAL} MD:09/20/2016)`,
          objectID: APC_PDU.sysObjectID,
          name,
          location: 'Pusat Data Diskominfo, Rak R01',
          upBeforeSeconds: 200 * 86400,
        }),
        scalar('sPDUIdentHardwareRev', `${APC_PDU.sPDUIdent}.1`, 'str', '02'),
        scalar('sPDUIdentModelNumber', `${APC_PDU.sPDUIdent}.4`, 'str', MODEL),
        scalar('sPDUIdentSerialNumber', `${APC_PDU.sPDUIdent}.5`, 'str', SERIAL),
        scalar('rPDUIdentName', `${APC_PDU.rPDUIdent}.1`, 'str', name),
        scalar('rPDUIdentHardwareRev', `${APC_PDU.rPDUIdent}.2`, 'str', '02'),
        scalar('rPDUIdentModelNumber', `${APC_PDU.rPDUIdent}.5`, 'str', MODEL),
        scalar('rPDUIdentSerialNumber', `${APC_PDU.rPDUIdent}.6`, 'str', SERIAL),
        scalar('rPDUIdentDeviceLinetoNeutralVoltage', `${APC_PDU.rPDUIdent}.15`, 'int', -1),
        scalar('rPDUIdentDevicePowerWatts', `${APC_PDU.rPDUIdent}.16`, 'int', watts),
      ],
      tables: [ident, device, phase, probePort, phaseConfig, legacy],
    },
    interfaceTables(
      clock,
      [
        { name: 'LOOPBACK', speedMbps: 0, ifType: 24, mtu: 1500, inLoad: 0, outLoad: 0 },
        { name: 'vmac0', speedMbps: 100, inLoad: 0.0002, outLoad: 0.0003 },
      ],
      0x00c0b7fa0000,
      200 * 86400,
      { ifX: false },
    ),
  );
}
