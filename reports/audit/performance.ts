import { TIERS } from '../../analytics/availability';
import { capacityReport } from '../../analytics/report/capacity';
import {
  AvailabilityBook,
  availabilityRows,
  AvailabilityRow,
  GroupBy,
} from '../../analytics/report/availability';
import { availabilityBook } from '../../analytics/report/daily-book';
import { parsePeriod } from '../../analytics/period';
import { localParts, monthName } from '../dates';
import type { BarChart, Section, Table } from '../model';
import { bandwidthTable } from './bandwidth';
import { capacityTrendTable } from './capacity-trend';
import { AuditContext, t } from './context';
import { incidentFindings, incidentSource, incidentTables } from './incidents';

const FORMULA =
  'ketersediaan = 100 × naik ÷ (naik + padam); pemeliharaan, gangguan induk dan waktu tak terpantau dikecualikan';

/**
 * (c) Kinerja: availability against targets and the TIA-942 tiers (per device, link, service
 * and agency, and month by month), outages, bandwidth per link and month with the 95th
 * percentile and the committed-rate check, capacity at the end of the period, and the
 * incidents (count, MTTR, longest, top causes) from the alerting store.
 */
export async function performanceSection(ctx: AuditContext, timelines: AvailabilityBook): Promise<Section> {
  const tables: Table[] = [];
  for (const by of ['agency', 'service', 'link', 'device'] as GroupBy[])
    tables.push(availabilityTable(ctx, timelines, by));
  ctx.progress?.('ketersediaan');
  const months = monthsOf(ctx);
  const monthly = monthlyTable(ctx, timelines, months);
  tables.push(monthly.table, outagesTable(ctx, timelines));
  const incidents = incidentSource(ctx);
  tables.push(...incidentTables(ctx, incidents));
  tables.push(await bandwidthTable(ctx, months, timelines));
  ctx.progress?.('bandwidth');
  tables.push(...(await capacityTables(ctx)), await capacityTrendTable(ctx, months));
  ctx.progress?.('kapasitas');
  return {
    id: 'c-kinerja',
    title: t(ctx, '(c) Kinerja', '(c) Performance'),
    paragraphs: [
      t(
        ctx,
        `Ketersediaan dihitung dari data keterjangkauan (ping), status tautan dan pemeriksaan situs; ${FORMULA}. Acuan tingkat TIA-942: ${TIERS.map((x) => `${x.tier} ${String(x.percent).replace('.', ',')} %`).join(', ')}.`,
        `Availability is computed from reachability (ping), link status and website probes; availability = 100 × up ÷ (up + down), with maintenance, parent outages and unmonitored time excluded. TIA-942 reference tiers: ${TIERS.map((x) => `${x.tier} ${x.percent} %`).join(', ')}.`,
      ),
    ],
    tables,
    charts: [monthly.chart],
    findings: incidentFindings(ctx, incidents),
  };
}

export function availabilityTable(ctx: AuditContext, tl: AvailabilityBook, by: GroupBy): Table {
  const rows = availabilityRows(tl, by);
  const label: Record<string, [string, string]> = {
    agency: [`Ketersediaan per ${ctx.config.organisation.agencyLabel}`, 'Availability by agency'],
    service: ['Ketersediaan per layanan', 'Availability by service'],
    link: ['Ketersediaan per tautan', 'Availability by link'],
    device: ['Ketersediaan per perangkat', 'Availability by device'],
  };
  return {
    id: `ketersediaan-${by}`,
    title: t(ctx, ...label[by]),
    columns: [
      { key: 'id', label: 'ID', kind: 'text' },
      { key: 'name', label: t(ctx, 'Nama', 'Name'), kind: 'text' },
      { key: 'availability', label: t(ctx, 'Ketersediaan', 'Availability'), kind: 'percent' },
      { key: 'target', label: 'Target', kind: 'percent' },
      { key: 'met', label: t(ctx, 'Memenuhi', 'Met'), kind: 'text' },
      { key: 'tier', label: 'TIA-942', kind: 'text' },
      { key: 'coverage', label: t(ctx, 'Cakupan data', 'Coverage'), kind: 'percent', decimals: 1 },
      { key: 'outages', label: t(ctx, 'Gangguan', 'Outages'), kind: 'integer' },
      { key: 'downtime', label: t(ctx, 'Total padam', 'Downtime'), kind: 'duration' },
      { key: 'targetSource', label: t(ctx, 'Sumber target', 'Target source'), kind: 'text' },
    ],
    rows: rows.map((r) => row(ctx, r)),
    emptyText: t(ctx, 'Tidak ada objek.', 'No objects.'),
    provenance: {
      source: `${tl.describe} (ping.up, interface.ifOperStatus, http.up)`,
      period: ctx.periodLabel,
      method: FORMULA,
    },
  };
}

