import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { REPO } from '../harness/cli';
import { startSites, TestSites } from './http-servers';

/** `noc poll DEVICE --collector http` against a local HTTPS site (async: the site runs in this process). */
let sites: TestSites;
beforeAll(async () => {
  if (!existsSync(join(REPO, 'dist', 'agent', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the CLI tests');
  sites = await startSites();
});
afterAll(() => sites.close());

describe('noc poll --collector http', () => {
  it('prints the http sample and the first website event of a device', async () => {
    const configFile = join(sites.dir, 'noc.yaml');
    writeFileSync(
      configFile,
      stringify({
        organisation: { name: 'Diskominfo Uji' },
        devices: [
          {
            id: 'srv-web',
            name: 'Server Web',
            kind: 'server',
            address: '127.0.0.1',
            http: [{ url: sites.expiring + '/r1', caFile: sites.expiringCert, keyword: 'akhir' }],
          },
        ],
      }),
    );
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [
        join(REPO, 'bin', 'noc.js'),
        'poll',
        'srv-web',
        '-c',
        configFile,
        '--collector',
        'http',
        '--format',
        'json',
      ],
      { cwd: REPO, env: { PATH: process.env.PATH, HOME: process.env.HOME } },
    );
    expect(stderr).toBe('');
    const samples = JSON.parse(stdout) as {
      measurement: string;
      tags: object;
      fields: Record<string, unknown>;
    }[];
    expect(samples.map((s) => s.measurement)).toEqual(['http', 'event']);
    expect(samples[0].tags).toEqual({ device: 'srv-web', url: sites.expiring + '/r1' });
    expect(samples[0].fields).toMatchObject({
      up: true,
      status_code: 200,
      redirects: 2,
      final_url: sites.expiring + '/akhir',
      keyword_found: true,
      cert_days_left: 2,
      cert_valid: true,
      cert_issuer: 'CN=hampir-kedaluwarsa.kab.test, O=Diskominfo Uji, C=ID',
      resolved_addresses: '127.0.0.1',
    });
    expect(samples[1].fields).toEqual({
      up: true,
      change: 'first',
      text: `Situs ${sites.expiring}/r1 (Server Web) dapat diakses`,
    });
  });
});
