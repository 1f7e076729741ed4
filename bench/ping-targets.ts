import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import ping from 'ping';
import { silentLogger } from '../agent/log';
import { Semaphore } from '../agent/semaphore';
import { IputilsPinger } from '../collectors/ping/collect';
import { FpingBatcher, Pinger } from '../collectors/ping/fping';
import { pingCollector } from '../collectors/ping';
import type { Sink } from '../collectors/contract';
import { parseConfig } from '../config/load';

/**
 * CPU per cycle for 2,000 ping targets (the 30 s interval), each pinged 3 times 200 ms
 * apart. Targets are loopback addresses 127.0.x.y only. Every noc variant goes through the
 * scheduler's own semaphore at the default agent.concurrency (64), all targets due at once
 * (the worst case). Compared with one process per target (the `ping` npm package, iputils) and
 * with the physical limit: a single fping process pinging all 2,000.
 */
const TARGETS = 2000;
const INTERVAL_S = 30;
const CONCURRENCY = 64;
const COUNT = 3;
const PERIOD_MS = 200;
const TIMEOUT_S = 2;

const addresses = Array.from(
  { length: TARGETS },
  (_, i) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`,
);

/** CPU seconds of this process and of its reaped children (fping, ping). */
function cpu(): { self: number; children: number } {
  const u = process.cpuUsage();
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 16 and 17 (cutime, cstime) in clock ticks; Linux uses 100 per second.
  return { self: (u.user + u.system) / 1e6, children: (Number(f[13]) + Number(f[14])) / 100 };
}

interface Row {
  name: string;
  up: number;
  processes: number;
  wall: number;
  self: number;
  children: number;
}

async function measure(name: string, processes: number, run: () => Promise<number>): Promise<Row> {
  const c0 = cpu();
  const t0 = performance.now();
  const up = await run();
  const wall = (performance.now() - t0) / 1000;
  const c1 = cpu();
  return { name, up, processes, wall, self: c1.self - c0.self, children: c1.children - c0.children };
}

/** 2,000 devices, built once outside the measurement (parsing is not polling). */
function benchConfig() {
  const raw = {
    organisation: { name: 'bench' },
    agent: { host: { enabled: false } },
    devices: addresses.map((address, i) => ({
      id: `d${i}`,
      kind: 'other',
      address,
      ping: { intervalSeconds: INTERVAL_S, count: COUNT, periodMs: PERIOD_MS, timeoutSeconds: TIMEOUT_S },
    })),
  };
  const { config } = parseConfig(stringify(raw), { baseDir: '.', env: {} });
  if (!config) throw new Error('bench config invalid');
  return config;
}

/** One cycle of the noc ping collector with the given pinger, through a 64-slot semaphore. */
async function nocCycle(pinger: Pinger, config: ReturnType<typeof benchConfig>): Promise<number> {
  const collector = pingCollector(async () => pinger);
  const semaphore = new Semaphore(CONCURRENCY);
  let up = 0;
  const sink: Sink = {
    sample: (s) => (up += s.fields.up === true ? 1 : 0),
    event: () => undefined,
    error: (err) => console.error(err.message),
  };
  // Each poll has its own signal, as under the scheduler.
  const ctx = () => ({ config, signal: new AbortController().signal, now: Date.now, log: silentLogger });
  await Promise.all(
    collector.targets(config).map((t) => semaphore.run(() => collector.collect(t, ctx(), sink))),
  );
  await collector.close?.();
  return up;
}

async function pingPackage(): Promise<number> {
  const semaphore = new Semaphore(CONCURRENCY);
  let up = 0;
  await Promise.all(
    addresses.map((a) =>
      semaphore.run(async () => {
        const r = await ping.promise.probe(a, {
          timeout: TIMEOUT_S,
          min_reply: COUNT,
          extra: ['-i', String(PERIOD_MS / 1000)],
        });
        if (r.alive) up++;
      }),
    ),
  );
  return up;
}

function fpingAlone(): Promise<number> {
  return new Promise((resolve, reject) => {
    const args = [
      '-C',
      String(COUNT),
      '-q',
      '-p',
      String(PERIOD_MS),
      '-t',
      String(TIMEOUT_S * 1000),
      '-i',
      '1',
      ...addresses,
    ];
    const child = spawn('fping', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', () =>
      resolve(err.split('\n').filter((l) => / : /.test(l) && !/: (- )*-$/.test(l)).length),
    );
  });
}

function fmt(n: number, digits = 2): string {
  return n.toFixed(digits).replace('.', ',');
}

async function main(): Promise<void> {
  const config = benchConfig();
  const batcher = new FpingBatcher();
  const rows: Row[] = [];
  rows.push(await measure('noc, fping in batches (default)', 0, () => nocCycle(batcher, config)));
  rows[0].processes = batcher.processesStarted;
  rows.push(
    await measure('noc, iputils ping per target (fallback)', TARGETS, () =>
      nocCycle(new IputilsPinger(), config),
    ),
  );
  rows.push(await measure('`ping` npm package, one process per target', TARGETS, pingPackage));
  rows.push(await measure('physical limit: one fping for all 2,000', 1, fpingAlone));

  const base = rows[0].self + rows[0].children;
  const lines = [
    '## ping: 2,000 targets, 30 s interval',
    '',
    `Each target pinged ${COUNT}× ${PERIOD_MS} ms apart (loopback 127.0.x.y), polls through the scheduler's`,
    `semaphore (agent.concurrency ${CONCURRENCY}), all due at once. CPU = this process + its child processes.`,
    '',
    '| variant | up | processes | wall s | CPU node s | CPU children s | CPU total s | % of one core at 30 s | × noc |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => {
      const total = r.self + r.children;
      return `| ${r.name} | ${r.up} | ${r.processes} | ${fmt(r.wall, 1)} | ${fmt(r.self)} | ${fmt(r.children)} | ${fmt(total)} | ${fmt((total / INTERVAL_S) * 100, 1)} % | ${fmt(total / base, 1)} |`;
    }),
  ];
  console.log(lines.join('\n'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
