import type { Section, Table } from '../model';
import { AuditContext, queryAll, t, timeRange } from './context';
import { occurrencesBetween } from '../../alerting/maintenance';
import { allMaintenanceWindows } from '../../alerting/windows';
import { incidentSource, ticketsTable } from './incidents';

/**
 * (a) Tata kelola dan manajemen: the asset inventory with first/last seen, the changes seen
 * during the period (devices added or removed, OS/firmware text changed, reboots) and the
 * maintenance windows, and the work orders raised from incidents (category, team, tier, times).
 */
export async function governanceSection(ctx: AuditContext): Promise<Section> {
  const seen = await firstLastSeen(ctx);
  const descr = await systemDescriptions(ctx);
  const tickets = ticketsTable(ctx, incidentSource(ctx));
  return {
    id: 'a-tata-kelola',
    title: t(ctx, '(a) Tata kelola dan manajemen TIK', '(a) ICT governance and management'),
    paragraphs: [
      t(
        ctx,
        `Inventaris aset infrastruktur yang dipantau: ${ctx.config.devices.length} perangkat, ${ctx.config.links.length} tautan, ${ctx.config.services.length} layanan, ${ctx.config.racks.length} rak.`,
        `Monitored infrastructure asset inventory: ${ctx.config.devices.length} devices, ${ctx.config.links.length} links, ${ctx.config.services.length} services, ${ctx.config.racks.length} racks.`,
      ),
      tickets.paragraph,
    ],
    tables: [
      inventoryTable(ctx, seen, descr),
      await changesTable(ctx, seen, descr),
      maintenanceTable(ctx),
      tickets.table,
    ],
  };
}

type Seen = Map<string, { first: number; last: number }>;
/** Per device, its first (a) and last (b) sysDescr in the period. */
type Descriptions = Map<string, { a: string; b: string }>;

async function systemDescriptions(ctx: AuditContext): Promise<Descriptions> {
  const firmware = await queryAll(
    ctx.edge,
    (rp, f) =>
      `SELECT first(${f('sysDescr')}) AS "a", last(${f('sysDescr')}) AS "b" FROM ${rp}"system" WHERE ${timeRange(ctx.from, ctx.to)} GROUP BY "device"`,
  );
  const descr: Descriptions = new Map();
  // queryAll answers the newest policy (raw) before the older (rollup): read the older first, so
  // `a` is the earliest description and `b` the latest.
  for (const s of [...firmware].reverse()) {
    const [, a, b] = s.values[0] ?? [];
    const cur = descr.get(s.tags.device);
    descr.set(s.tags.device, { a: cur?.a ?? String(a), b: String(b) });
  }
  return descr;
}

