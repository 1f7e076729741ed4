import type { NocConfig } from '../../config/load';
import {
  aggregate,
  AvailabilityResult,
  downWindows,
  MaintenanceWindow,
  meetsTarget,
  summarise,
  tierMet,
  windowsFor,
} from '../availability';
import { InfluxEdge } from '../influx/client';
import { chunkMs, chunks, fetchUp, pickSource, ROLLUP_INTERVAL_MS, Source, UpSeries } from '../influx/fetch';
import {
  buildTimeline,
  combineAll,
  relabel,
  Segment,
  slice,
  TimelineBuilder,
  TimelineOptions,
} from '../timeline';
import { maintenanceIn, ObjectKind, SlaObject, slaObjects } from './inventory';

/**
 * Availability of every device, link and service over a period, read from InfluxDB:
 * devices from `ping` up, links from `interface` ifOperStatus (tag link), services from `http`
 * up (tags service, url; a service is up only while all its URLs are). Grouped by agency or site
 * the devices' figures are added up by time (analytics/availability.ts aggregate).
 */
export type GroupBy = ObjectKind | 'agency' | 'site';

export interface AvailabilityRow {
  kind: GroupBy;
  id: string;
  name: string;
  agency?: string;
  site?: string;
  targetPercent?: number;
  targetSource?: string;
  result: AvailabilityResult;
  tier: string | null;
  meetsTarget: boolean | null;
}

export interface AvailabilityQuery {
  from: number;
  to: number;
  now: number;
  by: GroupBy;
  /** Extra windows on top of alerting's (configuration and `noc maintenance add`). */
  maintenance?: MaintenanceWindow[];
  /** Only these kinds besides devices (always read: they are everyone's parents). */
  kinds?: ObjectKind[];
  progress?: (done: number, total: number) => void;
}

/** The kinds a grouping needs: devices always (they are every object's parents). */
export const kindsFor = (by: GroupBy): ObjectKind[] =>
  by === 'link' ? ['device', 'link'] : by === 'service' ? ['device', 'service'] : ['device'];

/** Median gap between samples: the interval the collector really polled at. */
export function sampleInterval(times: number[], fallbackMs: number): number {
  if (times.length < 3) return fallbackMs;
  const gaps = times
    .slice(1)
    .map((t, i) => t - times[i])
    .sort((a, b) => a - b);
  return gaps[gaps.length >> 1] || fallbackMs;
}

export interface Timelines {
  objects: SlaObject[];
  /** Final timeline per "kind:id", after maintenance and parent relabelling. */
  final: Map<string, Segment[]>;
  from: number;
  to: number;
  source: Source;
}

