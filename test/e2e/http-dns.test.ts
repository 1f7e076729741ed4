import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { REPO } from '../harness/cli';
import { createNamespace, TestNamespace } from './ping-netns';

/**
 * A host name that does not resolve: `noc poll` runs inside a namespace with nothing but
 * loopback, so the lookup fails without any packet leaving the machine.
 */
let ns: TestNamespace;
beforeAll(() => {
  if (!existsSync(join(REPO, 'dist', 'agent', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the CLI tests');
  ns = createNamespace('httpdns');
});
afterAll(() => ns.remove());

it('records a name that does not resolve as down, with no addresses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'noc-httpdns-'));
  const configFile = join(dir, 'noc.yaml');
  writeFileSync(
    configFile,
    stringify({
      organisation: { name: 'Diskominfo Uji' },
      devices: [
        { id: 'srv-web', kind: 'server', http: [{ url: 'https://tidak-ada.invalid/', timeoutSeconds: 5 }] },
      ],
    }),
  );
  const r = spawnSync(
    ns.exec[0],
    [
      ...ns.exec.slice(1),
      process.execPath,
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
    { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME }, timeout: 30_000 },
  );
  expect(r.stderr).toBe('');
  const samples = JSON.parse(r.stdout) as { measurement: string; fields: Record<string, unknown> }[];
  expect(samples.map((s) => s.measurement)).toEqual(['http', 'event']);
  const { latency_ms, dns_ms, ...rest } = samples[0].fields;
  expect(typeof latency_ms).toBe('number');
  expect(dns_ms).toBeUndefined();
  expect(rest).toEqual({
    up: false,
    resolved: false,
    resolved_addresses: '',
    redirects: 0,
    final_url: 'https://tidak-ada.invalid/',
    reason: expect.stringMatching(/^DNS: (EAI_AGAIN|ENOTFOUND) tidak-ada\.invalid$/),
  });
  expect(samples[1].fields.text).toMatch(
    /^Situs https:\/\/tidak-ada\.invalid\/ \(srv-web\) tidak dapat diakses: DNS: /,
  );
});
