import * as snmp from 'net-snmp';
import { DeviceMib, NetSnmpMib, scalar, ScalarDef, TableDef } from '../mib';
import { wander } from '../waves';
import { Clock, interfaceTables, merge, systemGroup } from './common';
import { advance, batteryStatus, runtimeMinutes, switchMode, UpsBattery, UpsMode } from './ups-state';

/**
 * A UPS speaking the standard UPS-MIB (RFC 1628), as a Riello Netman 204 card does. It runs on
 * mains until switched to battery (`noc lab ups battery ID`); then the output source becomes
 * battery (5), the input voltage drops to 0, the charge drains and the runtime falls.
 */
export const UPS_MIB = {
  sysObjectID: '1.3.6.1.4.1.5491.304',
  ident: '1.3.6.1.2.1.33.1.1',
  /** upsBatteryStatus .1, upsSecondsOnBattery .2, upsEstimatedMinutesRemaining .3, upsEstimatedChargeRemaining .4, upsBatteryVoltage .5 (0.1 V), upsBatteryCurrent .6 (0.1 A), upsBatteryTemperature .7 */
  battery: '1.3.6.1.2.1.33.1.2',
  /** upsInputLineBads .1, upsInputNumLines .2; upsInputEntry .3.1: index, frequency (0.1 Hz), voltage, current (0.1 A), truePower (W). */
  input: '1.3.6.1.2.1.33.1.3',
  /** upsOutputSource .1 (3 normal, 5 battery), upsOutputFrequency .2, upsOutputNumLines .3; upsOutputEntry .4.1: index, voltage, current (0.1 A), power (W), percentLoad. */
  output: '1.3.6.1.2.1.33.1.4',
  /** upsAlarmsPresent .1; upsAlarmEntry .2.1: id, descr (well-known alarm OID), time. */
  alarm: '1.3.6.1.2.1.33.1.6',
  upsAlarmOnBattery: '1.3.6.1.2.1.33.1.6.3.2',
  upsAlarmLowBattery: '1.3.6.1.2.1.33.1.6.3.3',
  config: '1.3.6.1.2.1.33.1.9',
} as const;

const RATED_WATTS = 2700;