export async function objectTimelines(
  edge: InfluxEdge,
  config: NocConfig,
  q: AvailabilityQuery,
): Promise<Timelines> {
  const to = Math.min(q.to, q.now);
  const from = Math.min(q.from, to);
  const sl = config.serviceLevels;
  const src = await pickSource(edge, from, q.now, config.influx.retention.rawDays);
  const fallback = src.kind === 'rollup' ? ROLLUP_INTERVAL_MS : config.agent.intervalSeconds * 1000;
  const lookback = fallback * sl.maxGapIntervals;
  // Chunks sized by how many series each measurement has, so no answer is too big to parse.
  const urls = config.services.reduce((n, s) => n + s.urls.length, 0);
  const chunk = {
    ping: chunkMs(config.devices.length, fallback),
    interface: chunkMs(config.links.length, fallback),
    http: chunkMs(urls, fallback),
  };
  const total = Object.values(chunk).reduce((n, c) => n + chunks(from - lookback, to, c).length, 0);
  let done = 0;
  const tick = () => q.progress?.(++done, total);
  const isTrue = (v: unknown) => v === true || v === 1 || v === 'true';
  const kinds = new Set<ObjectKind>(['device', ...(q.kinds ?? ['link', 'service'])]);
  const objects = slaObjects(config).filter((o) => kinds.has(o.kind));
  const active = objects.filter((o) => o.added === undefined || o.added < to);
  const streaming = src.kind === 'rollup';
  const optsFor = (o: SlaObject, s?: UpSeries): TimelineOptions => ({
    from: Math.max(from, o.added ?? -Infinity),
    to,
    intervalMs: streaming ? ROLLUP_INTERVAL_MS : sampleInterval(s?.times ?? [], fallback),
    maxGapIntervals: sl.maxGapIntervals,
  });
  const build = (o: SlaObject, s: UpSeries | undefined) =>
    buildTimeline(s?.times ?? [], s?.up ?? [], optsFor(o, s));

  // Website probes are few series: kept as arrays.
  const none = new Map<string, UpSeries>();
  const http = !kinds.has('service')
    ? none
    : await fetchUp(
        edge,
        src,
        { measurement: 'http', field: 'up', groupBy: ['service', 'url'], isUp: isTrue, chunk: chunk.http },
        from,
        to,
        lookback,
        tick,
      );
  const probed = (o: SlaObject) => [...http.keys()].some((k) => k.startsWith(`${o.id}|`));

  // Devices and links: on the 5-minute rollups (a year is 105,120 observations per series, 260
  // million for 2,000 links and 500 devices) each timeline is built while the chunks are read,
  // so memory holds segments, not observations. Raw samples (whose interval is measured from
  // the series itself) stay arrays: at most rawDays of them.
  const builders = {
    ping: new Map<string, TimelineBuilder[]>(),
    interface: new Map<string, TimelineBuilder[]>(),
  };
  const streamed = new Map<string, TimelineBuilder[]>();
  const want = (m: keyof typeof builders, key: string, o: SlaObject) => {
    const b = new TimelineBuilder(optsFor(o));
    builders[m].set(key, [...(builders[m].get(key) ?? []), b]);
    return b;
  };
  if (streaming)
    for (const o of active) {
      const key = `${o.kind}:${o.id}`;
      if (o.kind === 'device') streamed.set(key, [want('ping', o.id, o)]);
      else if (o.kind === 'link') streamed.set(key, [want('interface', o.id, o)]);
      // A service without URL probes is as available as all its devices together.
      else if (!probed(o))
        streamed.set(
          key,
          o.devices.map((d) => want('ping', d, o)),
        );
    }
  const feed = (m: keyof typeof builders) =>
    streaming
      ? (key: string, t: number, up: number) => builders[m].get(key)?.forEach((b) => b.add(t, up))
      : undefined;
  const ping = await fetchUp(
    edge,
    src,
    { measurement: 'ping', field: 'up', groupBy: ['device'], isUp: isTrue, chunk: chunk.ping },
    from,
    to,
    lookback,
    tick,
    feed('ping'),
  );
  const ifs = !kinds.has('link')
    ? none
    : await fetchUp(
        edge,
        src,
        {
          measurement: 'interface',
          field: 'ifOperStatus',
          groupBy: ['link'],
          where: `"link" != ''`,
          isUp: (v) => v === 1,
          chunk: chunk.interface,
        },
        from,
        to,
        lookback,
        tick,
        feed('interface'),
      );

  const maintenance = [...maintenanceIn(config, from - lookback, to), ...(q.maintenance ?? [])];
  const raw = new Map<string, Segment[]>();
  for (const o of active) {
    const key = `${o.kind}:${o.id}`;
    const done = streamed.get(key)?.map((b) => b.finish());
    if (o.kind === 'device') raw.set(key, done?.[0] ?? build(o, ping.get(o.id)));
    else if (o.kind === 'link') raw.set(key, done?.[0] ?? build(o, ifs.get(o.id)));
    else {
      const urls = [...http.entries()].filter(([k]) => k.startsWith(`${o.id}|`)).map(([, s]) => build(o, s));
      const parts = urls.length ? urls : (done ?? o.devices.map((d) => build(o, ping.get(d))));
      raw.set(key, combineAll(parts.length ? parts : [build(o, undefined)]));
    }
  }
  const final = new Map<string, Segment[]>();
  for (const o of objects) {
    let tl = raw.get(`${o.kind}:${o.id}`);
    if (!tl) continue;
    const windows = windowsFor(maintenance, { devices: o.devices, site: o.site, agency: o.agency });
    if (windows.length) tl = relabel(tl, windows, ['up', 'down', 'unknown'], 'maintenance');
    if (sl.parentOutages === 'parent') {
      const parentDown = o.parents.flatMap((p) => downWindows(raw.get(`device:${p}`) ?? []));
      if (parentDown.length) tl = relabel(tl, parentDown, ['down'], 'parent');
    }
    final.set(`${o.kind}:${o.id}`, tl);
  }
  return { objects, final, from, to, source: src };
}

