import { BACKOFF_MAX_MS, backoffMs } from './session';

describe('reconnect backoff', () => {
  it('doubles from 1 s, capped at 5 min, scaled by a jitter factor in [0.5, 1)', () => {
    expect([1, 2, 3, 4, 10].map((f) => backoffMs(f, 1))).toEqual([1000, 2000, 4000, 8000, 300000]);
    expect(backoffMs(1, 0)).toBe(500);
    expect(backoffMs(5, 0.5)).toBe(12000);
    expect(backoffMs(30, 0)).toBe(BACKOFF_MAX_MS / 2);
  });
});
