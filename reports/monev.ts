import { VERSION } from '../agent/version';
import type { AuditContext } from './audit/context';
import { t } from './audit/context';
import { gapsTable, monitoringGaps } from './audit/other';
import { bandwidthTable } from './audit/bandwidth';
import { availabilityTable, monthsOf, outagesTable, timelinesFor } from './audit/performance';
import { incidentSource, incidentTables } from './audit/incidents';
import type { Report } from './model';

/**
 * The monthly monev summary (monitoring dan evaluasi): availability by agency and service,
 * outages, incidents, bandwidth against commitments and the data gaps of one month — the figures the
 * yearly monev draws on, sent up through the Sekretaris Daerah.
 */
export async function assembleMonev(ctx: AuditContext, parameters: Record<string, string>): Promise<Report> {
  const tl = await timelinesFor(ctx);
  ctx.progress?.('data');
  const gaps = await monitoringGaps(ctx);
  const org = ctx.config.organisation.name;
  return {
    meta: {
      kind: 'monev',
      title: t(
        ctx,
        `Ringkasan Monev Infrastruktur — ${org} — ${ctx.periodLabel}`,
        `Infrastructure Monev Summary — ${org} — ${ctx.periodLabel}`,
      ),
      organisation: org,
      lang: ctx.lang,
      timezone: ctx.config.organisation.timezone,
      from: ctx.from,
      to: ctx.to,
      periodLabel: ctx.periodLabel,
      generatedAt: ctx.now,
      agentVersion: VERSION,
      parameters,
    },
    summary: [
      t(
        ctx,
        `Ringkasan pemantauan dan evaluasi infrastruktur ${org} untuk ${ctx.periodLabel}.`,
        `Infrastructure monitoring and evaluation summary of ${org} for ${ctx.periodLabel}.`,
      ),
    ],
    sections: [
      {
        id: 'ketersediaan',
        title: t(ctx, 'Ketersediaan', 'Availability'),
        paragraphs: [],
        tables: [
          availabilityTable(ctx, tl, 'agency'),
          availabilityTable(ctx, tl, 'service'),
          availabilityTable(ctx, tl, 'link'),
        ],
      },
      {
        id: 'gangguan',
        title: t(ctx, 'Gangguan', 'Outages'),
        paragraphs: [],
        tables: [outagesTable(ctx, tl)],
      },
      {
        id: 'insiden',
        title: t(ctx, 'Insiden', 'Incidents'),
        paragraphs: [],
        tables: incidentTables(ctx, incidentSource(ctx)),
      },
      {
        id: 'bandwidth',
        title: 'Bandwidth',
        paragraphs: [],
        tables: [await bandwidthTable(ctx, monthsOf(ctx), tl)],
      },
      {
        id: 'data',
        title: t(ctx, 'Kesenjangan data', 'Data gaps'),
        paragraphs: [],
        tables: [gapsTable(ctx, gaps)],
      },
    ],
  };
}
