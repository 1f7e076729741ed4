import { selfSignedCert } from '../test/harness/certs';
import { ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { RouterOSAPI } from 'node-routeros';
import { READS } from '../collectors/routeros/collect';
import { routerosCollector } from '../collectors/routeros';
import { pollOnce, routerConfig } from '../test/peers/routeros/harness';
import { RouterosPeer } from '../test/peers/routeros/server';

/**
 * 200 MikroTik routers polled at once through the RouterOS collector (connect + login on the
 * first poll, then polls on the open sessions), plain API and API-SSL. Each router is its own
 * test peer, all in a child process so the numbers below are the collector's alone. Side by
 * side: node-routeros doing the same reads on the same routers.
 */

const ROUTERS = 200;
const STEADY_ROUNDS = 5;
const T0 = Date.UTC(2026, 0, 1);

type PeerMsg = { ports: number[] } | { advanced: true };

async function peerMain(tlsDir?: string): Promise<void> {
  const tls = tlsDir
    ? { key: readFileSync(join(tlsDir, 'key.pem')), cert: readFileSync(join(tlsDir, 'cert.pem')) }
    : undefined;
  const peers = Array.from({ length: ROUTERS }, () => new RouterosPeer({ health: 'v7', tls }));
  const ports = await Promise.all(peers.map((p) => p.start()));
  process.send!({ ports });
  process.on('message', (m: { advance: number }) => {
    for (const p of peers) p.advance(m.advance);
    process.send!({ advanced: true });
  });
  process.on('disconnect', () => process.exit(0));
}

function startPeers(tlsDir?: string): Promise<{ child: ChildProcess; ports: number[] }> {
  const child = fork(__filename, ['--peer', ...(tlsDir ? [tlsDir] : [])], { stdio: 'inherit' });
  return new Promise((resolve) =>
    child.once('message', (m: PeerMsg) => resolve({ child, ports: (m as { ports: number[] }).ports })),
  );
}

function advance(child: ChildProcess, seconds: number): Promise<void> {
  return new Promise((resolve) => {
    child.once('message', () => resolve());
    child.send({ advance: seconds });
  });
}

interface Round {
  wallMs: number;
  cpuMs: number;
  samples: number;
  errors: number;
}

async function measure(work: () => Promise<{ samples: number; errors: number }>): Promise<Round> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  const r = await work();
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, ...r };
}

// run-all starts benchmarks without flags; this turns on gc() for the heap figures.
v8.setFlagsFromString('--expose_gc');
const gc = vm.runInNewContext('gc') as () => void;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (n: number) => n.toFixed(1);

async function benchNoc(label: string, tls?: Record<string, unknown>, tlsDir?: string): Promise<string[]> {
  const { child, ports } = await startPeers(tlsDir);
  const config = routerConfig(ports.map((port, i) => ({ id: `r${i}`, port, tls, timeoutSeconds: 30 })));
  const collector = routerosCollector();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const pollAll = async (now: number) => {
    const recs = await Promise.all(config.devices.map((d) => pollOnce(collector, config, d.id, now)));
    return {
      samples: recs.reduce((n, r) => n + r.samples.length, 0),
      errors: recs.reduce((n, r) => n + r.errors.length, 0),
    };
  };
  const first = await measure(() => pollAll(T0));
  const steady: Round[] = [];
  for (let i = 1; i <= STEADY_ROUNDS; i++) {
    await advance(child, 60);
    steady.push(await measure(() => pollAll(T0 + i * 60_000)));
  }
  gc();
  const heapPerRouter = (process.memoryUsage().heapUsed - heapBefore) / ROUTERS / 1024;
  const rss = process.memoryUsage().rss / 2 ** 20;
  await collector.close?.();
  child.disconnect();
  const s = steady[steady.length - 1];
  return [
    `| noc, ${label}, first poll (connect + login) | ${fmt(first.wallMs)} | ${fmt(first.cpuMs)} | ${first.samples} | ${first.errors} |`,
    `| noc, ${label}, steady poll (median of ${STEADY_ROUNDS}) | ${fmt(median(steady.map((r) => r.wallMs)))} | ${fmt(median(steady.map((r) => r.cpuMs)))} | ${s.samples} | ${steady.reduce((n, r) => n + r.errors, 0)} |`,
    `<!-- ${label}: heap ${fmt(heapPerRouter)} KiB per router, RSS ${fmt(rss)} MiB -->`,
  ];
}

