import cron from 'node-cron';
import type { Sample } from '../sample';
import type { Logger, LoggerFactory } from '../log';
import type { Pipeline } from '../pipeline';
import type { NocConfig } from '../../config/load';
import { influxEdge, InfluxEdge } from '../../analytics/influx/client';
import { TZ_OFFSET_HOURS } from '../../analytics/period';
import { objectTimelines } from '../../analytics/report/availability';
import { bandwidthReport } from '../../analytics/report/bandwidth';
import { capacityReport } from '../../analytics/report/capacity';
import { capacityPoints } from '../../analytics/report/capacity-points';
import {
  availabilityDailyPoints,
  bandwidthDailyPoints,
  dailyRetentionPolicy,
} from '../../analytics/report/daily';
import { toLines } from '../../analytics/report/points';
import {
  bandwidthMonthlyPoints,
  monthOf,
  previousMonth,
  readBandwidthMonthly,
} from '../../analytics/report/monthly';

/**
 * The service-level figures the running agent writes (docs/service-levels.md, "What the agent
 * writes"):
 * - every 5 minutes `capacity` (rack, feed, UPS, agency) through the pipeline, so the writer
 *   spools it while InfluxDB is down and alerting's rack-power-high / feed-power-high see it;
 * - daily at 00:15 local time yesterday's `availability_daily` and `bandwidth_daily`, written
 *   straight to InfluxDB into the long retention policy (the writer's is the raw one);
 * - on the 1st of each month at 00:30 (after the daily run) last month's `bandwidth_monthly`, the
 *   monthly bill the audit report reads instead of a year of 5-minute data; at start, last month's
 *   too when its points are missing (the agent was down that night).
 * A failure is logged and the work retried on the next 5-minute tick; nothing here throws.
 */
export const CAPACITY_EVERY_MS = 300_000;
export const DAILY_CRON = '15 0 * * *';
export const MONTHLY_CRON = '30 0 1 * *';
const DAY_MS = 86_400_000;
/** Days a failing daily summary is kept for retrying (InfluxDB down over a long weekend). */
const MAX_PENDING_DAYS = 7;

export interface ServiceLevelJobOptions {
  config: NocConfig;
  /** Where capacity samples go: the pipeline (writer and alerting listeners). */
  publish(samples: Sample[]): void;
  log: Logger;
  /** Reads PDU/UPS/ping/interface data and writes the daily summaries; default from config.influx. */
  edge?: InfluxEdge;
  now?: () => number;
}

/** Start of the local day (organisation time zone) that contains `t`. */
export function localDayStart(t: number, timezone: string): number {
  const offset = (TZ_OFFSET_HOURS[timezone] ?? 7) * 3_600_000;
  return Math.floor((t + offset) / DAY_MS) * DAY_MS - offset;
}

/** The local day before the one containing `now`, as [from, to). */
export function yesterday(now: number, timezone: string): { from: number; to: number } {
  const to = localDayStart(now, timezone);
  return { from: to - DAY_MS, to };
}

export class ServiceLevelJobs {
  private timer?: NodeJS.Timeout;
  private tasks: { stop(): void }[] = [];
  /** Local day starts whose daily summaries are still to be written. */
  private readonly pending = new Set<number>();
  /** Local month starts whose monthly bills are still to be written. */
  private readonly pendingMonths = new Set<number>();
  /** Whether last month's stored bill is still to be looked for (set at start). */
  private checkLastMonth = false;
  private running?: Promise<void>;
  private readonly now: () => number;

  constructor(private readonly opts: ServiceLevelJobOptions) {
    this.now = opts.now ?? Date.now;
  }

  private get edge(): InfluxEdge {
    return this.opts.edge ?? influxEdge(this.opts.config.influx);
  }

