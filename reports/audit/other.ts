import type { Finding, Section, Table } from '../model';
import { AuditContext, queryAll, t, timeRange } from './context';

const HOUR = 3600_000;

/**
 * (d) Aspek lain: security-relevant observations (SNMP without v3, RouterOS API without TLS,
 * certificates near expiry), the periods when monitoring itself was down — stated, never
 * hidden — and the findings with their follow-up.
 */
export async function otherSection(ctx: AuditContext): Promise<Section> {
  const security = securityRows(ctx);
  const certs = await certificateRows(ctx);
  const gaps = await monitoringGaps(ctx);
  const findings = findingsFrom(ctx, security, certs, gaps);
  const gapHours = gaps.reduce((s, g) => s + (g.to - g.from), 0) / HOUR;
  return {
    id: 'd-aspek-lain',
    title: t(
      ctx,
      '(d) Aspek lain: keamanan, kesenjangan data, temuan',
      '(d) Other aspects: security, data gaps, findings',
    ),
    paragraphs: [
      t(
        ctx,
        `Pemantauan tidak berjalan selama ${gapHours.toFixed(0)} jam pada periode ini (${gaps.length} kesenjangan); angka ketersediaan tidak menghitung waktu itu sebagai "naik".`,
        `Monitoring was not running for ${gapHours.toFixed(0)} hours in this period (${gaps.length} gaps); availability figures do not count that time as up.`,
      ),
    ],
    tables: [
      {
        id: 'keamanan',
        title: t(ctx, 'Pengamatan keamanan', 'Security observations'),
        columns: [
          { key: 'device', label: t(ctx, 'Perangkat', 'Device'), kind: 'text' },
          { key: 'observation', label: t(ctx, 'Pengamatan', 'Observation'), kind: 'text' },
        ],
        rows: security,
        emptyText: t(ctx, 'Tidak ada pengamatan.', 'No observations.'),
        provenance: {
          source: t(ctx, 'Berkas konfigurasi', 'Configuration file'),
          period: ctx.periodLabel,
          method: t(
            ctx,
            'snmp.version ≠ 3; routeros.tls tidak aktif atau insecure',
            'snmp.version ≠ 3; routeros.tls off or insecure',
          ),
        },
      },
      {
        id: 'sertifikat',
        title: t(ctx, 'Sertifikat TLS situs', 'Website TLS certificates'),
        columns: [
          { key: 'url', label: 'URL', kind: 'text' },
          { key: 'daysLeft', label: t(ctx, 'Sisa hari', 'Days left'), kind: 'integer' },
        ],
        rows: certs,
        emptyText: t(ctx, 'Tidak ada data sertifikat.', 'No certificate data.'),
        provenance: {
          source: 'InfluxDB `http`',
          period: ctx.periodLabel,
          method: 'last(cert_days_left) GROUP BY url',
        },
      },
      gapsTable(ctx, gaps),
    ],
    findings,
  };
}

function securityRows(ctx: AuditContext): Table['rows'] {
  const rows: Table['rows'] = [];
  for (const d of ctx.config.devices) {
    if (d.snmp?.enabled !== false && d.snmp && d.snmp.version !== '3')
      rows.push({
        device: d.id,
        observation: t(
          ctx,
          `SNMPv${d.snmp.version} (community tanpa enkripsi)`,
          `SNMPv${d.snmp.version} (unencrypted community)`,
        ),
      });
    if (d.routeros && d.routeros.enabled !== false && (!d.routeros.tls || d.routeros.tls.enabled === false))
      rows.push({
        device: d.id,
        observation: t(ctx, 'API RouterOS tanpa TLS (port 8728)', 'RouterOS API without TLS (port 8728)'),
      });
    else if (d.routeros?.tls?.insecure)
      rows.push({
        device: d.id,
        observation: t(
          ctx,
          'API-SSL RouterOS tanpa verifikasi sertifikat',
          'RouterOS API-SSL without certificate verification',
        ),
      });
  }
  return rows;
}

async function certificateRows(ctx: AuditContext): Promise<Table['rows']> {
  const series = await queryAll(
    ctx.edge,
    (rp, f) =>
      `SELECT last(${f('cert_days_left')}) FROM ${rp}"http" WHERE ${timeRange(ctx.from, ctx.to)} GROUP BY "url"`,
  );
  const latest = new Map<string, { time: number; days: number }>();
  for (const s of series) {
    const [time, days] = s.values[0] ?? [];
    const cur = latest.get(s.tags.url);
    if (typeof days === 'number' && (!cur || Number(time) > cur.time))
      latest.set(s.tags.url, { time: Number(time), days });
  }
  return [...latest.entries()]
    .sort((a, b) => a[1].days - b[1].days)
    .map(([url, v]) => ({ url, daysLeft: Math.floor(v.days) }));
}

