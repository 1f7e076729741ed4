import type { Logger } from './log';
import type { NocConfig } from '../config/load';
import type { Sink } from '../collectors/contract';
import { eventToSample, NocEvent, Sample } from './sample';
import type { Metrics } from './metrics';

/** What the pipeline hands samples to (the InfluxDB writer implements it). */
export interface SampleWriter {
  write(samples: Sample[]): void;
}

/** Something that wants to see every sample and event as it is collected (alerting). */
export interface SampleListener {
  /** `collector`: the collector that produced it (alerting ends a run of its errors). */
  onSample?(sample: Sample, collector?: string): void;
  onEvent?(event: NocEvent): void;
  onError?(err: Error, where: { device: string; collector: string }): void;
}

/**
 * The middle of the data flow: collectors -> normalized samples -> (writer) and (listeners).
 * It adds the inventory tags every dashboard filters on (kind, site, agency), so collectors
 * only need to know the device id.
 */
export class Pipeline {
  private readonly inventoryTags = new Map<string, Record<string, string>>();
  private readonly listeners: SampleListener[] = [];

  constructor(
    config: NocConfig,
    private readonly writer: SampleWriter,
    private readonly metrics: Metrics,
    private readonly log: Logger,
  ) {
    for (const d of config.devices) {
      const tags: Record<string, string> = { kind: d.kind };
      if (d.site) tags.site = d.site;
      if (d.agency) tags.agency = d.agency;
      this.inventoryTags.set(d.id, tags);
    }
  }

  listen(listener: SampleListener): void {
    this.listeners.push(listener);
  }

  /** A sink for one collector; every sample it sends is counted under that collector. */
  sinkFor(collector: string): Sink {
    return {
      sample: (sample) => this.acceptSamples(collector, [sample]),
      event: (event) => this.acceptEvent(collector, event),
      error: (err, where) => this.acceptError(err, where),
    };
  }

  private enrich(sample: Sample): Sample {
    const extra = this.inventoryTags.get(sample.tags.device ?? '');
    return extra ? { ...sample, tags: { ...extra, ...sample.tags } } : sample;
  }

  private acceptSamples(collector: string, samples: Sample[]): void {
    const enriched = samples.map((s) => this.enrich(s));
    this.metrics.counter(
      'noc_collector_samples_total',
      'Samples produced, by collector',
      { collector },
      enriched.length,
    );
    this.writer.write(enriched);
    for (const l of this.listeners) if (l.onSample) for (const s of enriched) l.onSample(s, collector);
  }

  private acceptEvent(collector: string, event: NocEvent): void {
    this.log.info(event.text, { device: event.device, type: event.type, collector });
    this.metrics.counter('noc_events_total', 'Events recorded, by type', { type: event.type });
    this.writer.write([this.enrich(eventToSample(event))]);
    for (const l of this.listeners) l.onEvent?.(event);
  }

  private acceptError(err: Error, where: { device: string; collector: string }): void {
    this.metrics.counter('noc_collector_errors_total', 'Failed polls, by collector', {
      collector: where.collector,
    });
    this.log.warn(`${where.collector} ${where.device}: ${err.message}`, where);
    for (const l of this.listeners) l.onError?.(err, where);
  }
}
