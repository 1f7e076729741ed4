import { field, pickSource } from '../../analytics/influx/fetch';
import { InfluxEdge, qi } from '../../analytics/influx/client';
import type { Table } from '../model';
import { AuditContext, t, timeRange } from './context';

interface Month {
  from: number;
  to: number;
  label: string;
}

/** One month's end-of-month capacity, added up over racks, feeds and UPS units. */
export interface CapacityMonth {
  unitsUsed: number | null;
  unitsFree: number | null;
  measuredWatts: number | null;
  highestFeedPercent: number | null;
  lowestUpsRuntimeMinutes: number | null;
}

/**
 * The last `capacity` value of each rack, feed and UPS in the month (what the agent's job
 * wrote every 5 minutes; the rollup keeps `last_*`), so the auditor sees the trend the year-end
 * table cannot show: space filling up, power growing, runtime shrinking as batteries age.
 */
export async function capacityMonth(
  edge: InfluxEdge,
  rawDays: number,
  now: number,
  m: Month,
): Promise<CapacityMonth> {
  // The month's end decides the policy: raw while it is younger than rawDays.
  const src = await pickSource(edge, Math.min(m.to, now) - 86_400_000, now, rawDays);
  const last = (name: string) => `last(${qi(field(src, name, 'last'))}) AS ${qi(name)}`;
  const where = timeRange(m.from, Math.min(m.to, now));
  const query = (fields: string[], scope: string, by: string) =>
    edge.query(
      `SELECT ${fields.map(last).join(', ')} FROM ${src.from}"capacity" WHERE ${where} AND "scope" = '${scope}' GROUP BY ${by}`,
    );
  const [racks, feeds, ups] = [
    await query(['units_used', 'units_free'], 'rack', '"rack"'),
    await query(['power_measured_watts', 'power_percent'], 'feed', '"rack", "feed"'),
    await query(['runtime_minutes'], 'ups', '"device"'),
  ];
  const column = (series: typeof racks, name: string): number[] =>
    series.flatMap((s) => {
      const v = s.values[0]?.[s.columns.indexOf(name)];
      return typeof v === 'number' ? [v] : [];
    });
  const sum = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) : null);
  const max = (xs: number[]) => (xs.length ? Math.max(...xs) : null);
  const min = (xs: number[]) => (xs.length ? Math.min(...xs) : null);
  return {
    unitsUsed: sum(column(racks, 'units_used')),
    unitsFree: sum(column(racks, 'units_free')),
    measuredWatts: sum(column(feeds, 'power_measured_watts')),
    highestFeedPercent: max(column(feeds, 'power_percent')),
    lowestUpsRuntimeMinutes: min(column(ups, 'runtime_minutes')),
  };
}

export async function capacityTrendTable(ctx: AuditContext, months: Month[]): Promise<Table> {
  const rows: Table['rows'] = [];
  for (const m of months.filter((x) => x.from < ctx.now)) {
    const c = await capacityMonth(ctx.edge, ctx.config.influx.retention.rawDays, ctx.now, m);
    rows.push({
      month: m.label,
      used: c.unitsUsed,
      free: c.unitsFree,
      measured: c.measuredWatts,
      feed: c.highestFeedPercent,
      runtime: c.lowestUpsRuntimeMinutes,
    });
  }
  return {
    id: 'kapasitas-tren',
    title: t(ctx, 'Tren kapasitas per bulan (akhir bulan)', 'Capacity trend per month (month end)'),
    columns: [
      { key: 'month', label: t(ctx, 'Bulan', 'Month'), kind: 'text' },
      { key: 'used', label: t(ctx, 'U terpakai', 'U used'), kind: 'integer' },
      { key: 'free', label: t(ctx, 'U kosong', 'U free'), kind: 'integer' },
      { key: 'measured', label: t(ctx, 'Daya terukur', 'Measured power'), kind: 'watts' },
      { key: 'feed', label: t(ctx, 'Catu tertinggi', 'Highest feed'), kind: 'percent', decimals: 1 },
      {
        key: 'runtime',
        label: t(ctx, 'Runtime UPS terendah (menit)', 'Lowest UPS runtime (minutes)'),
        kind: 'number',
        decimals: 0,
      },
    ],
    rows,
    emptyText: t(ctx, 'Tidak ada data kapasitas.', 'No capacity data.'),
    provenance: {
      source: 'InfluxDB capacity (scope rack, feed, ups)',
      period: ctx.periodLabel,
      method: t(
        ctx,
        'Nilai terakhir tiap rak/catu/UPS dalam bulan itu; U dan daya dijumlahkan semua rak/catu, catu tertinggi = maks power_percent, runtime = min runtime_minutes',
        "Each rack's/feed's/UPS's last value in the month; U and power summed over racks/feeds, highest feed = max power_percent, runtime = min runtime_minutes",
      ),
    },
  };
}
