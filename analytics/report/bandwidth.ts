import type { NocConfig } from '../../config/load';
import { BandwidthSummary, slaCheck, SlaItem, summariseBandwidth } from '../bandwidth';
import { InfluxEdge } from '../influx/client';
import type { LinkConfig } from '../../config/schema';
import {
  chunkMs,
  fetchLatency,
  fetchRates,
  pickSource,
  RateSeries,
  ROLLUP_INTERVAL_MS,
} from '../influx/fetch';

/** Links read and summarised together. */
const LINK_GROUP = 200;
import { availabilityRows, objectTimelines } from './availability';

/**
 * The monthly bill-style summary per link (and per agency queue): 95th percentiles, average and
 * peak utilisation, volume, the committed-rate check and, for ISP links with a contract, the SLA
 * check against the NOC's own availability, latency and loss.
 */
export interface BandwidthRow {
  kind: 'link' | 'queue';
  id: string;
  name: string;
  provider?: string;
  agency?: string;
  committedBps?: number;
  capacityBps?: number;
  summary: BandwidthSummary;
  availabilityPercent: number | null;
  sla: SlaItem[];
}

export interface BandwidthQuery {
  from: number;
  to: number;
  now: number;
  link?: string;
  /**
   * Link availability over [from, to) when the caller already has the timelines (the audit
   * report reads the year once): saves reading ping, interface and http again for the SLA check.
   */
  availability?: Map<string, number | null>;
  /** Keep the 5-minute rate series ("link:ID", "queue:ID") for the daily summaries (one day). */
  keepSeries?: boolean;
  progress?: (done: number, total: number) => void;
}

export async function bandwidthReport(edge: InfluxEdge, config: NocConfig, q: BandwidthQuery) {
  const to = Math.min(q.to, q.now);
  const from = Math.min(q.from, to);
  const sl = config.serviceLevels;
  const src = await pickSource(edge, from, q.now, config.influx.retention.rawDays);
  const links = config.links.filter((l) => !q.link || l.id === q.link);
  q.progress?.(1, 3);
  const queues = q.link
    ? new Map()
    : await fetchRates(edge, src, { measurement: 'queue', tag: 'queue' }, from, to);
  q.progress?.(2, 3);
  const needsSla = links.some((l) => l.contract);
  const avail = !needsSla
    ? new Map<string, number | null>()
    : (q.availability ??
      new Map(
        availabilityRows(
          await objectTimelines(edge, config, { from, to, now: q.now, by: 'link', kinds: ['link'] }),
          'link',
        ).map((r) => [r.id, r.result.availabilityPercent]),
      ));
  const rows: BandwidthRow[] = [];
  const series = new Map<string, RateSeries>();
  if (q.keepSeries) for (const [k, v] of queues) series.set(`queue:${k}`, v as RateSeries);
  // Links in groups: a month of 5-minute rates for 2,000 links is 54 M numbers; a group's
  // arrays are summarised and dropped before the next group is read.
  for (let g = 0; g < links.length; g += LINK_GROUP) {
    const group = links.slice(g, g + LINK_GROUP);
    const rates = await fetchRates(
      edge,
      src,
      {
        measurement: 'interface',
        tag: 'link',
        only: group.map((l) => l.id),
        // Raw samples are averaged to 5-minute rows too (GROUP BY time(5m)).
        chunk: chunkMs(group.length, ROLLUP_INTERVAL_MS),
      },
      from,
      to,
    );
    for (const l of group) rows.push(await linkRow(l, rates.get(l.id)));
    if (q.keepSeries) for (const [k, v] of rates) series.set(`link:${k}`, v);
  }
  async function linkRow(l: LinkConfig, rates?: RateSeries): Promise<BandwidthRow> {
    const r = rates ?? { times: [], inBps: [], outBps: [], speedMbps: null };
    const committedBps = l.committedRate ? l.committedRate.mbps * 1e6 : undefined;
    const capacityBps = committedBps ?? (r.speedMbps ? r.speedMbps * 1e6 : undefined);
    const summary = summariseBandwidth({
      inBps: r.inBps,
      outBps: r.outBps,
      intervalSeconds: 300,
      capacityBps,
      committedBps,
      percentile: sl.percentile,
      saturation: sl.saturation,
    });
    const availabilityPercent = avail.get(l.id) ?? null;
    const sla = l.contract
      ? slaCheck(l.contract, { availabilityPercent, ...(await fetchLatency(edge, src, l.device, from, to)) })
      : [];
    return {
      kind: 'link',
      id: l.id,
      name: l.name ?? l.id,
      provider: l.provider,
      agency: l.agency,
      committedBps,
      capacityBps,
      summary,
      availabilityPercent,
      sla,
    };
  }
  // A queue's agency is its RouterOS binding (routeros.queues), as the collector tags it.
  const queueAgency = new Map(
    config.devices.flatMap((d) => d.routeros?.queues ?? []).map((b) => [b.name, b.agency]),
  );
  for (const [id, r] of [...queues.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const summary = summariseBandwidth({
      inBps: r.inBps,
      outBps: r.outBps,
      intervalSeconds: 300,
      percentile: sl.percentile,
      saturation: sl.saturation,
    });
    rows.push({
      kind: 'queue',
      id,
      name: id,
      agency: queueAgency.get(id),
      summary,
      availabilityPercent: null,
      sla: [],
    });
  }
  q.progress?.(3, 3);
  return { rows, from, to, source: src, series };
}
