import { join } from 'node:path';
import { influxEdge } from '../analytics/influx/client';
import type { NocConfig } from '../config/load';
import type { AuditContext } from './audit/context';
import { assembleAudit } from './audit';
import { reportPeriod } from './dates';
import { exportReport, Format } from './export';
import { loadSigningKey, Manifest } from './manifest';
import { assembleMonev } from './monev';
import type { Lang } from './model';

export interface ReportRequest {
  kind: 'audit' | 'monev';
  year?: string;
  month?: string;
  from?: string;
  to?: string;
  formats: Format[];
  lang: Lang;
  outDir: string;
  now: number;
  progress?: (step: string) => void;
}

/** Assembles and exports one report; the CLI and the scheduled jobs both come through here. */
export async function runReport(
  config: NocConfig,
  req: ReportRequest,
): Promise<{ manifest: Manifest; outDir: string }> {
  const tz = config.organisation.timezone;
  const period = reportPeriod({ year: req.year, month: req.month, from: req.from, to: req.to }, req.lang, tz);
  const ctx: AuditContext = {
    config,
    edge: influxEdge(config.influx),
    lang: req.lang,
    from: period.from,
    to: period.to,
    now: req.now,
    periodLabel: period.label,
    progress: req.progress,
  };
  const parameters: Record<string, string> = {
    kind: req.kind,
    period: req.year ?? req.month ?? `${req.from}..${req.to}`,
    lang: req.lang,
    formats: req.formats.join(','),
  };
  const report =
    req.kind === 'audit' ? await assembleAudit(ctx, parameters) : await assembleMonev(ctx, parameters);
  const key = config.reports.signingKey ? loadSigningKey(config.reports.signingKey.reveal()) : undefined;
  // "2026-12-01 22:32" → "2026-12-01T2232": a file name without spaces or colons.
  const slug = (req.year ?? req.month ?? `${req.from}_${req.to}`)
    .replace(/ /g, 'T')
    .replace(/[^0-9A-Za-z_-]/g, '');
  const baseName =
    req.kind === 'audit'
      ? req.lang === 'en'
        ? `audit-report-${slug}`
        : `laporan-audit-${slug}`
      : `monev-${slug}`;
  const manifest = await exportReport(report, req.formats, req.outDir, {
    baseName,
    signingKey: key,
    progress: req.progress,
  });
  return { manifest, outDir: req.outDir };
}

/** Where a scheduled report goes: <reports.outDir or dataDir/reports>/<kind>-<period>. */
export function scheduledOutDir(config: NocConfig, kind: string, period: string): string {
  return join(config.reports.outDir ?? join(config.agent.dataDir, 'reports'), `${kind}-${period}`);
}