export interface Gap {
  from: number;
  to: number;
}

/**
 * Hours in which the agent wrote none of its own metrics: the agent, its host or InfluxDB was
 * down. Counted per hour from the self-metrics of every retention policy.
 */
export async function monitoringGaps(ctx: AuditContext): Promise<Gap[]> {
  const end = Math.min(ctx.to, Math.floor(ctx.now / HOUR) * HOUR);
  const series = await queryAll(
    ctx.edge,
    (rp, f) =>
      `SELECT count(${f('uptime_seconds')}) FROM ${rp}"noc_agent" WHERE ${timeRange(ctx.from, end)} GROUP BY time(1h) fill(0)`,
  );
  const covered = new Set<number>();
  for (const s of series) for (const [time, n] of s.values) if (Number(n) > 0) covered.add(Number(time));
  const gaps: Gap[] = [];
  for (let h = Math.floor(ctx.from / HOUR) * HOUR; h < end; h += HOUR) {
    if (covered.has(h)) continue;
    const last = gaps[gaps.length - 1];
    if (last && last.to === h) last.to = h + HOUR;
    else gaps.push({ from: h, to: h + HOUR });
  }
  return gaps;
}

export function gapsTable(ctx: AuditContext, gaps: Gap[]): Table {
  return {
    id: 'kesenjangan-data',
    title: t(ctx, 'Periode tanpa data pemantauan', 'Periods without monitoring data'),
    columns: [
      { key: 'from', label: t(ctx, 'Mulai', 'From'), kind: 'datetime' },
      { key: 'to', label: t(ctx, 'Selesai', 'To'), kind: 'datetime' },
      { key: 'duration', label: t(ctx, 'Durasi', 'Duration'), kind: 'duration' },
    ],
    rows: gaps.map((g) => ({ from: g.from, to: g.to, duration: g.to - g.from })),
    emptyText: t(
      ctx,
      'Pemantauan berjalan tanpa jeda pada periode ini.',
      'Monitoring ran without a gap in this period.',
    ),
    provenance: {
      source: t(
        ctx,
        'InfluxDB `noc_agent` (metrik agen sendiri, tiap menit)',
        "InfluxDB `noc_agent` (the agent's own metrics, every minute)",
      ),
      period: ctx.periodLabel,
      method:
        'SELECT count(uptime_seconds) FROM noc_agent GROUP BY time(1h) fill(0); jam dengan 0 titik = kesenjangan',
    },
  };
}

function findingsFrom(
  ctx: AuditContext,
  security: Table['rows'],
  certs: Table['rows'],
  gaps: Gap[],
): Finding[] {
  const out: Finding[] = [];
  const snmp = security.filter((r) => String(r.observation).startsWith('SNMPv')).length;
  if (snmp)
    out.push({
      severity: 'sedang',
      text: t(ctx, `${snmp} perangkat masih memakai SNMP v1/v2c.`, `${snmp} devices still use SNMP v1/v2c.`),
      followUp: t(ctx, 'Migrasi ke SNMPv3 authPriv (SHA/AES).', 'Migrate to SNMPv3 authPriv (SHA/AES).'),
    });
  const api = security.length - snmp;
  if (api)
    out.push({
      severity: 'sedang',
      text: t(
        ctx,
        `${api} router memakai API RouterOS tanpa TLS terverifikasi.`,
        `${api} routers use the RouterOS API without verified TLS.`,
      ),
      followUp: t(
        ctx,
        'Aktifkan API-SSL (8729) dengan sertifikat yang diverifikasi.',
        'Enable API-SSL (8729) with a verified certificate.',
      ),
    });
  const expiring = certs.filter((c) => Number(c.daysLeft) < 30);
  if (expiring.length)
    out.push({
      severity: 'tinggi',
      text: t(
        ctx,
        `${expiring.length} sertifikat situs berakhir dalam 30 hari.`,
        `${expiring.length} website certificates expire within 30 days.`,
      ),
      followUp: t(
        ctx,
        'Perpanjang sertifikat dan aktifkan pembaruan otomatis.',
        'Renew the certificates and automate renewal.',
      ),
    });
  const gapHours = gaps.reduce((s, g) => s + (g.to - g.from), 0) / HOUR;
  if (gapHours >= 24)
    out.push({
      severity: 'sedang',
      text: t(
        ctx,
        `Pemantauan terhenti total ${gapHours.toFixed(0)} jam.`,
        `Monitoring stopped for ${gapHours.toFixed(0)} hours in total.`,
      ),
      followUp: t(
        ctx,
        'Jalankan agen sebagai layanan systemd dengan pemantauan atas agen itu sendiri.',
        'Run the agent as a systemd service and monitor the agent itself.',
      ),
    });
  return out;
}
