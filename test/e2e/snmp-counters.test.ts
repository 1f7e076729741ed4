import { snmpCollector } from '../../collectors/snmp';
import { configWith, ofMeasurement, pollOnce } from '../harness/snmp-poll';
import { deviceMib, SimAgent } from '../harness/sim-agent';

/**
 * Counters over several polls of a simulated device whose values the test sets: 32-bit wrap,
 * a reboot (gap, not spike), sysUpTime wrapping after 497 days (no reboot), a counter
 * discontinuity on one interface, and the committed-rate percentage of a configured link.
 */

const T0 = 1_750_000_000_000;
let agent: SimAgent;
beforeEach(async () => {
  agent = new SimAgent('public');
  await agent.start();
});
afterEach(async () => {
  await agent.stop();
});

function config(links: object[] = []) {
  return configWith(
    [
      {
        id: 'r1',
        kind: 'router',
        address: '127.0.0.1',
        snmp: { version: '2c', port: agent.port, community: 'public' },
      },
    ],
    links,
  );
}

test('a 32-bit counter that wrapped gives the right rate', async () => {
  const collector = snmpCollector({ modules: [] });
  agent.set(
    deviceMib({ uptimeTicks: 100_000, interfaces: [{ name: 'ether1', in32: 4_294_967_000, speedMbps: 10 }] }),
  );
  const first = await pollOnce(collector, config(), 'r1', () => T0);
  agent.set({
    '1.3.6.1.2.1.1.3.0': { type: 'ticks', value: 101_000 },
    '1.3.6.1.2.1.2.2.1.10.1': { type: 'counter32', value: 704 },
  });
  const second = await pollOnce(collector, config(), 'r1', () => T0 + 10_000);
  await collector.close?.();
  expect(first.errors).toEqual([]);
  const [s] = ofMeasurement(second.samples, 'interface');
  // 704 + 2^32 - 4294967000 = 1000 bytes in 10 s = 800 bit/s.
  expect(s.fields.ifInOctets).toBe(704n);
  expect(s.fields.in_bps).toBe(800);
  expect(s.fields.in_utilisation_percent).toBeCloseTo(0.008, 10);
  expect(second.events).toEqual([]);
});

test('a reboot (sysUpTime went backwards) is an event and a gap, then rates resume', async () => {
  const collector = snmpCollector({ modules: [] });
  agent.set(deviceMib({ uptimeTicks: 8_640_000, interfaces: [{ name: 'ether1', hcIn: 5_000_000_000n }] }));
  await pollOnce(collector, config(), 'r1', () => T0);
  agent.set({
    '1.3.6.1.2.1.1.3.0': { type: 'ticks', value: 2_000 },
    '1.3.6.1.2.1.31.1.1.1.6.1': { type: 'counter64', value: 1_000n },
  });
  const rebooted = await pollOnce(collector, config(), 'r1', () => T0 + 60_000);
  expect(rebooted.events).toHaveLength(1);
  expect(rebooted.events[0]).toMatchObject({ type: 'reboot', device: 'r1', time: T0 + 60_000 });
  expect(rebooted.events[0].text).toBe(
    'Perangkat r1 dinyalakan ulang (uptime 00:00:20, sebelumnya 1 hari 00:00:00)',
  );
  const [gap] = ofMeasurement(rebooted.samples, 'interface');
  expect(gap.fields.ifHCInOctets).toBe(1_000n);
  expect(gap.fields.in_bps).toBeUndefined();

  agent.set({
    '1.3.6.1.2.1.1.3.0': { type: 'ticks', value: 8_000 },
    '1.3.6.1.2.1.31.1.1.1.6.1': { type: 'counter64', value: 601_000n },
  });
  const after = await pollOnce(collector, config(), 'r1', () => T0 + 120_000);
  await collector.close?.();
  expect(after.events).toEqual([]);
  expect(ofMeasurement(after.samples, 'interface')[0].fields.in_bps).toBe(80_000);
});

test('sysUpTime wrapping at 2^32 ticks (~497 days) is not a reboot', async () => {
  const collector = snmpCollector({ modules: [] });
  const nearWrap = 2 ** 32 - 3_000; // 30 s before the wrap
  agent.set(deviceMib({ uptimeTicks: nearWrap, interfaces: [{ name: 'ether1', hcIn: 1_000n }] }));
  await pollOnce(collector, config(), 'r1', () => T0);
  agent.set({
    '1.3.6.1.2.1.1.3.0': { type: 'ticks', value: 3_000 }, // 60 s later: wrapped, 30 s past 0
    '1.3.6.1.2.1.31.1.1.1.6.1': { type: 'counter64', value: 61_000n },
  });
  const r = await pollOnce(collector, config(), 'r1', () => T0 + 60_000);
  await collector.close?.();
  expect(r.events).toEqual([]);
  expect(ofMeasurement(r.samples, 'interface')[0].fields.in_bps).toBe(8_000);
});

test('ifCounterDiscontinuityTime changed on one interface: gap there only', async () => {
  const collector = snmpCollector({ modules: [] });
  agent.set(
    deviceMib({
      uptimeTicks: 500_000,
      interfaces: [
        { name: 'ether1', hcIn: 1_000_000n, discontinuity: 0 },
        { name: 'ether2', hcIn: 2_000_000n, discontinuity: 0 },
      ],
    }),
  );
  await pollOnce(collector, config(), 'r1', () => T0);
  agent.set({
    '1.3.6.1.2.1.1.3.0': { type: 'ticks', value: 506_000 },
    '1.3.6.1.2.1.31.1.1.1.6.1': { type: 'counter64', value: 1_600_000n },
    '1.3.6.1.2.1.31.1.1.1.6.2': { type: 'counter64', value: 5n },
    '1.3.6.1.2.1.31.1.1.1.19.2': { type: 'ticks', value: 505_000 },
  });
  const r = await pollOnce(collector, config(), 'r1', () => T0 + 60_000);
  await collector.close?.();
  const [e1, e2] = ofMeasurement(r.samples, 'interface');
  expect(e1.fields.in_bps).toBe(80_000);
  expect(e2.tags.ifName).toBe('ether2');
  expect(e2.fields.in_bps).toBeUndefined();
  expect(r.events).toEqual([]);
});

test('a configured link gets its committed-rate percentage and link tag', async () => {
  const collector = snmpCollector({ modules: [] });
  const links = [
    {
      id: 'isp-1',
      device: 'r1',
      interface: 'ether1',
      kind: 'isp',
      committedRate: { mbps: 200, source: 'Kontrak ISP 2026' },
    },
  ];
  agent.set(deviceMib({ uptimeTicks: 500_000, interfaces: [{ name: 'ether1', hcIn: 0n, speedMbps: 1000 }] }));
  await pollOnce(collector, config(links), 'r1', () => T0);
  // 100 Mbit/s for 10 s = 125,000,000 bytes: half the committed 200 Mbit/s, 10 % of 1 Gbit/s.
  agent.set({ '1.3.6.1.2.1.31.1.1.1.6.1': { type: 'counter64', value: 125_000_000n } });
  const r = await pollOnce(collector, config(links), 'r1', () => T0 + 10_000);
  await collector.close?.();
  const [s] = ofMeasurement(r.samples, 'interface');
  expect(s.tags.link).toBe('isp-1');
  expect(s.fields.in_bps).toBe(100_000_000);
  expect(s.fields.in_committed_percent).toBe(50);
  expect(s.fields.in_utilisation_percent).toBe(10);
});
