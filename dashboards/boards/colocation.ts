import type { Dashboard } from '@grafana/schema';
import { BoardContext, dashboard, tr, UIDS, variable } from '../board';
import { flow, place } from '../layout';
import { barGauge, steps, table, timeseries } from '../panels';
import { influxql, targets } from '../query';

/** Colocation capacity: rack space, power per feed and per agency (tenant), as the SOP checks them. */
export function colocationBoard(ctx: BoardContext): Dashboard {
  const racks = (select: string[]) =>
    influxql({
      measurement: 'capacity',
      select,
      vars: ['site'],
      where: ['"scope" = \'rack\''],
      groupBy: ['rack'],
      timeBuckets: false,
    });
  const panels = flow([
    place(
      table(
        tr(ctx, 'Ruang rak', 'Rack space'),
        targets({
          query: racks([
            'last("units_used") AS "U terpakai"',
            'last("units_free") AS "U kosong"',
            'last("largest_free_block_u") AS "blok kosong terbesar"',
          ]),
          format: 'table',
        }),
        { unit: 'none', decimals: 0 },
      ),
      12,
      9,
    ),
    place(
      barGauge(
        tr(ctx, 'Rak terisi', 'Rack fill'),
        targets({ query: racks(['last("units_used_percent")']), alias: '$tag_rack' }),
        { unit: 'percent', min: 0, max: 100, thresholds: steps(75, 90) },
      ),
      12,
      9,
    ),
    place(
      table(
        tr(ctx, 'Daya per jalur', 'Power per feed'),
        targets({
          query: influxql({
            measurement: 'capacity',
            select: [
              'last("power_allocated_watts") AS "dialokasikan"',
              'last("power_measured_watts") AS "terukur"',
              'last("power_available_watts") AS "tersedia"',
              'last("power_percent") AS "persen"',
            ],
            vars: ['site'],
            where: ['"scope" = \'feed\''],
            groupBy: ['rack', 'feed'],
            timeBuckets: false,
          }),
          format: 'table',
        }),
        { unit: 'watt' },
      ),
      24,
      9,
    ),
    place(
      timeseries(
        tr(ctx, `Daya per ${ctx.config.organisation.agencyLabel}`, 'Power per agency'),
        targets({
          query: influxql({
            measurement: 'capacity',
            select: ['last("power_measured_watts")'],
            where: ['"scope" = \'agency\''],
            vars: ['agency'],
            groupBy: ['agency'],
          }),
          alias: '$tag_agency',
        }),
        { unit: 'watt', min: 0, stack: true },
      ),
      24,
      8,
    ),
  ]);
  return dashboard(ctx, {
    uid: UIDS.colocation,
    title: tr(ctx, 'Kapasitas Kolokasi', 'Colocation Capacity'),
    panels,
    variables: [variable(ctx, 'site'), variable(ctx, 'agency')],
    time: 'now-30d',
    refresh: '5m',
    tags: ['kolokasi'],
  });
}
