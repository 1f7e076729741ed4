import { stringify } from 'yaml';
import { fleetConfig, fleetKinds, startFleet } from '../../agent/lab/fleet';
import { parseConfig } from '../../config/load';
import { snmpget } from './lab-snmp-client';

/** The memory benchmark's 2,000 simulated devices: each community answers as its own device. */
test('fleetKinds follows the kabupaten mix', () => {
  const kinds = fleetKinds(2000);
  const count = (k: string) => kinds.filter((x) => x === k).length;
  expect(kinds).toHaveLength(2000);
  expect([count('router'), count('switch'), count('server'), count('ups'), count('pdu')]).toEqual([
    1100, 400, 300, 100, 100,
  ]);
});

test('2,000 devices on five agents: every community answers, the configuration is valid', async () => {
  const fleet = await startFleet(2000);
  try {
    expect(fleet.devices).toHaveLength(2000);
    expect(new Set(fleet.devices.map((d) => d.community)).size).toBe(2000);
    expect(new Set(fleet.devices.map((d) => d.port)).size).toBe(5);
    const sysObjectID = '1.3.6.1.2.1.1.2.0';
    const expected: Record<string, string> = {
      router: '.1.3.6.1.4.1.14988.1',
      switch: '.1.3.6.1.4.1.9.1.1208',
      server: '.1.3.6.1.4.1.8072.3.2.10',
      ups: '.1.3.6.1.4.1.5491.304',
      pdu: '.1.3.6.1.4.1.318.1.3.4.6',
    };
    for (const kind of Object.keys(expected)) {
      const ofKind = fleet.devices.filter((d) => d.kind === kind);
      for (const d of [ofKind[0], ofKind[ofKind.length - 1]]) {
        const r = await snmpget(d.port, d.community, [sysObjectID]);
        expect(r.get(sysObjectID)?.value).toBe(expected[kind]);
      }
    }
    expect(fleet.requests()).toBe(10);
    const raw = fleetConfig({
      devices: fleet.devices,
      influxUrl: 'http://127.0.0.1:8086',
      dataDir: '/tmp/noc-bench',
      statusPort: 9310,
      intervalSeconds: 30,
    });
    const { config, problems } = parseConfig(stringify(raw), { baseDir: '/tmp', env: {} });
    expect(problems).toEqual([]);
    expect(config?.devices).toHaveLength(2000);
  } finally {
    await fleet.stop();
  }
});
