import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { REPO } from '../harness/cli';
import { createNamespace, TestNamespace } from './ping-netns';

/** `noc poll DEVICE --collector ping` run inside a private namespace (loopback v4/v6, a dead host). */
let ns: TestNamespace;
let configFile: string;

beforeAll(() => {
  if (!existsSync(join(REPO, 'dist', 'agent', 'cli', 'main.js')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before the CLI tests');
  ns = createNamespace('pingcli');
  const dir = mkdtempSync(join(tmpdir(), 'noc-pingcli-'));
  configFile = join(dir, 'noc.yaml');
  const ping = { count: 2, periodMs: 200, timeoutSeconds: 1 };
  writeFileSync(
    configFile,
    stringify({
      organisation: { name: 'Diskominfo Uji' },
      devices: [
        { id: 'lo6', name: 'Server IPv6', kind: 'server', address: '::1', ping },
        { id: 'mati', name: 'Router Mati', kind: 'router', address: ns.deadAddress, ping },
      ],
    }),
  );
});
afterAll(() => ns.remove());

function poll(device: string, format: string) {
  const r = spawnSync(
    ns.exec[0],
    [
      ...ns.exec.slice(1),
      process.execPath,
      join(REPO, 'bin', 'noc.js'),
      'poll',
      device,
      '-c',
      configFile,
      '--collector',
      'ping',
      '--format',
      format,
    ],
    { cwd: REPO, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME }, timeout: 30_000 },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('noc poll --collector ping', () => {
  it('prints the ping sample and the first reachability event as JSON for ::1', () => {
    const r = poll('lo6', 'json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const samples = JSON.parse(r.stdout) as {
      measurement: string;
      tags: Record<string, string>;
      fields: Record<string, unknown>;
    }[];
    expect(samples.map((s) => s.measurement)).toEqual(['ping', 'event']);
    expect(samples[0].tags).toEqual({ device: 'lo6', address: '::1' });
    expect(samples[0].fields).toMatchObject({ up: true, loss_percent: 0 });
    expect(Object.keys(samples[0].fields)).toEqual([
      'up',
      'loss_percent',
      'rtt_min_ms',
      'rtt_avg_ms',
      'rtt_max_ms',
    ]);
    expect(samples[1]).toMatchObject({
      tags: { collector: 'ping', address: '::1', device: 'lo6', type: 'reachability' },
      fields: { up: true, change: 'first', text: 'Perangkat Server IPv6 dapat dijangkau' },
    });
  });

  it('prints a table with the dead host down at 100 % loss', () => {
    const r = poll('mati', 'table');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^pengukuran\s+tag\s+nilai$/);
    expect(lines[2]).toMatch(
      new RegExp(`^ping\\s+address=${ns.deadAddress.replace(/\./g, '\\.')}\\s+up=false loss_percent=100$`),
    );
    expect(lines[3]).toContain('type=reachability');
    expect(lines[3]).toContain('text=Perangkat Router Mati tidak dapat dijangkau');
    expect(lines).toHaveLength(4);
  });
});
