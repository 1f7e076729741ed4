import cron from 'node-cron';
import type { Collector } from '../collectors/contract';
import type { NocConfig } from '../config/load';
import { runReport, scheduledOutDir } from '../reports/run';
import { dueReports, REPORT_CRON } from '../reports/schedule';
import { StatusServer } from './http';
import { inventorySamples } from './inventory';
import { startServiceLevelJobs } from './jobs/service-levels';
import type { LoggerFactory } from './log';
import { Metrics } from './metrics';
import { Pipeline, SampleListener, SampleWriter } from './pipeline';
import { Scheduler } from './scheduler';
import { selfSamples } from './self-samples';
import { VERSION } from './version';

/** What the agent needs from the InfluxDB writer. */
export interface AgentWriter extends SampleWriter {
  start(): Promise<void>;
  stop(): Promise<void>;
  stats(): object;
}

export interface AgentOptions {
  config: NocConfig;
  collectors: Collector[];
  writer: AgentWriter;
  logFor: LoggerFactory;
  now?: () => number;
  /** How often the agent writes its own metrics to InfluxDB. */
  selfMetricsSeconds?: number;
  /** Alerting (alerting/index.ts): listens on the pipeline; started after the writer, stopped before it. */
  alerting?: SampleListener & { start(): void; stop(): Promise<void> };
}

/**
 * The daemon: the scheduler feeding the pipeline, the writer, the status endpoint and the
 * calendar jobs. The constructor only assigns; start() and stop() own every timer and socket.
 */
export class Agent {
  readonly metrics = new Metrics();
  readonly pipeline: Pipeline;
  private readonly scheduler: Scheduler;
  private readonly server: StatusServer;
  private readonly tasks: { stop(): void }[] = [];
  private selfTimer?: NodeJS.Timeout;
  private readonly startedAt: number;
  private readonly now: () => number;

  constructor(private readonly opts: AgentOptions) {
    this.now = opts.now ?? Date.now;
    this.startedAt = this.now();
    this.pipeline = new Pipeline(opts.config, opts.writer, this.metrics, opts.logFor('pipeline'));
    if (opts.alerting) this.pipeline.listen(opts.alerting);
    this.scheduler = new Scheduler({
      collectors: opts.collectors,
      config: opts.config,
      pipeline: this.pipeline,
      metrics: this.metrics,
      logFor: opts.logFor,
      now: this.now,
    });
    const { listen, port } = opts.config.agent.http;
    this.server = new StatusServer(
      { host: listen, port },
      () => this.health(),
      () => this.renderMetrics(),
    );
  }

  /** Starts everything; returns the bound status address (port 0 picks a free one). */
  async start(): Promise<{ host: string; port: number }> {
    const log = this.opts.logFor('agent');
    log.info(`noc ${VERSION} starting for ${this.opts.config.organisation.name}`);
    await this.opts.writer.start();
    this.opts.alerting?.start();
    const address = await this.server.start();
    this.scheduler.start();
    this.writeInventory();
    // Calendar jobs run in the organisation's time zone (WIB by default).
    const timezone = this.opts.config.organisation.timezone;
    this.tasks.push(cron.schedule('5 0 * * *', () => this.writeInventory(), { timezone }));
    this.tasks.push(startServiceLevelJobs({ ...this.opts, pipeline: this.pipeline, now: this.now }));
    this.scheduleReports();
    const every = (this.opts.selfMetricsSeconds ?? 60) * 1000;
    this.selfTimer = setInterval(
      () => this.opts.writer.write(selfSamples(this.refreshMetrics(), this.now())),
      every,
    );
    log.info(`status on http://${address.address}:${address.port}/healthz and /metrics`);
    return { host: address.address, port: address.port };
  }

  /** SIGTERM path: stop polling, then flush what is buffered (to InfluxDB or the spool). */
  async stop(): Promise<void> {
    const log = this.opts.logFor('agent');
    log.info('stopping: finishing polls and flushing buffered samples');
    for (const task of this.tasks) task.stop();
    clearInterval(this.selfTimer);
    await this.scheduler.stop();
    await this.opts.alerting?.stop();
    await this.opts.writer.stop();
    await this.server.stop();
    log.info('stopped');
  }

  health() {
    const writer = this.opts.writer.stats() as { configError?: string };
    return {
      ok: !writer.configError,
      version: VERSION,
      organisation: this.opts.config.organisation.name,
      uptimeSeconds: Math.round((this.now() - this.startedAt) / 1000),
      targets: this.scheduler.targetCount,
      writer,
    };
  }

  renderMetrics(): string {
    return this.refreshMetrics().render();
  }

  private refreshMetrics(): Metrics {
    for (const [key, value] of Object.entries(this.opts.writer.stats())) {
      if (typeof value === 'number')
        this.metrics.gauge(`noc_writer_${snake(key)}`, `Writer: ${key}`, {}, value);
      else if (value && typeof value === 'object')
        for (const [reason, n] of Object.entries(value as Record<string, unknown>))
          if (typeof n === 'number')
            this.metrics.gauge(`noc_writer_${snake(key)}`, `Writer: ${key}`, { reason }, n);
    }
    this.metrics.gauge(
      'noc_uptime_seconds',
      'Seconds since the agent started',
      {},
      (this.now() - this.startedAt) / 1000,
    );
    return this.metrics;
  }

  /** The audit report (first working day of January) and monev (the 1st), checked daily at 07:00. */
  private scheduleReports(): void {
    const { schedule } = this.opts.config.reports;
    if (!schedule.audit && !schedule.monev) return;
    const timezone = this.opts.config.organisation.timezone;
    this.tasks.push(cron.schedule(REPORT_CRON, () => void this.runDueReports(), { timezone }));
  }

  /**
   * Runs the reports due today (none on most days), one after the other. A failure is logged
   * with its cause and does not stop the other report nor the agent.
   */
  async runDueReports(now = this.now()): Promise<string[]> {
    const { config } = this.opts;
    const log = this.opts.logFor('reports');
    const written: string[] = [];
    const due = dueReports(now, config.organisation.timezone, {
      ...config.reports.schedule,
      holidays: config.reports.holidays,
    });
    for (const r of due) {
      const outDir = scheduledOutDir(config, r.kind, r.period);
      try {
        await runReport(config, {
          kind: r.kind,
          ...(r.kind === 'audit' ? { year: r.period } : { month: r.period }),
          formats: config.reports.formats,
          lang: config.organisation.language,
          outDir,
          now,
        });
        log.info(`laporan ${r.kind} ${r.period} ditulis ke ${outDir}`);
        written.push(outDir);
      } catch (err) {
        log.error(`laporan ${r.kind} ${r.period} gagal: ${(err as Error).message}`);
      }
    }
    return written;
  }

  private writeInventory(): void {
    this.opts.writer.write(inventorySamples(this.opts.config, this.now()));
  }
}

function snake(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
