import { portTraffic } from '../../agent/lab/devices/common';
import { MIKROTIK_PORTS, MIKROTIK_UP_BEFORE } from '../../agent/lab/devices/mikrotik';
import { demoRackPower } from '../../agent/lab/devices/rack-power';
import { UPS_MIB } from '../../agent/lab/devices/ups';
import { Lab, LabInfo, LAB_ROSTER } from '../../agent/lab/lab';
import { trafficBytes, wander } from '../../agent/lab/waves';
import { num, snmpbulkwalk, snmpget } from './lab-snmp-client';

/**
 * The simulated devices answer real SNMP: read with net-snmp's C tools (snmpget, snmpbulkwalk).
 * The lab runs on a clock the test sets, so moving values are asserted exactly, without waiting.
 */
let ms = 1_800_000_000_000;
const lab = new Lab({ now: () => ms });
let info: LabInfo;
const at = (seconds: number) => (ms = 1_800_000_000_000 + seconds * 1000);
const dev = (id: string) => info.devices.find((d) => d.id === id)!;
const get = (id: string, oids: string[]) => snmpget(dev(id).port, dev(id).community, oids);
const walk = (id: string, oid: string) => snmpbulkwalk(dev(id).port, dev(id).community, oid);

const IF_HC_IN = '1.3.6.1.2.1.31.1.1.1.6';
const IF_IN = '1.3.6.1.2.1.2.2.1.10';

beforeAll(async () => {
  info = await lab.start();
});
afterAll(() => lab.stop());

test('each device answers with its own sysObjectID and sysDescr, and a wrong community gets nothing', async () => {
  expect(info.devices.map((d) => d.id)).toEqual(LAB_ROSTER.map((d) => d.id));
  for (const d of info.devices) {
    const r = await get(d.id, ['1.3.6.1.2.1.1.2.0', '1.3.6.1.2.1.1.5.0']);
    expect(r.get('1.3.6.1.2.1.1.2.0')).toEqual({ type: 'OID', value: `.${d.sysObjectID}` });
    expect(r.get('1.3.6.1.2.1.1.5.0')?.value).toBe(d.id);
  }
  const descr = await get('core-router', ['1.3.6.1.2.1.1.1.0']);
  expect(descr.get('1.3.6.1.2.1.1.1.0')?.value).toMatch(/^RouterOS CCR/);
  await expect(snmpget(dev('core-router').port, 'wrong', ['1.3.6.1.2.1.1.2.0'])).rejects.toThrow(/Timeout/);
});

test('MikroTik router: ifNumber, ifName ether1.., counters that move exactly with the clock', async () => {
  at(0);
  const names = await walk('core-router', '1.3.6.1.2.1.31.1.1.1.1');
  expect([...names.values()].map((r) => r.value)).toEqual(MIKROTIK_PORTS.map((p) => p.name));
  expect(num(await get('core-router', ['1.3.6.1.2.1.2.1.0']), '1.3.6.1.2.1.2.1.0')).toBe(10n);

  const ether1 = portTraffic(MIKROTIK_PORTS[0], 'in', MIKROTIK_PORTS[0].inLoad!);
  const expected = (t: number) => trafficBytes(ether1, MIKROTIK_UP_BEFORE + t);
  const first = await get('core-router', [`${IF_HC_IN}.1`, `${IF_IN}.1`, '1.3.6.1.2.1.31.1.1.1.15.1']);
  at(60);
  const second = await get('core-router', [`${IF_HC_IN}.1`, `${IF_IN}.1`]);
  expect(first.get(`${IF_HC_IN}.1`)?.type).toBe('Counter64');
  expect(first.get(`${IF_IN}.1`)?.type).toBe('Counter32');
  expect(num(first, `${IF_HC_IN}.1`)).toBe(expected(0));
  expect(num(second, `${IF_HC_IN}.1`)).toBe(expected(60));
  // 41 days of traffic: far beyond 2^32, so the 32-bit counter is the low half of the 64-bit one.
  expect(expected(0)).toBeGreaterThan(2n ** 32n);
  expect(num(second, `${IF_IN}.1`)).toBe(expected(60) % 2n ** 32n);
  expect(num(first, '1.3.6.1.2.1.31.1.1.1.15.1')).toBe(1000n);
  // ~90 Mbit/s mean on a 1 Gbit/s ISP port, swinging: between 30 and 150 Mbit/s over that minute.
  const bps = (Number(expected(60) - expected(0)) * 8) / 60;
  expect(bps).toBeGreaterThan(30e6);
  expect(bps).toBeLessThan(150e6);

  const health = await walk('core-router', '1.3.6.1.4.1.14988.1.1.3.100.1.2');
  expect([...health.values()].map((r) => r.value)).toContain('cpu-temperature');
  const temp = num(
    await get('core-router', ['1.3.6.1.4.1.14988.1.1.3.100.1.3.17']),
    '1.3.6.1.4.1.14988.1.1.3.100.1.3.17',
  );
  expect(Number(temp)).toBeGreaterThanOrEqual(40);
  expect(Number(temp)).toBeLessThanOrEqual(54);
});

