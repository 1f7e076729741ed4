import { counterDelta, counterRate } from './counters';

describe('counterDelta', () => {
  it.each([
    ['normal increase', 100n, 250n, 64, 150n],
    ['no change', 7n, 7n, 32, 0n],
    ['32-bit wrap', 4294967000n, 200n, 32, 496n],
    ['64-bit going backwards is a reset', 5000n, 10n, 64, undefined],
    ['32-bit value beyond 32 bits is not a wrap', 5000000000n, 10n, 32, undefined],
  ] as const)('%s', (_n, prev, cur, bits, expected) => {
    expect(counterDelta(prev, cur, bits)).toBe(expected);
  });
});

describe('counterRate', () => {
  const at = (value: bigint, time: number) => ({ value, time });

  it('is the increase per second', () => {
    expect(counterRate(at(1000n, 0), at(61000n, 60_000), 64)).toBe(1000);
  });

  it('gives a gap without a previous reading, with time not moving, or after a reset', () => {
    expect(counterRate(undefined, at(10n, 1), 64)).toBeUndefined();
    expect(counterRate(at(10n, 5), at(20n, 5), 64)).toBeUndefined();
    expect(counterRate(at(10n, 0), at(5n, 1000), 64)).toBeUndefined();
  });

  it('treats a rate above the maximum as an unreported reset, not a spike', () => {
    // 1 Gbit/s = 125,000,000 bytes/s; a counter that jumps 10 GB in 10 s is impossible.
    expect(counterRate(at(0n, 0), at(10_000_000_000n, 10_000), 64, 125_000_000)).toBeUndefined();
    expect(counterRate(at(0n, 0), at(1_000_000_000n, 10_000), 64, 125_000_000)).toBe(100_000_000);
  });

  it('computes across a 32-bit wrap', () => {
    expect(counterRate(at(4294967290n, 0), at(4n, 1000), 32)).toBe(10);
  });
});
