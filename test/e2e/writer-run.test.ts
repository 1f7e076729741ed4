import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freePort, PrivateInfluxd, startInfluxd } from '../../agent/lab/influxd';
import { REPO } from '../harness/cli';
import { countOf, until } from './writer-support';

/**
 * `noc run` end to end with the host collector only: samples of the NOC server reach a real
 * InfluxDB; with InfluxDB down at start the agent runs on, spools, and a later start replays;
 * SIGTERM flushes and exits 0.
 */
jest.setTimeout(120_000);

const tmp = () => mkdtempSync(join(tmpdir(), 'noc-run-'));
let influxd: PrivateInfluxd | undefined;
// A failed assertion must not leave a daemon running after the test file.
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await influxd?.stop();
});

function run(configFile: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(REPO, 'bin', 'noc.js'), 'run', '--config', configFile],
    {
      env: { PATH: process.env.PATH },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  children.push(child);
  const out = { stderr: '' };
  child.stderr!.on('data', (b: Buffer) => (out.stderr += b.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out, exited };
}

it('runs the agent with the host collector; InfluxDB down at start: spools, then replays on the next start', async () => {
  const port = await freePort();
  const dataDir = tmp();
  const file = join(dataDir, 'noc.yaml');
  writeFileSync(
    file,
    stringify({
      organisation: { name: 'Diskominfo Uji' },
      agent: {
        dataDir,
        http: { port: 0 },
        host: { enabled: true, intervalSeconds: 1 },
        log: { format: 'json' },
      },
      influx: { url: `http://127.0.0.1:${port}`, database: 'run' },
    }),
  );

  // 1. InfluxDB is not there: the agent still runs and keeps its samples in the spool.
  const first = run(file);
  await until('the spool', () => /keeping samples in the spool/.test(first.out.stderr));
  const spooled = () =>
    readdirSync(join(dataDir, 'spool'))
      .filter((f) => f.endsWith('.seg'))
      .map((f) => statSync(join(dataDir, 'spool', f)).size);
  await until('host samples in the spool', () => spooled().reduce((a, b) => a + b, 0) > 2000);
  first.child.kill('SIGTERM');
  expect(await first.exited).toBe(0);
  expect(first.out.stderr).toMatch(/SIGTERM: flushing and stopping/);
  expect(first.out.stderr).toMatch(/points stay in the spool for the next start/);

  // 2. InfluxDB is up: the next start replays the spool and goes on writing.
  influxd = await startInfluxd(join(tmp(), 'influxd'), { port });
  const second = run(file);
  const cpu = () =>
    countOf(
      influxd!.url,
      'run',
      `SELECT count(load_percent) FROM raw.cpu WHERE device = 'noc-server' AND cpu = 'cpu-total'`,
    );
  await until('host samples in InfluxDB', async () => (await cpu()) >= 4, 60_000);
  second.child.kill('SIGTERM');
  expect(await second.exited).toBe(0);
  expect(second.out.stderr).toMatch(/replaying \d+ points spooled by a previous run/);
  const rps = await fetch(`${influxd.url}/query?q=${encodeURIComponent('SHOW RETENTION POLICIES ON run')}`);
  expect(await rps.text()).toContain('"raw","720h0m0s"');
});