test('switch: 24 access ports + uplinks; busy ports count up, down ports stay at 0; Counter64 well-formed', async () => {
  at(100);
  const before = await walk('dist-switch', IF_HC_IN);
  at(130);
  const after = await walk('dist-switch', IF_HC_IN);
  const oper = await walk('dist-switch', '1.3.6.1.2.1.2.2.1.8');
  expect(num(await get('dist-switch', ['1.3.6.1.2.1.2.1.0']), '1.3.6.1.2.1.2.1.0')).toBe(27n);
  expect(before.size).toBe(27);
  let up = 0;
  for (const [oid, r] of after) {
    expect(r.type).toBe('Counter64');
    expect(r.value).toMatch(/^\d+$/);
    expect(BigInt(r.value)).toBeLessThan(2n ** 64n);
    const ifIndex = oid.split('.').pop();
    const delta = BigInt(r.value) - num(before, oid);
    if (oper.get(`1.3.6.1.2.1.2.2.1.8.${ifIndex}`)?.value === '1') {
      up++;
      expect(delta).toBeGreaterThan(0n);
    } else expect(delta).toBe(0n);
  }
  expect(up).toBeGreaterThanOrEqual(18);
  expect(up).toBeLessThan(27);
});

test('Linux server: HOST-RESOURCES processors and storage, UCD load and memory', async () => {
  at(0);
  const cpus = await walk('srv-web01', '1.3.6.1.2.1.25.3.3.1.2');
  expect([...cpus.keys()]).toEqual([0, 1, 2, 3].map((i) => `1.3.6.1.2.1.25.3.3.1.2.${196608 + i}`));
  for (const r of cpus.values()) expect(Number(r.value)).toBeGreaterThanOrEqual(0);
  const descr = await walk('srv-web01', '1.3.6.1.2.1.25.2.3.1.3');
  expect([...descr.values()].map((r) => r.value)).toEqual(
    expect.arrayContaining(['Physical memory', 'Virtual memory', '/', '/var', '/boot']),
  );
  const varUsed = '1.3.6.1.2.1.25.2.3.1.6.35';
  const used0 = num(await get('srv-web01', [varUsed]), varUsed);
  at(600);
  const used600 = num(await get('srv-web01', [varUsed]), varUsed);
  expect(used600 - used0).toBe(2560n); // 10 MB in 4 KiB units: the log volume fills
  const la = await walk('srv-web01', '1.3.6.1.4.1.2021.10.1.3');
  expect(la.size).toBe(3);
  for (const r of la.values()) expect(r.value).toMatch(/^\d+\.\d\d$/);
  const mem = await get('srv-web01', ['1.3.6.1.4.1.2021.4.5.0', '1.3.6.1.4.1.2021.4.6.0']);
  expect(num(mem, '1.3.6.1.4.1.2021.4.5.0')).toBe(16777216n);
  expect(num(mem, '1.3.6.1.4.1.2021.4.6.0')).toBeLessThan(16777216n);
});

test('APC PDU: power of the rack it feeds, phase current and voltage, energy that is its integral', async () => {
  const power = demoRackPower();
  const energy = '1.3.6.1.4.1.318.1.1.26.4.3.1.9.1';
  const devicePower = '1.3.6.1.4.1.318.1.1.26.4.3.1.5.1';
  const current = '1.3.6.1.4.1.318.1.1.26.6.3.1.5.1';
  const voltage = '1.3.6.1.4.1.318.1.1.26.6.3.1.6.1';
  at(0);
  const start = await get('pdu-r01-a', [energy, devicePower, current, voltage]);
  expect(num(start, devicePower)).toBe(BigInt(Math.round(power.watts(0) / 10))); // 0.01 kW
  const amps = Number(num(start, current)) / 10;
  expect(amps).toBeCloseTo(power.watts(0) / (Number(num(start, voltage)) * 0.95), 0);
  expect(amps).toBeGreaterThan(6);
  expect(amps).toBeLessThan(8.5);
  expect(Number(num(start, voltage))).toBeGreaterThanOrEqual(225);
  at(3600);
  const later = await get('pdu-r01-a', [energy, devicePower]);
  expect(num(later, devicePower)).toBe(BigInt(Math.round(power.watts(3600) / 10)));
  // 0.1 kWh: one hour of about 1.5 kW.
  const tenths = (t: number) => BigInt(Math.floor((19_677.4 + power.wattHours(t) / 1000) * 10));
  expect(num(start, energy)).toBe(tenths(0));
  expect(num(later, energy)).toBe(tenths(3600));
  expect(Number(num(later, energy) - num(start, energy))).toBeGreaterThanOrEqual(14);
  expect(Number(num(later, energy) - num(start, energy))).toBeLessThanOrEqual(17);
  // The whole rPDU2 device row, as the real AP8959EU3 serves it: 18 columns, timestamps as text.
  const row = await walk('pdu-r01-a', '1.3.6.1.4.1.318.1.1.26.4.3.1');
  expect(row.size).toBe(18);
  expect(row.get('1.3.6.1.4.1.318.1.1.26.4.3.1.7.1')?.value).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d$/);
});