  /**
   * Capacity now and then every 5 minutes; yesterday's summaries at 00:15 and once at start (a
   * restart after 00:15 would otherwise leave the day out; rewriting a day is harmless, the points
   * have the same time and tags); last month's bill at 00:30 on the 1st, and at start when it is
   * not stored (a month is read once, so it is looked for first rather than rewritten).
   */
  start(): void {
    const timezone = this.opts.config.organisation.timezone;
    this.pending.add(yesterday(this.now(), timezone).from);
    this.checkLastMonth = true;
    this.timer = setInterval(() => void this.tick(), CAPACITY_EVERY_MS);
    this.tasks = [
      cron.schedule(DAILY_CRON, () => this.onDaily(), { timezone }),
      cron.schedule(MONTHLY_CRON, () => this.onMonthly(), { timezone }),
    ];
    void this.tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const t of this.tasks) t.stop();
    await this.running;
  }

  /** The 00:15 job: queue yesterday and write what is pending. */
  onDaily(): Promise<void> {
    this.pending.add(yesterday(this.now(), this.opts.config.organisation.timezone).from);
    return this.serial(() => this.runPendingDaily());
  }

  /** The 00:30 job on the 1st: queue last month and write what is pending. */
  onMonthly(): Promise<void> {
    this.pendingMonths.add(previousMonth(this.now(), this.opts.config.organisation.timezone).from);
    return this.serial(() => this.runPendingMonthly());
  }

  /** One 5-minute tick: capacity, then any daily summary or monthly bill still pending. */
  tick(): Promise<void> {
    return this.serial(async () => {
      await this.runCapacity();
      await this.runPendingDaily();
      await this.runPendingMonthly();
    });
  }

  /** Runs are serialised so a slow InfluxDB never gets two overlapping runs. */
  private serial(run: () => Promise<void>): Promise<void> {
    // A run never rejects (each step logs its own failure); the catch keeps the chain alive anyway.
    const next = (this.running ?? Promise.resolve()).then(run).catch((err: Error) => {
      this.opts.log.error(`service-level job failed: ${err.message}`);
    });
    this.running = next;
    return next;
  }

  /** Computes capacity and publishes it; returns the samples ([] when it failed, logged). */
  async runCapacity(): Promise<Sample[]> {
    const { config, log } = this.opts;
    if (!config.racks.length && !config.devices.some((d) => d.kind === 'ups')) return [];
    try {
      const now = this.now();
      const samples = capacityPoints(await capacityReport(this.edge, config, { now }), config, now);
      this.opts.publish(samples);
      return samples;
    } catch (err) {
      log.warn(`capacity not written, retrying in 5 minutes: ${(err as Error).message}`);
      return [];
    }
  }

  /** Writes the summaries of every pending day, oldest first; a failed day stays pending. */
  async runPendingDaily(): Promise<void> {
    const limit =
      localDayStart(this.now(), this.opts.config.organisation.timezone) - MAX_PENDING_DAYS * DAY_MS;
    for (const day of [...this.pending].sort((a, b) => a - b)) {
      if (day < limit) {
        this.opts.log.error(
          `daily summaries of ${new Date(day).toISOString()} given up after ${MAX_PENDING_DAYS} days`,
        );
        this.pending.delete(day);
        continue;
      }
      try {
        const n = await this.runDaily(day);
        this.pending.delete(day);
        this.opts.log.info(`daily summaries of ${new Date(day).toISOString()}: ${n} points`);
      } catch (err) {
        this.opts.log.warn(`daily summaries not written, retrying in 5 minutes: ${(err as Error).message}`);
        return;
      }
    }
  }

  /**
   * After a start, looks whether last month's bill is stored (queues it when not); then writes
   * every pending month, oldest first. A failure leaves the work for the next tick. Months are
   * not given up: a month is at most one pending entry, and its data stays in `rollup` for a year.
   */
  async runPendingMonthly(): Promise<void> {
    const { config, log } = this.opts;
    try {
      if (this.checkLastMonth) {
        const last = previousMonth(this.now(), config.organisation.timezone);
        if (!(await this.monthStored(last.from))) this.pendingMonths.add(last.from);
        this.checkLastMonth = false;
      }
      for (const month of [...this.pendingMonths].sort((a, b) => a - b)) {
        const n = await this.runMonthly(month);
        this.pendingMonths.delete(month);
        log.info(`bandwidth_monthly of ${new Date(month).toISOString()}: ${n} points`);
      }
    } catch (err) {
      log.warn(`monthly bandwidth not written, retrying in 5 minutes: ${(err as Error).message}`);
    }
  }

  /** Whether the bill of the month starting at `monthFrom` is stored for every configured link. */
  async monthStored(monthFrom: number): Promise<boolean> {
    const { config } = this.opts;
    const month = monthOf(monthFrom, config.organisation.timezone);
    return (await readBandwidthMonthly(this.edge, config, [month], this.now())).has(month.from);
  }

  /**
   * The bill of the local month starting at `monthFrom`, as `noc bandwidth --month` computes it
   * (the SLA availability from the links' timelines over the month); throws on failure.
   */
  async runMonthly(monthFrom: number): Promise<number> {
    const { config } = this.opts;
    const edge = this.edge;
    const month = monthOf(monthFrom, config.organisation.timezone);
    const report = await bandwidthReport(edge, config, { from: month.from, to: month.to, now: this.now() });
    const points = bandwidthMonthlyPoints(report.rows, config, month.from);
    await edge.write(toLines(points), dailyRetentionPolicy(config));
    return points.length;
  }

  /** Availability and bandwidth of the local day starting at `dayFrom`; throws on failure. */
  async runDaily(dayFrom: number): Promise<number> {
    const { config } = this.opts;
    const edge = this.edge;
    const now = this.now();
    const q = { from: dayFrom, to: dayFrom + DAY_MS, now };
    const points = availabilityDailyPoints(await objectTimelines(edge, config, { ...q, by: 'device' }));
    const bw = await bandwidthReport(edge, config, { ...q, keepSeries: true });
    for (const r of bw.rows) {
      const s = bw.series.get(`${r.kind}:${r.id}`);
      if (s)
        points.push(
          ...bandwidthDailyPoints(r.id, r, s.times, s.inBps, s.outBps, bw.from, bw.to, r.capacityBps),
        );
    }
    await edge.write(toLines(points), dailyRetentionPolicy(config));
    return points.length;
  }
}

/** The one call agent.ts makes: starts the jobs on the agent's pipeline; stop() ends them. */
export function startServiceLevelJobs(deps: {
  config: NocConfig;
  pipeline: Pipeline;
  logFor: LoggerFactory;
  now: () => number;
}): { stop(): void } {
  const sink = deps.pipeline.sinkFor('service-levels');
  const jobs = new ServiceLevelJobs({
    config: deps.config,
    publish: (samples) => samples.forEach((s) => sink.sample(s)),
    log: deps.logFor('service-levels'),
    now: deps.now,
  });
  jobs.start();
  return { stop: () => void jobs.stop() };
}
