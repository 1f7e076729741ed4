import type { Collector, CollectTarget, Sink } from '../collectors/contract';
import type { NocConfig } from '../config/load';
import type { LoggerFactory } from './log';
import type { Metrics } from './metrics';
import type { Pipeline } from './pipeline';
import { Semaphore } from './semaphore';

export interface SchedulerOptions {
  collectors: Collector[];
  config: NocConfig;
  pipeline: Pipeline;
  metrics: Metrics;
  logFor: LoggerFactory;
  now?: () => number;
  random?: () => number;
}

interface Job {
  collector: Collector;
  target: CollectTarget;
  sink: Sink;
  timer?: NodeJS.Timeout;
  nextAt: number;
  running: boolean;
}

/** Runs one collect() with a deadline; the collector sees the abort, the caller sees an error. */
export async function collectWithDeadline(
  collector: Collector,
  target: CollectTarget,
  sink: Sink,
  ctx: { config: NocConfig; now: () => number; logFor: LoggerFactory; shutdown?: AbortSignal },
): Promise<void> {
  const controller = new AbortController();
  const onShutdown = () => controller.abort(new Error('agent is stopping'));
  ctx.shutdown?.addEventListener('abort', onShutdown);
  // Settles as soon as the poll is aborted, by its deadline or by shutdown, even when the
  // collector itself is slow to notice.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error));
  });
  const timer = setTimeout(
    () => controller.abort(new Error(`no answer within the ${target.timeoutSeconds} s deadline`)),
    target.timeoutSeconds * 1000,
  );
  try {
    await Promise.race([
      collector.collect(
        target,
        { config: ctx.config, signal: controller.signal, now: ctx.now, log: ctx.logFor(collector.name) },
        sink,
      ),
      aborted,
    ]);
  } finally {
    clearTimeout(timer);
    ctx.shutdown?.removeEventListener('abort', onShutdown);
  }
}

/**
 * Polls every target of every collector on its own interval. Start times are spread by jitter,
 * concurrency is bounded, and each poll has a deadline, so one slow or dead device never
 * delays another. A poll still running when its next turn comes is skipped and counted.
 */
export class Scheduler {
  private readonly jobs: Job[] = [];
  private readonly semaphore: Semaphore;
  private readonly shutdown = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly now: () => number;
  private readonly random: () => number;
  private stopped = false;

  constructor(private readonly opts: SchedulerOptions) {
    this.semaphore = new Semaphore(opts.config.agent.concurrency);
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
  }

  get targetCount(): number {
    return this.jobs.length;
  }

  start(): void {
    const { config, collectors, pipeline } = this.opts;
    const spread = config.agent.jitterPercent / 100;
    for (const collector of collectors) {
      const sink = pipeline.sinkFor(collector.name);
      for (const target of collector.targets(config)) {
        const offset = this.random() * spread * target.intervalSeconds * 1000;
        const job: Job = { collector, target, sink, nextAt: this.now() + offset, running: false };
        this.jobs.push(job);
        this.arm(job);
      }
    }
    this.opts.metrics.gauge('noc_targets', 'Targets being polled', {}, this.jobs.length);
    this.opts
      .logFor('scheduler')
      .info(`polling ${this.jobs.length} targets with ${collectors.length} collectors`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.jobs) clearTimeout(job.timer);
    this.shutdown.abort();
    await Promise.allSettled([...this.inFlight]);
    await Promise.allSettled(this.opts.collectors.map((c) => c.close?.()));
  }

  private arm(job: Job): void {
    if (this.stopped) return;
    job.timer = setTimeout(() => this.fire(job), Math.max(0, job.nextAt - this.now()));
  }

  private fire(job: Job): void {
    // Drift-free: the next turn is counted from the planned time, not from when this one ends.
    job.nextAt += job.target.intervalSeconds * 1000;
    if (job.nextAt < this.now()) job.nextAt = this.now() + job.target.intervalSeconds * 1000;
    this.arm(job);
    const labels = { collector: job.collector.name };
    if (job.running) {
      this.opts.metrics.counter(
        'noc_poll_overruns_total',
        'Polls skipped because the previous one was still running',
        labels,
      );
      return;
    }
    job.running = true;
    const run = this.semaphore
      .run(() => this.poll(job))
      .finally(() => {
        job.running = false;
        this.inFlight.delete(run);
      });
    this.inFlight.add(run);
  }

  private async poll(job: Job): Promise<void> {
    if (this.stopped) return;
    const { metrics, config, logFor } = this.opts;
    const labels = { collector: job.collector.name };
    const started = process.hrtime.bigint();
    try {
      await collectWithDeadline(job.collector, job.target, job.sink, {
        config,
        now: this.now,
        logFor,
        shutdown: this.shutdown.signal,
      });
    } catch (err) {
      if (!this.stopped)
        job.sink.error(err as Error, { device: job.target.device, collector: job.collector.name });
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observe('noc_poll_duration_seconds', 'Duration of one poll, by collector', labels, seconds);
      metrics.counter('noc_polls_total', 'Polls run, by collector', labels);
    }
  }
}
