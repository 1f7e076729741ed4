import { inspect } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { loadConfigFile, parseConfig } from './load';
import { formatProblem } from './problems';
import { PROFILE_IDS } from '../collectors/snmp/profiles';

const base = () => ({
  organisation: { name: 'Diskominfo Kabupaten Uji' },
  agencies: [{ id: 'dinkes', name: 'Dinas Kesehatan' }],
  sites: [{ id: 'pd', name: 'Pusat Data', rooms: [{ id: 'r1', name: 'Ruang 1' }] }],
  racks: [
    {
      id: 'R1',
      site: 'pd',
      room: 'r1',
      heightU: 42,
      feeds: [{ id: 'A', side: 'A', voltage: 230, amperage: 16 }],
    },
  ],
  devices: [
    { id: 'core', kind: 'router', address: '192.0.2.1', snmp: { version: '2c', community: 'public' } },
    {
      id: 'sw1',
      kind: 'switch',
      address: '192.0.2.2',
      parents: ['core'],
      position: { rack: 'R1', u: 1, heightU: 2 },
    },
  ] as Record<string, unknown>[],
  links: [] as Record<string, unknown>[],
  services: [] as Record<string, unknown>[],
});

function problemsOf(config: unknown, env: NodeJS.ProcessEnv = {}): string[] {
  return parseConfig(stringify(config), { baseDir: tmpdir(), env }).problems.map(formatProblem);
}

