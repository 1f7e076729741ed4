import { stringify } from 'yaml';
import type { Collector, CollectTarget } from '../collectors/contract';
import { parseConfig } from '../config/load';
import { silentLogger } from './log';
import { Metrics } from './metrics';
import { Pipeline } from './pipeline';
import type { Sample } from './sample';
import { Scheduler } from './scheduler';

const config = parseConfig(
  stringify({
    organisation: { name: 'Uji' },
    agent: { concurrency: 2, jitterPercent: 0, host: { enabled: false } },
    devices: [
      { id: 'fast', kind: 'router', site: 'pd' },
      { id: 'dead', kind: 'switch' },
      { id: 'broken', kind: 'ups' },
    ],
    sites: [{ id: 'pd', name: 'Pusat Data' }],
  }),
  { baseDir: '.', env: {} },
).config!;

/** A collector whose behaviour per device is given by the test. */
function fakeCollector(behaviour: Record<string, 'ok' | 'hang' | 'throw'>, calls: string[]): Collector {
  return {
    name: 'fake',
    targets: (): CollectTarget[] =>
      Object.keys(behaviour).map((device) => ({
        key: device,
        device,
        intervalSeconds: 10,
        timeoutSeconds: 3,
      })),
    async collect(target, ctx, sink) {
      calls.push(target.device);
      const mode = behaviour[target.device];
      if (mode === 'throw') throw new Error('agent answered garbage');
      if (mode === 'hang')
        await new Promise((_, reject) =>
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
        );
      sink.sample({
        measurement: 'probe',
        tags: { device: target.device },
        fields: { value: 1 },
        time: ctx.now(),
      });
    },
  };
}

describe('Scheduler', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('keeps polling healthy devices on time while one hangs and one fails', async () => {
    const calls: string[] = [];
    const written: Sample[] = [];
    const errors: string[] = [];
    const metrics = new Metrics();
    const pipeline = new Pipeline(config, { write: (s) => written.push(...s) }, metrics, silentLogger);
    pipeline.listen({ onError: (err, where) => errors.push(`${where.device}: ${err.message}`) });
    const scheduler = new Scheduler({
      collectors: [fakeCollector({ dead: 'hang', broken: 'throw', fast: 'ok' }, calls)],
      config,
      pipeline,
      metrics,
      logFor: () => silentLogger,
      now: () => Date.now(),
    });
    scheduler.start();
    // Every device is due at 0, 10, ... 50 s.
    for (let i = 0; i < 5; i++) await jest.advanceTimersByTimeAsync(10_000);
    await jest.advanceTimersByTimeAsync(5_000);
    await scheduler.stop();

    expect(calls.filter((d) => d === 'fast')).toHaveLength(6);
    expect(written.map((s) => s.time)).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
    // The inventory tags were added by the pipeline, not the collector.
    expect(written[0].tags).toEqual({ device: 'fast', kind: 'router', site: 'pd' });
    expect(errors.filter((e) => e === 'dead: no answer within the 3 s deadline')).toHaveLength(6);
    expect(errors.filter((e) => e === 'broken: agent answered garbage')).toHaveLength(6);
    expect(metrics.render()).toContain('noc_collector_errors_total{collector="fake"} 12');
  });

  it('never runs more polls at once than agent.concurrency', async () => {
    let running = 0;
    let peak = 0;
    const slow: Collector = {
      name: 'slow',
      targets: () =>
        ['a', 'b', 'c', 'd', 'e'].map((d) => ({
          key: d,
          device: d,
          intervalSeconds: 60,
          timeoutSeconds: 30,
        })),
      async collect() {
        running++;
        peak = Math.max(peak, running);
        await new Promise((r) => setTimeout(r, 1000));
        running--;
      },
    };
    const metrics = new Metrics();
    const pipeline = new Pipeline(config, { write: () => undefined }, metrics, silentLogger);
    const scheduler = new Scheduler({
      collectors: [slow],
      config,
      pipeline,
      metrics,
      logFor: () => silentLogger,
    });
    scheduler.start();
    await jest.advanceTimersByTimeAsync(5_000);
    await scheduler.stop();
    expect(peak).toBe(2);
    expect(metrics.render()).toContain('noc_polls_total{collector="slow"} 5');
  });

  it('skips and counts a turn whose previous poll is still running', async () => {
    const slow: Collector = {
      name: 'slow',
      targets: () => [{ key: 'x', device: 'x', intervalSeconds: 1, timeoutSeconds: 2.5 }],
      collect: () => new Promise((r) => setTimeout(r, 2_200)),
    };
    const metrics = new Metrics();
    const pipeline = new Pipeline(config, { write: () => undefined }, metrics, silentLogger);
    const scheduler = new Scheduler({
      collectors: [slow],
      config,
      pipeline,
      metrics,
      logFor: () => silentLogger,
    });
    scheduler.start();
    await jest.advanceTimersByTimeAsync(4_500); // turns at 0,1,2,3,4: runs at 0 and 3, skips 1, 2, 4
    await scheduler.stop();
    expect(metrics.render()).toContain('noc_poll_overruns_total{collector="slow"} 3');
    expect(metrics.render()).toContain('noc_polls_total{collector="slow"} 2');
  });

  it('spreads first polls over the jitter window', async () => {
    const jittered = parseConfig(
      stringify({ organisation: { name: 'Uji' }, agent: { jitterPercent: 50, host: { enabled: false } } }),
      { baseDir: '.', env: {} },
    ).config!;
    const starts: number[] = [];
    const c: Collector = {
      name: 'c',
      targets: () =>
        [0, 1, 2, 3].map((i) => ({ key: `${i}`, device: `${i}`, intervalSeconds: 60, timeoutSeconds: 5 })),
      collect: async () => void starts.push(Date.now()),
    };
    const randoms = [0, 0.25, 0.5, 0.99];
    const metrics = new Metrics();
    const pipeline = new Pipeline(jittered, { write: () => undefined }, metrics, silentLogger);
    const scheduler = new Scheduler({
      collectors: [c],
      config: jittered,
      pipeline,
      metrics,
      logFor: () => silentLogger,
      random: () => randoms.shift()!,
    });
    scheduler.start();
    await jest.advanceTimersByTimeAsync(30_000);
    await scheduler.stop();
    expect(starts).toEqual([0, 7_500, 15_000, 29_700]);
  });
});
