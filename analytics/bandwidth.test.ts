import fc from 'fast-check';
import { percentile } from './percentile';
import { committedRateCheck, slaCheck, summariseBandwidth } from './bandwidth';

const Mb = 1e6;

describe('bandwidth summary (hand-computed, 20 five-minute samples)', () => {
  // in: 1..20 Mbps; out: 20..1 Mbps.
  const inBps = Array.from({ length: 20 }, (_, i) => (i + 1) * Mb);
  const outBps = Array.from({ length: 20 }, (_, i) => (20 - i) * Mb);
  const s = summariseBandwidth({ inBps, outBps, intervalSeconds: 300, capacityBps: 40 * Mb });

  it('95th percentile in, out, max-of-both and aggregate', () => {
    expect(s.p95InBps).toBe(19 * Mb);
    expect(s.p95OutBps).toBe(19 * Mb);
    expect(s.p95MaxBps).toBe(19 * Mb);
    // in + out is 21 Mbps in every sample.
    expect(s.p95AggregateBps).toBe(21 * Mb);
  });

  it('average, peak, utilisation and volume', () => {
    expect(s.avgInBps).toBe(10.5 * Mb);
    expect(s.peakOutBps).toBe(20 * Mb);
    expect(s.avgUtilisationPercent).toBeCloseTo(26.25, 10);
    expect(s.peakUtilisationPercent).toBe(50);
    expect(s.p95UtilisationPercent).toBe(47.5);
    // Σ in = 210 Mbit/s·samples × 300 s / 8 = 7,875,000,000 bytes.
    expect(s.volumeInBytes).toBe(7_875_000_000);
    expect(s.samples).toBe(20);
  });

  it('different in and out: max mode takes the larger direction', () => {
    const r = summariseBandwidth({
      inBps: [1, 2, 3, 4].map((x) => x * Mb),
      outBps: [9, 9, 9, 9].map((x) => x * Mb),
      intervalSeconds: 300,
    });
    expect(r.p95MaxBps).toBe(9 * Mb);
    expect(r.p95AggregateBps).toBe(13 * Mb);
    expect(r.avgUtilisationPercent).toBeNull();
  });
});

describe('committed-rate check', () => {
  const flat = (n: number, v: number) => Array(n).fill(v * Mb);
  const quiet = flat(100, 10);

  it('a link flat at 80 Mbps for 30 minutes on a 100 Mbps contract is a finding', () => {
    const r = committedRateCheck([...quiet, ...flat(6, 80)], flat(106, 1), 100 * Mb);
    expect(r.verdict).toBe('below');
    expect(r.direction).toBe('in');
    expect(r.ceilingBps).toBe(80 * Mb);
    expect(r.saturatedSamples).toBe(6);
    expect(r.shortfallPercent).toBeCloseTo(20, 10);
  });

  it('a link that reaches 97 Mbps of 100 is fine (within 5 %)', () => {
    expect(committedRateCheck([...quiet, ...flat(10, 97)], flat(110, 1), 100 * Mb).verdict).toBe('ok');
  });

  it('one short peak is not saturation: the data cannot judge the contract', () => {
    expect(committedRateCheck([...quiet, ...flat(5, 80)], flat(105, 1), 100 * Mb).verdict).toBe(
      'not-saturated',
    );
  });

  it('plateau band: samples within 3 % of the maximum count', () => {
    const r = committedRateCheck(
      [...quiet, ...[60, 59, 58.3, 58.2, 59.5, 60, 58].map((x) => x * Mb)],
      flat(107, 1),
      100 * Mb,
    );
    expect(r.saturatedSamples).toBe(6);
    expect(r.ceilingBps).toBeCloseTo(((60 + 59 + 58.3 + 58.2 + 59.5 + 60) / 6) * Mb, 3);
  });

  it('a flat line (constant load) is not saturation', () => {
    expect(committedRateCheck(flat(100, 30), flat(100, 30), 100 * Mb).verdict).toBe('not-saturated');
  });

  it('without a committed rate or data', () => {
    expect(committedRateCheck([1], [1]).verdict).toBe('no-target');
    expect(committedRateCheck([NaN], [NaN], 1).verdict).toBe('no-data');
  });
});

describe('ISP SLA check', () => {
  it('availability at least, latency and loss at most', () => {
    expect(
      slaCheck(
        { availabilityPercent: 99.5, latencyMs: 20, lossPercent: 1 },
        { availabilityPercent: 99.4, latencyMs: 20, lossPercent: null },
      ),
    ).toEqual([
      { metric: 'availability', contract: 99.5, measured: 99.4, met: false },
      { metric: 'latency', contract: 20, measured: 20, met: true },
      { metric: 'loss', contract: 1, measured: null, met: null },
    ]);
  });
});

describe('bandwidth summary properties', () => {
  it('its percentiles equal percentile() of each series, NaN gaps and all', () => {
    const sample = fc.oneof(fc.constant(NaN), fc.double({ min: 0, max: 1e9, noNaN: true }));
    fc.assert(
      fc.property(fc.array(fc.tuple(sample, sample), { maxLength: 200 }), (pairs) => {
        const inBps = pairs.map(([a]) => a);
        const outBps = pairs.map(([, b]) => b);
        const s = summariseBandwidth({ inBps, outBps, intervalSeconds: 300 });
        expect(s.p95InBps).toBe(percentile(inBps, 95));
        expect(s.p95OutBps).toBe(percentile(outBps, 95));
        expect(s.p95AggregateBps).toBe(
          percentile(
            pairs.map(([a, b]) => a + b),
            95,
          ),
        );
        expect(s.committed.verdict).toBe('no-target');
      }),
      { numRuns: 300 },
    );
  });
});
