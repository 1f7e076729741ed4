import fc from 'fast-check';
import { nearestRank, percentile } from './percentile';

describe('95th percentile, nearest rank (sort, take rank ceil(0.95 n))', () => {
  it.each([
    ['1..20: rank 19', Array.from({ length: 20 }, (_, i) => i + 1), 19],
    ['1..100: rank 95', Array.from({ length: 100 }, (_, i) => i + 1), 95],
    [
      '1..60: rank 57 (0.95 × 60 is 57.000000000000007 in floating point)',
      Array.from({ length: 60 }, (_, i) => i + 1),
      57,
    ],
    ['1..21: rank ceil(19.95) = 20', Array.from({ length: 21 }, (_, i) => i + 1), 20],
    ['one sample', [42], 42],
    ['NaN (no data) left out', [NaN, 5, NaN, 1], 5],
  ])('%s', (_n, values, expected) => {
    expect(percentile(values, 95)).toBe(expected);
  });

  it('a 30-day month of 5-minute samples forgives the top 432 (36 hours)', () => {
    expect(8640 - nearestRank(95, 8640)).toBe(432);
  });

  it('is null without data and leaves its input alone', () => {
    expect(percentile([], 95)).toBeNull();
    const v = [3, 1, 2];
    percentile(v, 50);
    expect(v).toEqual([3, 1, 2]);
  });

  const values = fc.array(fc.double({ min: 0, max: 1e10, noNaN: true }), { minLength: 1, maxLength: 300 });

  it('equals the sorted sample at rank ceil(p n / 100), whatever the order', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 100 }), fc.integer(), (v, p, seed) => {
        const sorted = [...v].sort((a, b) => a - b);
        const shuffled = [...v].sort((a, b) => ((a * 9301 + seed) % 7) - ((b * 9301 + seed) % 7));
        expect(percentile(v, p)).toBe(sorted[Math.ceil((p * v.length) / 100) - 1]);
        expect(percentile(shuffled, p)).toBe(percentile(v, p));
        expect(percentile([...v].reverse(), p)).toBe(percentile(v, p));
      }),
      { numRuns: 300 },
    );
  });

  it('is monotone: in p, and in the samples', () => {
    fc.assert(
      fc.property(
        values,
        fc.integer({ min: 1, max: 99 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (v, p, add) => {
          expect(percentile(v, p + 1)!).toBeGreaterThanOrEqual(percentile(v, p)!);
          expect(
            percentile(
              v.map((x) => x + add),
              p,
            )!,
          ).toBeGreaterThanOrEqual(percentile(v, p)!);
        },
      ),
      { numRuns: 300 },
    );
  });
});