test('APC EMU: probes in whole degrees and percent, a port without probe, the same probes in the mem table', async () => {
  at(500);
  const names = await walk('sensor-ruang1', '1.3.6.1.4.1.318.1.1.10.3.13.1.1.2');
  expect([...names.values()].map((r) => r.value)).toEqual(['Ruang Server 1', 'Rak R01 depan', 'Err']);
  const temps = [...(await walk('sensor-ruang1', '1.3.6.1.4.1.318.1.1.10.3.13.1.1.3')).values()];
  expect(Number(temps[0].value)).toBe(Math.round(wander(23, 1, 500, 1500, 0.6)));
  const humidity = [...(await walk('sensor-ruang1', '1.3.6.1.4.1.318.1.1.10.3.13.1.1.6')).values()];
  expect(humidity.map((r) => r.type)).toEqual(['INTEGER', 'INTEGER', 'INTEGER']);
  expect(Number(humidity[0].value)).toBe(Math.round(wander(45, 3, 500, 2100, 1.9)));
  expect(humidity[1].value).toBe('0'); // temperature-only probe
  const comm = [...(await walk('sensor-ruang1', '1.3.6.1.4.1.318.1.1.10.3.13.1.1.10')).values()];
  expect(comm.map((r) => r.value)).toEqual(['2', '2', '1']);
  const mem = await walk('sensor-ruang1', '1.3.6.1.4.1.318.1.1.10.4.2.3.1.5');
  expect([...mem.keys()]).toEqual(['0.1', '0.2'].map((i) => `1.3.6.1.4.1.318.1.1.10.4.2.3.1.5.${i}`));
});

test('UPS-MIB: on mains, then on battery (source 5, no input, draining, alarm), then back', async () => {
  const source = `${UPS_MIB.output}.1.0`;
  const status = `${UPS_MIB.battery}.1.0`;
  const seconds = `${UPS_MIB.battery}.2.0`;
  const minutes = `${UPS_MIB.battery}.3.0`;
  const charge = `${UPS_MIB.battery}.4.0`;
  const volts = `${UPS_MIB.input}.3.1.3.1`;
  const load = `${UPS_MIB.output}.4.1.5.1`;
  const alarms = `${UPS_MIB.alarm}.1.0`;
  const all = [source, status, seconds, minutes, charge, volts, load, alarms];
  at(1000);
  const mains = await get('ups-demo', all);
  expect(num(mains, source)).toBe(3n);
  expect(num(mains, status)).toBe(2n);
  expect(num(mains, charge)).toBe(100n);
  expect(num(mains, seconds)).toBe(0n);
  expect(num(mains, alarms)).toBe(0n);
  expect(Number(num(mains, volts))).toBeGreaterThanOrEqual(215);
  expect(Number(num(mains, load))).toBeGreaterThan(25);

  lab.setUps('ups-demo', 'battery');
  at(1360);
  const battery = await get('ups-demo', all);
  expect(num(battery, source)).toBe(5n);
  expect(num(battery, volts)).toBe(0n);
  expect(num(battery, seconds)).toBe(360n);
  expect(num(battery, alarms)).toBe(1n);
  // 6 of 30 minutes at about the rated load: about 20 % gone.
  expect(Number(num(battery, charge))).toBeGreaterThanOrEqual(76);
  expect(Number(num(battery, charge))).toBeLessThanOrEqual(84);
  expect(num(battery, minutes)).toBeLessThan(num(mains, minutes));
  const table = await walk('ups-demo', `${UPS_MIB.alarm}.2.1.2`);
  expect([...table.values()]).toEqual([{ type: 'OID', value: `.${UPS_MIB.upsAlarmOnBattery}` }]);
  at(1660);
  const later = await get('ups-demo', [charge, minutes]);
  expect(num(later, charge)).toBeLessThan(num(battery, charge));
  expect(num(later, minutes)).toBeLessThan(num(battery, minutes));

  lab.setUps('ups-demo', 'normal');
  at(1700);
  const back = await get('ups-demo', [source, volts, alarms, seconds]);
  expect(num(back, source)).toBe(3n);
  expect(Number(num(back, volts))).toBeGreaterThanOrEqual(215);
  expect(num(back, alarms)).toBe(0n);
  expect(num(back, seconds)).toBe(0n);
  expect(() => lab.setUps('nope', 'battery')).toThrow(/no simulated UPS "nope".*ups-demo/);
});
