import type { Sample } from '../../../agent/sample';
import { loadFixture, snmprecFiles, systemOf } from '../../../test/harness/snmprec';
import { snmpModules } from './index';

/**
 * What every module makes of every shared recording, value by value. Expected numbers were
 * worked out by hand from the recording and the MIB's units (comments give the raw values).
 */

const ctx = { device: 'dev', time: 1700000000000, state: new Map<string, unknown>() };

/** module name -> [measurement, tags without `device`, fields] of what it produced. */
function poll(file: string): Record<string, [string, Record<string, string>, Sample['fields']][]> {
  const vb = loadFixture(file);
  const system = systemOf(vb);
  const out: Record<string, [string, Record<string, string>, Sample['fields']][]> = {};
  for (const m of snmpModules) {
    if (!m.applies(system)) continue;
    const samples = m.parse(vb, ctx);
    for (const s of samples) {
      expect(s.tags.device).toBe('dev');
      expect(s.time).toBe(ctx.time);
    }
    if (samples.length === 0) continue;
    out[m.name] = samples.map((s) => {
      const { device: _device, ...tags } = s.tags;
      return [s.measurement, tags, s.fields];
    });
  }
  return out;
}

describe('modules on the shared recordings', () => {
  it('UPS with the standard UPS-MIB (Riello Netman 204)', () => {
    expect(poll('ups-rfc1628-riello.snmprec')).toEqual({
      ups: [
        [
          'ups',
          {},
          {
            battery_status: 'normal', // upsBatteryStatus 2
            seconds_on_battery: 0,
            runtime_minutes: 135, // upsEstimatedMinutesRemaining
            charge_percent: 100,
            battery_voltage: 122.5, // 1225 × 0.1 V
            battery_temperature_c: 37,
            input_voltage: 242, // line 1; lines 2-3 are zero (single phase)
            input_frequency_hz: 50.1, // 501 × 0.1 Hz
            output_source: 'normal', // upsOutputSource 3
            on_battery: false,
            output_voltage: 231,
            output_frequency_hz: 50.1,
            load_percent: 8,
            output_watts: 184,
          },
        ],
      ],
    });
  });

  it('APC Smart-UPS X 750 (PowerNet, high-precision objects) and its universal I/O probe', () => {
    expect(poll('ups-apc-apc_smt750x-nmc2.snmprec')).toEqual({
      ups: [
        [
          'ups',
          {},
          {
            charge_percent: 100, // upsHighPrecBatteryCapacity 1000 × 0.1
            runtime_minutes: 1829.37, // 10976200 TimeTicks = 109762 s
            battery_voltage: 54.7, // 547 × 0.1 V
            battery_temperature_c: 22.8, // 228 × 0.1 °C
            battery_replace: false, // upsAdvBatteryReplaceIndicator 1
            input_voltage: 120, // 1200 × 0.1 V
            input_frequency_hz: 60,
            output_source: 'normal', // upsBasicOutputStatus onLine(2)
            on_battery: false,
            output_voltage: 120,
            output_frequency_hz: 60,
            load_percent: 0,
          },
        ],
      ],
      'apc-env': [['sensor', { type: 'temperature', name: 'Equipment Room', unit: 'C' }, { value: 19 }]],
    });
  });

  it('Eaton ConnectUPS (XUPS-MIB): only what the card reports', () => {
    expect(poll('ups-xups-eatonups.snmprec')).toEqual({
      ups: [
        [
          'ups',
          {},
          {
            charge_percent: 100, // xupsBatCapacity
            battery_voltage: 78, // xupsBatVoltage, V DC
            input_voltage: 228,
            input_frequency_hz: 50, // 500 × 0.1 Hz
            output_voltage: 230,
            output_frequency_hz: 50,
            output_watts: 231,
          },
        ],
      ],
    });
  });

  it('APC AP8959EU3 rack PDU (rPDU2 device and phase; legacy rPDU not duplicated)', () => {
    expect(poll('pdu-apc_ap8959eu3.snmprec')).toEqual({
      'pdu-apc': [
        [
          'pdu',
          { scope: 'device', index: '1' },
          // rPDU2DeviceStatusPower 27 (0.01 kW), Energy 19677 (0.1 kWh), ApparentPower 30, PowerFactor 82
          { power_watts: 270, energy_kwh: 1967.7, apparent_power_va: 300, power_factor: 0.82, load_state: 2 },
        ],
        [
          'pdu',
          { scope: 'phase', index: '1' },
          // rPDU2PhaseStatusCurrent 13 (0.1 A), Voltage 231, Power 25 (0.01 kW)
          {
            current_amps: 1.3,
            voltage: 231,
            power_watts: 250,
            apparent_power_va: 300,
            power_factor: 0.82,
            load_state: 2,
          },
        ],
      ],
    });
  });

  it('APC AP9340 environmental monitor: connected probes only, humidity where measured', () => {
    expect(poll('sensor-apc_emu.snmprec')).toEqual({
      'apc-env': [
        ['sensor', { type: 'temperature', name: 'Airco uitstroom', unit: 'C' }, { value: 18 }],
        ['sensor', { type: 'humidity', name: 'Airco uitstroom', unit: '%' }, { value: 30 }],
        ['sensor', { type: 'temperature', name: 'Airco kamer', unit: 'C' }, { value: 26 }],
        ['sensor', { type: 'temperature', name: 'Retour airco kamer', unit: 'C' }, { value: 27 }],
      ],
    });
  });

  it('MikroTik hAP ac lite, RouterOS 6 (HOST-RESOURCES and legacy health scalars)', () => {
    expect(poll('routeros-routeros.snmprec')).toEqual({
      'host-resources': [
        ['cpu', { cpu: 'cpu-total' }, { load_percent: 21, cores: 1 }],
        ['cpu', { cpu: 'cpu0' }, { load_percent: 21 }],
        // "main memory": 65536 × 1024 B, used 27196 units
        ['memory', {}, { total_bytes: 67108864n, used_bytes: 27848704n, used_percent: 41.5 }],
        [
          'storage',
          { path: 'system disk', index: '131072' },
          { total_bytes: 16777216n, used_bytes: 11845632n, used_percent: 70.61 },
        ],
        ['system', {}, { host_uptime_seconds: 20205 }],
      ],
      'mikrotik-health': [
        ['sensor', { type: 'voltage', name: 'voltage', unit: 'V' }, { value: 15.4 }], // mtxrHlVoltage 154
        ['sensor', { type: 'temperature', name: 'temperature', unit: 'C' }, { value: 33 }], // mtxrHlTemperature 330
      ],
    });
  });

  it('MikroTik CCR2004, RouterOS 7 (gauge table with names and units)', () => {
    const ok = (type: string, name: string) => ['sensor', { type, name, unit: 'ok' }, { value: 1 }];
    const c = (name: string, value: number) => [
      'sensor',
      { type: 'temperature', name, unit: 'C' },
      { value },
    ];
    expect(poll('routeros-routeros_ccr2004-7.24.snmprec')).toEqual({
      'host-resources': [['system', {}, { host_uptime_seconds: 3521 }]],
      'mikrotik-health': [
        c('cpu-temperature', 41),
        c('sfp-temperature', 54),
        c('switch-temperature', 37),
        ok('fan', 'fan-state'),
        ['sensor', { type: 'fan', name: 'fan1-speed', unit: 'rpm' }, { value: 3825 }],
        ['sensor', { type: 'fan', name: 'fan2-speed', unit: 'rpm' }, { value: 3945 }],
        c('board-temperature1', 33),
        c('board-temperature2', 36),
        ok('psu', 'psu1-state'),
        ok('psu', 'psu2-state'),
      ],
    });
  });

  it('MikroTik RB260GS (SwOS) health', () => {
    expect(poll('switch-swos.snmprec')).toEqual({
      'mikrotik-health': [
        ['sensor', { type: 'voltage', name: 'voltage', unit: 'V' }, { value: 23.6 }],
        ['sensor', { type: 'temperature', name: 'temperature', unit: 'C' }, { value: 25 }],
      ],
    });
  });

  it('TrueNAS SCALE server: CPU, memory without buffers/cache, every disk, load averages', () => {
    const got = poll('server-truenas-scale_24.04.2.2.snmprec');
    const hr = got['host-resources'];
    expect(hr.filter(([m]) => m !== 'storage')).toEqual([
      ['cpu', { cpu: 'cpu-total' }, { load_percent: 4, cores: 1 }],
      ['cpu', { cpu: 'cpu0' }, { load_percent: 4 }],
      [
        'memory',
        {},
        {
          total_bytes: 2056318976n, // 2008124 × 1024
          used_bytes: 1814851584n, // (1909740 - 0 buffers - 137424 cached) × 1024
          used_percent: 88.26,
          cached_bytes: 140722176n,
          swap_total_bytes: 0n,
          swap_used_bytes: 0n,
        },
      ],
      ['system', {}, { processes: 215, host_uptime_seconds: 76639 }],
    ]);
    const storage = hr.filter(([m]) => m === 'storage');
    expect(storage).toHaveLength(27); // the 27 fixedDisk rows; RAM, swap, buffers, cache rows are not disks
    expect(storage).toContainEqual([
      'storage',
      { path: '/', index: '36' },
      { total_bytes: 3899523072n, used_bytes: 171573248n, used_percent: 4.4 }, // 29751 / 1309 × 131072 B
    ]);
    expect(storage).toContainEqual([
      'storage',
      { path: '/mnt/juandipool/DatasetTerminator', index: '78' },
      { total_bytes: 11408900096n, used_bytes: 2232942592n, used_percent: 19.57 },
    ]);
    expect(storage).toContainEqual([
      'storage',
      { path: '/run', index: '35' },
      { total_bytes: 205635584n, used_bytes: 65597440n, used_percent: 31.9 }, // 4096-byte units
    ]);
    // laLoadInt 17, 7, 9 (load × 100); no UCD memory group in this recording.
    expect(got['ucd-snmp']).toEqual([
      ['cpu', { cpu: 'cpu-total' }, { load1: 0.17, load5: 0.07, load15: 0.09 }],
    ]);
  });

  it('TP-Link JetStream: only the host uptime HOST-RESOURCES gives', () => {
    expect(poll('switch-jetstream.snmprec')).toEqual({
      'host-resources': [['system', {}, { host_uptime_seconds: 23761821 }]],
    });
  });

  it.each(['switch-dlink_dgs-3000-28x.snmprec', 'switch-ios_nac.snmprec'])(
    '%s has none of these MIBs: no samples, no error',
    (file) => {
      expect(poll(file)).toEqual({});
    },
  );

  it('covers every shared recording', () => {
    expect(snmprecFiles()).toHaveLength(12);
  });

  it('walks only the modules that fit each device', () => {
    const applied = Object.fromEntries(
      snmprecFiles().map((f) => {
        const system = systemOf(loadFixture(f));
        return [f, snmpModules.filter((m) => m.applies(system)).map((m) => m.name)];
      }),
    );
    const network = ['host-resources', 'entity-sensor'];
    expect(applied).toEqual({
      'pdu-apc_ap8959eu3.snmprec': ['ups', 'pdu-apc', 'apc-env'],
      'routeros-routeros.snmprec': ['host-resources', 'ucd-snmp', 'entity-sensor', 'mikrotik-health'],
      'routeros-routeros_ccr2004-7.24.snmprec': [
        'host-resources',
        'ucd-snmp',
        'entity-sensor',
        'mikrotik-health',
      ],
      'sensor-apc_emu.snmprec': ['ups', 'pdu-apc', 'apc-env'],
      'server-truenas-scale_24.04.2.2.snmprec': ['host-resources', 'ucd-snmp'],
      'switch-dlink_dgs-3000-28x.snmprec': network,
      'switch-ios_nac.snmprec': network,
      'switch-jetstream.snmprec': network,
      'switch-swos.snmprec': ['host-resources', 'ucd-snmp', 'entity-sensor', 'mikrotik-health'],
      'ups-apc-apc_smt750x-nmc2.snmprec': ['ups', 'pdu-apc', 'apc-env'],
      'ups-rfc1628-riello.snmprec': ['ups'],
      'ups-xups-eatonups.snmprec': ['ups'],
    });
  });
});
