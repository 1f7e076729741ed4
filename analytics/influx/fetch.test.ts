import { chunkMs, chunks } from './fetch';

const DAY = 86_400_000;
const FIVE_MIN = 300_000;

describe('chunkMs: one answer stays under a million rows', () => {
  it.each([
    // series, interval, expected chunk
    [0, FIVE_MIN, 31 * DAY],
    [20, FIVE_MIN, 31 * DAY],
    [500, FIVE_MIN, 2000 * FIVE_MIN],
    [2000, FIVE_MIN, 500 * FIVE_MIN],
    [2000, 60_000, 500 * 60_000],
    [10_000_000, FIVE_MIN, 3_600_000],
  ])('%i series every %i ms -> %i ms', (series, interval, expected) => {
    const ms = chunkMs(series, interval);
    expect(ms).toBe(expected);
    if (series > 0 && ms > 3_600_000) expect((series * ms) / interval).toBeLessThanOrEqual(1_000_000);
  });

  it('chunks tile the period exactly, the last one cut at the end', () => {
    const c = chunks(0, 10 * DAY, 3 * DAY);
    expect(c).toEqual([
      [0, 3 * DAY],
      [3 * DAY, 6 * DAY],
      [6 * DAY, 9 * DAY],
      [9 * DAY, 10 * DAY],
    ]);
  });
});
