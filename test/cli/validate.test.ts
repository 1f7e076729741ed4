import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { noc, REPO } from '../harness/cli';

const example = join(REPO, 'config', 'noc.example.yaml');

describe('noc validate / noc run on configuration errors', () => {
  it('passes the shipped example, warning once per unset secret variable', () => {
    const r = noc(['validate', example]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('OK (41 perangkat, 23 link, 5 layanan, 6 rak)');
    expect(r.stderr.match(/^peringatan: environment variable SNMP_COMMUNITY is not set/gm)).toHaveLength(1);
  });

  const secrets = { SNMP_COMMUNITY: 'c', SNMP_AUTH_KEY: 'a', SNMP_PRIV_KEY: 'p', ROUTEROS_PASSWORD: 'r' };

  it('names an unknown key and a missing SNMPv3 user by key path, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'noc-cli-'));
    const file = join(dir, 'typo.yaml');
    writeFileSync(file, readFileSync(example, 'utf8').replace('  concurrency: 64 ', '  concurency: 64 '));
    const typo = noc(['validate', file], secrets);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('agent.concurency: unknown key');

    writeFileSync(file, readFileSync(example, 'utf8').replace('auth: { username: noc-ro, ', 'auth: { '));
    const v3 = noc(['validate', file], secrets);
    expect(v3.status).toBe(2);
    expect(v3.stderr).toContain('devices[0].snmp.auth.username: required for SNMPv3');
  });

  it('reports cross-reference problems together: duplicate id, missing parent, rack overlap', () => {
    const dir = mkdtempSync(join(tmpdir(), 'noc-cli-'));
    const broken = readFileSync(example, 'utf8')
      .replace('  - id: dist-sw-2\n', '  - id: dist-sw-1\n')
      .replace('position: { rack: R02, u: 24, heightU: 2 }', 'position: { rack: R02, u: 21, heightU: 2 }')
      .replace(
        '  - id: rtr-setda\n    name: Router Sekretariat Daerah\n    kind: router\n    model: MikroTik RB4011\n    address: 10.20.1.1\n    agency: setda\n    site: kantor\n    parents: [core-ccr]',
        '  - id: rtr-setda\n    name: Router Sekretariat Daerah\n    kind: router\n    model: MikroTik RB4011\n    address: 10.20.1.1\n    agency: setda\n    site: kantor\n    parents: [core-x]',
      );
    const file = join(dir, 'broken.yaml');
    writeFileSync(file, broken);
    const r = noc(['validate', file]);
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n').filter((l) => /^\w+\[\d+\]/.test(l));
    // Renaming dist-sw-2 also orphans every device that named it as parent: each is reported.
    expect(lines).toEqual([
      'devices[2].id: duplicate id "dist-sw-1" (also devices[1])',
      ...[12, 13, 18, 19, 20].map(
        (i) => `devices[${i}].parents[0]: parent device "dist-sw-2" does not exist`,
      ),
      'devices[21].parents[0]: parent device "core-x" does not exist',
      'devices[15].position: U21 of rack "R02" is already taken by device "srv-web-1"',
    ]);
  });

  it('noc run refuses to start on an unset secret and names it', () => {
    const r = noc(['run', '--config', example]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('devices[1].snmp.community: environment variable SNMP_COMMUNITY is not set');
    expect(r.stderr).toContain('not starting');
  });
});
