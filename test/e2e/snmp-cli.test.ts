import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noc } from '../harness/cli';
import { Snmpsim, SNMPREC_DIR, startSnmpsim } from '../harness/snmpsim';

/** `noc poll` against SNMP devices: an ad-hoc --target and a configured device (built CLI). */

let sim: Snmpsim;
let dir: string;
beforeAll(async () => {
  sim = await startSnmpsim({ files: [join(SNMPREC_DIR, 'switch-swos.snmprec')] });
  dir = mkdtempSync(join(tmpdir(), 'noc-poll-'));
}, 60_000);
afterAll(async () => {
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface JsonSample {
  measurement: string;
  tags: Record<string, string>;
  fields: Record<string, unknown>;
}

test('noc poll --target HOST:PORT --community C --format json', () => {
  const r = noc([
    'poll',
    '--target',
    `127.0.0.1:${sim.port}`,
    '--community',
    'switch-swos',
    '--format',
    'json',
  ]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const samples = JSON.parse(r.stdout) as JsonSample[];
  const system = samples.find((s) => s.measurement === 'system')!;
  expect(system.fields).toMatchObject({
    sysName: 'MikroTik',
    sysObjectID: '1.3.6.1.4.1.14988.2',
    sysDescr: 'RB260GS',
  });
  const ifs = samples.filter((s) => s.measurement === 'interface');
  expect(ifs.map((s) => s.tags.ifName)).toEqual(['Port1', 'Port2', 'Port3', 'Port4', 'Port5', 'SFP']);
  // Counters are exact integers, printed as strings in JSON.
  expect(ifs[0].fields.ifHCInOctets).toBe('104118373316');
});

test('noc poll DEVICE --config FILE prints a table; a dead device is a per-device error and exit 1', () => {
  const file = join(dir, 'noc.yaml');
  writeFileSync(
    file,
    [
      'organisation: { name: Diskominfo Uji }',
      'agent: { host: { enabled: false } }',
      'devices:',
      `  - { id: sw-1, kind: switch, address: 127.0.0.1, ping: { enabled: false }, snmp: { port: ${sim.port}, community: switch-swos } }`,
      '  - { id: sw-dead, kind: switch, address: 127.0.0.1, ping: { enabled: false }, snmp: { port: 9, community: x, timeoutSeconds: 0.5, retries: 0 } }',
      '',
    ].join('\n'),
  );
  const ok = noc(['poll', 'sw-1', '--config', file]);
  expect(ok.status).toBe(0);
  expect(ok.stdout.split('\n')[0]).toMatch(/^pengukuran\s+tag\s+nilai$/);
  expect(ok.stdout).toMatch(
    /^interface\s+agent_host=127\.0\.0\.1 ifName=SFP ifIndex=6 source=snmp\s+ifAdminStatus=1 ifOperStatus=2/m,
  );
  const dead = noc(['poll', 'sw-dead', '--config', file]);
  expect(dead.status).toBe(1);
  expect(dead.stderr).toMatch(
    /galat sw-dead snmp: SNMPv2c 127\.0\.0\.1:9: no answer within 0\.5 s × 1 tries/,
  );
});
