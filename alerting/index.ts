import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../agent/log';
import type { SampleListener, SampleWriter } from '../agent/pipeline';
import type { NocEvent, Sample } from '../agent/sample';
import type { NocConfig } from '../config/load';
import type { Connector } from './connectors/contract';
import { createConnector } from './connectors';
import { AlertEngine } from './engine';
import { MaintenancePoints } from './maintenance-points';
import { OutboxDelivery } from './outbox';
import { AlertStore } from './store';

export interface AlertingOptions {
  config: NocConfig;
  writer: SampleWriter;
  log?: Logger;
  now?: () => number;
  /** Tests inject connectors (e.g. pointing at a local peer); otherwise built from the config. */
  connectors?: Connector[];
  /** Defaults to <agent.dataDir>/alerting.db. */
  dbFile?: string;
}

export function alertingDbFile(config: NocConfig): string {
  return join(config.agent.dataDir, 'alerting.db');
}

/**
 * Alerting as the agent runs it: listens on the pipeline, keeps its state in SQLite, writes
 * incident samples through the writer and delivers the outbox. The constructor only assigns;
 * start() opens the database and the timer, stop() closes them.
 */
export class Alerting implements SampleListener {
  private store?: AlertStore;
  private engine?: AlertEngine;
  private delivery?: OutboxDelivery;
  private points?: MaintenancePoints;
  private connectors: Connector[] = [];
  private timer?: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(private readonly opts: AlertingOptions) {
    this.now = opts.now ?? Date.now;
  }

  start(): void {
    const { config, log } = this.opts;
    const file = this.opts.dbFile ?? alertingDbFile(config);
    mkdirSync(join(file, '..'), { recursive: true });
    this.store = AlertStore.open(file);
    this.connectors = this.opts.connectors ?? config.alerting.connectors.map(createConnector);
    for (const c of this.connectors) for (const p of c.validate()) log?.warn(`connector ${c.id}: ${p}`);
    const settings = new Map(config.alerting.connectors.map((c) => [c.id, c]));
    this.delivery = new OutboxDelivery(this.store, new Map(this.connectors.map((c) => [c.id, c])), {
      baseMs: config.alerting.outbox.retryBaseSeconds * 1000,
      maxMs: config.alerting.outbox.retryMaxSeconds * 1000,
      now: this.now,
      log,
    });
    this.engine = new AlertEngine({
      config,
      store: this.store,
      connectors: this.connectors.map((c) => ({
        id: c.id,
        role: c.role,
        severities: settings.get(c.id)?.severities,
      })),
      write: (samples) => this.opts.writer.write(samples),
      now: this.now,
      onQueued: () => void this.delivery?.kick(),
      log,
    });
    this.engine.load();
    this.points = new MaintenancePoints(config);
    this.writeMaintenance();
    // Whatever was queued before a restart goes out now.
    void this.delivery.kick();
    this.timer = setInterval(() => this.tick(), config.alerting.tickSeconds * 1000);
    this.timer.unref();
  }

  /** Time-driven work: pending timers, escalation, maintenance ends, outbox retries. */
  tick(): void {
    try {
      this.engine?.tick();
    } catch (err) {
      this.opts.log?.error(`alerting tick failed: ${(err as Error).message}`);
    }
    this.writeMaintenance();
    void this.delivery?.kick();
  }

  /** The `maintenance` points due now (wallboard tiles), for the windows the engine holds. */
  private writeMaintenance(): void {
    this.guard(() => {
      if (!this.engine || !this.points) return;
      const samples = this.points.update(this.engine.maintenanceWindows(), this.now());
      if (samples.length) this.opts.writer.write(samples);
    });
  }

  onSample(sample: Sample, collector?: string): void {
    this.guard(() => this.engine?.onSample(sample, collector));
  }

  onEvent(event: NocEvent): void {
    this.guard(() => this.engine?.onEvent(event));
  }

  onError(err: Error, where: { device: string; collector: string }): void {
    this.guard(() => this.engine?.onError(err, where));
  }

  /** Alerting must never break collection: a failure here is logged, the sample still flows. */
  private guard(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.opts.log?.error(`alerting failed: ${(err as Error).message}`);
    }
  }

  /** Waits until the outbox has nothing due right now (tests, shutdown). */
  async flush(): Promise<void> {
    await this.delivery?.kick();
    await this.delivery?.idle();
  }

  stats() {
    return this.store?.outboxStats();
  }

  get incidentStore(): AlertStore | undefined {
    return this.store;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.delivery?.idle();
    for (const c of this.connectors) await c.stop?.();
    this.store?.close();
    this.store = undefined;
    this.engine = undefined;
    this.points = undefined;
  }
}