function row(ctx: AuditContext, r: AvailabilityRow): Table['rows'][number] {
  const a = r.result.availabilityPercent;
  return {
    id: r.id,
    name: r.name,
    availability: a,
    target: r.targetPercent ?? null,
    met:
      r.meetsTarget === null
        ? a === null
          ? t(ctx, 'tidak terpantau', 'not monitored')
          : '-'
        : r.meetsTarget
          ? t(ctx, 'ya', 'yes')
          : t(ctx, 'tidak', 'no'),
    tier: r.tier ?? '-',
    coverage: r.result.coveragePercent,
    outages: r.result.outageCount,
    downtime: r.result.downMs,
    targetSource: r.targetSource ?? null,
  };
}

interface Month {
  from: number;
  to: number;
  label: string;
}

export function monthsOf(ctx: AuditContext): Month[] {
  const tz = ctx.config.organisation.timezone;
  const out: Month[] = [];
  for (let from = ctx.from; from < ctx.to;) {
    const p = localParts(from, tz);
    const month = parsePeriod(`${p.year}-${String(p.month).padStart(2, '0')}`, tz);
    const to = Math.min(ctx.to, month.to);
    out.push({ from, to, label: `${monthName(p.month, ctx.lang).slice(0, 3)} ${p.year}` });
    from = to;
  }
  return out;
}

function monthlyTable(
  ctx: AuditContext,
  tl: AvailabilityBook,
  months: Month[],
): { table: Table; chart: BarChart } {
  const per = months.map((m) => {
    const rows = availabilityRows(tl, 'service', m);
    const devices = availabilityRows(tl, 'device', m);
    const mean = (rs: AvailabilityRow[]) => {
      const v = rs.map((r) => r.result.availabilityPercent).filter((x): x is number => x !== null);
      return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
    };
    return {
      month: m.label,
      services: mean(rows),
      devices: mean(devices),
      outages: devices.reduce((s, r) => s + r.result.outageCount, 0),
    };
  });
  const target = Math.min(...ctx.config.services.map((s) => s.availabilityTarget?.percent ?? 100), 100);
  return {
    table: {
      id: 'ketersediaan-bulanan',
      title: t(ctx, 'Ketersediaan bulanan (rata-rata)', 'Monthly availability (mean)'),
      columns: [
        { key: 'month', label: t(ctx, 'Bulan', 'Month'), kind: 'text' },
        { key: 'services', label: t(ctx, 'Layanan', 'Services'), kind: 'percent' },
        { key: 'devices', label: t(ctx, 'Perangkat', 'Devices'), kind: 'percent' },
        { key: 'outages', label: t(ctx, 'Gangguan perangkat', 'Device outages'), kind: 'integer' },
      ],
      rows: per,
      provenance: {
        source: tl.describe,
        period: ctx.periodLabel,
        method: t(
          ctx,
          'Rata-rata ketersediaan objek per bulan; ' + FORMULA,
          "Mean of the objects' monthly availability",
        ),
      },
    },
    chart: {
      id: 'ketersediaan-bulanan',
      title: t(ctx, 'Ketersediaan layanan per bulan', 'Service availability per month'),
      unit: '%',
      bars: per.map((p) => ({ label: p.month.split(' ')[0], value: p.services })),
      lines: [
        ...(target < 100 ? [{ label: `Target ${String(target).replace('.', ',')} %`, value: target }] : []),
        { label: 'TIA-942 III 99,982 %', value: 99.982 },
      ],
      max: 100,
    },
  };
}

