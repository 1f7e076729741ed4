import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Lab } from '../../agent/lab/lab';
import { REPO } from '../harness/cli';
import { num, snmpget } from './lab-snmp-client';

/**
 * `noc lab ups` and `noc demo` as a user runs them: the built CLI in child processes, the
 * simulated UPS read back with snmpget. (Async children: the lab of the first tests lives in
 * this process and must keep answering while the CLI runs.)
 */
const BIN = join(REPO, 'bin', 'noc.js');
const SOURCE = '1.3.6.1.2.1.33.1.4.1.0';
const tmp: string[] = [];
const newDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'noc-lab-'));
  tmp.push(d);
  return d;
};
afterAll(() => tmp.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function noc(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: REPO });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const alive = (pid: number | undefined) => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('noc lab ups', () => {
  const dir = newDir();
  const lab = new Lab({ dir });
  beforeAll(() => lab.start());
  afterAll(() => lab.stop());

  test('battery flips upsOutputSource to 5 as snmpget reads it, normal back to 3', async () => {
    const ups = JSON.parse(readFileSync(join(dir, 'lab.json'), 'utf8')).devices.find(
      (d: { kind: string }) => d.kind === 'ups',
    );
    expect(num(await snmpget(ups.port, ups.community, [SOURCE]), SOURCE)).toBe(3n);
    const on = await noc(['lab', 'ups', 'battery', 'ups-demo', '--dir', dir]);
    expect(on).toMatchObject({ code: 0, stderr: '' });
    expect(on.stdout).toMatch(/^ups-demo: berjalan dengan baterai \(upsOutputSource 5\)/);
    expect(num(await snmpget(ups.port, ups.community, [SOURCE]), SOURCE)).toBe(5n);
    const off = await noc(['lab', 'ups', 'normal', 'ups-demo', '--dir', dir]);
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/^ups-demo: kembali ke listrik PLN \(upsOutputSource 3\)/);
    expect(num(await snmpget(ups.port, ups.community, [SOURCE]), SOURCE)).toBe(3n);
  });

  test('an unknown UPS, a wrong mode and a directory without a lab are refused with exit 1', async () => {
    const unknown = await noc(['lab', 'ups', 'battery', 'ups-z', '--dir', dir]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no simulated UPS "ups-z" \(UPS in this lab: ups-demo\)/);
    const mode = await noc(['lab', 'ups', 'bypass', 'ups-demo', '--dir', dir]);
    expect(mode.code).toBe(1);
    expect(mode.stderr).toMatch(/mode must be "battery" or "normal"/);
    const empty = newDir();
    const none = await noc(['lab', 'ups', 'battery', 'ups-demo', '--dir', empty]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`no running lab in ${empty}`);
    expect(none.stderr).toContain('noc demo --dir');
  });
});

/** Starts `noc demo`, resolves with what it printed once the banner is complete. */
function startDemo(dir: string): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(process.execPath, [BIN, 'demo', '--dir', dir], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('noc lab ups normal')) resolve({ child, banner: out });
    });
    child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
    child.once('exit', (code) => reject(new Error(`noc demo exited (${code}) before its banner:\n${out}`)));
  });
}

function interrupt(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    child.kill('SIGINT');
  });
}

describe('noc demo', () => {
  test('starts InfluxDB, the devices and the agent, prints where to look, and Ctrl-C stops all of it', async () => {
    const dir = newDir();
    const { child, banner } = await startDemo(dir);
    const influxUrl = /InfluxDB +(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    expect(influxUrl).toBeDefined();
    expect(banner).toMatch(/http:\/\/127\.0\.0\.1:\d+\/healthz +http:\/\/127\.0\.0\.1:\d+\/metrics/);
    expect(banner).toContain(`curl -sG ${influxUrl}/query --data-urlencode db=noc`);
    // The directory lies outside the working directory (REPO): shown absolute, not "../../tmp/…".
    expect(banner).toContain(`noc lab ups battery ups-demo --dir ${dir}\n`);
    expect(banner).toContain(`Konfigurasi   ${dir}/noc.yaml`);
    expect(banner).not.toContain('../');
    for (const id of ['core-router', 'dist-switch', 'srv-web01', 'ups-demo', 'pdu-r01-a', 'sensor-ruang1'])
      expect(banner).toContain(id);

    expect((await fetch(`${influxUrl}/ping`)).status).toBe(204);
    const dbs = await (await fetch(`${influxUrl}/query?q=SHOW+DATABASES`)).text();
    expect(dbs).toContain('"noc"');
    const valid = await noc(['validate', join(dir, 'noc.yaml')]);
    expect(valid.code).toBe(0);
    expect(valid.stdout).toMatch(/OK \(6 perangkat/);

    // The UPS switch reaches the demo's lab (another process) through DIR/lab.json.
    const ups = JSON.parse(readFileSync(join(dir, 'lab.json'), 'utf8')).devices.find(
      (d: { kind: string }) => d.kind === 'ups',
    );
    expect((await noc(['lab', 'ups', 'battery', 'ups-demo', '--dir', dir])).code).toBe(0);
    expect(num(await snmpget(ups.port, ups.community, [SOURCE]), SOURCE)).toBe(5n);

    const pids = JSON.parse(readFileSync(join(dir, 'demo.pids.json'), 'utf8'));
    expect(alive(pids.influxd)).toBe(true);
    expect(await interrupt(child)).toEqual({ code: 0, signal: null });
    expect(alive(pids.influxd)).toBe(false);
    expect(alive(pids.agent)).toBe(false);
    expect(existsSync(join(dir, 'lab.json'))).toBe(false);
    expect(existsSync(join(dir, 'demo.pids.json'))).toBe(false);
    await expect(fetch(`${influxUrl}/ping`)).rejects.toThrow();
  });

  test('without a working InfluxDB it still runs and says plainly that metrics go to the spool', async () => {
    const dir = newDir();
    writeFileSync(join(dir, 'influxdb'), 'not a directory'); // influxd cannot get its data directory
    const { child, banner } = await startDemo(dir);
    expect(banner).toMatch(/InfluxDB +TIDAK BERJALAN: /);
    expect(banner).toContain('menyimpan metrik di spool');
    const url = /menjawab di (http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    expect(readFileSync(join(dir, 'noc.yaml'), 'utf8')).toContain(`url: ${url}`);
    expect((await noc(['validate', join(dir, 'noc.yaml')])).code).toBe(0);
    expect(await interrupt(child)).toEqual({ code: 0, signal: null });
  });
});
