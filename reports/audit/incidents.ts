import { existsSync } from 'node:fs';
import { alertingDbFile } from '../../alerting';
import { AlertStore } from '../../alerting/store';
import type { Incident } from '../../alerting/types';
import { duration } from '../../analytics/format';
import type { Finding, Table } from '../model';
import { AuditContext, t } from './context';
import {
  Category,
  escalatedIncidents,
  incidentSummary,
  overlapping,
  Period,
  ticketRows,
  topCauses,
} from './incident-figures';

/**
 * Incidents and work orders from the alerting store (<dataDir>/alerting.db) for (a) governance
 * (tickets by category, team and tier) and (c) performance (count, MTTR, longest, top causes).
 * An agent that never ran alerting has no store: the tables say so, they do not invent zeros.
 */

export interface IncidentSource {
  file: string;
  exists: boolean;
  /** Incidents overlapping the period. */
  incidents: Incident[];
}

// One read per report: (a) and (c) and the monev all use the same incidents.
const cache = new WeakMap<AuditContext, IncidentSource>();

export function incidentSource(ctx: AuditContext): IncidentSource {
  const cached = cache.get(ctx);
  if (cached) return cached;
  const file = alertingDbFile(ctx.config);
  const source: IncidentSource = { file, exists: existsSync(file), incidents: [] };
  if (source.exists) {
    const store = AlertStore.open(file);
    try {
      // Not store.incidents(): that one is capped for the CLI, a year can hold more.
      const rows = store.db
        .prepare('SELECT json FROM incidents WHERE started_at < ? ORDER BY started_at, id')
        .all(ctx.to) as { json: string }[];
      source.incidents = overlapping(
        rows.map((r) => JSON.parse(r.json) as Incident),
        period(ctx),
      );
    } finally {
      store.close();
    }
  }
  cache.set(ctx, source);
  return source;
}

const period = (ctx: AuditContext): Period => ({ from: ctx.from, to: ctx.to, now: ctx.now });
const label = (ctx: AuditContext, c: Category) => t(ctx, c.id, c.en);

function sourceText(ctx: AuditContext, src: IncidentSource): string {
  return src.exists
    ? `alerting.db (SQLite) ${src.file}`
    : t(
        ctx,
        `alerting.db (SQLite) ${src.file} — berkas tidak ada: alerting agen belum pernah berjalan`,
        `alerting.db (SQLite) ${src.file} — no such file: the agent's alerting never ran`,
      );
}

function emptyText(ctx: AuditContext, src: IncidentSource): string {
  return src.exists
    ? t(ctx, 'Tidak ada insiden tercatat pada periode ini.', 'No incidents recorded in this period.')
    : t(
        ctx,
        'Tidak ada insiden tercatat: penyimpanan insiden (alerting.db) tidak ditemukan.',
        'No incidents recorded: the incident store (alerting.db) was not found.',
      );
}

/** (a) Work orders by category × team × tier, and the paragraph that counts what is left out. */
export function ticketsTable(ctx: AuditContext, src: IncidentSource): { table: Table; paragraph: string } {
  const { rows, suppressed } = ticketRows(src.incidents, period(ctx));
  const count = rows.reduce((s, r) => s + r.count, 0);
  const ticketed = rows.reduce((s, r) => s + r.ticketed, 0);
  return {
    paragraph: t(
      ctx,
      `Tiket / perintah kerja: ${count} insiden, ${ticketed} di antaranya dikirim sebagai tiket ke helpdesk. ${suppressed} insiden turunan (akibat gangguan induk, pemeliharaan atau perangkat yang sudah padam) tidak membuat tiket sendiri dan tidak dihitung dalam tabel.`,
      `Tickets / work orders: ${count} incidents, ${ticketed} of them sent to the helpdesk as tickets. ${suppressed} dependent incidents (of a parent outage, maintenance or a device already down) raise no ticket of their own and are not counted in the table.`,
    ),
    table: {
      id: 'tiket',
      title: t(ctx, 'Tiket / perintah kerja', 'Tickets / work orders'),
      columns: [
        { key: 'category', label: t(ctx, 'Kategori', 'Category'), kind: 'text' },
        { key: 'team', label: t(ctx, 'Tim', 'Team'), kind: 'text' },
        { key: 'tier', label: 'Tier', kind: 'integer' },
        { key: 'count', label: t(ctx, 'Insiden', 'Incidents'), kind: 'integer' },
        { key: 'ticketed', label: t(ctx, 'Tiket dikirim', 'Tickets sent'), kind: 'integer' },
        { key: 'response', label: t(ctx, 'Rata-rata tanggap', 'Mean response'), kind: 'duration' },
        {
          key: 'resolution',
          label: t(ctx, 'Rata-rata penyelesaian', 'Mean resolution'),
          kind: 'duration',
        },
        { key: 'open', label: t(ctx, 'Terbuka di akhir periode', 'Open at period end'), kind: 'integer' },
        { key: 'escalated', label: t(ctx, 'Dieskalasi', 'Escalated'), kind: 'integer' },
      ],
      rows: rows.map((r) => ({
        category: label(ctx, r.category),
        team: r.team ?? '-',
        tier: r.tier,
        count: r.count,
        ticketed: r.ticketed,
        response: r.meanResponseMs,
        resolution: r.meanResolutionMs,
        open: r.openAtEnd,
        escalated: r.escalated,
      })),
      emptyText: emptyText(ctx, src),
      provenance: {
        source: sourceText(ctx, src),
        period: ctx.periodLabel,
        method: t(
          ctx,
          `Insiden yang beririsan dengan periode, per kategori aturan × tim (route.teamName) × tier; tanggap = ackedAt − firedAt (yang diakui sebelum akhir periode); penyelesaian = resolvedAt − startedAt (yang selesai sebelum akhir periode); dieskalasi = escalationLevel > 0; insiden turunan (suppressed, ${suppressed}) tidak dihitung`,
          `Incidents overlapping the period, by rule category × team (route.teamName) × tier; response = ackedAt − firedAt (acknowledged before the period end); resolution = resolvedAt − startedAt (resolved before the period end); escalated = escalationLevel > 0; dependent (suppressed) incidents (${suppressed}) not counted`,
        ),
      },
    },
  };
}

