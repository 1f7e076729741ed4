import type { Dashboard } from '@grafana/schema';
import { BoardContext, dashboard, incidentAnnotations, tr, UIDS } from '../board';
import { flow, place } from '../layout';
import { alarmMappings, barGauge, lowSteps, stat, steps, table } from '../panels';
import { influxql, targets } from '../query';
import { statusTile } from './wallboard-status';

/**
 * The NOC wallboard (kiosk / TV at 1920×1080): everything fits in 24 columns × 30 rows, big
 * numbers, colour carries the state. Status per site and agency: up / degraded / down from the
 * worst ping loss of its devices, maintenance when they are all in a window (wallboard-status.ts).
 */
export function wallboard(ctx: BoardContext): Dashboard {
  const utilWarn = ctx.config.links.find((l) => l.utilisation)?.utilisation?.warningPercent ?? 70;
  const utilCrit = ctx.config.links.find((l) => l.utilisation)?.utilisation?.criticalPercent ?? 90;

  const panels = flow([
    place(statusTile(ctx, tr(ctx, 'Status lokasi', 'Site status'), 'site'), 12, 6),
    place(
      statusTile(ctx, tr(ctx, `Status ${ctx.config.organisation.agencyLabel}`, 'Agency status'), 'agency'),
      12,
      6,
    ),
    place(
      table(
        tr(ctx, 'Insiden terbuka', 'Open incidents'),
        targets({
          query:
            // `device` is a tag of `incident` (alerting/view.ts): grouped on, it becomes a column.
            'SELECT "state", "severity", "text" FROM (SELECT last("state") AS "state", last("severity") AS "severity", last("text") AS "text" FROM "incident" WHERE time > now() - 30d GROUP BY "incident_id", "device") WHERE "state" != \'resolved\' GROUP BY "incident_id", "device"',
          format: 'table',
        }),
        { unit: 'none' },
      ),
      12,
      8,
    ),
    place(
      barGauge(
        tr(ctx, 'Tautan tersibuk terhadap target', 'Busiest links against target'),
        targets({
          query: influxql({
            measurement: 'interface',
            select: ['last("in_committed_percent") AS "masuk"', 'last("out_committed_percent") AS "keluar"'],
            where: ['time > now() - 5m', '"link" != \'\''],
            groupBy: ['link'],
            timeBuckets: false,
            timeFilter: false,
          }),
          alias: '$tag_link $col',
        }),
        { unit: 'percent', min: 0, max: 100, thresholds: steps(utilWarn, utilCrit) },
      ),
      12,
      8,
    ),
    place(
      stat(
        tr(ctx, 'UPS: sumber daya', 'UPS: power source'),
        targets({
          query: influxql({
            measurement: 'ups',
            select: ['last("on_battery")'],
            where: ['time > now() - 5m'],
            groupBy: ['device'],
            timeBuckets: false,
            timeFilter: false,
          }),
          alias: '$tag_device',
        }),
        {
          unit: 'none',
          mappings: alarmMappings(tr(ctx, 'PLN', 'Mains'), tr(ctx, 'BATERAI', 'BATTERY')),
          textSize: 32,
        },
      ),
      8,
      5,
    ),
    place(
      stat(
        tr(ctx, 'UPS: sisa waktu baterai', 'UPS: battery runtime'),
        targets({
          query: influxql({
            measurement: 'ups',
            select: ['last("runtime_minutes")'],
            where: ['time > now() - 5m'],
            groupBy: ['device'],
            timeBuckets: false,
            timeFilter: false,
          }),
          alias: '$tag_device',
        }),
        { unit: 'm', thresholds: lowSteps(10, 20), textSize: 32 },
      ),
      8,
      5,
    ),
    place(
      stat(
        tr(ctx, 'Daya Pusat Data', 'Data center power'),
        targets({
          query:
            'SELECT sum("w") FROM (SELECT last("power_watts") AS "w" FROM "pdu" WHERE time > now() - 5m AND "scope" = \'device\' GROUP BY "device")',
          alias: tr(ctx, 'Total', 'Total'),
        }),
        { unit: 'watt', background: false, textSize: 32 },
      ),
      8,
      5,
    ),
    place(
      stat(
        tr(ctx, 'Suhu ruang server', 'Server room temperature'),
        targets({
          query: influxql({
            measurement: 'sensor',
            select: ['last("value")'],
            where: ['time > now() - 5m', '"type" = \'temperature\'', '"kind" =~ /^(sensor|ups|pdu)$/'],
            groupBy: ['device', 'name'],
            timeBuckets: false,
            timeFilter: false,
          }),
          alias: '$tag_device $tag_name',
        }),
        { unit: 'celsius', thresholds: steps(27, 32), textSize: 32 },
      ),
      24,
      5,
    ),
  ]);
  return dashboard(ctx, {
    uid: UIDS.wallboard,
    title: tr(ctx, 'NOC — Papan Pantau', 'NOC — Wallboard'),
    panels,
    refresh: '30s',
    time: 'now-1h',
    kiosk: true,
    tags: ['wallboard'],
    annotations: [incidentAnnotations(ctx)],
  });
}
