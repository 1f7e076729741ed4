import type { AgentWriter } from '../agent';
import type { Logger } from '../log';
import type { Sample } from '../sample';
import type { WriteBackend } from './backend';
import { toLine } from './line-protocol';
import { backoffMs, WriteOutcome } from './responses';
import type { Position, Spool } from './spool';

export interface WriterOptions {
  batchSize: number;
  flushIntervalMs: number;
  /** How long to wait after a configuration error (401/403) before trying again. */
  configRetryMs?: number;
  random?: () => number;
}

export interface WriterStats {
  /** Lines in memory, not yet in InfluxDB or the spool. */
  queueDepth: number;
  spoolBytes: number;
  spoolPoints: number;
  pointsAccepted: number;
  pointsWritten: number;
  pointsDropped: Record<string, number>;
  /** NaN/Infinity/out-of-range fields left out of otherwise good points. */
  fieldsDropped: number;
  retries: number;
  configError?: string;
  lastError?: string;
}

interface Batch {
  text: string;
  lines: number;
  /** Set once the batch is also in the spool (its record's end). */
  spooled?: Position;
}

type Delivery = { done: true } | { done: false; config: boolean; retryAfterMs?: number; message: string };

/**
 * The write path: samples -> lines in memory -> a batch every batchSize lines or flush interval ->
 * InfluxDB, one request at a time so order is kept. A batch InfluxDB does not take at once goes to
 * the spool, and while the spool holds anything every new batch goes behind it. A batch still
 * unanswered after a quarter of the flush interval is written to the spool as well, so what
 * write() accepted is on disk (or in InfluxDB) within about one flush interval even when InfluxDB
 * hangs; if InfluxDB then answers 2xx its record is acknowledged at once.
 */
export class InfluxWriter implements AgentWriter {
  private pending: string[] = [];
  private inflight?: Batch;
  private busy = false;
  private stopping = false;
  private prepared = false;
  private timer?: NodeJS.Timeout;
  private wake?: () => void;
  private readonly counts = { accepted: 0, written: 0, retries: 0, fieldsDropped: 0 };
  private readonly dropped: Record<string, number> = {};
  private configError?: string;
  private lastError?: string;
  private healthy = true;
  /** After a configuration error: no sending before this time. */
  private pausedUntil = 0;

  constructor(
    private readonly backend: WriteBackend,
    private readonly spool: Spool,
    private readonly opts: WriterOptions,
    private readonly log: Logger,
  ) {}

  async start(): Promise<void> {
    this.stopping = false;
    this.spool.open();
    this.log.info(`writing to ${this.backend.description}; spool in ${this.spool.dir}`);
    if (!this.spool.isEmpty())
      this.log.info(`replaying ${this.spool.lines()} points spooled by a previous run, in order`);
    this.timer = setInterval(() => this.tick(), this.opts.flushIntervalMs);
    this.kick();
  }

  write(samples: Sample[]): void {
    for (const sample of samples) {
      const r = toLine(sample);
      this.counts.fieldsDropped += r.droppedFields;
      if (r.line === undefined) this.drop(r.dropped ?? 'noValidField', 1);
      else {
        this.pending.push(r.line);
        this.counts.accepted++;
        if (this.pending.length >= this.opts.batchSize) this.cut();
      }
    }
  }

  /** Flushes: the last batch goes to InfluxDB if it is idle and answering, else to the spool. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    // Idle and answering: the last batch goes straight to InfluxDB (one try, no backoff).
    const last = this.pending.length && !this.busy && this.spool.isEmpty() && !this.configError;
    this.stopping = true;
    this.wake?.();
    if (last) {
      const batch: Batch = { text: this.pending.join('\n'), lines: this.pending.length };
      this.pending = [];
      await this.run(batch);
    }
    // Anything else only in memory goes to disk first, then the request in flight may finish.
    this.cut();
    if (this.inflight && !this.inflight.spooled) this.spoolBatch(this.inflight);
    while (this.busy) await new Promise((r) => setTimeout(r, 10));
    await this.spool.sync();
    this.spool.close();
    this.backend.close();
    if (!this.spool.isEmpty())
      this.log.info(`${this.spool.lines()} points stay in the spool for the next start`);
  }

  stats(): WriterStats {
    return {
      queueDepth: this.pending.length + (this.inflight && !this.inflight.spooled ? this.inflight.lines : 0),
      spoolBytes: this.spool.bytes(),
      spoolPoints: this.spool.lines(),
      pointsAccepted: this.counts.accepted,
      pointsWritten: this.counts.written,
      pointsDropped: { ...this.dropped, spoolFull: this.spool.droppedLines },
      fieldsDropped: this.counts.fieldsDropped,
      retries: this.counts.retries,
      ...(this.configError ? { configError: this.configError } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  private tick(): void {
    this.cut();
    void this.spool.sync();
  }

  private cut(): void {
    if (this.pending.length === 0) return;
    const batch: Batch = { text: this.pending.join('\n'), lines: this.pending.length };
    this.pending = [];
    if (!this.busy && this.spool.isEmpty() && !this.configError && !this.stopping) void this.run(batch);
    else {
      // Order: a batch in flight is older than this one, so it goes to the spool first.
      if (this.inflight && !this.inflight.spooled) this.spoolBatch(this.inflight);
      this.spoolBatch(batch);
      this.kick();
    }
  }

  private spoolBatch(batch: Batch): void {
    batch.spooled = this.spool.append(batch.text, batch.lines);
  }

  private kick(): void {
    if (this.busy || this.stopping || this.spool.isEmpty() || Date.now() < this.pausedUntil) return;
    void this.run();
  }

  /** The one sender: a direct batch first (if any), then the spool, in order. */
  private async run(direct?: Batch): Promise<void> {
    this.busy = true;
    try {
      if (direct) {
        this.inflight = direct;
        const hedge = setTimeout(() => {
          if (this.inflight === direct && !direct.spooled) this.spoolBatch(direct);
        }, this.opts.flushIntervalMs / 4);
        const result = await this.deliver(direct.text, direct.lines);
        clearTimeout(hedge);
        this.inflight = undefined;
        if (result.done) {
          if (direct.spooled) this.spool.acknowledge(direct.spooled, direct.lines);
        } else {
          if (!direct.spooled) this.spoolBatch(direct);
          this.failed(result);
          if (result.config || this.stopping) return;
          await this.sleep(backoffMs(1, result.retryAfterMs, { random: this.opts.random }));
        }
      }
      await this.drain();
    } finally {
      this.busy = false;
    }
  }