describe('config validation names the key path of every problem', () => {
  it('accepts a minimal valid inventory and fills defaults', () => {
    const result = parseConfig(stringify(base()), { baseDir: tmpdir(), env: {} });
    expect(result.problems).toEqual([]);
    expect(result.config!.organisation).toEqual({
      name: 'Diskominfo Kabupaten Uji',
      agencyLabel: 'OPD',
      timezone: 'Asia/Jakarta',
      language: 'id',
    });
    expect(result.config!.influx.batchSize).toBe(5000);
    expect(result.config!.influx.retention).toEqual({ rawDays: 30, rollupDays: 400, manage: true });
    expect(result.config!.devices[1].criticality).toBe('Rendah');
  });

  const cases: [string, (c: ReturnType<typeof base>) => void, string][] = [
    [
      'SNMPv3 without user',
      (c) => (c.devices[0].snmp = { version: '3' }),
      'devices[0].snmp.auth.username: required for SNMPv3',
    ],
    [
      'SNMPv3 user without auth key',
      (c) => (c.devices[0].snmp = { version: '3', auth: { username: 'noc' } }),
      'devices[0].snmp.auth.authKey: required for SNMPv3 authPriv',
    ],
    [
      'v2c without community',
      (c) => (c.devices[0].snmp = { version: '2c' }),
      'devices[0].snmp.community: required for SNMPv2c',
    ],
    [
      'unknown SNMP profile',
      (c) => (c.devices[0].snmp = { version: '2c', community: 'x', profile: 'mikrotik/ros' }),
      `devices[0].snmp.profile: unknown profile "mikrotik/ros"; one of ${PROFILE_IDS.join(', ')}`,
    ],
    ['unknown key', (c) => (c.devices[1].snmpp = {}), 'devices[1].snmpp: unknown key'],
    ['unknown top-level key', (c) => ((c as Record<string, unknown>).device = []), 'device: unknown key'],
    [
      'wrong type',
      (c) => ((c.racks[0] as Record<string, unknown>).heightU = 'tinggi'),
      'racks[0].heightU: Invalid input: expected number, received string',
    ],
    ['missing required', (c) => delete c.devices[1].kind, 'devices[1].kind: required'],
    [
      'bad enum',
      (c) => (c.devices[1].criticality = 'Sedang'),
      'devices[1].criticality: Invalid option: expected one of "Strategis"|"Tinggi"|"Rendah"',
    ],
    [
      'duplicate device id',
      (c) => (c.devices[1].id = 'core'),
      'devices[1].id: duplicate id "core" (also devices[0])',
    ],
    [
      'missing parent',
      (c) => (c.devices[1].parents = ['nowhere']),
      'devices[1].parents[0]: parent device "nowhere" does not exist',
    ],
    [
      'missing agency',
      (c) => (c.devices[1].agency = 'dishub'),
      'devices[1].agency: agency "dishub" does not exist',
    ],
    [
      'dependency cycle',
      (c) => (c.devices[0].parents = ['sw1']),
      'devices[0].parents: dependency cycle: core -> sw1 -> core',
    ],
    [
      'rack position exceeds height',
      (c) => (c.devices[1].position = { rack: 'R1', u: 42, heightU: 2 }),
      'devices[1].position: U42-U43 exceeds rack "R1" height of 42U',
    ],
    [
      'rack position overlap',
      (c) => (c.devices[0].position = { rack: 'R1', u: 2, heightU: 1 }),
      'devices[1].position: U2 of rack "R1" is already taken by device "core"',
    ],
    [
      'rack missing',
      (c) => (c.devices[1].position = { rack: 'R9', u: 1 }),
      'devices[1].position.rack: rack "R9" does not exist',
    ],
    [
      'link target without source document',
      (c) =>
        (c.links = [
          { id: 'isp', device: 'core', interface: 'ether1', kind: 'isp', committedRate: { mbps: 200 } },
        ]),
      'links[0].committedRate.source: required',
    ],
    [
      'service target without source document',
      (c) => (c.services = [{ id: 'web', name: 'Portal', availabilityTarget: { percent: 99.5 } }]),
      'services[0].availabilityTarget.source: required',
    ],
    [
      'feed that the rack does not have',
      (c) => (c.devices[1].feeds = ['B']),
      'devices[1].feeds[0]: feed "B" does not exist in rack "R1"',
    ],
  ];

  it.each(cases)('%s', (_name, mutate, expected) => {
    const config = base();
    mutate(config);
    expect(problemsOf(config)).toContain(expected);
  });

  it('reports every problem at once, not only the first', () => {
    const config = base();
    config.devices[1].parents = ['nowhere'];
    config.devices[1].agency = 'dishub';
    config.devices.push({ id: 'core', kind: 'server' });
    expect(problemsOf(config)).toHaveLength(3);
  });

  it('reads secrets from the environment and a file, and never prints them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'noc-secret-'));
    writeFileSync(join(dir, 'token'), 'rahasia-token\n');
    const config = base();
    config.devices[0].snmp = { version: '2c', community: '${NOC_TEST_COMMUNITY}' };
    (config as Record<string, unknown>).influx = {
      version: 2,
      org: 'o',
      bucket: 'b',
      token: { file: 'token' },
    };
    const result = parseConfig(stringify(config), {
      baseDir: dir,
      env: { NOC_TEST_COMMUNITY: 'komunitas-rahasia' },
    });
    expect(result.problems).toEqual([]);
    const cfg = result.config!;
    expect(cfg.devices[0].snmp!.community!.reveal()).toBe('komunitas-rahasia');
    expect(cfg.influx.token!.reveal()).toBe('rahasia-token');
    const printed = JSON.stringify(cfg) + String(cfg.influx.token) + inspect(cfg, { depth: 10 });
    expect(printed).not.toContain('rahasia');
    expect(printed).toContain('***');
  });

  it('reports an unset variable and an unreadable file at their key paths without their values', () => {
    const config = base();
    config.devices[0].snmp = { version: '2c', community: '${NOC_UNSET_VAR}' };
    (config as Record<string, unknown>).influx = {
      version: 2,
      org: 'o',
      bucket: 'b',
      token: { file: '/nonexistent/token' },
    };
    const result = parseConfig(stringify(config), { baseDir: tmpdir(), env: {} });
    expect(result.secretProblems.map(formatProblem)).toEqual([
      'influx.token: cannot read secret file /nonexistent/token (ENOENT)',
      'devices[0].snmp.community: environment variable NOC_UNSET_VAR is not set',
    ]);
  });

  it('reports a YAML syntax error with its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'noc-yaml-'));
    writeFileSync(join(dir, 'bad.yaml'), 'organisation:\n  name: "unterminated\n');
    const result = loadConfigFile(join(dir, 'bad.yaml'));
    expect(result.config).toBeUndefined();
    expect(result.problems[0].path).toMatch(/^line \d+$/);
  });

  it('accepts the shipped example configuration', () => {
    const result = loadConfigFile(join(__dirname, 'noc.example.yaml'), {
      SNMP_COMMUNITY: 'c',
      SNMP_AUTH_KEY: 'a',
      SNMP_PRIV_KEY: 'p',
      ROUTEROS_PASSWORD: 'r',
      SMTP_PASSWORD: 's',
    });
    expect(result.problems).toEqual([]);
    expect(result.secretProblems).toEqual([]);
    const cfg = result.config!;
    expect(cfg.racks).toHaveLength(6);
    expect(cfg.sites.find((s) => s.id === 'pusatdata')!.rooms).toHaveLength(2);
    expect(cfg.devices.filter((d) => d.kind === 'ups')).toHaveLength(2);
    expect(cfg.devices.filter((d) => d.id.startsWith('rtr-')).length).toBeGreaterThanOrEqual(20);
    expect(cfg.links.filter((l) => l.kind === 'isp').map((l) => l.committedRate!.mbps)).toEqual([200, 100]);
  });
});
