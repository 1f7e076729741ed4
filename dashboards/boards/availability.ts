import type { Dashboard } from '@grafana/schema';
import { BoardContext, dashboard, tr, UIDS } from '../board';
import { flow, place } from '../layout';
import { lowSteps, table, timeseries } from '../panels';
import { influxql, targets } from '../query';
import { dailyRetentionPolicy } from '../../analytics/report/daily';

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
  // The daily summaries live in the long retention policy (`rollup`), not the default `raw`.
  const rp = dailyRetentionPolicy(ctx.config);
  const daily = rp ? `"${rp}"."availability_daily"` : '"availability_daily"';
  const byKind = (kind: string, title: string) =>
    place(
      table(
        title,
        targets({
          // Availability over the range = 1 − downtime ÷ monitored time, summed from the days.
          query: `SELECT 100 * (1 - sum("downtime_seconds") / sum("monitored_seconds")) AS "ketersediaan", sum("outages") AS "gangguan", last("target_percent") AS "target" FROM ${daily} WHERE $timeFilter AND "object_kind" = '${kind}' GROUP BY "object"`,
          format: 'table',
        }),
        { unit: 'percent', decimals: 3, thresholds: lowSteps(lowestTarget, TIER_III) },
      ),
      8,
      10,
    );
  const panels = flow([
    byKind('agency', tr(ctx, `Per ${ctx.config.organisation.agencyLabel}`, 'By agency')),
    byKind('service', tr(ctx, 'Per layanan', 'By service')),
    byKind('link', tr(ctx, 'Per tautan', 'By link')),
    place(
      timeseries(
        tr(ctx, 'Ketersediaan bulanan', 'Monthly availability'),
        targets({
          query: influxql({
            measurement: 'availability_daily',
            select: ['100 * (1 - sum("downtime_seconds") / sum("monitored_seconds"))'],
            where: ['"object_kind" = \'service\''],
            groupBy: ['object'],
          })
            .replace('FROM "availability_daily"', `FROM ${daily}`)
            .replace('time($__interval)', 'time(30d)'),
          alias: '$tag_object',
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
