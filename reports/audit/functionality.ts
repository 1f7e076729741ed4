import { AvailabilityBook, availabilityRows } from '../../analytics/report/availability';
import type { Section, Table } from '../model';
import { AuditContext, queryAll, t, timeRange } from './context';

/**
 * (b) Fungsionalitas: is every agency connected to the Jaringan Intra and reachable, are the
 * services and websites reachable, and how much of the inventory is actually monitored.
 */
export async function functionalitySection(ctx: AuditContext, tl: AvailabilityBook): Promise<Section> {
  const end = Math.min(ctx.to, ctx.now);
  const lastUp = new Map<string, boolean>();
  const series = await queryAll(
    ctx.edge,
    (rp, f) =>
      `SELECT last(${f('up')}) FROM ${rp}"ping" WHERE ${timeRange(end - 3600_000, end)} GROUP BY "device"`,
  );
  for (const s of series) {
    const v = s.values[0]?.[1];
    if (v !== undefined && v !== null) lastUp.set(s.tags.device, v === true || v === 1);
  }
  const devices = availabilityRows(tl, 'device');
  const byDevice = new Map(devices.map((r) => [r.id, r]));
  const label = ctx.config.organisation.agencyLabel;

  const agencyRows = ctx.config.agencies.map((a) => {
    const own = ctx.config.devices.filter((d) => d.agency === a.id);
    const reachable = own.filter((d) => lastUp.get(d.id) === true).length;
    const avail = own
      .map((d) => byDevice.get(d.id)?.result.availabilityPercent)
      .filter((x): x is number => typeof x === 'number');
    return {
      agency: a.name,
      devices: own.length,
      reachable,
      status:
        own.length === 0
          ? t(ctx, 'tidak ada perangkat terpantau', 'no monitored device')
          : reachable === own.length
            ? t(ctx, 'terhubung', 'connected')
            : reachable === 0
              ? t(ctx, 'tidak terjangkau', 'unreachable')
              : t(ctx, 'sebagian', 'partly'),
      availability: avail.length ? Math.min(...avail) : null,
    };
  });

  const services = availabilityRows(tl, 'service');
  const monitored = devices.filter((r) => (r.result.coveragePercent ?? 0) > 0).length;
  const coverage: Table = {
    id: 'cakupan',
    title: t(ctx, 'Cakupan pemantauan', 'Monitoring coverage'),
    columns: [
      { key: 'what', label: t(ctx, 'Objek', 'Object'), kind: 'text' },
      { key: 'configured', label: t(ctx, 'Terdaftar', 'Configured'), kind: 'integer' },
      { key: 'monitored', label: t(ctx, 'Ada data', 'With data'), kind: 'integer' },
      { key: 'share', label: t(ctx, 'Persentase', 'Share'), kind: 'percent', decimals: 1 },
    ],
    rows: [
      {
        what: t(ctx, 'Perangkat', 'Devices'),
        configured: ctx.config.devices.length,
        monitored,
        share: ctx.config.devices.length ? (100 * monitored) / ctx.config.devices.length : null,
      },
      {
        what: t(ctx, 'Layanan', 'Services'),
        configured: ctx.config.services.length,
        monitored: services.filter((r) => (r.result.coveragePercent ?? 0) > 0).length,
        share: ctx.config.services.length
          ? (100 * services.filter((r) => (r.result.coveragePercent ?? 0) > 0).length) /
            ctx.config.services.length
          : null,
      },
    ],
    provenance: {
      source: 'InfluxDB ping, http',
      period: ctx.periodLabel,
      method: t(
        ctx,
        'Objek dengan cakupan data > 0 pada periode',
        'Objects with data coverage > 0 in the period',
      ),
    },
  };

  return {
    id: 'b-fungsionalitas',
    title: t(ctx, '(b) Fungsionalitas', '(b) Functionality'),
    paragraphs: [
      t(
        ctx,
        `${agencyRows.filter((r) => r.reachable > 0).length} dari ${agencyRows.length} ${label} terhubung ke Jaringan Intra pada akhir periode.`,
        `${agencyRows.filter((r) => r.reachable > 0).length} of ${agencyRows.length} agencies were connected to the Jaringan Intra at the end of the period.`,
      ),
    ],
    tables: [
      {
        id: 'jaringan-intra',
        title: t(ctx, `${label} pada Jaringan Intra`, 'Agencies on the Jaringan Intra'),
        columns: [
          { key: 'agency', label, kind: 'text' },
          { key: 'devices', label: t(ctx, 'Perangkat', 'Devices'), kind: 'integer' },
          { key: 'reachable', label: t(ctx, 'Terjangkau', 'Reachable'), kind: 'integer' },
          { key: 'status', label: 'Status', kind: 'text' },
          {
            key: 'availability',
            label: t(ctx, 'Ketersediaan terendah', 'Lowest availability'),
            kind: 'percent',
          },
        ],
        rows: agencyRows,
        provenance: {
          source: 'InfluxDB ping.up',
          period: t(
            ctx,
            'jam terakhir periode; ketersediaan sepanjang periode',
            'last hour of the period; availability over the period',
          ),
          method: 'last(up) GROUP BY device',
        },
      },
      {
        id: 'layanan',
        title: t(ctx, 'Layanan dan situs', 'Services and websites'),
        columns: [
          { key: 'id', label: 'ID', kind: 'text' },
          { key: 'name', label: t(ctx, 'Nama', 'Name'), kind: 'text' },
          { key: 'availability', label: t(ctx, 'Ketersediaan', 'Availability'), kind: 'percent' },
          { key: 'target', label: 'Target', kind: 'percent' },
        ],
        rows: services.map((r) => ({
          id: r.id,
          name: r.name,
          availability: r.result.availabilityPercent,
          target: r.targetPercent ?? null,
        })),
        emptyText: t(ctx, 'Tidak ada layanan terkonfigurasi.', 'No services configured.'),
        provenance: {
          source: 'InfluxDB http.up',
          period: ctx.periodLabel,
          method: t(ctx, 'Layanan naik bila semua URL-nya naik', 'A service is up while all its URLs are up'),
        },
      },
      coverage,
    ],
  };
}