/** (c) Count, MTTR and longest per severity, and the top causes. */
export function incidentTables(ctx: AuditContext, src: IncidentSource): Table[] {
  const p = period(ctx);
  const total = t(ctx, 'Jumlah', 'Total');
  return [
    {
      id: 'insiden',
      title: t(ctx, 'Insiden', 'Incidents'),
      columns: [
        { key: 'severity', label: t(ctx, 'Tingkat keparahan', 'Severity'), kind: 'text' },
        { key: 'count', label: t(ctx, 'Jumlah', 'Count'), kind: 'integer' },
        { key: 'resolved', label: t(ctx, 'Selesai', 'Resolved'), kind: 'integer' },
        { key: 'open', label: t(ctx, 'Masih terbuka', 'Still open'), kind: 'integer' },
        { key: 'mttr', label: 'MTTR', kind: 'duration' },
        { key: 'longest', label: t(ctx, 'Terlama', 'Longest'), kind: 'duration' },
        { key: 'longestId', label: t(ctx, 'Insiden terlama', 'Longest incident'), kind: 'text' },
        {
          key: 'suppressed',
          label: t(ctx, 'Turunan (tanpa tiket)', 'Dependent (no ticket)'),
          kind: 'integer',
        },
      ],
      rows: incidentSummary(src.incidents, p).map((r) => ({
        severity: r.severity ?? total,
        count: r.count,
        resolved: r.resolved,
        open: r.openAtEnd,
        mttr: r.mttrMs,
        longest: r.longestMs,
        longestId: r.longestId,
        suppressed: r.suppressed,
      })),
      emptyText: emptyText(ctx, src),
      provenance: {
        source: sourceText(ctx, src),
        period: ctx.periodLabel,
        method: t(
          ctx,
          'Insiden yang beririsan dengan periode, tanpa insiden turunan; MTTR = rata-rata (resolvedAt − startedAt) yang selesai sebelum akhir periode; terlama = maks(durasi), insiden terbuka dihitung sampai min(akhir periode, waktu laporan)',
          'Incidents overlapping the period, dependent ones left out; MTTR = mean (resolvedAt − startedAt) of those resolved before the period end; longest = max(duration), an open incident counted up to min(period end, report time)',
        ),
      },
    },
    {
      id: 'insiden-penyebab',
      title: t(ctx, 'Penyebab insiden terbanyak (5 aturan teratas)', 'Top incident causes (top 5 rules)'),
      columns: [
        { key: 'rule', label: t(ctx, 'Aturan', 'Rule'), kind: 'text' },
        { key: 'category', label: t(ctx, 'Kategori', 'Category'), kind: 'text' },
        { key: 'count', label: t(ctx, 'Jumlah', 'Count'), kind: 'integer' },
        { key: 'share', label: t(ctx, 'Porsi', 'Share'), kind: 'percent', decimals: 1 },
        { key: 'mttr', label: 'MTTR', kind: 'duration' },
      ],
      rows: topCauses(src.incidents, p).map((c) => ({
        rule: c.rule,
        category: label(ctx, c.category),
        count: c.count,
        share: c.sharePercent,
        mttr: c.mttrMs,
      })),
      emptyText: emptyText(ctx, src),
      provenance: {
        source: sourceText(ctx, src),
        period: ctx.periodLabel,
        method: t(
          ctx,
          'Jumlah insiden (tanpa turunan) per aturan; porsi = 100 × jumlah ÷ semua insiden',
          'Incidents (dependent ones left out) per rule; share = 100 × count ÷ all incidents',
        ),
      },
    },
  ];
}

/** A finding when incidents waited past the escalation time for an acknowledgement. */
export function incidentFindings(ctx: AuditContext, src: IncidentSource): Finding[] {
  const late = escalatedIncidents(src.incidents, period(ctx));
  if (!late.length) return [];
  const worst = late[0];
  return [
    {
      severity: 'sedang',
      text: t(
        ctx,
        `${late.length} insiden tidak diakui dalam batas waktu eskalasi dan dieskalasi (terlama ${worst.id}: ${duration(worst.waitMs, 'id')} tanpa tanggapan).`,
        `${late.length} incidents were not acknowledged within the escalation time and were escalated (longest ${worst.id}: ${duration(worst.waitMs, 'en')} without a response).`,
      ),
      followUp: t(
        ctx,
        'Tinjau jadwal piket dan kontak Tier 1/Tier 2; pastikan tiket diakui (noc ack) segera.',
        'Review the on-call rota and the Tier 1/Tier 2 contacts; make sure tickets are acknowledged (noc ack) promptly.',
      ),
    },
  ];
}
