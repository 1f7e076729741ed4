import type { Logger } from '../agent/log';
import type { NocConfig } from '../config/load';
import type { NocEvent, Sample } from '../agent/sample';

/**
 * The contract every collector implements (one folder per collector under collectors/,
 * listed in collectors/registry.ts). The scheduler asks each collector for its targets in the
 * config, then calls collect() for each target on its own interval, with a deadline.
 */

/** One thing a collector polls on its own schedule: a device, a URL, the NOC server itself. */
export interface CollectTarget {
  /** Unique within the collector, e.g. the device id or "service-id#0". */
  key: string;
  /** The device id used in tags, errors and incidents ("noc-server" for the host collector). */
  device: string;
  intervalSeconds: number;
  /** The per-poll deadline; collect() must give up by then (its signal is aborted). */
  timeoutSeconds: number;
}

/** Where a collector sends what it found. Collectors never write to InfluxDB themselves. */
export interface Sink {
  sample(sample: Sample): void;
  event(event: NocEvent): void;
  /** A failing device is reported here and the cycle goes on. */
  error(err: Error, where: { device: string; collector: string }): void;
}

export interface CollectContext {
  config: NocConfig;
  /** Aborted at the deadline or at shutdown. */
  signal: AbortSignal;
  /** Wall clock in ms; tests pass a fake one. */
  now(): number;
  log: Logger;
}

export interface Collector<T extends CollectTarget = CollectTarget> {
  readonly name: string;
  /** Targets in this config; an empty list means the collector has nothing to do. */
  targets(config: NocConfig): T[];
  /** One poll of one target. Throwing reports the error for that target only. */
  collect(target: T, ctx: CollectContext, sink: Sink): Promise<void>;
  /** Release sockets and connections (called once at shutdown). */
  close?(): Promise<void>;
}