/** The same reads through node-routeros, one connection per router (no parsing into samples). */
async function benchNodeRouteros(): Promise<string[]> {
  const { child, ports } = await startPeers();
  const apis = ports.map(
    (port) => new RouterOSAPI({ host: '127.0.0.1', port, user: 'noc-api', password: 'rahasia', timeout: 30 }),
  );
  // The same seven reads noc sends once it knows wifiwave2/wifi are missing on these routers.
  const reads = Object.entries(READS)
    .filter(([name]) => name !== 'wifiwave2' && name !== 'wifi')
    .map(([, words]) => words);
  const pollAll = async () => {
    let rows = 0;
    let errors = 0;
    await Promise.all(
      apis.map(async (api) => {
        try {
          if (!api.connected) await api.connect();
          const out = await Promise.all(reads.map((r) => api.write(r[0], r.slice(1))));
          rows += out.reduce((n, o) => n + o.length, 0);
        } catch {
          errors++;
        }
      }),
    );
    return { samples: rows, errors };
  };
  const first = await measure(pollAll);
  const steady: Round[] = [];
  for (let i = 0; i < STEADY_ROUNDS; i++) steady.push(await measure(pollAll));
  await Promise.all(apis.map((a) => a.close().catch(() => undefined)));
  child.disconnect();
  return [
    `| node-routeros 1.6.9, plain API, first poll (rows, not samples) | ${fmt(first.wallMs)} | ${fmt(first.cpuMs)} | ${first.samples} | ${first.errors} |`,
    `| node-routeros 1.6.9, plain API, steady poll (median of ${STEADY_ROUNDS}) | ${fmt(median(steady.map((r) => r.wallMs)))} | ${fmt(median(steady.map((r) => r.cpuMs)))} | ${steady[0].samples} | ${steady.reduce((n, r) => n + r.errors, 0)} |`,
  ];
}

async function main(): Promise<void> {
  if (process.argv[2] === '--peer') return peerMain(process.argv[3]);
  const dir = mkdtempSync(join(tmpdir(), 'noc-bench-ros-'));
  selfSignedCert({
    keyFile: join(dir, 'key.pem'),
    certFile: join(dir, 'cert.pem'),
    days: 2,
    subject: '/CN=bench',
    altNames: 'IP:127.0.0.1',
  });
  const rows = [
    ...(await benchNoc('plain API (8728)')),
    ...(await benchNoc(
      'API-SSL (8729, certificate checked against a CA file)',
      { enabled: true, caFile: join(dir, 'cert.pem') },
      dir,
    )),
    ...(await benchNodeRouteros()),
  ];
  rmSync(dir, { recursive: true, force: true });
  const table = rows.filter((r) => r.startsWith('|'));
  const notes = rows.filter((r) => r.startsWith('<!--')).map((r) => r.replace(/<!-- (.*) -->/, '- $1'));
  console.log(
    [
      '## routeros-poll',
      '',
      `${ROUTERS} MikroTik routers (one RouterOS API test peer each, in a separate process) polled at once:`,
      'interfaces, resource, health (v7), simple queues, DHCP leases, neighbours, wireless clients.',
      'CPU is the polling process only (user + system). Steady polls run on the open sessions after',
      'the routers\u2019 counters moved by 60 s, so rates are computed.',
      '',
      '| run | wall ms | CPU ms | samples (rows) | errors |',
      '| --- | ---: | ---: | ---: | ---: |',
      ...table,
      '',
      'Wall time includes the peers: 200 routers served by one single-threaded Node process with a',
      'deliberately plain codec, so it is an upper bound; CPU ms is the number that scales.',
      '',
      'Heap kept per router after the steady polls (collector state and open session) and the',
      'process RSS:',
      ...notes,
    ].join('\n'),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