/** A sysDescr as a model cell: its first line, at most 60 characters (Cisco's runs to 300). */
function short(descr: string | undefined): string | null {
  if (!descr) return null;
  const line = descr.split(/\r?\n/)[0].trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** First and last day the daily inventory snapshot listed each device (all policies merged). */
async function firstLastSeen(ctx: AuditContext): Promise<Seen> {
  const series = await queryAll(
    ctx.edge,
    (rp, f) =>
      `SELECT first(${f('present')}) FROM ${rp}"inventory" WHERE time < ${ctx.to}ms GROUP BY "device"; ` +
      `SELECT last(${f('present')}) FROM ${rp}"inventory" WHERE time < ${ctx.to}ms GROUP BY "device"`,
  );
  const seen: Seen = new Map();
  for (const s of series) {
    const time = Number(s.values[0]?.[0]);
    const device = s.tags.device;
    const cur = seen.get(device) ?? { first: time, last: time };
    cur.first = Math.min(cur.first, time);
    cur.last = Math.max(cur.last, time);
    seen.set(device, cur);
  }
  return seen;
}

function inventoryTable(ctx: AuditContext, seen: Seen, descr: Descriptions): Table {
  const agencies = new Map(ctx.config.agencies.map((a) => [a.id, a.name]));
  const sites = new Map(ctx.config.sites.map((s) => [s.id, s.name]));
  const label = ctx.config.organisation.agencyLabel;
  return {
    id: 'inventaris',
    title: t(ctx, 'Inventaris aset', 'Asset inventory'),
    columns: [
      { key: 'id', label: 'ID', kind: 'text' },
      { key: 'name', label: t(ctx, 'Nama', 'Name'), kind: 'text' },
      { key: 'kind', label: t(ctx, 'Jenis', 'Kind'), kind: 'text' },
      { key: 'model', label: t(ctx, 'Model/tipe', 'Model/type'), kind: 'text' },
      { key: 'agency', label: t(ctx, `Pemilik (${label})`, `Owner (${label})`), kind: 'text' },
      { key: 'location', label: t(ctx, 'Lokasi', 'Location'), kind: 'text' },
      { key: 'criticality', label: t(ctx, 'Kritikalitas', 'Criticality'), kind: 'text' },
      { key: 'responsibility', label: t(ctx, 'Tanggung jawab', 'Responsibility'), kind: 'text' },
      { key: 'firstSeen', label: t(ctx, 'Pertama terlihat', 'First seen'), kind: 'date' },
      { key: 'lastSeen', label: t(ctx, 'Terakhir terlihat', 'Last seen'), kind: 'date' },
    ],
    rows: ctx.config.devices.map((d) => ({
      id: d.id,
      name: d.name ?? d.id,
      kind: d.kind,
      // As configured, else what the device says it is (its last sysDescr in the period).
      model: d.model ?? short(descr.get(d.id)?.b),
      agency: d.agency ? (agencies.get(d.agency) ?? d.agency) : null,
      location: [
        d.site ? (sites.get(d.site) ?? d.site) : '',
        d.position ? `${d.position.rack} U${d.position.u}` : '',
      ]
        .filter(Boolean)
        .join(', '),
      criticality: d.criticality,
      responsibility: d.responsibility === 'dinas' ? 'Dinas' : label,
      firstSeen: seen.get(d.id)?.first ?? null,
      lastSeen: seen.get(d.id)?.last ?? null,
    })),
    provenance: {
      source: t(
        ctx,
        'Berkas konfigurasi; pengukuran InfluxDB `inventory` (snapshot harian); model tanpa konfigurasi: sysDescr terakhir (`system`)',
        'Configuration file; InfluxDB `inventory` measurement (daily snapshot); model when not configured: last sysDescr (`system`)',
      ),
      period: ctx.periodLabel,
      method: 'SELECT first(present), last(present) FROM inventory GROUP BY device',
    },
  };
}

async function changesTable(ctx: AuditContext, seen: Seen, descr: Descriptions): Promise<Table> {
  const rows: Table['rows'] = [];
  const day = 86400_000;
  for (const [device, s] of seen) {
    if (s.first >= ctx.from && s.first < ctx.to)
      rows.push({
        time: s.first,
        device,
        change: t(ctx, 'Perangkat ditambahkan', 'Device added'),
        detail: null,
      });
    if (s.last < Math.min(ctx.to, ctx.now) - 2 * day && s.last >= ctx.from)
      rows.push({
        time: s.last,
        device,
        change: t(ctx, 'Perangkat dihapus', 'Device removed'),
        detail: null,
      });
  }
  for (const [device, d] of descr)
    if (d.a !== d.b)
      rows.push({
        time: null,
        device,
        change: t(ctx, 'OS/firmware berubah', 'OS/firmware changed'),
        detail: `${d.a} → ${d.b}`,
      });
  const reboots = await queryAll(
    ctx.edge,
    (rp, f) =>
      `SELECT count(${f('text')}) FROM ${rp}"event" WHERE ${timeRange(ctx.from, ctx.to)} AND "type" = 'reboot' GROUP BY "device"`,
  );
  const rebootCount = new Map<string, number>();
  for (const s of reboots)
    rebootCount.set(
      s.tags.device,
      Math.max(rebootCount.get(s.tags.device) ?? 0, Number(s.values[0]?.[1] ?? 0)),
    );
  for (const [device, n] of rebootCount)
    if (n > 0)
      rows.push({
        time: null,
        device,
        change: t(ctx, 'Restart terdeteksi', 'Reboots detected'),
        detail: String(n),
      });
  rows.sort((x, y) => String(x.device).localeCompare(String(y.device)));
  return {
    id: 'perubahan',
    title: t(ctx, 'Perubahan selama periode', 'Changes during the period'),
    columns: [
      { key: 'device', label: t(ctx, 'Perangkat', 'Device'), kind: 'text' },
      { key: 'change', label: t(ctx, 'Perubahan', 'Change'), kind: 'text' },
      { key: 'time', label: t(ctx, 'Tanggal', 'Date'), kind: 'date' },
      { key: 'detail', label: t(ctx, 'Rincian', 'Detail'), kind: 'text' },
    ],
    rows,
    emptyText: t(
      ctx,
      'Tidak ada perubahan tercatat pada periode ini.',
      'No changes recorded in this period.',
    ),
    provenance: {
      source: 'InfluxDB `inventory`, `system`, `event`',
      period: ctx.periodLabel,
      method: t(
        ctx,
        'Ditambah: snapshot pertama dalam periode; dihapus: snapshot terakhir > 2 hari sebelum akhir; firmware: first/last(sysDescr); restart: count(event type=reboot), di rollup per 5 menit',
        'Added: first snapshot inside the period; removed: last snapshot > 2 days before the end; firmware: first/last(sysDescr); reboots: count(event type=reboot), per 5 minutes in the rollup',
      ),
    },
  };
}

function maintenanceTable(ctx: AuditContext): Table {
  const tz = ctx.config.organisation.timezone;
  const rows = allMaintenanceWindows(ctx.config).flatMap((w) =>
    occurrencesBetween(w, ctx.from, ctx.to, tz).map((o) => ({
      scope: w.device ? `device=${w.device}` : w.site ? `site=${w.site}` : `agency=${w.agency}`,
      from: o.start,
      to: o.end,
      duration: o.end - o.start,
      reason: w.reason,
      by: w.createdBy,
    })),
  );
  rows.sort((a, b) => a.from - b.from);
  return {
    id: 'pemeliharaan',
    title: t(ctx, 'Jadwal pemeliharaan', 'Maintenance windows'),
    columns: [
      { key: 'scope', label: t(ctx, 'Cakupan', 'Scope'), kind: 'text' },
      { key: 'from', label: t(ctx, 'Mulai', 'From'), kind: 'datetime' },
      { key: 'to', label: t(ctx, 'Selesai', 'To'), kind: 'datetime' },
      { key: 'duration', label: t(ctx, 'Durasi', 'Duration'), kind: 'duration' },
      { key: 'reason', label: t(ctx, 'Alasan', 'Reason'), kind: 'text' },
      { key: 'by', label: t(ctx, 'Dicatat oleh', 'Recorded by'), kind: 'text' },
    ],
    rows,
    emptyText: t(
      ctx,
      'Tidak ada pemeliharaan terjadwal pada periode ini.',
      'No maintenance windows in this period.',
    ),
    provenance: {
      source: t(
        ctx,
        'Konfigurasi `alerting.maintenance` dan `noc maintenance add` (alerting.db)',
        'Configuration `alerting.maintenance` and `noc maintenance add` (alerting.db)',
      ),
      period: ctx.periodLabel,
      method: t(ctx, 'Jadwal berulang diuraikan per kejadian', 'Recurring windows listed per occurrence'),
    },
  };
}
