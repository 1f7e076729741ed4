import fc from 'fast-check';
import { buildTimeline, TimelineBuilder } from './timeline';

const M = 60_000;

function streamed(times: number[], up: number[], opts: Parameters<typeof buildTimeline>[2]) {
  const b = new TimelineBuilder(opts);
  times.forEach((t, i) => b.add(t, up[i]));
  return b.finish();
}

describe('TimelineBuilder', () => {
  it('equals buildTimeline on examples: gaps, lookback, samples after the end, no samples', () => {
    const opts = { from: 10 * M, to: 30 * M, intervalMs: M, maxGapIntervals: 3 };
    const cases: [number[], number[]][] = [
      [[], []],
      [
        [0, M, 2 * M],
        [1, 1, 1],
      ],
      [
        [9 * M, 10 * M, 11 * M, 20 * M, 21 * M, 31 * M, 32 * M],
        [1, 0, 1, 1, 0, 1, 1],
      ],
      [
        [12 * M, 13 * M, 14 * M],
        [0, 0, 1],
      ],
      [[10 * M], [1]],
      [
        [30 * M, 31 * M],
        [1, 1],
      ],
    ];
    for (const [times, up] of cases)
      expect(streamed(times, up, opts)).toEqual(buildTimeline(times, up, opts));
  });

  it('equals buildTimeline for any sorted observations and period', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 60 }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 4 }),
        (minutes, ups, start, length, maxGapIntervals) => {
          const times = [...minutes].sort((a, b) => a - b).map((m) => m * M);
          const up = times.map((_, i) => (ups[i] ? 1 : 0));
          const opts = { from: start * M, to: (start + length) * M, intervalMs: M, maxGapIntervals };
          expect(streamed(times, up, opts)).toEqual(buildTimeline(times, up, opts));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
