import { availabilityRows } from '../../analytics/report/availability';
import { duration, pct } from '../../analytics/format';
import { VERSION } from '../../agent/version';
import type { Report, Section } from '../model';
import type { AuditContext } from './context';
import { t } from './context';
import { functionalitySection } from './functionality';
import { governanceSection } from './governance';
import { incidentSummary } from './incident-figures';
import { incidentSource } from './incidents';
import { otherSection } from './other';
import { performanceSection, timelinesFor } from './performance';

/**
 * Laporan Audit Infrastruktur: the four domains of an infrastructure audit under Perpres
 * 95/2018 — (a) governance and management, (b) functionality, (c) performance, (d) other
 * aspects — with an executive summary and an appendix naming the source of every figure.
 */
export async function assembleAudit(ctx: AuditContext, parameters: Record<string, string>): Promise<Report> {
  const timelines = await timelinesFor(ctx);
  ctx.progress?.('data');
  const sections: Section[] = [];
  sections.push(await governanceSection(ctx));
  ctx.progress?.('tata kelola');
  sections.push(await functionalitySection(ctx, timelines));
  ctx.progress?.('fungsionalitas');
  sections.push(await performanceSection(ctx, timelines));
  sections.push(await otherSection(ctx));
  ctx.progress?.('aspek lain');

  const services = availabilityRows(timelines, 'service');
  const below = services.filter((r) => r.meetsTarget === false);
  const findings = sections.flatMap((s) => s.findings ?? []);
  const org = ctx.config.organisation.name;
  const year = ctx.periodLabel;
  const meanService = mean(services.map((r) => r.result.availabilityPercent));
  return {
    meta: {
      kind: 'audit',
      title: t(
        ctx,
        `Laporan Audit Infrastruktur SPBE — ${org} — ${year}`,
        `SPBE Infrastructure Audit Report — ${org} — ${year}`,
      ),
      organisation: org,
      lang: ctx.lang,
      timezone: ctx.config.organisation.timezone,
      from: ctx.from,
      to: ctx.to,
      periodLabel: year,
      generatedAt: ctx.now,
      agentVersion: VERSION,
      parameters,
    },
    summary: [
      t(
        ctx,
        `Laporan ini disusun otomatis oleh noc dari data pemantauan ${org} untuk ${year}, mengikuti ruang lingkup audit infrastruktur SPBE: tata kelola dan manajemen, fungsionalitas, kinerja, dan aspek lain.`,
        `This report was produced by noc from ${org}'s monitoring data for ${year}, following the scope of an SPBE infrastructure audit: governance and management, functionality, performance and other aspects.`,
      ),
      t(
        ctx,
        `Ketersediaan rata-rata layanan: ${pct(meanService, 'id')}. ${below.length} dari ${services.length} layanan di bawah targetnya.`,
        `Mean service availability: ${pct(meanService, 'en')}. ${below.length} of ${services.length} services are below their target.`,
      ),
      incidentLine(ctx),
      t(ctx, `Jumlah temuan: ${findings.length}.`, `Number of findings: ${findings.length}.`),
    ],
    sections,
  };
}

/** The incident total of (c) in one sentence; says so when there is no incident store. */
function incidentLine(ctx: AuditContext): string {
  const src = incidentSource(ctx);
  if (!src.exists)
    return t(
      ctx,
      'Insiden: penyimpanan insiden (alerting.db) tidak ditemukan.',
      'Incidents: the incident store (alerting.db) was not found.',
    );
  const total = incidentSummary(src.incidents, ctx).at(-1);
  const n = total?.count ?? 0;
  const mttr = duration(total?.mttrMs ?? null, ctx.lang);
  const open = total?.openAtEnd ?? 0;
  return t(
    ctx,
    `Insiden: ${n} (MTTR ${mttr}); ${open} masih terbuka di akhir periode.`,
    `Incidents: ${n} (MTTR ${mttr}); ${open} still open at the end of the period.`,
  );
}

function mean(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
}
