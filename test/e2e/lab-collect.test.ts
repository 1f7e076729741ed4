import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { portTraffic } from '../../agent/lab/devices/common';
import { MIKROTIK_PORTS, MIKROTIK_UP_BEFORE } from '../../agent/lab/devices/mikrotik';
import { demoRackPower } from '../../agent/lab/devices/rack-power';
import { switchUps } from '../../agent/lab/control';
import { demoConfig } from '../../agent/lab/demo-config';
import { Lab, LabInfo } from '../../agent/lab/lab';
import { trafficBytes, wander } from '../../agent/lab/waves';
import { silentLogger } from '../../agent/log';
import { eventToSample, Sample } from '../../agent/sample';
import { collectWithDeadline } from '../../agent/scheduler';
import type { Collector } from '../../collectors/contract';
import { createCollectors } from '../../collectors/registry';
import { NocConfig, parseConfig } from '../../config/load';

/**
 * Every simulated device of the demo lab, polled through the real SNMP collector exactly as
 * `noc run` and `noc poll` do (createCollectors() + collectWithDeadline, the demo's own
 * configuration): each must yield the normalized samples the dashboards and alerting read.
 * The lab and the collector share one clock the test sets, so rates and power are exact.
 */
const T0 = 1_800_000_000_000;
let ms = T0;
const now = () => ms;
const at = (seconds: number) => (ms = T0 + seconds * 1000);
const dir = mkdtempSync(join(tmpdir(), 'noc-lab-collect-'));
const lab = new Lab({ now, dir });
let info: LabInfo;
let config: NocConfig;
let snmp: Collector;

