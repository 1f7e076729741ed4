import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { stringify } from 'yaml';
import { REPO } from '../harness/cli';
import { RouterosPeer } from '../peers/routeros/server';

/**
 * `noc poll DEVICE` on a RouterOS device, through the built CLI and the collector registry.
 * The CLI runs as a child process asynchronously so the in-process peer can answer it.
 */

const run = promisify(execFile);

describe('noc poll on a RouterOS device', () => {
  const peer = new RouterosPeer({ health: 'v7' });
  const dir = mkdtempSync(join(tmpdir(), 'noc-ros-cli-'));
  const file = join(dir, 'noc.yaml');

  beforeAll(async () => {
    const port = await peer.start();
    const config = {
      organisation: { name: 'Uji' },
      agent: { host: { enabled: false } },
      devices: [
        {
          id: 'rtr-opd',
          kind: 'router',
          address: '127.0.0.1',
          routeros: { port, tls: { enabled: false }, username: 'noc-api', password: '${ROS_PASS}' },
        },
      ],
    };
    writeFileSync(file, stringify(config));
  });
  afterAll(async () => {
    await peer.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const noc = (args: string[], env: Record<string, string> = { ROS_PASS: 'rahasia' }) =>
    run(process.execPath, [join(REPO, 'bin', 'noc.js'), ...args], {
      cwd: REPO,
      env: { PATH: process.env.PATH, ...env },
      timeout: 60_000,
    });

  it('prints a table with Indonesian headers and the routeros samples', async () => {
    const { stdout } = await noc(['poll', 'rtr-opd', '--config', file]);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^pengukuran\s+tag\s+nilai$/);
    expect(stdout).toMatch(
      /^interface\s+agent_host=127\.0\.0\.1 ifName=ether1 ifIndex=1 source=routeros\s+/m,
    );
    expect(stdout).toContain('ifHCInOctets=194632346152');
    expect(stdout).toMatch(
      /^system\s+source=routeros\s+uptime_seconds=609014 version=7\.16 \(stable\) board=hAP/m,
    );
    expect(stdout).toMatch(
      /^sensor\s+source=routeros type=temperature name=cpu-temperature unit=C\s+value=41$/m,
    );
  });

  it('prints JSON with counters as exact strings', async () => {
    const { stdout } = await noc(['poll', 'rtr-opd', '--config', file, '--format', 'json']);
    const samples = JSON.parse(stdout) as {
      measurement: string;
      tags: Record<string, string>;
      fields: Record<string, unknown>;
    }[];
    const ether1 = samples.find((s) => s.measurement === 'interface' && s.tags.ifName === 'ether1')!;
    expect(ether1.fields.ifHCInOctets).toBe('194632346152');
    expect(samples.filter((s) => s.measurement === 'queue').map((s) => s.tags.queue)).toEqual([
      'opd-dinkes',
      'opd-disdik',
      'tamu',
    ]);
  });

  it('a refused login is printed as a per-device error and exits non-zero', async () => {
    const err = (await noc(['poll', 'rtr-opd', '--config', file], { ROS_PASS: 'salah' }).catch(
      (e: unknown) => e,
    )) as { code: number; stderr: string };
    expect(err.code).toBe(1);
    expect(err.stderr).toContain(
      'galat rtr-opd routeros: login as "noc-api" refused: invalid user name or password (6)',
    );
  });
});