  private async drain(): Promise<void> {
    let attempt = 0;
    while (!this.stopping && !this.spool.isEmpty()) {
      const chunk = this.spool.readHead(this.opts.batchSize);
      if (!chunk) return;
      const result = await this.deliver(chunk.text, chunk.lines);
      if (result.done) {
        this.spool.acknowledge(chunk.end, chunk.lines);
        attempt = 0;
        continue;
      }
      this.failed(result);
      if (result.config) return;
      attempt++;
      this.counts.retries++;
      await this.sleep(backoffMs(attempt + 1, result.retryAfterMs, { random: this.opts.random }));
    }
  }

  /** Sends lines and resolves every answer except "try again later". */
  private async deliver(text: string, lines: number): Promise<Delivery> {
    let outcome: WriteOutcome;
    try {
      if (!this.prepared) {
        await this.backend.prepare();
        this.prepared = true;
      }
      outcome = await this.backend.write(text);
    } catch (err) {
      return { done: false, config: false, message: (err as Error).message };
    }
    switch (outcome.kind) {
      case 'ok':
        this.succeeded(lines);
        return { done: true };
      case 'partial':
        this.drop('rejected', Math.min(outcome.rejected, lines));
        this.log.warn(`InfluxDB rejected ${outcome.rejected} of ${lines} points: ${outcome.message}`);
        this.succeeded(Math.max(0, lines - outcome.rejected));
        return { done: true };
      case 'invalid':
        return this.deliverWithout(text, lines, outcome.line, outcome.message);
      case 'tooLarge':
        if (lines <= 1) {
          this.drop('tooLarge', lines);
          return { done: true };
        }
        return this.deliverHalves(text);
      case 'missingDatabase':
        this.prepared = false;
        // Created by prepare() on the next try when retention is managed; otherwise an operator must.
        return { done: false, config: !this.backend.createsDatabase, message: outcome.message };
      case 'config':
        return { done: false, config: true, message: `HTTP ${outcome.status}: ${outcome.message}` };
      case 'retry':
        return { done: false, config: false, retryAfterMs: outcome.retryAfterMs, message: outcome.message };
    }
  }

  /** 2.x named a bad line (nothing was written): drop it, send the rest. Unnamed: split. */
  private async deliverWithout(text: string, lines: number, bad: number | undefined, message: string) {
    const all = text.split('\n');
    if (bad === undefined || bad >= all.length) {
      if (all.length > 1) return this.deliverHalves(text);
      bad = 0;
    }
    this.drop('rejected', 1);
    this.log.warn(`InfluxDB rejected a point: ${message}`);
    all.splice(bad, 1);
    return all.length ? this.deliver(all.join('\n'), lines - 1) : ({ done: true } as const);
  }

  /** 413 or an unnamed bad line: each half on its own (a retry later resends both). */
  private async deliverHalves(text: string): Promise<Delivery> {
    const all = text.split('\n');
    const mid = Math.ceil(all.length / 2);
    const first = await this.deliver(all.slice(0, mid).join('\n'), mid);
    if (!first.done) return first;
    return this.deliver(all.slice(mid).join('\n'), all.length - mid);
  }

  private succeeded(lines: number): void {
    this.counts.written += lines;
    if (!this.healthy || this.configError) {
      this.log.info(`InfluxDB takes writes again; replaying ${this.spool.lines()} spooled points in order`);
      this.healthy = true;
      this.configError = undefined;
      this.lastError = undefined;
    }
  }

  private failed(result: Exclude<Delivery, { done: true }>): void {
    this.lastError = result.message;
    if (result.config) {
      this.configError = `${this.backend.description}: ${result.message}`;
      this.log.error(
        `configuration error, not writing: ${this.configError} (check influx credentials); ` +
          `samples are kept in the spool, next try in ${(this.opts.configRetryMs ?? 60_000) / 1000} s`,
      );
      const retryMs = this.opts.configRetryMs ?? 60_000;
      this.pausedUntil = Date.now() + retryMs;
      // Node may fire a timer a millisecond before Date.now() reaches its due time (the loop's
      // clock is cached), so the timer lifts the pause itself instead of kick() re-checking it;
      // otherwise a quiet writer would never try again.
      setTimeout(() => {
        this.pausedUntil = 0;
        this.kick();
      }, retryMs).unref();
    } else if (this.healthy) {
      this.healthy = false;
      this.log.warn(
        `InfluxDB is not taking writes (${result.message}); keeping samples in the spool at ` +
          `${this.spool.dir} and retrying`,
      );
    }
  }

  private drop(reason: string, n: number): void {
    this.dropped[reason] = (this.dropped[reason] ?? 0) + n;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }
}
