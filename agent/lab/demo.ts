import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { parseConfig } from '../../config/load';
import { formatProblem } from '../../config/problems';
import { demoConfig } from './demo-config';
import { killStale, recordPids } from './pids';
import { freePort, PrivateInfluxd, startInfluxd } from './influxd';
import { Lab, LabInfo } from './lab';

/**
 * `noc demo`: the private InfluxDB, the simulated devices and the agent polling them, all on
 * loopback, with the state in one directory (default ./.noc-demo). Stopping it stops all three.
 */
export interface DemoOptions {
  dir: string;
  basePort?: number;
  /** Start the agent (default true); `false` runs InfluxDB and the devices only. */
  agent?: boolean;
  print?: (line: string) => void;
}

export interface RunningDemo {
  dir: string;
  configFile: string;
  influxUrl: string;
  /** Why InfluxDB is not running, when it is not (the agent then keeps its points in the spool). */
  influxError?: string;
  statusUrl: string;
  lab: LabInfo;
  agent?: ChildProcess;
  stop(): Promise<void>;
}

/** The repository root (where bin/noc.js is), from src (agent/lab) or dist (dist/agent/lab). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'bin', 'noc.js'))) {
    const up = resolve(dir, '..');
    if (up === dir) throw new Error('cannot find bin/noc.js above ' + __dirname);
    dir = up;
  }
  return dir;
}

/**
 * The one place the agent process is started: `node bin/noc.js run --config FILE`, its output
 * appended to DIR/agent.log.
 */
export function startAgentChild(configFile: string, logFile: string): ChildProcess {
  const fd = openSync(logFile, 'a');
  try {
    return spawn(process.execPath, [join(repoRoot(), 'bin', 'noc.js'), 'run', '--config', configFile], {
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd);
  }
}

async function ensureDatabase(url: string): Promise<void> {
  const body = new URLSearchParams({ q: 'CREATE DATABASE noc' });
  const res = await fetch(`${url}/query`, { method: 'POST', body });
  if (!res.ok) throw new Error(`CREATE DATABASE noc: HTTP ${res.status}`);
}

export async function startDemo(opts: DemoOptions): Promise<RunningDemo> {
  const print = opts.print ?? ((line: string) => console.log(line));
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true });
  // A previous demo killed with SIGKILL may have left its influxd holding the data directory.
  killStale(dir);

  let influx: PrivateInfluxd | undefined;
  let influxError: string | undefined;
  let influxUrl: string;
  try {
    influx = await startInfluxd(join(dir, 'influxdb'));
    await ensureDatabase(influx.url);
    influxUrl = influx.url;
  } catch (err) {
    await influx?.stop();
    influx = undefined;
    influxError = (err as Error).message;
    // Nothing listens there: the agent's writer spools until an InfluxDB answers at this URL.
    influxUrl = `http://127.0.0.1:${await freePort()}`;
  }

  const lab = new Lab({ dir, basePort: opts.basePort });
  let labInfo: LabInfo;
  try {
    labInfo = await lab.start();
  } catch (err) {
    await influx?.stop();
    throw err;
  }

  const statusPort = await freePort();
  const configFile = join(dir, 'noc.yaml');
  const raw = demoConfig({ dataDir: join(dir, 'data'), influxUrl, statusPort, devices: labInfo.devices });
  const header = [
    "# Written by `noc demo`: the demo lab's configuration (simulated devices on loopback).",
    '# Rewritten at every start, since the ports change; see docs/lab.md.',
    '',
  ].join('\n');
  writeFileSync(configFile, header + stringify(raw));
  const { problems } = parseConfig(header + stringify(raw), { baseDir: dir, env: {} });
  if (problems.length) print(`peringatan: noc.yaml tidak valid: ${problems.map(formatProblem).join('; ')}`);

  let agent: ChildProcess | undefined;
  if (opts.agent !== false) {
    agent = startAgentChild(configFile, join(dir, 'agent.log'));
    agent.once('exit', (code, signal) => {
      if (!stopping)
        print(`agen berhenti (kode ${code ?? signal}); lihat ${join(dir, 'agent.log')}. Lab tetap berjalan.`);
    });
  }
  recordPids(dir, { demo: process.pid, influxd: influx?.process()?.pid, agent: agent?.pid });

  let stopping = false;
  const stop = async () => {
    stopping = true;
    await stopChild(agent);
    await lab.stop();
    await influx?.stop();
    recordPids(dir, undefined);
  };
  return {
    dir,
    configFile,
    influxUrl,
    influxError,
    statusUrl: `http://127.0.0.1:${statusPort}`,
    lab: labInfo,
    agent,
    stop,
  };
}

/** SIGTERM (the agent flushes what it holds), SIGKILL if it has not ended in 15 s. */
async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}
