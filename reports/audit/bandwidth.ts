import { AvailabilityBook, availabilityRows } from '../../analytics/report/availability';
import { bandwidthReport, BandwidthRow } from '../../analytics/report/bandwidth';
import { readBandwidthMonthly } from '../../analytics/report/monthly';
import type { Table } from '../model';
import { AuditContext, t } from './context';

/** A month of the report period (monthsOf in performance.ts); the first and last may be partial. */
export interface ReportMonth {
  from: number;
  to: number;
  label: string;
}

/**
 * One bandwidth report per month (the 95th percentile is a monthly figure). Closed months come
 * from the stored bills (`bandwidth_monthly`, written when the month closes): a year for 2,000
 * links is 24,000 points instead of 265 M rows of 5-minute data. A month without them (the
 * current one, a partial month at the period's edge, or one never summarised) is computed from
 * the 5-minute data; its ISP SLA availability comes from the period's availability `tl` for
 * the month when given, else bandwidthReport reads the links' timelines for that month.
 */
export async function bandwidthTable(
  ctx: AuditContext,
  months: ReportMonth[],
  tl?: AvailabilityBook,
): Promise<Table> {
  const rows: Table['rows'] = [];
  const open = months.filter((m) => m.from < ctx.now);
  const stored = await readBandwidthMonthly(ctx.edge, ctx.config, open, ctx.now);
  const computed: ReportMonth[] = [];
  for (const m of open) {
    let monthRows = stored.get(m.from);
    if (!monthRows) {
      computed.push(m);
      monthRows = await computeMonth(ctx, m, tl);
    }
    for (const r of monthRows.filter((x) => x.kind === 'link')) rows.push(tableRow(m, r));
  }
  const from = open.filter((m) => stored.has(m.from)).map((m) => m.label);
  return {
    id: 'bandwidth',
    title: t(ctx, 'Bandwidth per tautan per bulan', 'Bandwidth per link per month'),
    columns: [
      { key: 'month', label: t(ctx, 'Bulan', 'Month'), kind: 'text' },
      { key: 'link', label: t(ctx, 'Tautan', 'Link'), kind: 'text' },
      { key: 'committed', label: t(ctx, 'Komitmen', 'Committed'), kind: 'bps' },
      { key: 'p95in', label: 'P95 in', kind: 'bps' },
      { key: 'p95out', label: 'P95 out', kind: 'bps' },
      { key: 'avgUtil', label: t(ctx, 'Util. rata-rata', 'Avg util.'), kind: 'percent', decimals: 1 },
      { key: 'peakUtil', label: t(ctx, 'Util. puncak', 'Peak util.'), kind: 'percent', decimals: 1 },
      { key: 'verdict', label: t(ctx, 'Cek laju komitmen', 'Committed-rate check'), kind: 'text' },
      { key: 'ceiling', label: t(ctx, 'Plafon terukur', 'Measured ceiling'), kind: 'bps' },
      { key: 'sla', label: 'SLA ISP', kind: 'text' },
    ],
    rows,
    emptyText: t(ctx, 'Tidak ada tautan terkonfigurasi.', 'No links configured.'),
    provenance: {
      source: provenanceSource(
        ctx,
        from,
        computed.map((m) => m.label),
      ),
      period: ctx.periodLabel,
      method: t(
        ctx,
        'Persentil ke-95 sampel 5 menit (urutkan, ambil sampel ke-⌈0,95·n⌉); lihat docs/service-levels.md',
        '95th percentile of 5-minute samples (sort, take sample ⌈0.95·n⌉); see docs/service-levels.md',
      ),
    },
  };
}

/** The month from the 5-minute data, as before the stored bills existed. */
async function computeMonth(
  ctx: AuditContext,
  m: ReportMonth,
  tl?: AvailabilityBook,
): Promise<BandwidthRow[]> {
  const links = tl && availabilityRows(tl, 'link', m);
  const report = await bandwidthReport(ctx.edge, ctx.config, {
    from: m.from,
    to: m.to,
    now: ctx.now,
    availability: links && new Map(links.map((r) => [r.id, r.result.availabilityPercent])),
  });
  return report.rows;
}

export function tableRow(m: ReportMonth, r: BandwidthRow): Table['rows'][number] {
  return {
    month: m.label,
    link: r.id,
    committed: r.committedBps ?? null,
    p95in: r.summary.p95InBps,
    p95out: r.summary.p95OutBps,
    avgUtil: r.summary.avgUtilisationPercent,
    peakUtil: r.summary.peakUtilisationPercent,
    verdict: r.summary.committed.verdict,
    ceiling: r.summary.committed.ceilingBps,
    sla: r.sla.length
      ? r.sla.map((s) => `${s.metric}:${s.met === null ? '-' : s.met ? 'ok' : 'X'}`).join(' ')
      : '-',
  };
}

/** Which months came from the stored bills and which from the 5-minute data, for the auditor. */
export function provenanceSource(ctx: AuditContext, stored: string[], computed: string[]): string {
  const parts: string[] = [];
  if (stored.length)
    parts.push(
      t(
        ctx,
        `ringkasan bulanan tersimpan bandwidth_monthly (${stored.join(', ')})`,
        `stored monthly summaries bandwidth_monthly (${stored.join(', ')})`,
      ),
    );
  if (computed.length || !stored.length)
    parts.push(
      t(
        ctx,
        `dihitung dari interface.in_bps/out_bps (rollup 5 menit)${computed.length ? ` (${computed.join(', ')})` : ''}`,
        `computed from interface.in_bps/out_bps (5-minute rollup)${computed.length ? ` (${computed.join(', ')})` : ''}`,
      ),
    );
  return `InfluxDB: ${parts.join('; ')}`;
}
