import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { NocEvent, Sample } from '../../agent/sample';
import { silentLogger } from '../../agent/log';
import { parseConfig, NocConfig } from '../../config/load';
import { createNamespace, TestNamespace } from '../../test/e2e/ping-netns';
import type { Sink } from '../contract';
import { IputilsPinger } from './collect';
import { FpingBatcher, Pinger } from './fping';
import { pingCollector, PingTarget } from './index';

/**
 * The real fping and iputils ping against loopback (IPv4 and IPv6) and a host that never
 * answers, all inside a private network namespace.
 */
let ns: TestNamespace;
let spawnLog: string;
let fpingCommand: string[];

beforeAll(() => {
  ns = createNamespace('ping');
  const dir = mkdtempSync(join(tmpdir(), 'noc-ping-'));
  spawnLog = join(dir, 'spawns');
  writeFileSync(spawnLog, '');
  // Counts fping processes, to show that concurrent polls share one.
  fpingCommand = ['sh', '-c', `echo "$*" >> ${spawnLog}; exec ${ns.exec.join(' ')} fping "$@"`, 'fping'];
});
afterAll(() => ns.remove());

function config(): NocConfig {
  const ping = { count: 3, periodMs: 200, timeoutSeconds: 1 };
  const raw = {
    organisation: { name: 'Diskominfo Uji' },
    devices: [
      { id: 'lo4', name: 'Loopback IPv4', kind: 'server', address: '127.0.0.1', ping },
      { id: 'lo6', kind: 'server', address: '::1', ping },
      { id: 'mati', name: 'Router Mati', kind: 'router', address: ns.deadAddress, ping },
      { id: 'tanpa-ping', kind: 'server', address: '127.0.0.2', ping: { enabled: false } },
      { id: 'tanpa-alamat', kind: 'sensor' },
    ],
  };
  const { config, problems } = parseConfig(stringify(raw), { baseDir: tmpdir(), env: {} });
  if (!config) throw new Error(JSON.stringify(problems));
  return config;
}

function recorder() {
  const samples: Sample[] = [];
  const events: NocEvent[] = [];
  const errors: string[] = [];
  const sink: Sink = {
    sample: (s) => samples.push(s),
    event: (e) => events.push(e),
    error: (e, where) => errors.push(`${where.device}: ${e.message}`),
  };
  return { samples, events, errors, sink };
}

async function pollAll(
  collector: ReturnType<typeof pingCollector>,
  targets: PingTarget[],
  cfg: NocConfig,
  sink: Sink,
) {
  const signal = new AbortController().signal;
  await Promise.all(
    targets.map((t) =>
      collector.collect(t, { config: cfg, signal, now: () => 1000, log: silentLogger }, sink),
    ),
  );
}

const byDevice = (samples: Sample[]) => Object.fromEntries(samples.map((s) => [s.tags.device, s.fields]));