export function outagesTable(ctx: AuditContext, tl: AvailabilityBook): Table {
  const rows = availabilityRows(tl, 'device')
    .filter((r) => r.result.outageCount > 0)
    .sort((a, b) => b.result.downMs - a.result.downMs);
  return {
    id: 'gangguan',
    title: t(ctx, 'Gangguan per perangkat (terbesar lebih dulu)', 'Outages per device (largest first)'),
    columns: [
      { key: 'id', label: t(ctx, 'Perangkat', 'Device'), kind: 'text' },
      { key: 'outages', label: t(ctx, 'Jumlah', 'Count'), kind: 'integer' },
      { key: 'downtime', label: t(ctx, 'Total padam', 'Downtime'), kind: 'duration' },
      { key: 'mttr', label: 'MTTR', kind: 'duration' },
      { key: 'mtbf', label: 'MTBF', kind: 'duration' },
      { key: 'longest', label: t(ctx, 'Terlama', 'Longest'), kind: 'duration' },
    ],
    rows: rows.map((r) => ({
      id: r.id,
      outages: r.result.outageCount,
      downtime: r.result.downMs,
      mttr: r.result.mttrMs,
      mtbf: r.result.mtbfMs,
      longest: r.result.longestOutageMs,
    })),
    emptyText: t(ctx, 'Tidak ada gangguan tercatat.', 'No outages recorded.'),
    provenance: {
      source: `${tl.describe} (ping.up)`,
      period: ctx.periodLabel,
      method: 'MTTR = padam ÷ jumlah gangguan; MTBF = naik ÷ jumlah gangguan',
    },
  };
}

async function capacityTables(ctx: AuditContext): Promise<Table[]> {
  const at = Math.min(ctx.to, ctx.now);
  const cap = await capacityReport(ctx.edge, ctx.config, { now: at });
  return [
    {
      id: 'kapasitas-rak',
      title: t(ctx, 'Kapasitas rak pada akhir periode', 'Rack capacity at the end of the period'),
      columns: [
        { key: 'rack', label: t(ctx, 'Rak', 'Rack'), kind: 'text' },
        { key: 'used', label: t(ctx, 'U terpakai', 'U used'), kind: 'integer' },
        { key: 'free', label: t(ctx, 'U kosong', 'U free'), kind: 'integer' },
        { key: 'block', label: t(ctx, 'Blok kosong terbesar', 'Largest free block'), kind: 'integer' },
        { key: 'allocated', label: t(ctx, 'Daya dialokasikan', 'Allocated power'), kind: 'watts' },
        { key: 'measured', label: t(ctx, 'Daya terukur', 'Measured power'), kind: 'watts' },
        { key: 'redundant', label: t(ctx, 'Redundan A/B', 'A/B redundant'), kind: 'text' },
      ],
      rows: cap.racks.map((r) => ({
        rack: r.id,
        used: r.space.usedU,
        free: r.space.freeU,
        block: r.space.largestFreeU,
        allocated: r.power.allocatedWatts,
        measured: r.power.measuredWatts,
        redundant: r.power.hasPair
          ? r.power.redundant
            ? t(ctx, 'ya', 'yes')
            : t(ctx, 'tidak', 'no')
          : t(ctx, 'tanpa pasangan', 'no pair'),
      })),
      provenance: {
        source: t(
          ctx,
          'Konfigurasi rak dan perangkat; pembacaan PDU/UPS terakhir',
          'Rack and device configuration; last PDU/UPS readings',
        ),
        period: t(ctx, 'akhir periode', 'end of period'),
        method: t(
          ctx,
          'Daya tersedia = V × A × batas % (× √3 tiga fase)',
          'Available power = V × A × max % (× √3 three-phase)',
        ),
      },
    },
    {
      id: 'ups',
      title: t(ctx, 'UPS: beban dan sisa waktu', 'UPS: load and runtime'),
      columns: [
        { key: 'id', label: 'UPS', kind: 'text' },
        { key: 'load', label: t(ctx, 'Beban', 'Load'), kind: 'percent', decimals: 1 },
        {
          key: 'runtime',
          label: t(ctx, 'Sisa waktu (menit)', 'Runtime (minutes)'),
          kind: 'number',
          decimals: 0,
        },
      ],
      rows: cap.ups.map((u) => ({ id: u.id, load: u.loadPercent, runtime: u.runtimeMinutes })),
      emptyText: t(ctx, 'Tidak ada UPS.', 'No UPS.'),
      provenance: {
        source: 'InfluxDB ups',
        period: t(ctx, 'akhir periode', 'end of period'),
        method: 'last(load_percent), last(runtime_minutes)',
      },
    },
  ];
}

/** The period's availability: stored daily summaries where there are, the rest computed. */
export async function timelinesFor(ctx: AuditContext): Promise<AvailabilityBook> {
  return availabilityBook(ctx.edge, ctx.config, { from: ctx.from, to: ctx.to, now: ctx.now });
}
