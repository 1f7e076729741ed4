import type { Dashboard } from '@grafana/schema';
import { BoardContext, dashboard, incidentAnnotations, tr, UIDS, variable } from '../board';
import { flow, place } from '../layout';
import { lowSteps, stat, steps, timeseries, upDownMappings, table } from '../panels';
import { influxql, targets } from '../query';

/** One device, everything collected about it; a ticket's link opens this with ?var-device=ID. */
export function deviceBoard(ctx: BoardContext): Dashboard {
  const series = (measurement: string, select: string[], groupBy: string[] = []) =>
    influxql({ measurement, select, vars: ['device'], groupBy });
  const panels = flow([
    place(
      stat(tr(ctx, 'Terjangkau', 'Reachable'), targets(series('ping', ['last("loss_percent")'])), {
        unit: 'percent',
        thresholds: steps(0.001, 100),
      }),
      6,
      4,
    ),
    place(
      stat(tr(ctx, 'Waktu hidup', 'Uptime'), targets(series('system', ['last("uptime_seconds")'])), {
        unit: 's',
        background: false,
      }),
      6,
      4,
    ),
    place(
      stat(tr(ctx, 'Beban CPU', 'CPU load'), targets(series('cpu', ['last("load_percent")'])), {
        unit: 'percent',
        thresholds: steps(80, 95),
      }),
      6,
      4,
    ),
    place(
      stat(tr(ctx, 'Memori terpakai', 'Memory used'), targets(series('memory', ['last("used_percent")'])), {
        unit: 'percent',
        thresholds: steps(85, 95),
      }),
      6,
      4,
    ),
    place(
      timeseries(
        tr(ctx, 'Waktu tempuh ping', 'Ping round-trip'),
        targets(
          { query: series('ping', ['mean("rtt_avg_ms")']), alias: tr(ctx, 'rata-rata', 'average') },
          { query: series('ping', ['max("rtt_max_ms")']), alias: tr(ctx, 'maksimum', 'maximum') },
        ),
        { unit: 'ms', min: 0 },
      ),
      12,
      8,
    ),
    place(
      timeseries(
        tr(ctx, 'Kehilangan paket', 'Packet loss'),
        targets({ query: series('ping', ['max("loss_percent")']), alias: tr(ctx, 'hilang', 'loss') }),
        { unit: 'percent', min: 0, max: 100, thresholds: steps(1, 50) },
      ),
      12,
      8,
    ),
    place(
      timeseries(
        tr(ctx, 'Lalu lintas antarmuka', 'Interface traffic'),
        targets(
          { query: series('interface', ['mean("in_bps")'], ['ifName']), alias: '$tag_ifName masuk' },
          { query: series('interface', ['mean("out_bps")'], ['ifName']), alias: '$tag_ifName keluar' },
        ),
        { unit: 'bps', min: 0 },
      ),
      24,
      9,
    ),
    place(
      table(
        tr(ctx, 'Status antarmuka', 'Interface status'),
        targets({
          query: influxql({
            measurement: 'interface',
            select: [
              'last("ifOperStatus") AS "status"',
              'last("ifHighSpeed") AS "Mbps"',
              'last("ifAlias") AS "alias"',
            ],
            vars: ['device'],
            groupBy: ['ifName'],
            timeBuckets: false,
          }),
          format: 'table',
        }),
        { unit: 'none', mappings: upDownMappings('up', 'down') },
      ),
      12,
      8,
    ),
    place(
      timeseries(
        tr(ctx, 'Penyimpanan terpakai', 'Storage used'),
        targets({ query: series('storage', ['last("used_percent")'], ['path']), alias: '$tag_path' }),
        { unit: 'percent', min: 0, max: 100, thresholds: steps(85, 95) },
      ),
      12,
      8,
    ),
    place(
      timeseries(
        tr(ctx, 'Sensor', 'Sensors'),
        targets({
          query: series('sensor', ['mean("value")'], ['type', 'name', 'unit']),
          alias: '$tag_name ($tag_unit)',
        }),
        { unit: 'none' },
      ),
      12,
      8,
    ),
    place(
      timeseries(
        tr(ctx, 'UPS: muatan dan baterai', 'UPS: load and battery'),
        targets(
          { query: series('ups', ['mean("load_percent")']), alias: tr(ctx, 'beban', 'load') },
          { query: series('ups', ['mean("charge_percent")']), alias: tr(ctx, 'baterai', 'charge') },
        ),
        { unit: 'percent', min: 0, max: 100, thresholds: lowSteps(20, 50) },
      ),
      12,
      8,
    ),
  ]);
  return dashboard(ctx, {
    uid: UIDS.device,
    title: tr(ctx, 'Perangkat', 'Device'),
    panels,
    variables: [variable(ctx, 'site'), variable(ctx, 'agency'), variable(ctx, 'device', { multi: false })],
    annotations: [incidentAnnotations(ctx, 'device')],
    tags: ['perangkat'],
  });
}