describe('ping collector with fping', () => {
  it('targets devices with an address and ping enabled, with a deadline above the ping time', () => {
    const targets = pingCollector().targets(config());
    expect(targets.map((t) => [t.device, t.address, t.intervalSeconds, t.timeoutSeconds])).toEqual([
      ['lo4', '127.0.0.1', 30, 5],
      ['lo6', '::1', 30, 5],
      ['mati', ns.deadAddress, 30, 5],
    ]);
  });

  it('measures loopback v4/v6 and a dead host in one fping process; events only on changes', async () => {
    const cfg = config();
    const collector = pingCollector(async () => new FpingBatcher({ command: fpingCommand }));
    const targets = collector.targets(cfg);
    const { samples, events, errors, sink } = recorder();

    await pollAll(collector, targets, cfg, sink);
    expect(readFileSync(spawnLog, 'utf8').trim().split('\n')).toEqual([
      `-C 3 -p 200 -t 1000 -i 1 127.0.0.1 ::1 ${ns.deadAddress}`,
    ]);
    const first = byDevice(samples);
    for (const id of ['lo4', 'lo6']) {
      const f = first[id] as Record<string, number | boolean>;
      expect(Object.keys(f)).toEqual(['up', 'loss_percent', 'rtt_min_ms', 'rtt_avg_ms', 'rtt_max_ms']);
      expect(f.up).toBe(true);
      expect(f.loss_percent).toBe(0);
      expect(f.rtt_min_ms).toBeGreaterThan(0);
      expect(f.rtt_min_ms).toBeLessThanOrEqual(f.rtt_avg_ms as number);
      expect(f.rtt_avg_ms).toBeLessThanOrEqual(f.rtt_max_ms as number);
    }
    expect(first.mati).toEqual({ up: false, loss_percent: 100 });
    expect(samples.find((s) => s.tags.device === 'lo6')?.tags).toEqual({ device: 'lo6', address: '::1' });

    // The dead host comes back, stays up, then goes away again.
    ns.bringUp();
    await pollAll(collector, targets, cfg, sink);
    await pollAll(collector, targets, cfg, sink);
    ns.takeDown();
    await pollAll(collector, targets, cfg, sink);

    expect(errors).toEqual([]);
    expect(samples.filter((s) => s.tags.device === 'mati').map((s) => s.fields.up)).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(samples.filter((s) => s.tags.device === 'mati').map((s) => s.fields.loss_percent)).toEqual([
      100, 0, 0, 100,
    ]);
    const sorted = [...events].sort((a, b) => a.device.localeCompare(b.device));
    expect(sorted.map((e) => [e.device, e.text, e.fields?.change])).toEqual([
      ['lo4', 'Perangkat Loopback IPv4 dapat dijangkau', 'first'],
      ['lo6', 'Perangkat lo6 dapat dijangkau', 'first'],
      ['mati', 'Perangkat Router Mati tidak dapat dijangkau', 'first'],
      ['mati', 'Perangkat Router Mati kembali dapat dijangkau', 'recovered'],
      ['mati', 'Perangkat Router Mati tidak dapat dijangkau', 'lost'],
    ]);
    expect(events.every((e) => e.type === 'reachability')).toBe(true);
    expect(readFileSync(spawnLog, 'utf8').trim().split('\n')).toHaveLength(4);
    await collector.close?.();
  });

  it('answers a caller whose poll is aborted with the abort reason, and reports a bad name', async () => {
    const batcher = new FpingBatcher({ command: [...ns.exec, 'fping'] });
    const controller = new AbortController();
    const req = { count: 3, periodMs: 200, timeoutMs: 1000 };
    const aborted = batcher.ping({ address: ns.deadAddress, ...req }, controller.signal);
    controller.abort(new Error('no answer within the 4 s deadline'));
    await expect(aborted).rejects.toThrow('no answer within the 4 s deadline');
    // A name that does not resolve fails only its own poll, not the others in its batch.
    const [bad, good] = await Promise.allSettled([
      batcher.ping({ address: 'tidak-ada.invalid', ...req }, new AbortController().signal),
      batcher.ping({ address: '127.0.0.1', ...req }, new AbortController().signal),
    ]);
    expect(bad.status === 'rejected' && (bad.reason as Error).message).toMatch(/^tidak-ada\.invalid: /);
    expect(good.status === 'fulfilled' && good.value).toMatchObject({ up: true, lossPercent: 0 });
    expect(batcher.processesStarted).toBe(1);
    await batcher.close();
  });
  it('starts another fping process when a batch is full', async () => {
    const batcher = new FpingBatcher({ command: [...ns.exec, 'fping'], maxBatch: 2 });
    const req = { count: 1, periodMs: 200, timeoutMs: 1000 };
    const signal = new AbortController().signal;
    const results = await Promise.all(
      ['127.0.0.1', '127.0.0.2', '::1'].map((address) => batcher.ping({ address, ...req }, signal)),
    );
    expect(results.map((r) => [r.up, r.lossPercent])).toEqual([
      [true, 0],
      [true, 0],
      [true, 0],
    ]);
    expect(batcher.processesStarted).toBe(2);
    await batcher.close();
  });
});

describe('ping collector with iputils ping (no fping installed)', () => {
  it('gives the same fields for loopback v4/v6 and the dead host', async () => {
    const cfg = config();
    const pinger: Pinger = new IputilsPinger([...ns.exec, 'ping']);
    const collector = pingCollector(async () => pinger);
    const { samples, events, errors, sink } = recorder();
    await pollAll(collector, collector.targets(cfg), cfg, sink);
    expect(errors).toEqual([]);
    const got = byDevice(samples);
    expect(got.lo4.up).toBe(true);
    expect(got.lo4.loss_percent).toBe(0);
    expect(got.lo6.up).toBe(true);
    expect(Object.keys(got.lo6)).toEqual(['up', 'loss_percent', 'rtt_min_ms', 'rtt_avg_ms', 'rtt_max_ms']);
    expect(got.mati).toEqual({ up: false, loss_percent: 100 });
    expect(events.map((e) => e.text).sort()).toEqual([
      'Perangkat Loopback IPv4 dapat dijangkau',
      'Perangkat Router Mati tidak dapat dijangkau',
      'Perangkat lo6 dapat dijangkau',
    ]);
    await expect(
      pinger.ping(
        { address: 'tidak-ada.invalid', count: 1, periodMs: 200, timeoutMs: 500 },
        new AbortController().signal,
      ),
    ).rejects.toThrow(/^tidak-ada\.invalid: /);
  });
});
