import { snmpCollector } from '../../collectors/snmp';
import type { SnmpModule } from '../../collectors/snmp/types';
import { configWith, ofMeasurement, pollOnce } from '../harness/snmp-poll';
import { deviceMib, SimAgent } from '../harness/sim-agent';

/**
 * Misbehaving devices: each gives a clear per-device error or a gap, the other device's poll
 * is unaffected, and the process carries on.
 */

let a: SimAgent;
let b: SimAgent;
beforeEach(async () => {
  a = new SimAgent();
  b = new SimAgent();
  await Promise.all([a.start(), b.start()]);
  const mib = deviceMib({
    uptimeTicks: 100_000,
    interfaces: [1, 2, 3, 4].map((i) => ({ name: `ether${i}`, hcIn: BigInt(i) })),
  });
  a.set(mib);
  b.set(mib);
});
afterEach(async () => {
  await Promise.all([a.stop(), b.stop()]);
});

/** Device "bad" on agent a (with `extra` settings), "good" on agent b. Timeouts are generous: CI machines are busy. */
function twoDevices(extra: object = {}) {
  return configWith(
    [a, b].map((agent, i) => ({
      id: i === 0 ? 'bad' : 'good',
      kind: 'switch',
      address: '127.0.0.1',
      snmp: {
        version: '2c',
        port: agent.port,
        community: 'public',
        timeoutSeconds: 3,
        retries: 1,
        ...(i === 0 ? extra : {}),
      },
    })),
  );
}
const QUICK = { timeoutSeconds: 0.5, retries: 0 };

test('a device that never answers: per-device error, the other device polled at the same time is complete', async () => {
  a.behaviour.silent = true;
  const collector = snmpCollector({ modules: [] });
  const config = twoDevices(QUICK);
  const [bad, good] = await Promise.all([
    pollOnce(collector, config, 'bad'),
    pollOnce(collector, config, 'good'),
  ]);
  await collector.close?.();
  expect(bad.samples).toEqual([]);
  expect(bad.failure?.message).toMatch(
    /^SNMPv2c 127\.0\.0\.1:\d+: no answer within 0\.5 s × 1 tries \(device down, wrong port, community or ACL\?\)$/,
  );
  expect(good.failure).toBeUndefined();
  expect(good.errors).toEqual([]);
  expect(ofMeasurement(good.samples, 'interface')).toHaveLength(4);
});

test('an answer that is not SNMP does not crash the process: it is a timeout for that device', async () => {
  a.behaviour.garbage = true;
  const collector = snmpCollector({ modules: [] });
  const bad = await pollOnce(collector, twoDevices(QUICK), 'bad');
  const good = await pollOnce(collector, twoDevices(QUICK), 'good');
  await collector.close?.();
  expect(bad.failure?.message).toMatch(/no answer within 0\.5 s/);
  expect(ofMeasurement(good.samples, 'system')).toHaveLength(1);
});

test('tooBig halves max-repetitions from 25, and the device remembers what worked', async () => {
  // 5 columns per request: 25 and 12 repetitions are too big, 6 (30 varbinds) fits.
  a.behaviour.maxVarbinds = 30;
  const collector = snmpCollector({ modules: [] });
  const first = await pollOnce(collector, twoDevices(), 'bad');
  expect(first.errors).toEqual([]);
  expect(a.bulkLog.slice(0, 3)).toEqual([25, 12, 6]);
  expect(ofMeasurement(first.samples, 'interface').map((s) => s.fields.ifHCInOctets)).toEqual([
    1n,
    2n,
    3n,
    4n,
  ]);
  a.bulkLog.length = 0;
  await pollOnce(collector, twoDevices(), 'bad');
  await collector.close?.();
  expect(a.bulkLog[0]).toBe(6);
  expect(a.bulkLog.every((n) => n === 6)).toBe(true);
});

test('tooBig even at one repetition: fewer columns per request', async () => {
  // One repetition of 5 columns is still too big: 3 columns per request then.
  a.behaviour.maxVarbinds = 4;
  const collector = snmpCollector({ modules: [] });
  const r = await pollOnce(collector, twoDevices(), 'bad');
  await collector.close?.();
  expect(r.errors).toEqual([]);
  expect(a.bulkLog.slice(0, 6)).toEqual([25, 12, 6, 3, 1, 1]);
  expect(ofMeasurement(r.samples, 'interface')).toHaveLength(4);
});

test('noSuchObject / noSuchInstance in the system group and endOfMibView after the tables are not errors', async () => {
  a.set({ '1.3.6.1.2.1.1.4.0': { type: 'noSuchObject' }, '1.3.6.1.2.1.1.6.0': { type: 'noSuchInstance' } });
  // The MIB ends right after ifXTable, so every walk past it meets endOfMibView.
  const collector = snmpCollector({ modules: [] });
  const r = await pollOnce(collector, twoDevices(), 'bad');
  await collector.close?.();
  expect(r.errors).toEqual([]);
  const [sys] = ofMeasurement(r.samples, 'system');
  expect(sys.fields).toEqual({
    sysDescr: 'Simulated device',
    sysObjectID: '1.3.6.1.4.1.99999.1',
    uptime_seconds: 1000,
    sysName: 'sim-1',
  });
  expect(ofMeasurement(r.samples, 'interface')).toHaveLength(4);
});