beforeAll(async () => {
  info = await lab.start();
  const raw = demoConfig({
    dataDir: join(dir, 'data'),
    influxUrl: 'http://127.0.0.1:9',
    statusPort: 9,
    devices: info.devices,
  });
  // Generous deadline: the two cores here are shared; the values, not the timing, are under test.
  for (const d of raw.devices as { snmp: { timeoutSeconds: number } }[]) d.snmp.timeoutSeconds = 20;
  const loaded = parseConfig(stringify(raw), { baseDir: dir, env: {} });
  expect(loaded.problems).toEqual([]);
  config = loaded.config!;
  snmp = createCollectors().find((c) => c.name === 'snmp')!;
});
afterAll(async () => {
  await snmp?.close?.();
  await lab.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Poll {
  samples: Sample[];
  errors: string[];
  of(measurement: string, tags?: Record<string, string>): Sample[];
  one(measurement: string, tags?: Record<string, string>): Sample;
}

async function poll(device: string): Promise<Poll> {
  const samples: Sample[] = [];
  const errors: string[] = [];
  const target = snmp.targets(config).find((t) => t.device === device);
  expect(target).toBeDefined();
  await collectWithDeadline(
    snmp,
    target!,
    {
      sample: (s) => samples.push(s),
      event: (e) => samples.push(eventToSample(e)),
      error: (err, where) => errors.push(`${where.device} ${where.collector}: ${err.message}`),
    },
    { config, now, logFor: () => silentLogger },
  );
  const of = (measurement: string, tags: Record<string, string> = {}) =>
    samples.filter(
      (s) => s.measurement === measurement && Object.entries(tags).every(([k, v]) => s.tags[k] === v),
    );
  const one = (measurement: string, tags: Record<string, string> = {}) => {
    const found = of(measurement, tags);
    expect(found.map((s) => s.tags)).toHaveLength(1);
    return found[0];
  };
  return { samples, errors, of, one };
}

const first = new Map<string, Poll>();
const second = new Map<string, Poll>();

test('every device answers both polls with its system group and no error', async () => {
  const ids = info.devices.map((d) => d.id);
  expect(ids).toEqual(['core-router', 'dist-switch', 'srv-web01', 'ups-demo', 'pdu-r01-a', 'sensor-ruang1']);
  at(100);
  for (const id of ids) first.set(id, await poll(id));
  at(110);
  for (const id of ids) second.set(id, await poll(id));
  for (const id of ids) {
    const p = second.get(id)!;
    expect(first.get(id)!.errors).toEqual([]);
    expect(p.errors).toEqual([]);
    // The SNMP system group (tagged with the agent address); a server adds hrSystem fields apart.
    const system = p.one('system', { device: id, agent_host: '127.0.0.1' });
    expect(system.fields.sysName).toBe(id);
    expect(system.fields.sysObjectID).toBe(info.devices.find((d) => d.id === id)!.sysObjectID);
    expect(system.time).toBe(T0 + 110_000);
  }
});

test('every device has interfaces, and a bit rate on its working ports after the second poll', () => {
  const expectedPorts: Record<string, number> = {
    'core-router': 10,
    'dist-switch': 27,
    'srv-web01': 3,
    'ups-demo': 2,
    'pdu-r01-a': 2,
    'sensor-ruang1': 2,
  };
  for (const [id, count] of Object.entries(expectedPorts)) {
    expect(
      first
        .get(id)!
        .of('interface')
        .filter((s) => 'in_bps' in s.fields),
    ).toEqual([]);
    const ifs = second.get(id)!.of('interface');
    expect(ifs).toHaveLength(count);
    const moving = ifs.filter((s) => typeof s.fields.in_bps === 'number' && (s.fields.in_bps as number) > 0);
    expect(moving.length).toBeGreaterThan(0);
  }
  // The ISP port: exactly the simulated traffic over those 10 seconds.
  const ether1 = second.get('core-router')!.one('interface', { ifName: 'ether1' });
  const traffic = portTraffic(MIKROTIK_PORTS[0], 'in', MIKROTIK_PORTS[0].inLoad!);
  const bytes = (t: number) => trafficBytes(traffic, MIKROTIK_UP_BEFORE + t);
  expect(ether1.tags.link).toBe('isp-demo');
  expect(ether1.fields.in_bps).toBeCloseTo((Number(bytes(110) - bytes(100)) * 8) / 10, 3);
  // ifTable-only cards (PDU, EMU): 32-bit counters, still a rate.
  const vmac0 = second.get('pdu-r01-a')!.one('interface', { ifName: 'vmac0' });
  expect(vmac0.fields.in_bps).toBeGreaterThan(0);
});

test('router: MIKROTIK-MIB health as sensor samples (temperatures, fans, PSUs, voltage)', () => {
  const p = second.get('core-router')!;
  const types = new Set(p.of('sensor').map((s) => s.tags.type));
  expect([...types].sort()).toEqual(['fan', 'psu', 'temperature', 'voltage']);
  const cpu = p.one('sensor', { type: 'temperature', name: 'cpu-temperature' });
  expect(cpu.tags.unit).toBe('C');
  expect(cpu.fields.value).toBeGreaterThanOrEqual(40);
  expect(cpu.fields.value).toBeLessThanOrEqual(60);
});

test('server: cpu, memory and storage from HOST-RESOURCES and UCD', () => {
  const p = second.get('srv-web01')!;
  // HOST-RESOURCES gives the load per core and in all; UCD the load averages, in their own sample.
  const total = p.of('cpu', { cpu: 'cpu-total' }).find((s) => 'load_percent' in s.fields)!.fields;
  expect(p.of('cpu', { cpu: 'cpu-total' }).find((s) => 'load1' in s.fields)).toBeDefined();
  expect(total.cores).toBe(4);
  expect(total.load_percent).toBeGreaterThan(0);
  expect(p.of('cpu').filter((s) => /^cpu\d$/.test(s.tags.cpu))).toHaveLength(4);
  const memory = p.of('memory').find((s) => 'total_bytes' in s.fields)!;
  expect(memory.fields.total_bytes).toBe(16 * 1024 ** 3);
  expect(memory.fields.used_percent).toBeGreaterThan(40);
  expect(p.of('storage').map((s) => s.tags.path)).toEqual(['/', '/var', '/boot']);
  expect(p.one('storage', { path: '/var' }).fields.used_bytes).toBeGreaterThan(0);
});

test('UPS: charge, runtime and on_battery on mains, then on battery after `noc lab ups battery`', async () => {
  const mains = second.get('ups-demo')!.one('ups').fields;
  expect(mains).toMatchObject({ charge_percent: 100, on_battery: false, output_source: 'normal' });
  expect(mains.runtime_minutes).toBeGreaterThanOrEqual(25);
  expect(mains.battery_temperature_c).toBeGreaterThan(20);
  // The CLI's own path: DIR/lab.json -> the lab's control endpoint.
  await switchUps(dir, 'ups-demo', 'battery');
  at(170);
  const battery = (await poll('ups-demo')).one('ups').fields;
  expect(battery).toMatchObject({ on_battery: true, output_source: 'battery', seconds_on_battery: 60 });
  expect(battery.charge_percent).toBeLessThan(100);
  expect(battery.runtime_minutes).toBeLessThan(mains.runtime_minutes as number);
  await switchUps(dir, 'ups-demo', 'normal');
  at(180);
  expect((await poll('ups-demo')).one('ups').fields.on_battery).toBe(false);
});

test('PDU: power at scope device and phase, following the load of rack R01', () => {
  const p = second.get('pdu-r01-a')!;
  const watts = demoRackPower().watts(110);
  const device = p.one('pdu', { scope: 'device' }).fields;
  const phase = p.one('pdu', { scope: 'phase', index: '1' }).fields;
  // rPDU2 reports 0.01 kW: the collector's watts are the rack's draw rounded to 10 W.
  expect(device.power_watts).toBe(10 * Math.round(watts / 10));
  expect(phase.power_watts).toBe(10 * Math.round(watts / 10));
  expect(device.power_watts).toBeGreaterThan(1300);
  expect(device.power_watts).toBeLessThan(1800);
  expect(device.energy_kwh).toBeGreaterThan(19_677);
  expect(device).toMatchObject({ power_factor: 0.95, load_state: 2 });
  expect(phase.voltage).toBeGreaterThanOrEqual(226);
  expect(phase.current_amps).toBeCloseTo(
    Math.round((watts / ((phase.voltage as number) * 0.95)) * 10) / 10,
    0,
  );
  // The real card's probe port with nothing plugged in yields no sensor sample.
  expect(p.of('sensor')).toEqual([]);
});

test('room sensor: temperature about 22-24 °C and humidity about 45 %, per connected probe', () => {
  const p = second.get('sensor-ruang1')!;
  const room = p.one('sensor', { type: 'temperature', name: 'Ruang Server 1' });
  expect(room.tags).toMatchObject({ unit: 'C', device: 'sensor-ruang1' });
  expect(room.fields.value).toBe(Math.round(wander(23, 1, 110, 1500, 0.6)));
  expect(room.fields.value).toBeGreaterThanOrEqual(22);
  expect(room.fields.value).toBeLessThanOrEqual(24);
  const humidity = p.one('sensor', { type: 'humidity', name: 'Ruang Server 1' });
  expect(humidity.fields.value).toBeGreaterThanOrEqual(42);
  expect(humidity.fields.value).toBeLessThanOrEqual(48);
  expect(p.one('sensor', { type: 'temperature', name: 'Rak R01 depan' }).fields.value).toBeGreaterThanOrEqual(
    21,
  );
  // A temperature-only probe has no humidity sample; the port without a probe ("Err") none at all.
  expect(p.of('sensor', { name: 'Rak R01 depan' })).toHaveLength(1);
  expect(p.of('sensor')).toHaveLength(3);
});
