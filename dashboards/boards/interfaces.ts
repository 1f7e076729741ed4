import type { Dashboard, Panel } from '@grafana/schema';
import { BoardContext, dashboard, incidentAnnotations, tr, UIDS, variable } from '../board';
import { flow, place } from '../layout';
import { barGauge, steps, table, timeseries } from '../panels';
import { influxql, targets } from '../query';

/**
 * Links against their targets. One set of panels for the `link` variable; each configured link
 * gets a field override that draws its committed rate (from the configuration, with its source
 * document) as a red dashed line, so thresholds follow the contract, not a constant.
 */
export function interfacesBoard(ctx: BoardContext): Dashboard {
  const committedOverrides: NonNullable<Panel['fieldConfig']>['overrides'] = ctx.config.links
    .filter((l) => l.committedRate)
    .map((l) => ({
      matcher: { id: 'byRegexp', options: `^${escapeRegex(l.id)} ` },
      properties: [
        { id: 'thresholds', value: steps(undefined, l.committedRate!.mbps * 1e6, 'transparent') },
        { id: 'custom.thresholdsStyle', value: { mode: 'dashed' } },
        { id: 'description', value: `${l.committedRate!.mbps} Mbps — ${l.committedRate!.source}` },
      ],
    }));
  const util = ctx.config.links.find((l) => l.utilisation)?.utilisation;
  const byLink = (select: string[]) =>
    influxql({
      measurement: 'interface',
      select,
      vars: ['link'],
      where: ['"link" != \'\''],
      groupBy: ['link'],
    });
  const p95 = (field: string, name: string) =>
    `SELECT percentile("v", 95) AS "${name}" FROM (SELECT mean("${field}") AS "v" FROM "interface" WHERE $timeFilter AND "link" =~ /^$link$/ AND "link" != '' GROUP BY time(5m), "link") GROUP BY "link"`;

  const panels = flow([
    place(
      timeseries(
        tr(ctx, 'Laju lalu lintas dan laju komitmen', 'Traffic and committed rate'),
        targets(
          { query: byLink(['mean("in_bps")']), alias: '$tag_link masuk' },
          { query: byLink(['mean("out_bps")']), alias: '$tag_link keluar' },
        ),
        { unit: 'bps', min: 0, overrides: committedOverrides },
      ),
      24,
      10,
    ),
    place(
      timeseries(
        tr(ctx, 'Utilisasi terhadap laju komitmen', 'Utilisation against committed rate'),
        targets(
          { query: byLink(['mean("in_committed_percent")']), alias: '$tag_link masuk' },
          { query: byLink(['mean("out_committed_percent")']), alias: '$tag_link keluar' },
        ),
        {
          unit: 'percent',
          min: 0,
          thresholds: steps(util?.warningPercent ?? 70, util?.criticalPercent ?? 90),
          description: util ? `${tr(ctx, 'Ambang dari', 'Thresholds from')} ${util.source}` : undefined,
        },
      ),
      12,
      9,
    ),
    place(
      barGauge(
        tr(ctx, 'Persentil ke-95 (sampel 5 menit)', '95th percentile (5-minute samples)'),
        targets(
          { query: p95('in_bps', 'masuk'), alias: '$tag_link $col' },
          { query: p95('out_bps', 'keluar'), alias: '$tag_link $col' },
        ),
        { unit: 'bps', min: 0 },
      ),
      12,
      9,
    ),
    place(
      timeseries(
        tr(ctx, 'Galat dan paket dibuang', 'Errors and discards'),
        targets(
          { query: byLink(['mean("in_errors_per_s")']), alias: '$tag_link galat masuk' },
          { query: byLink(['mean("out_errors_per_s")']), alias: '$tag_link galat keluar' },
          { query: byLink(['mean("in_discards_per_s")']), alias: '$tag_link dibuang masuk' },
        ),
        { unit: 'pps', min: 0 },
      ),
      12,
      8,
    ),
    place(
      table(
        tr(ctx, 'Volume pada periode', 'Volume in the period'),
        targets({
          query:
            // Volume from the rates, not the counters, so a counter reset never adds a spike.
            'SELECT integral("in_bps", 1s) / 8 AS "masuk", integral("out_bps", 1s) / 8 AS "keluar" FROM "interface" WHERE $timeFilter AND "link" =~ /^$link$/ AND "link" != \'\' GROUP BY "link"',
          format: 'table',
        }),
        { unit: 'decbytes' },
      ),
      12,
      8,
    ),
  ]);
  return dashboard(ctx, {
    uid: UIDS.interfaces,
    title: tr(ctx, 'Antarmuka dan Bandwidth', 'Interfaces and Bandwidth'),
    panels,
    variables: [variable(ctx, 'link')],
    annotations: [incidentAnnotations(ctx)],
    time: 'now-24h',
    tags: ['bandwidth'],
  });
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
