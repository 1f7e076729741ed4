import type { Dashboard } from '@grafana/schema';
import { BoardContext, dashboard, tr, UIDS } from '../board';
import { flow, place } from '../layout';
import { lowSteps, table, timeseries } from '../panels';
import { influxql, targets } from '../query';

/** TIA-942 reference tiers drawn as thresholds so every figure is read against them. */
const TIER_III = 99.982;

/**
 * Availability per month and year, by agency, service and link, from the daily summaries the
 * service-level job writes (`availability_daily`, see docs/service-levels.md).
 */
export function availabilityBoard(ctx: BoardContext): Dashboard {
  const targetsPercent = [
    ...ctx.config.services.map((s) => s.availabilityTarget?.percent),
    ...ctx.config.links.map((l) => l.contract?.availabilityPercent),
  ].filter((p): p is number => p !== undefined);
  const lowestTarget = targetsPercent.length ? Math.min(...targetsPercent) : 99.5;
  // Availability over the range = up ÷ (up + down), summed from the days (docs/service-levels.md).
  const availability = '100 * sum("up_seconds") / (sum("up_seconds") + sum("down_seconds"))';
  const byKind = (kind: string, by: string, title: string) =>
    place(
      table(
        title,
        targets({
          query: `SELECT ${availability} AS "ketersediaan", sum("outages") AS "gangguan", last("target_percent") AS "target" FROM "availability_daily" WHERE $timeFilter AND "object" = '${kind}' GROUP BY "${by}"`,
          format: 'table',
        }),
        { unit: 'percent', decimals: 3, thresholds: lowSteps(lowestTarget, TIER_III) },
      ),
      8,
      10,
    );
  const panels = flow([
    // An agency's figure is that of its devices' days together.
    byKind('device', 'agency', tr(ctx, `Per ${ctx.config.organisation.agencyLabel}`, 'By agency')),
    byKind('service', 'id', tr(ctx, 'Per layanan', 'By service')),
    byKind('link', 'id', tr(ctx, 'Per tautan', 'By link')),
    place(
      timeseries(
        tr(ctx, 'Ketersediaan bulanan', 'Monthly availability'),
        targets({
          query: influxql({
            measurement: 'availability_daily',
            select: [availability],
            where: ['"object" = \'service\''],
            groupBy: ['id'],
          }).replace('time($__interval)', 'time(30d)'),
          alias: '$tag_id',
        }),
        { unit: 'percent', max: 100, thresholds: lowSteps(lowestTarget, TIER_III) },
      ),
      24,
      10,
    ),
  ]);
  return dashboard(ctx, {
    uid: UIDS.availability,
    title: tr(ctx, 'Ketersediaan dan SLA', 'Availability and SLA'),
    panels,
    time: 'now/y',
    refresh: '1h',
    tags: ['sla'],
  });
}
