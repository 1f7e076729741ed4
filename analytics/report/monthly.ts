import type { Sample } from '../../agent/sample';
import type { NocConfig } from '../../config/load';
import type { CommittedVerdict, SlaItem } from '../bandwidth';
import { InfluxEdge, qi } from '../influx/client';
import { currentMonth, parsePeriod } from '../period';
import type { BandwidthRow } from './bandwidth';
import { dailyRetentionPolicy } from './daily';
import { defined, point } from './points';

/**
 * `bandwidth_monthly` (docs/metrics.md): the month's bill per link and agency queue, stored when
 * the month closes. The 95th percentile is a monthly figure (the p95 of daily p95s is not the
 * monthly p95), so the annual audit report cannot rebuild it from `bandwidth_daily`; without these
 * points it would read a year of 5-minute rollups (265 M rows for 2,000 links, about an hour).
 * A point carries everything a `BandwidthRow` holds except the configured names, so a row read back
 * equals the row computed from the 5-minute data.
 */
export const MONTHLY_MEASUREMENT = 'bandwidth_monthly';

export interface Month {
  from: number;
  to: number;
}

/** The local month (organisation time zone) that contains `t`. */
export function monthOf(t: number, timezone: string): Month {
  const p = parsePeriod(currentMonth(t, timezone), timezone);
  return { from: p.from, to: p.to };
}

/** The last closed local month before the one containing `now`. */
export function previousMonth(now: number, timezone: string): Month {
  const current = monthOf(now, timezone);
  return { from: monthOf(current.from - 1, timezone).from, to: current.from };
}

/** A whole local month that has ended by `now`: only such a month has a stored bill. */
export function isClosedMonth(m: Month, now: number, timezone: string): boolean {
  const whole = monthOf(m.from, timezone);
  return whole.from === m.from && whole.to === m.to && m.to <= now;
}

const SLA_CONTRACT = {
  availability: 'sla_availability_contract_percent',
  latency: 'sla_latency_contract_ms',
  loss: 'sla_loss_contract_percent',
} as const;
const SLA_MET = {
  availability: 'sla_availability_met',
  latency: 'sla_latency_met',
  loss: 'sla_loss_met',
} as const;
/** The measured value of latency and loss (availability is the row's own `availability_percent`). */
const SLA_MEASURED = { latency: 'latency_ms', loss: 'loss_percent' } as const;

/** Every field, in the order the reader selects them. */
export const MONTHLY_FIELDS = [
  'p95_in_bps',
  'p95_out_bps',
  'p95_max_bps',
  'p95_aggregate_bps',
  'p95_utilisation_percent',
  'avg_in_bps',
  'avg_out_bps',
  'peak_in_bps',
  'peak_out_bps',
  'volume_in_bytes',
  'volume_out_bytes',
  'avg_utilisation_percent',
  'peak_utilisation_percent',
  'samples',
  'committed_bps',
  'capacity_bps',
  'committed_check',
  'committed_direction',
  'ceiling_bps',
  'saturated_samples',
  'shortfall_percent',
  'availability_percent',
  'latency_ms',
  'loss_percent',
  'sla_availability_contract_percent',
  'sla_availability_met',
  'sla_latency_contract_ms',
  'sla_latency_met',
  'sla_loss_contract_percent',
  'sla_loss_met',
] as const;
const TAGS = ['link', 'queue', 'agency', 'kind'] as const;

/** One point per row, stamped at the month's start; link rows tagged with the link's kind (isp, …). */
export function bandwidthMonthlyPoints(rows: BandwidthRow[], config: NocConfig, monthFrom: number): Sample[] {
  const kindOf = new Map(config.links.map((l) => [l.id, l.kind]));
  return defined(
    rows.map((r) => {
      const s = r.summary;
      const c = s.committed;
      const sla: Record<string, number | boolean | null> = {};
      for (const i of r.sla) {
        sla[SLA_CONTRACT[i.metric]] = i.contract;
        sla[SLA_MET[i.metric]] = i.met;
        if (i.metric !== 'availability') sla[SLA_MEASURED[i.metric]] = i.measured;
      }
      return point(
        MONTHLY_MEASUREMENT,
        {
          [r.kind]: r.id,
          agency: r.agency,
          kind: r.kind === 'link' ? kindOf.get(r.id) : undefined,
        },
        {
          p95_in_bps: s.p95InBps,
          p95_out_bps: s.p95OutBps,
          p95_max_bps: s.p95MaxBps,
          p95_aggregate_bps: s.p95AggregateBps,
          p95_utilisation_percent: s.p95UtilisationPercent,
          avg_in_bps: s.avgInBps,
          avg_out_bps: s.avgOutBps,
          peak_in_bps: s.peakInBps,
          peak_out_bps: s.peakOutBps,
          volume_in_bytes: s.volumeInBytes,
          volume_out_bytes: s.volumeOutBytes,
          avg_utilisation_percent: s.avgUtilisationPercent,
          peak_utilisation_percent: s.peakUtilisationPercent,
          samples: BigInt(s.samples),
          committed_bps: r.committedBps,
          capacity_bps: r.capacityBps,
          committed_check: c.verdict,
          committed_direction: c.direction ?? undefined,
          ceiling_bps: c.ceilingBps,
          saturated_samples: BigInt(c.saturatedSamples),
          shortfall_percent: c.shortfallPercent,
          availability_percent: r.availabilityPercent,
          ...sla,
        },
        monthFrom,
      );
    }),
  );
}

