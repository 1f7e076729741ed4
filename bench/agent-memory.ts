import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { repoRoot } from '../agent/lab/demo';
import { fleetConfig, startFleet } from '../agent/lab/fleet';
import { freePort, startInfluxd } from '../agent/lab/influxd';

/**
 * Bench (c): resident memory of `noc run` polling 2,000 configured simulated devices over SNMP
 * (goal: at most 250 MB), next to the floor: a bare Node process that has loaded the same
 * libraries. The devices are the lab's simulations (agent/lab/fleet.ts), InfluxDB is a private
 * influxd, so the agent does its whole job: poll, convert, write.
 *   NOC_BENCH_DEVICES (2000), NOC_BENCH_SECONDS (180), NOC_BENCH_INTERVAL (30 s per device),
 *   NOC_BENCH_AGENT_NODE_ARGS (extra node options for the agent only, e.g. --heapsnapshot-signal=SIGUSR2)
 */
const DEVICES = Number(process.env.NOC_BENCH_DEVICES ?? 2000);
const SECONDS = Number(process.env.NOC_BENCH_SECONDS ?? 180);
const INTERVAL = Number(process.env.NOC_BENCH_INTERVAL ?? 30);
const AGENT_NODE_ARGS = (process.env.NOC_BENCH_AGENT_NODE_ARGS ?? '').split(' ').filter(Boolean);
const GOAL_MB = 250;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** RSS of a bare Node process with the agent's main libraries loaded: what any Node agent costs. */
async function floorMb(): Promise<number> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      "require('net-snmp'); require('winston'); require('zod'); require('yaml'); setTimeout(() => {}, 5000)",
    ],
    { cwd: repoRoot(), stdio: 'ignore' },
  );
  await sleep(2000);
  const { rss } = memory(child.pid!);
  child.kill();
  return rss;
}

const fmt = (mb: number) => mb.toFixed(0).replace('.', ',');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'noc-bench-memory-'));
  const fleet = await startFleet(DEVICES);
  const influx = await startInfluxd(join(dir, 'influxdb'));
  const statusPort = await freePort();
  const configFile = join(dir, 'noc.yaml');
  writeFileSync(
    configFile,
    stringify(
      fleetConfig({
        devices: fleet.devices,
        influxUrl: influx.url,
        dataDir: join(dir, 'data'),
        statusPort,
        intervalSeconds: INTERVAL,
      }),
    ),
  );
  const agent = spawn(
    process.execPath,
    [...AGENT_NODE_ARGS, join(repoRoot(), 'bin', 'noc.js'), 'run', '--config', configFile],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  agent.stderr!.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-2000)));
  const samples: { t: number; rss: number }[] = [];
  let peak = 0;
  try {
    const started = Date.now();
    while (Date.now() - started < SECONDS * 1000) {
      await sleep(5000);
      if (agent.exitCode !== null)
        throw new Error(
          `noc run exited (${agent.exitCode}): ${stderr.trim().split('\n').slice(0, 2).join(' | ')}`,
        );
      const m = memory(agent.pid!);
      samples.push({ t: (Date.now() - started) / 1000, rss: m.rss });
      peak = m.peak;
      console.error(
        `  t=${samples.at(-1)!.t.toFixed(0)} s  RSS ${m.rss.toFixed(1)} MB  SNMP requests ${fleet.requests()}`,
      );
    }
    const requests = fleet.requests();
    const self = await agentMetrics(statusPort);
    const floor = await floorMb();
    const steady = samples.filter((s) => s.t >= SECONDS / 2).map((s) => s.rss);
    const median = [...steady].sort((a, b) => a - b)[Math.floor(steady.length / 2)];
    const ok = peak <= GOAL_MB;
    console.log(
      [
        '## agent-memory: resident memory of `noc run` with many devices',
        '',
        `${DEVICES} simulated SNMP devices (agent/lab/fleet.ts: 55 % MikroTik routers, 20 % 27-port switches,`,
        `15 % Linux servers, 5 % UPS, 5 % PDU), each polled every ${INTERVAL} s, v2c, written to a private`,
        `InfluxDB 1.6; ${SECONDS} s of running, RSS sampled every 5 s from /proc.`,
        '',
        '| | RSS (MB) |',
        '| --- | --- |',
        `| noc run, median over the second half | ${fmt(median)} |`,
        `| noc run, peak (VmHWM) | ${fmt(peak)} |`,
        `| bare Node 20 with the same libraries loaded (floor) | ${fmt(floor)} |`,
        `| goal | ≤ ${GOAL_MB} |`,
        '',
        `Peak / goal: ${(peak / GOAL_MB).toFixed(2).replace('.', ',')} (${ok ? 'goal met' : 'GOAL MISSED'}); ` +
          `peak / floor: ${(peak / floor).toFixed(1).replace('.', ',')}. ` +
          `The fleet answered ${requests} SNMP requests (${(requests / SECONDS).toFixed(0)}/s); ` +
          `the agent ran ${self.polls} SNMP polls (${self.errors} failed, ${self.overruns} overruns) ` +
          `and wrote ${self.written} points to InfluxDB (/metrics).`,
      ].join('\n'),
    );
    if (!ok) process.exitCode = 1;
  } finally {
    agent.kill('SIGTERM');
    await new Promise((r) => (agent.exitCode !== null ? r(null) : agent.once('exit', r)));
    await fleet.stop();
    await influx.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What the agent says about itself on /metrics: polls, failures, overruns, points written.
 * (Counting points in InfluxDB instead, SELECT count(*) over every series of 2,000 devices,
 * took influxd 1.6 minutes and gigabytes; the agent's own counters are exact and free.)
 */
async function agentMetrics(
  port: number,
): Promise<Record<'polls' | 'errors' | 'overruns' | 'written', number>> {
  const text = await (
    await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(10_000) })
  ).text();
  const sum = (re: RegExp) =>
    text
      .split('\n')
      .filter((l) => re.test(l))
      .reduce((a, l) => a + Number(l.split(' ').pop()), 0);
  return {
    polls: sum(/^noc_polls_total\{[^}]*collector="snmp"/),
    errors: sum(/^noc_collector_errors_total\{[^}]*collector="snmp"/),
    overruns: sum(/^noc_poll_overruns_total/),
    written: sum(/^noc_writer_points_written /),
  };
}

main().catch((err) => {
  console.error(`agent-memory: ${(err as Error).message}`);
  process.exit(1);
});
