import fc from 'fast-check';
import { summarise } from './availability';
import { composeDays, dayFigures } from './day-figures';
import { days } from './period';
import { Segment, slice, State } from './timeline';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.parse('2026-01-01T00:00:00+07:00');

/** Cuts a timeline into local days and summarises each, as the daily job stores them. */
function perDay(tl: Segment[], from: number, to: number) {
  return days(from, to).flatMap((d) => {
    const part = slice(tl, d.from, d.to);
    return part.length ? [dayFigures(summarise(part, part[0].from, part[part.length - 1].to))] : [];
  });
}

/** Contiguous segments from (state, hours) pairs, starting at `from`. */
function timeline(from: number, parts: [State, number][]): Segment[] {
  const out: Segment[] = [];
  let t = from;
  for (const [state, hours] of parts) {
    const last = out[out.length - 1];
    if (last && last.state === state) last.to += hours * H;
    else out.push({ from: t, to: t + hours * H, state });
    t += hours * H;
  }
  return out;
}

const figures = (r: ReturnType<typeof summarise>) => ({
  upMs: r.upMs,
  downMs: r.downMs,
  unknownMs: r.unknownMs,
  maintenanceMs: r.maintenanceMs,
  parentMs: r.parentMs,
  monitoredMs: r.monitoredMs,
  availabilityPercent: r.availabilityPercent,
  coveragePercent: r.coveragePercent,
  outageCount: r.outageCount,
  longestOutageMs: r.longestOutageMs,
  mttrMs: r.mttrMs,
  mtbfMs: r.mtbfMs,
  periodMs: r.periodMs,
  notAddedMs: r.notAddedMs,
});

describe('a period rebuilt from its days equals the period summarised at once', () => {
  it('an outage from 22:00 to 03:00 the next day is one outage of 5 hours', () => {
    const tl = timeline(T0, [
      ['up', 22],
      ['down', 5],
      ['up', 45],
    ]);
    const ds = perDay(tl, T0, T0 + 3 * D);
    expect(ds.map((d) => [d.outages, d.downAtStartMs / H, d.downAtEndMs / H])).toEqual([
      [1, 0, 2],
      [1, 3, 0],
      [0, 0, 0],
    ]);
    const r = composeDays(ds, T0, T0 + 3 * D);
    expect([r.outageCount, r.longestOutageMs / H, r.downMs / H]).toEqual([1, 5, 5]);
    expect(r.availabilityPercent).toBeCloseTo((100 * 67) / 72, 12);
  });

  it('an outage over three days (down all of the middle one) is one outage of 50 hours', () => {
    const tl = timeline(T0, [
      ['up', 23],
      ['down', 50],
      ['up', 23],
    ]);
    const r = composeDays(perDay(tl, T0, T0 + 4 * D), T0, T0 + 4 * D);
    expect([r.outageCount, r.longestOutageMs / H, r.mttrMs! / H, r.mtbfMs! / H]).toEqual([1, 50, 50, 46]);
  });

  it('an object added on the second day: the first day is "not yet in the inventory"', () => {
    const tl = timeline(T0 + D + 6 * H, [
      ['unknown', 2],
      ['up', 40],
    ]);
    const r = composeDays(perDay(tl, T0, T0 + 3 * D), T0, T0 + 3 * D);
    expect(figures(r)).toEqual(figures(summarise(tl, T0 + D + 6 * H, T0 + 3 * D, D + 6 * H)));
  });

  it('holds for any timeline (states and lengths at random, over up to 6 days)', () => {
    const state = fc.constantFrom<State>('up', 'down', 'unknown', 'maintenance', 'parent', 'down');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(state, fc.integer({ min: 1, max: 30 })), { minLength: 1, maxLength: 40 }),
        (parts) => {
          const tl = timeline(T0, parts);
          const to = tl[tl.length - 1].to;
          const whole = summarise(tl, T0, to);
          const rebuilt = composeDays(perDay(tl, T0, to), T0, to);
          expect(figures(rebuilt)).toEqual({
            ...figures(whole),
            // Sums of per-day sums: equal up to floating-point rounding.
            availabilityPercent: rebuilt.availabilityPercent,
            coveragePercent: rebuilt.coveragePercent,
            mttrMs: rebuilt.mttrMs,
            mtbfMs: rebuilt.mtbfMs,
          });
          for (const k of ['availabilityPercent', 'coveragePercent', 'mttrMs', 'mtbfMs'] as const)
            if (whole[k] === null) expect(rebuilt[k]).toBeNull();
            else expect(rebuilt[k]).toBeCloseTo(whole[k]!, 9);
        },
      ),
      { numRuns: 500 },
    );
  });
});