type Values = Record<string, unknown>;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const opt = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** A stored point back into the row the 5-minute path builds (names and provider from the configuration). */
export function rowFromPoint(tags: Record<string, string>, v: Values, config: NocConfig): BandwidthRow {
  const kind = tags.link ? 'link' : 'queue';
  const id = tags.link || tags.queue;
  const link = kind === 'link' ? config.links.find((l) => l.id === id) : undefined;
  const sla: SlaItem[] = [];
  for (const metric of ['availability', 'latency', 'loss'] as const) {
    const contract = num(v[SLA_CONTRACT[metric]]);
    if (contract === null) continue;
    const measured = num(v[metric === 'availability' ? 'availability_percent' : SLA_MEASURED[metric]]);
    const met = v[SLA_MET[metric]];
    sla.push({ metric, contract, measured, met: typeof met === 'boolean' ? met : null });
  }
  const direction = v.committed_direction;
  return {
    kind,
    id,
    name: kind === 'link' ? (link?.name ?? id) : id,
    provider: link?.provider,
    agency: tags.agency || undefined,
    committedBps: opt(v.committed_bps),
    capacityBps: opt(v.capacity_bps),
    summary: {
      samples: num(v.samples) ?? 0,
      p95InBps: num(v.p95_in_bps),
      p95OutBps: num(v.p95_out_bps),
      p95MaxBps: num(v.p95_max_bps),
      p95AggregateBps: num(v.p95_aggregate_bps),
      avgInBps: num(v.avg_in_bps),
      avgOutBps: num(v.avg_out_bps),
      peakInBps: num(v.peak_in_bps),
      peakOutBps: num(v.peak_out_bps),
      avgUtilisationPercent: num(v.avg_utilisation_percent),
      peakUtilisationPercent: num(v.peak_utilisation_percent),
      p95UtilisationPercent: num(v.p95_utilisation_percent),
      volumeInBytes: num(v.volume_in_bytes) ?? 0,
      volumeOutBytes: num(v.volume_out_bytes) ?? 0,
      committed: {
        verdict: (typeof v.committed_check === 'string' ? v.committed_check : 'no-data') as CommittedVerdict,
        direction: direction === 'in' || direction === 'out' ? direction : null,
        ceilingBps: num(v.ceiling_bps),
        saturatedSamples: num(v.saturated_samples) ?? 0,
        shortfallPercent: num(v.shortfall_percent),
      },
    },
    availabilityPercent: num(v.availability_percent),
    sla,
  };
}

/**
 * The stored bills of the given months, by month start: only closed whole months, and only when
 * every configured link has its point (a month summarised before a link was added, or by
 * `noc bandwidth --link X --write` alone, is left to the 5-minute path). Rows come in the order
 * the 5-minute path gives them: configured links, then queues by id. One query for all months.
 */
export async function readBandwidthMonthly(
  edge: InfluxEdge,
  config: NocConfig,
  months: Month[],
  now: number,
): Promise<Map<number, BandwidthRow[]>> {
  const tz = config.organisation.timezone;
  const closed = months.filter((m) => isClosedMonth(m, now, tz));
  const out = new Map<number, BandwidthRow[]>();
  if (!closed.length) return out;
  const rp = dailyRetentionPolicy(config);
  // A database the agent has not prepared yet has no `rollup` policy: then nothing is stored.
  if (rp && !(await hasPolicy(edge, rp))) return out;
  const from = Math.min(...closed.map((m) => m.from));
  const to = Math.max(...closed.map((m) => m.to));
  const series = await edge.query(
    `SELECT ${MONTHLY_FIELDS.map(qi).join(', ')} FROM ${rp ? `${qi(rp)}.` : ''}${qi(MONTHLY_MEASUREMENT)} ` +
      `WHERE time >= ${from}ms AND time < ${to}ms GROUP BY ${TAGS.map(qi).join(', ')}`,
  );
  const byMonth = new Map<number, BandwidthRow[]>();
  for (const s of series)
    for (const values of s.values) {
      const v: Values = Object.fromEntries(s.columns.map((c, i) => [c, values[i]]));
      const t = Number(v.time);
      byMonth.set(t, [...(byMonth.get(t) ?? []), rowFromPoint(s.tags, v, config)]);
    }
  const order = new Map(config.links.map((l, i) => [l.id, i]));
  for (const m of closed) {
    const rows = byMonth.get(m.from) ?? [];
    const links = rows.filter((r) => r.kind === 'link' && order.has(r.id));
    if (!rows.length || links.length < order.size) continue;
    links.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const queues = rows.filter((r) => r.kind === 'queue').sort((a, b) => a.id.localeCompare(b.id));
    out.set(m.from, [...links, ...queues]);
  }
  return out;
}

async function hasPolicy(edge: InfluxEdge, rp: string): Promise<boolean> {
  const series = await edge.query(`SHOW RETENTION POLICIES ON ${qi(edge.database)}`);
  return (series[0]?.values ?? []).some((v) => v[0] === rp);
}