export class SimulatedUps {
  private battery: UpsBattery;
  private lineBads = 0;
  private mib?: NetSnmpMib;
  private alarmRows = new Set<number>();
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly clock: Clock,
    readonly name = 'ups-demo',
  ) {
    this.battery = { mode: 'normal', charge: 100, at: 0 };
  }

  loadPercent(): number {
    return wander(35, 4, this.clock(), 500);
  }

  state(): UpsBattery {
    this.battery = advance(this.battery, this.clock(), this.loadPercent());
    return this.battery;
  }

  setMode(mode: UpsMode): UpsBattery {
    const before = this.battery.mode;
    this.battery = switchMode(this.battery, mode, this.clock(), this.loadPercent());
    if (before === 'normal' && mode === 'battery') this.lineBads++;
    this.syncAlarms();
    return this.battery;
  }

  /** Keeps the alarm table in step with the battery (alarms appear as the charge drains). */
  start(): void {
    this.timer = setInterval(() => this.syncAlarms(), 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private syncAlarms(): void {
    if (!this.mib) return;
    const b = this.state();
    const wanted = new Map<number, string>();
    if (b.mode === 'battery') wanted.set(1, UPS_MIB.upsAlarmOnBattery);
    if (batteryStatus(b) !== 2) wanted.set(2, UPS_MIB.upsAlarmLowBattery);
    for (const id of [...this.alarmRows])
      if (!wanted.has(id)) {
        this.mib.deleteTableRow('upsAlarmTable', [id]);
        this.alarmRows.delete(id);
      }
    for (const [id, descr] of wanted)
      if (!this.alarmRows.has(id)) {
        this.mib.addTableRow('upsAlarmTable', [id, descr, Math.floor(this.clock() * 100)]);
        this.alarmRows.add(id);
      }
  }

  mibDefinition(): DeviceMib {
    const t = this.clock;
    const onBattery = () => this.state().mode === 'battery';
    const load = () => this.loadPercent();
    const b = (n: number, name: string, type: ScalarDef['type'], value: () => number) =>
      scalar(name, `${UPS_MIB.battery}.${n}`, type, value);
    const input: TableDef = {
      name: 'upsInputTable',
      oid: `${UPS_MIB.input}.3.1`,
      columns: [
        [1, 'upsInputLineIndex', 'int', true],
        [2, 'upsInputFrequency', 'int'],
        [3, 'upsInputVoltage', 'int'],
        [4, 'upsInputCurrent', 'int'],
        [5, 'upsInputTruePower', 'int'],
      ],
      rows: [
        [
          1,
          () => (onBattery() ? 0 : wander(500, 2, t(), 90)),
          () => (onBattery() ? 0 : wander(224, 5, t(), 170)),
          () => (onBattery() ? 0 : ((load() / 100) * RATED_WATTS * 1.08 * 10) / 224),
          () => (onBattery() ? 0 : (load() / 100) * RATED_WATTS * 1.08),
        ],
      ],
    };
    const output: TableDef = {
      name: 'upsOutputTable',
      oid: `${UPS_MIB.output}.4.1`,
      columns: [
        [1, 'upsOutputLineIndex', 'int', true],
        [2, 'upsOutputVoltage', 'int'],
        [3, 'upsOutputCurrent', 'int'],
        [4, 'upsOutputPower', 'int'],
        [5, 'upsOutputPercentLoad', 'int'],
      ],
      rows: [
        [
          1,
          () => wander(230, 1, t(), 200),
          () => ((load() / 100) * RATED_WATTS * 10) / 230,
          () => (load() / 100) * RATED_WATTS,
          load,
        ],
      ],
    };
    const ident = (n: number, name: string, value: string) =>
      scalar(name, `${UPS_MIB.ident}.${n}`, 'str', value);
    const cfg = (n: number, name: string, value: number) =>
      scalar(name, `${UPS_MIB.config}.${n}`, 'int', value);
    const card: DeviceMib = {
      scalars: [
        ...systemGroup(t, {
          descr: 'Netman 204',
          objectID: UPS_MIB.sysObjectID,
          name: this.name,
          location: 'Pusat Data Diskominfo, Ruang Server 1',
          upBeforeSeconds: 64 * 86400,
        }),
        ident(1, 'upsIdentManufacturer', 'RPS SpA'),
        ident(2, 'upsIdentModel', 'SENTINEL PRO 3000'),
        ident(3, 'upsIdentUPSSoftwareVersion', 'SWM054-01-00'),
        ident(4, 'upsIdentAgentSoftwareVersion', 'Netman 204 02.05.001'),
        ident(5, 'upsIdentName', this.name),
        b(1, 'upsBatteryStatus', 'int', () => batteryStatus(this.state())),
        b(2, 'upsSecondsOnBattery', 'int', () => {
          const s = this.state();
          return s.onBatterySince === undefined ? 0 : Math.floor(t() - s.onBatterySince);
        }),
        b(3, 'upsEstimatedMinutesRemaining', 'int', () => runtimeMinutes(this.state().charge, load())),
        b(4, 'upsEstimatedChargeRemaining', 'int', () => Math.floor(this.state().charge)),
        b(5, 'upsBatteryVoltage', 'int', () => (onBattery() ? 480 + 0.6 * this.state().charge : 545)),
        b(6, 'upsBatteryCurrent', 'int', () => (onBattery() ? ((load() / 100) * RATED_WATTS * 10) / 50 : 0)),
        b(7, 'upsBatteryTemperature', 'int', () => wander(27, 1, t(), 2000)),
        scalar('upsInputLineBads', `${UPS_MIB.input}.1`, 'c32', () => this.lineBads),
        scalar('upsInputNumLines', `${UPS_MIB.input}.2`, 'int', 1),
        scalar('upsOutputSource', `${UPS_MIB.output}.1`, 'int', () => (onBattery() ? 5 : 3)),
        scalar('upsOutputFrequency', `${UPS_MIB.output}.2`, 'int', 500),
        scalar('upsOutputNumLines', `${UPS_MIB.output}.3`, 'int', 1),
        scalar('upsAlarmsPresent', `${UPS_MIB.alarm}.1`, 'gauge', () => this.alarmRows.size),
        cfg(1, 'upsConfigInputVoltage', 230),
        cfg(2, 'upsConfigInputFreq', 500),
        cfg(3, 'upsConfigOutputVoltage', 230),
        cfg(4, 'upsConfigOutputFreq', 500),
        cfg(5, 'upsConfigOutputVA', 3000),
        cfg(6, 'upsConfigOutputPower', RATED_WATTS),
        cfg(7, 'upsConfigLowBattTime', 2),
      ],
      tables: [input, output],
      attach: (mib) => {
        // Alarm rows come and go with the battery, so this table is managed here, not as data.
        mib.registerProvider({
          name: 'upsAlarmTable',
          type: snmp.MibProviderType.Table,
          oid: `${UPS_MIB.alarm}.2.1`,
          maxAccess: snmp.MaxAccess['not-accessible'],
          tableColumns: [
            {
              number: 1,
              name: 'upsAlarmId',
              type: snmp.ObjectType.Integer,
              maxAccess: snmp.MaxAccess['not-accessible'],
            },
            {
              number: 2,
              name: 'upsAlarmDescr',
              type: snmp.ObjectType.OID,
              maxAccess: snmp.MaxAccess['read-only'],
            },
            {
              number: 3,
              name: 'upsAlarmTime',
              type: snmp.ObjectType.TimeTicks,
              maxAccess: snmp.MaxAccess['read-only'],
            },
          ],
          tableIndex: [{ columnName: 'upsAlarmId' }],
        });
        this.mib = mib;
        this.syncAlarms();
      },
    };
    // The Netman 204's own network port, ifTable only (as on the recorded card).
    const ports = interfaceTables(
      t,
      [
        { name: 'Loopback Interface', speedMbps: 10, ifType: 24, mtu: 1500, inLoad: 0, outLoad: 0 },
        { name: 'RPS Wired Network', speedMbps: 100, inLoad: 0.0003, outLoad: 0.0004 },
      ],
      0x0002630665d0,
      64 * 86400,
      { ifX: false },
    );
    return merge(card, ports);
  }
}
