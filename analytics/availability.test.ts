import fc from 'fast-check';
import { aggregate, computeAvailability, meetsTarget, tierMet, windowsFor } from './availability';
import { buildTimeline, combineAll } from './timeline';

const M = 60_000;
/** One observation a minute from `from` to `to` minutes, down in the given minute ranges. */
function minutes(from: number, to: number, down: [number, number][] = []) {
  const times: number[] = [];
  const up: boolean[] = [];
  for (let m = from; m < to; m++) {
    times.push(m * M);
    up.push(!down.some(([a, b]) => m >= a && m < b));
  }
  return { times, up };
}
const base = { from: 0, to: 100 * M, intervalMs: M, maxGapIntervals: 3 };

describe('availability (hand-computed, 100-minute period, 1-minute samples)', () => {
  it.each([
    // name, observations, extra input, expected { availability, up, down, unknown, maint, parent, outages }
    ['one 10-minute outage', minutes(0, 100, [[10, 20]]), {}, [90, 90, 10, 0, 0, 0, 1]],
    [
      'two outages',
      minutes(0, 100, [
        [10, 20],
        [30, 35],
      ]),
      {},
      [85, 85, 15, 0, 0, 0, 2],
    ],
    [
      '10-minute gap is tidak terpantau, not up',
      { times: [...minutes(0, 50).times, ...minutes(60, 100).times], up: Array(90).fill(true) },
      {},
      [100, 90, 0, 10, 0, 0, 0],
    ],
    [
      'outage inside maintenance is excluded',
      minutes(0, 100, [[10, 20]]),
      { maintenance: [{ from: 5 * M, to: 25 * M }] },
      [100, 80, 0, 0, 20, 0, 0],
    ],
    [
      'maintenance covering half an outage',
      minutes(0, 100, [[10, 20]]),
      { maintenance: [{ from: 15 * M, to: 30 * M }] },
      [(100 * 80) / 85, 80, 5, 0, 15, 0, 1],
    ],
    [
      'parent down for part of it: counted against the parent',
      minutes(0, 100, [[10, 20]]),
      { parentDown: [{ from: 10 * M, to: 15 * M }] },
      [(100 * 90) / 95, 90, 5, 0, 0, 5, 1],
    ],
    [
      'parent policy "child" keeps it',
      minutes(0, 100, [[10, 20]]),
      { parentDown: [{ from: 10 * M, to: 15 * M }], parentPolicy: 'child' },
      [90, 90, 10, 0, 0, 0, 1],
    ],
    ['clipped to the added date', minutes(0, 100, [[10, 20]]), { added: 50 * M }, [100, 50, 0, 0, 0, 0, 0]],
    ['no data at all', { times: [], up: [] }, {}, [null, 0, 0, 100, 0, 0, 0]],
  ] as const)('%s', (_name, obs, extra, [avail, up, down, unknown, maint, parent, outages]) => {
    const r = computeAvailability({ ...base, ...obs, ...(extra as object) });
    if (avail === null) expect(r.availabilityPercent).toBeNull();
    else expect(r.availabilityPercent).toBeCloseTo(avail, 10);
    expect([r.upMs, r.downMs, r.unknownMs, r.maintenanceMs, r.parentMs].map((v) => v / M)).toEqual([
      up,
      down,
      unknown,
      maint,
      parent,
    ]);
    expect(r.outageCount).toBe(outages);
  });

  it('MTTR, MTBF and the longest outage', () => {
    const r = computeAvailability({
      ...base,
      ...minutes(0, 100, [
        [10, 20],
        [30, 35],
      ]),
    });
    expect(r.longestOutageMs).toBe(10 * M);
    expect(r.mttrMs).toBe(7.5 * M);
    expect(r.mtbfMs).toBe(42.5 * M);
    expect(r.outages.map((o) => [o.from / M, o.to / M])).toEqual([
      [10, 20],
      [30, 35],
    ]);
  });

  it('a gap of exactly N intervals is still held by the sample before it; one more is not', () => {
    expect(
      buildTimeline([0, 3 * M], [1, 1], { from: 0, to: 4 * M, intervalMs: M, maxGapIntervals: 3 }),
    ).toEqual([{ from: 0, to: 4 * M, state: 'up' }]);
    expect(
      buildTimeline([0, 4 * M], [1, 1], { from: 0, to: 5 * M, intervalMs: M, maxGapIntervals: 3 }),
    ).toEqual([
      { from: 0, to: M, state: 'up' },
      { from: M, to: 4 * M, state: 'unknown' },
      { from: 4 * M, to: 5 * M, state: 'up' },
    ]);
  });

  it('a service is down when any of its URLs is down, unknown when one is unmonitored', () => {
    const a = buildTimeline([0, M, 2 * M, 3 * M], [1, 0, 1, 1], {
      from: 0,
      to: 4 * M,
      intervalMs: M,
      maxGapIntervals: 3,
    });
    const b = buildTimeline([0, M], [1, 1], { from: 0, to: 4 * M, intervalMs: M, maxGapIntervals: 1 });
    expect(combineAll([a, b])).toEqual([
      { from: 0, to: M, state: 'up' },
      { from: M, to: 2 * M, state: 'down' },
      { from: 2 * M, to: 4 * M, state: 'unknown' },
    ]);
  });

  it('aggregates objects by time, not by averaging percentages', () => {
    const a = computeAvailability({ ...base, ...minutes(0, 100, [[0, 50]]) }); // 50 %
    const b = computeAvailability({ ...base, ...minutes(0, 100), added: 90 * M }); // 100 % of 10 min
    const all = aggregate([a, b]);
    expect(all.availabilityPercent).toBeCloseTo((100 * 60) / 110, 10);
    expect(all.outageCount).toBe(1);
  });

  it('TIA-942 tiers and targets', () => {
    expect(tierMet(99.6)).toBeNull();
    expect(tierMet(99.671)).toBe('I');
    expect(tierMet(99.75)).toBe('II');
    expect(tierMet(99.982)).toBe('III');
    expect(tierMet(99.9951)).toBe('IV');
    expect(tierMet(null)).toBeNull();
    expect(meetsTarget(99.5, 99.5)).toBe(true);
    expect(meetsTarget(99.49, 99.5)).toBe(false);
    expect(meetsTarget(99.49, undefined)).toBeNull();
  });

  it('maintenance windows apply by device, site or agency scope', () => {
    const w = (scope: object) => ({ scope, from: 1, to: 2, reason: 'x' });
    const windows = [
      w({ device: 'r1' }),
      w({ site: 'pusatdata' }),
      w({ agency: 'setda' }),
      w({ device: 'r2' }),
    ];
    expect(windowsFor(windows, { device: 'r1', site: 'kantor', agency: 'setda' })).toHaveLength(2);
    expect(windowsFor(windows, { devices: ['r2', 'r9'], site: 'pusatdata' })).toHaveLength(2);
  });
});

