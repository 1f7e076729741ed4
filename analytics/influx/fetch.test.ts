import type { InfluxEdge, Series } from './client';
import { chunkMs, chunks, MAX_ROWS, pipelined } from './fetch';

const DAY = 86_400_000;
const FIVE_MIN = 300_000;

describe('chunkMs: one answer stays under MAX_ROWS rows', () => {
  it.each([
    // series, interval, expected chunk
    [0, FIVE_MIN, 31 * DAY],
    [20, FIVE_MIN, 31 * DAY],
    [500, FIVE_MIN, 500 * FIVE_MIN],
    [2000, FIVE_MIN, 125 * FIVE_MIN],
    [2000, 60_000, 125 * 60_000],
    [10_000_000, FIVE_MIN, 3_600_000],
  ])('%i series every %i ms -> %i ms', (series, interval, expected) => {
    const ms = chunkMs(series, interval);
    expect(ms).toBe(expected);
    if (series > 0 && ms > 3_600_000) expect((series * ms) / interval).toBeLessThanOrEqual(MAX_ROWS);
  });

  it('chunks tile the period exactly, the last one cut at the end', () => {
    expect(chunks(0, 10 * DAY, 3 * DAY)).toEqual([
      [0, 3 * DAY],
      [3 * DAY, 6 * DAY],
      [6 * DAY, 9 * DAY],
      [9 * DAY, 10 * DAY],
    ]);
  });
});

/** Records when each query is asked and answers it on the next tick (or fails "q2"). */
function recordingEdge(log: string[]): InfluxEdge {
  return {
    database: 'noc',
    write: async () => undefined,
    query: (q) => {
      log.push(`ask ${q}`);
      return new Promise<Series[]>((resolve, reject) =>
        setImmediate(() =>
          q === 'fail'
            ? reject(new Error('boom'))
            : resolve([{ name: q, tags: {}, columns: [], values: [] }]),
        ),
      );
    },
  };
}

describe('pipelined queries', () => {
  it('answers in order, with the next query already asked while one is handled', async () => {
    const log: string[] = [];
    for await (const series of pipelined(recordingEdge(log), ['q1', 'q2', 'q3']))
      log.push(`got ${series[0].name}`);
    expect(log).toEqual(['ask q1', 'ask q2', 'got q1', 'ask q3', 'got q2', 'got q3']);
  });

  it('a failing query fails the loop (and nothing is left unhandled)', async () => {
    const log: string[] = [];
    const run = async () => {
      for await (const s of pipelined(recordingEdge(log), ['q1', 'fail', 'q3'])) log.push(`got ${s[0].name}`);
    };
    await expect(run()).rejects.toThrow('boom');
    // Nothing more is asked once a query failed.
    expect(log).toEqual(['ask q1', 'ask fail', 'got q1']);
  });
});
