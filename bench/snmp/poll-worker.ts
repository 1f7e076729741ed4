import { createInterface } from 'node:readline';
import { stringify } from 'yaml';
import { silentLogger } from '../../agent/log';
import { collectWithDeadline } from '../../agent/scheduler';
import { Semaphore } from '../../agent/semaphore';
import { snmpCollector } from '../../collectors/snmp';
import { parseConfig } from '../../config/load';

/**
 * Runs inside the benchmark's namespace: polls every device (one port each) with noc's SNMP
 * collector at the given concurrency, twice (first poll opens the sessions, the second reuses
 * them as every later poll does), and prints one JSON line per round. Each round starts when a
 * line arrives on stdin, so the benchmark can interleave the peers' runs between rounds.
 * argv: community concurrency port...
 */
async function main(): Promise<void> {
  const [community, concurrencyArg, ...portArgs] = process.argv.slice(2);
  const concurrency = Number(concurrencyArg);
  const devices = portArgs.map((p) => ({
    id: `d${p}`,
    kind: 'switch',
    address: '127.0.0.1',
    ping: { enabled: false },
    snmp: { version: '2c', port: Number(p), community, timeoutSeconds: 10, retries: 1 },
  }));
  const raw = { organisation: { name: 'bench' }, agent: { host: { enabled: false }, concurrency }, devices };
  const { config } = parseConfig(stringify(raw), { baseDir: process.cwd(), env: {} });
  if (!config) throw new Error('bench config invalid');
  const stats = { varbinds: 0, requests: 0 };
  const collector = snmpCollector({ modules: [], stats });
  const targets = collector.targets(config);
  const semaphore = new Semaphore(concurrency);
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  for (const round of ['cold', 'warm']) {
    await lines.next();
    let samples = 0;
    let interfaces = 0;
    let errors = 0;
    stats.varbinds = 0;
    stats.requests = 0;
    const sink = {
      sample: (s: { measurement: string }) => {
        samples++;
        if (s.measurement === 'interface') interfaces++;
      },
      event: () => undefined,
      error: () => errors++,
    };
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    await Promise.all(
      targets.map((t) =>
        semaphore.run(() =>
          collectWithDeadline(collector, t, sink, {
            config,
            now: Date.now,
            logFor: () => silentLogger,
          }).catch(() => {
            errors++;
          }),
        ),
      ),
    );
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      JSON.stringify({
        round,
        wall,
        cpu: (cpu.user + cpu.system) / 1e6,
        varbinds: stats.varbinds,
        requests: stats.requests,
        samples,
        interfaces,
        errors,
      }),
    );
  }
  await collector.close?.();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