export async function availabilityReport(edge: InfluxEdge, config: NocConfig, q: AvailabilityQuery) {
  const t = await objectTimelines(edge, config, q);
  return { rows: availabilityRows(t, q.by), from: t.from, to: t.to, source: t.source };
}

/**
 * Where a period's per-object figures come from: the timelines read from the raw or 5-minute
 * data (objectTimelines), or the stored daily summaries (daily-book.ts). Reports ask it for any
 * part of the period (a month of a year) and get the same figures either way.
 */
export interface AvailabilityBook {
  objects: SlaObject[];
  from: number;
  to: number;
  /** The object's figures over [from, to) (inside the book's period); undefined without data. */
  resultOf(o: SlaObject, from: number, to: number): AvailabilityResult | undefined;
  /** Where the figures came from, for the report's provenance. */
  describe: string;
}

/** A book over timelines: each part of the period is the timeline's slice. */
export function timelineBook(t: Timelines): AvailabilityBook {
  return {
    objects: t.objects,
    from: t.from,
    to: t.to,
    describe: `InfluxDB ${t.source.kind}`,
    resultOf: (o, a, b) => {
      const tl = t.final.get(`${o.kind}:${o.id}`);
      if (!tl) return undefined;
      const to = Math.min(b, t.to);
      const from = Math.max(a, o.added ?? -Infinity);
      if (from >= to) return undefined; // not yet in the inventory then
      return summarise(slice(tl, from, to), from, to, from - a);
    },
  };
}

const isBook = (t: Timelines | AvailabilityBook): t is AvailabilityBook => 'resultOf' in t;

/**
 * One row per object of a kind, or per agency or site (their devices' time added up), over the
 * book's period or a part of it (`range`, e.g. one month of a year).
 */
export function availabilityRows(
  source: Timelines | AvailabilityBook,
  by: GroupBy,
  range?: { from: number; to: number },
): AvailabilityRow[] {
  const book = isBook(source) ? source : timelineBook(source);
  const from = Math.max(book.from, range?.from ?? -Infinity);
  const to = Math.min(book.to, range?.to ?? Infinity);
  const resultOf = (o: SlaObject) => book.resultOf(o, from, Math.max(from, to));
  const row = (
    kind: GroupBy,
    id: string,
    name: string,
    r: AvailabilityResult,
    o?: SlaObject,
  ): AvailabilityRow => ({
    kind,
    id,
    name,
    agency: o?.agency,
    site: o?.site,
    targetPercent: o?.targetPercent,
    targetSource: o?.targetSource,
    result: r,
    tier: tierMet(r.availabilityPercent),
    meetsTarget: meetsTarget(r.availabilityPercent, o?.targetPercent),
  });
  if (by === 'device' || by === 'link' || by === 'service')
    return book.objects
      .filter((o) => o.kind === by)
      .flatMap((o) => {
        const r = resultOf(o);
        return r ? [row(by, o.id, o.name, r, o)] : [];
      });
  // Agency and site: their devices' time added up.
  const groups = new Map<string, AvailabilityResult[]>();
  for (const o of book.objects.filter((x) => x.kind === 'device')) {
    const key = by === 'agency' ? o.agency : o.site;
    const r = resultOf(o);
    if (!key || !r) continue;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, results]) => row(by, key, key, aggregate(results)));
}
