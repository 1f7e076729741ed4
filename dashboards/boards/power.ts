import type { Dashboard } from '@grafana/schema';
import { BoardContext, dashboard, incidentAnnotations, tr, UIDS, variable } from '../board';
import { flow, place } from '../layout';
import { alarmMappings, barGauge, lowSteps, stat, steps, timeseries } from '../panels';
import { influxql, targets } from '../query';

/** UPS and power: battery, load, runtime, input; rack and feed power against capacity, A/B balance. */
export function powerBoard(ctx: BoardContext): Dashboard {
  const ups = (select: string[]) =>
    influxql({ measurement: 'ups', select, vars: ['site'], groupBy: ['device'] });
  const feedMax = Math.max(
    0,
    ...ctx.config.racks.flatMap((r) => r.feeds.map((f) => f.maxUtilisationPercent)),
  );
  const panels = flow([
    place(
      stat(
        tr(ctx, 'Sumber keluaran UPS', 'UPS output source'),
        targets({
          query: influxql({
            measurement: 'ups',
            select: ['last("on_battery")'],
            vars: ['site'],
            groupBy: ['device'],
            timeBuckets: false,
          }),
          alias: '$tag_device',
        }),
        { unit: 'none', mappings: alarmMappings(tr(ctx, 'PLN', 'Mains'), tr(ctx, 'BATERAI', 'BATTERY')) },
      ),
      12,
      4,
    ),
    place(
      stat(
        tr(ctx, 'Kapasitas baterai', 'Battery charge'),
        targets({
          query: influxql({
            measurement: 'ups',
            select: ['last("charge_percent")'],
            vars: ['site'],
            groupBy: ['device'],
            timeBuckets: false,
          }),
          alias: '$tag_device',
        }),
        { unit: 'percent', thresholds: lowSteps(30, 60) },
      ),
      12,
      4,
    ),
    place(
      timeseries(
        tr(ctx, 'Beban UPS', 'UPS load'),
        targets({ query: ups(['mean("load_percent")']), alias: '$tag_device' }),
        {
          unit: 'percent',
          min: 0,
          max: 100,
          thresholds: steps(70, 90),
        },
      ),
      12,
      8,
    ),
    place(
      timeseries(
        tr(ctx, 'Sisa waktu baterai', 'Battery runtime'),
        targets({ query: ups(['mean("runtime_minutes")']), alias: '$tag_device' }),
        { unit: 'm', min: 0, thresholds: lowSteps(10, 20) },
      ),
      12,
      8,
    ),
    place(
      timeseries(
        tr(ctx, 'Tegangan masukan', 'Input voltage'),
        targets({ query: ups(['mean("input_voltage")']), alias: '$tag_device' }),
        { unit: 'volt', min: 0 },
      ),
      12,
      8,
    ),
    place(
      timeseries(
        tr(ctx, 'Daya per PDU', 'Power per PDU'),
        targets({
          query: influxql({
            measurement: 'pdu',
            select: ['mean("power_watts")'],
            vars: ['site'],
            where: ['"scope" = \'device\''],
            groupBy: ['device'],
          }),
          alias: '$tag_device',
        }),
        { unit: 'watt', min: 0 },
      ),
      12,
      8,
    ),
    place(
      barGauge(
        tr(ctx, 'Daya jalur terhadap kapasitas', 'Feed power against capacity'),
        targets({
          query: influxql({
            measurement: 'capacity',
            select: ['last("power_percent")'],
            vars: ['site'],
            where: ['"scope" = \'feed\''],
            groupBy: ['rack', 'feed'],
            timeBuckets: false,
          }),
          alias: '$tag_rack $tag_feed',
        }),
        {
          unit: 'percent',
          min: 0,
          max: 100,
          thresholds: steps(feedMax ? feedMax * 0.9 : 70, feedMax || 80),
          description: tr(
            ctx,
            'Kapasitas = V × A × batas %, × √3 untuk tiga fase.',
            'Capacity = V × A × max %, × √3 for three-phase.',
          ),
        },
      ),
      12,
      9,
    ),
    place(
      barGauge(
        tr(
          ctx,
          'Redundansi A/B: beban rak bila satu sisi padam',
          'A/B redundancy: rack load if one side fails',
        ),
        targets({
          query: influxql({
            measurement: 'capacity',
            select: ['last("failover_percent")'],
            vars: ['site'],
            where: ['"scope" = \'rack\''],
            groupBy: ['rack'],
            timeBuckets: false,
          }),
          alias: '$tag_rack',
        }),
        { unit: 'percent', min: 0, max: 100, thresholds: steps(80, 100) },
      ),
      12,
      9,
    ),
  ]);
  return dashboard(ctx, {
    uid: UIDS.power,
    title: tr(ctx, 'UPS dan Catu Daya', 'UPS and Power'),
    panels,
    variables: [variable(ctx, 'site')],
    annotations: [incidentAnnotations(ctx)],
    tags: ['daya'],
  });
}