test('a value of the wrong type is reported and left out; the rest of the interface stays', async () => {
  a.set({ '1.3.6.1.2.1.31.1.1.1.6.2': { type: 'str', value: 'not a counter' } });
  const collector = snmpCollector({ modules: [] });
  const r = await pollOnce(collector, twoDevices(), 'bad');
  await collector.close?.();
  expect(r.errors).toEqual([
    {
      device: 'bad',
      message: expect.stringMatching(
        /^interfaces: SNMPv2c 127\.0\.0\.1:\d+: ifHCInOctets\.2: expected a counter, got OCTET STRING$/,
      ),
    },
  ]);
  const ifs = ofMeasurement(r.samples, 'interface');
  expect(ifs).toHaveLength(4);
  expect(ifs[1].fields.ifHCInOctets).toBeUndefined();
  expect(ifs[1].fields.ifOperStatus).toBe(1);
});

test('a table that never ends is cut with an error; modules after it still run', async () => {
  const ifDescr = '1.3.6.1.2.1.2.2.1.2';
  a.behaviour.next = (oid) => {
    if (!oid.startsWith(ifDescr)) return undefined;
    const n = oid === ifDescr ? 0 : Number(oid.split('.').pop());
    return { oid: `${ifDescr}.${n + 1}`, value: { type: 'str', value: `ghost${n + 1}` } };
  };
  const probe: SnmpModule = {
    name: 'probe',
    walk: ['1.3.6.1.2.1.1'],
    applies: () => true,
    parse: (vb, ctx) => [
      { measurement: 'probe', tags: { device: ctx.device }, fields: { n: vb.size }, time: ctx.time },
    ],
  };
  const collector = snmpCollector({ modules: [probe], maxVarbinds: 3000 });
  const r = await pollOnce(collector, twoDevices(), 'bad');
  await collector.close?.();
  expect(r.failure).toBeUndefined();
  expect(r.errors).toHaveLength(1);
  expect(r.errors[0].message).toMatch(
    /^interfaces: SNMPv2c 127\.0\.0\.1:\d+: walk of .* cut after 3000 varbinds: the table never ends/,
  );
  expect(ofMeasurement(r.samples, 'probe')[0].fields.n).toBe(6);
});

test('OIDs that go backwards (an agent loop) end the walk with an error', async () => {
  const col = '1.3.6.1.2.1.2.2.1.2';
  a.behaviour.next = (oid) =>
    oid.startsWith(col) ? { oid: `${col}.1`, value: { type: 'str', value: 'loop' } } : undefined;
  const collector = snmpCollector({ modules: [] });
  const r = await pollOnce(collector, twoDevices(), 'bad');
  await collector.close?.();
  expect(r.errors[0].message).toMatch(
    /returned 1\.3\.6\.1\.2\.1\.2\.2\.1\.2\.1 after 1\.3\.6\.1\.2\.1\.2\.2\.1\.2\.1 .*OIDs not increasing/,
  );
});

test('a module that throws is reported for that device; other modules and interfaces carry on', async () => {
  const boom: SnmpModule = {
    name: 'boom',
    walk: ['1.3.6.1.2.1.1'],
    applies: () => true,
    parse: () => {
      throw new Error('parse exploded');
    },
  };
  const empty: SnmpModule = {
    name: 'empty',
    walk: ['1.3.6.1.4.1.318'],
    applies: () => true,
    parse: () => {
      throw new Error('never called');
    },
  };
  const notMine: SnmpModule = {
    name: 'other',
    walk: ['1.3.6.1.2.1.1'],
    applies: (s) => s.sysObjectID.startsWith('1.3.6.1.4.1.318.'),
    parse: () => {
      throw new Error('never called');
    },
  };
  const collector = snmpCollector({ modules: [boom, empty, notMine] });
  const r = await pollOnce(collector, twoDevices(), 'bad');
  await collector.close?.();
  expect(r.errors.map((e) => e.message)).toEqual([
    expect.stringMatching(/^module boom: SNMPv2c 127\.0\.0\.1:\d+: parse exploded$/),
  ]);
  expect(ofMeasurement(r.samples, 'interface')).toHaveLength(4);
});

test('snmp.modules limits what runs; an unknown name is reported', async () => {
  const probe: SnmpModule = {
    name: 'probe',
    walk: ['1.3.6.1.2.1.1'],
    applies: () => false,
    parse: (_vb, ctx) => [
      { measurement: 'probe', tags: { device: ctx.device }, fields: { ok: true }, time: ctx.time },
    ],
  };
  const collector = snmpCollector({ modules: [probe] });
  const r = await pollOnce(collector, twoDevices({ modules: ['probe', 'nosuch'] }), 'bad');
  await collector.close?.();
  expect(ofMeasurement(r.samples, 'interface')).toEqual([]);
  expect(ofMeasurement(r.samples, 'probe')).toHaveLength(1);
  expect(r.errors[0].message).toMatch(
    /unknown SNMP module\(s\) nosuch in snmp\.modules \(known: interfaces, probe\)/,
  );
});