describe('availability properties', () => {
  const scenario = fc.record({
    steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 7 }), up: fc.boolean() }), { maxLength: 80 }),
    start: fc.integer({ min: -10, max: 10 }),
    maintenance: fc.array(
      fc.record({ from: fc.integer({ min: -10, max: 120 }), len: fc.integer({ min: 0, max: 30 }) }),
      { maxLength: 3 },
    ),
    parent: fc.array(
      fc.record({ from: fc.integer({ min: -10, max: 120 }), len: fc.integer({ min: 0, max: 30 }) }),
      { maxLength: 3 },
    ),
    added: fc.option(fc.integer({ min: -10, max: 110 }), { nil: undefined }),
  });

  it('stays within 0-100 % and equals 100 % minus the excluded-adjusted downtime share', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const times: number[] = [];
        const up: boolean[] = [];
        let t = s.start;
        for (const step of s.steps) {
          t += step.gap;
          times.push(t * M);
          up.push(step.up);
        }
        const win = (ws: { from: number; len: number }[]) =>
          ws.map((w) => ({ from: w.from * M, to: (w.from + w.len) * M }));
        const r = computeAvailability({
          ...base,
          times,
          up,
          maintenance: win(s.maintenance),
          parentDown: win(s.parent),
          added: s.added === undefined ? undefined : s.added * M,
        });
        // The states tile the (clipped) period exactly.
        expect(r.upMs + r.downMs + r.unknownMs + r.maintenanceMs + r.parentMs).toBe(r.periodMs);
        const excluded = r.maintenanceMs + r.parentMs + r.unknownMs;
        if (r.periodMs - excluded === 0) expect(r.availabilityPercent).toBeNull();
        else {
          expect(r.availabilityPercent).toBeGreaterThanOrEqual(0);
          expect(r.availabilityPercent).toBeLessThanOrEqual(100);
          expect(r.availabilityPercent).toBeCloseTo(100 - (100 * r.downMs) / (r.periodMs - excluded), 9);
        }
        expect(r.outages.reduce((a, o) => a + o.durationMs, 0)).toBe(r.downMs);
      }),
      { numRuns: 500 },
    );
  });
});
