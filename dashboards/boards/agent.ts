import type { Dashboard } from '@grafana/schema';
import { BoardContext, dashboard, tr, UIDS } from '../board';
import { flow, place } from '../layout';
import { stat, steps, timeseries } from '../panels';
import { influxql, targets } from '../query';

/** The agent's own health: the same numbers /metrics serves, from the `noc_agent` measurement. */
export function agentBoard(ctx: BoardContext): Dashboard {
  const self = (select: string[], groupBy: string[] = []) =>
    influxql({ measurement: 'noc_agent', select, groupBy });
  const panels = flow([
    place(
      stat(tr(ctx, 'Antrean spool', 'Spool backlog'), targets(self(['last("writer_spool_bytes")'])), {
        unit: 'decbytes',
        thresholds: steps(1, 100e6),
      }),
      8,
      4,
    ),
    place(
      stat(tr(ctx, 'Titik ditulis', 'Points written'), targets(self(['last("writer_points_written")'])), {
        unit: 'short',
        background: false,
      }),
      8,
      4,
    ),
    place(
      stat(tr(ctx, 'Waktu hidup agen', 'Agent uptime'), targets(self(['last("uptime_seconds")'])), {
        unit: 's',
        background: false,
      }),
      8,
      4,
    ),
    place(
      timeseries(
        tr(ctx, 'Durasi polling per kolektor', 'Poll duration per collector'),
        targets({
          query: self(
            [
              'non_negative_derivative(last("poll_duration_seconds_sum"), 1m) / non_negative_derivative(last("poll_duration_seconds_count"), 1m)',
            ],
            ['collector'],
          ),
          alias: '$tag_collector',
        }),
        { unit: 's', min: 0 },
      ),
      12,
      8,
    ),
    place(
      timeseries(
        tr(ctx, 'Galat koleksi per menit', 'Collection errors per minute'),
        targets({
          query: self(['non_negative_derivative(last("collector_errors_total"), 1m)'], ['collector']),
          alias: '$tag_collector',
        }),
        { unit: 'short', min: 0 },
      ),
      12,
      8,
    ),
    place(
      timeseries(
        tr(ctx, 'Laju tulis', 'Write rate'),
        targets({
          query: self(['non_negative_derivative(last("writer_points_written"), 1s)']),
          alias: tr(ctx, 'titik/detik', 'points/s'),
        }),
        { unit: 'short', min: 0 },
      ),
      12,
      8,
    ),
    place(
      timeseries(
        tr(ctx, 'Sampel per kolektor', 'Samples per collector'),
        targets({
          query: self(['non_negative_derivative(last("collector_samples_total"), 1m)'], ['collector']),
          alias: '$tag_collector',
        }),
        { unit: 'short', min: 0 },
      ),
      12,
      8,
    ),
  ]);
  return dashboard(ctx, {
    uid: UIDS.agent,
    title: tr(ctx, 'Kesehatan Agen noc', 'noc Agent Health'),
    panels,
    tags: ['agen'],
  });
}
