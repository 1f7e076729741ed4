import fc from 'fast-check';
import { agencyUsage, availableWatts, rackPower, rackSpace, ratedWatts, upsHeadroom } from './capacity';
import { checkColocation, checkRack } from './colocation';

describe('rack space', () => {
  it('counts used, free and the largest contiguous free block (hand-computed, 10 U)', () => {
    const s = rackSpace(10, [
      { id: 'pdu', u: 1, heightU: 1 },
      { id: 'srv', u: 4, heightU: 2 },
      { id: 'sw', u: 10, heightU: 1 },
    ]);
    expect(s).toMatchObject({ usedU: 4, freeU: 6, largestFreeU: 4, conflicts: [] });
    expect(s.freeBlocks).toEqual([
      [2, 3],
      [6, 9],
    ]);
  });

  it('a U claimed twice counts once and is reported', () => {
    const s = rackSpace(4, [
      { id: 'a', u: 1, heightU: 2 },
      { id: 'b', u: 2, heightU: 2 },
      { id: 'c', u: 4, heightU: 2 },
    ]);
    expect(s.usedU).toBe(4);
    expect(s.conflicts).toEqual([
      { id: 'b', u: 2 },
      { id: 'c', u: 5 },
    ]);
  });

  it('property: never counts a U twice; used + free = height; blocks are really free', () => {
    const occupant = fc.record({
      id: fc.constantFrom('a', 'b', 'c'),
      u: fc.integer({ min: -2, max: 45 }),
      heightU: fc.integer({ min: 1, max: 8 }),
    });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 42 }), fc.array(occupant, { maxLength: 20 }), (height, occ) => {
        const s = rackSpace(height, occ);
        const taken = new Set<number>();
        for (const o of occ)
          for (let u = o.u; u < o.u + o.heightU; u++) if (u >= 1 && u <= height) taken.add(u);
        expect(s.usedU).toBe(taken.size);
        expect(s.usedU + s.freeU).toBe(height);
        const freeInBlocks = s.freeBlocks.reduce((a, [x, y]) => a + y - x + 1, 0);
        expect(freeInBlocks).toBe(s.freeU);
        for (const [x, y] of s.freeBlocks) for (let u = x; u <= y; u++) expect(taken.has(u)).toBe(false);
        expect(s.largestFreeU).toBe(Math.max(0, ...s.freeBlocks.map(([x, y]) => y - x + 1)));
      }),
      { numRuns: 300 },
    );
  });
});

const feed = (id: string, side: 'A' | 'B', extra = {}) => ({
  id,
  side,
  voltage: 230,
  amperage: 16,
  phase: 1 as const,
  maxUtilisationPercent: 80,
  ...extra,
});

describe('feed power', () => {
  it('V × A × max %, × √3 for three-phase', () => {
    expect(ratedWatts(feed('A', 'A'))).toBe(3680);
    expect(availableWatts(feed('A', 'A'))).toBe(2944);
    expect(availableWatts(feed('A', 'A', { voltage: 400, amperage: 32, phase: 3 }))).toBeCloseTo(
      400 * 32 * Math.sqrt(3) * 0.8,
      9,
    );
  });

  it('allocated split over a device’s feeds, measured from the PDU, load = max of both', () => {
    const p = rackPower(
      [feed('A', 'A'), feed('B', 'B')],
      [
        { id: 's1', watts: 1000, feeds: ['A', 'B'] },
        { id: 's2', watts: 300, feeds: ['A'] },
      ],
      { A: { watts: 500, sharedBy: 1 }, B: { watts: 1400, sharedBy: 2 } },
    );
    expect(p.feeds.map((f) => [f.allocatedWatts, f.measuredWatts, f.loadWatts])).toEqual([
      [800, 500, 800],
      [500, 700, 700],
    ]);
    expect(p.allocatedWatts).toBe(1300);
    expect(p.measuredWatts).toBe(1200);
    expect(p.loadWatts).toBe(1300);
    expect(p.feeds[0].utilisationPercent).toBeCloseTo((100 * 800) / 3680, 10);
    expect(p.feeds[0].headroomWatts).toBe(2144);
    expect(p.redundant).toBe(true);
  });

  it('A/B redundancy fails when one side cannot carry the rack alone', () => {
    const p = rackPower([feed('A', 'A'), feed('B', 'B')], [{ id: 's', watts: 3000, feeds: ['A', 'B'] }], {});
    expect(p.loadWatts).toBe(3000);
    expect(p.redundant).toBe(false);
    expect(rackPower([feed('A', 'A')], [], {}).hasPair).toBe(false);
  });

  it('UPS headroom and per-agency usage', () => {
    expect(upsHeadroom({ id: 'u', loadPercent: 62, runtimeMinutes: 12 }, 15)).toMatchObject({
      loadHeadroomPercent: 38,
      runtimeHeadroomMinutes: -3,
      ok: false,
    });
    expect(
      agencyUsage([
        { id: 'a', agency: 'rsud', watts: 700, feeds: [], heightU: 4 },
        { id: 'b', agency: 'rsud', watts: 300, feeds: [], heightU: 1 },
        { id: 'c', agency: 'bpkad', watts: 400, feeds: [], heightU: 2 },
      ]),
    ).toEqual([
      { agency: 'bpkad', devices: 1, units: 2, allocatedWatts: 400 },
      { agency: 'rsud', devices: 2, units: 5, allocatedWatts: 1000 },
    ]);
  });
});

describe('colocation check', () => {
  const free = rackSpace(10, [{ id: 'x', u: 1, heightU: 2 }]); // 8 U free in one block (3-10)
  const tight = rackSpace(10, [
    { id: 'x', u: 2, heightU: 1 },
    { id: 'y', u: 4, heightU: 1 },
    { id: 'z', u: 6, heightU: 5 },
  ]);
  const pair = (load: number) =>
    rackPower([feed('A', 'A'), feed('B', 'B')], [{ id: 's', watts: load, feeds: ['A', 'B'] }], {});

  it('fits: lowest large-enough block, the feed with most headroom', () => {
    const fit = checkRack(
      'R1',
      free,
      rackPower([feed('A', 'A'), feed('B', 'B')], [{ id: 's', watts: 600, feeds: ['A'] }], {}),
      { units: 2, watts: 450, redundant: false },
    );
    expect(fit).toEqual({ rack: 'R1', fits: true, reasons: [], position: { u: 3 }, feeds: ['B'] });
  });

  it('says why not: no contiguous space, a feed over its maximum, failover, no A/B pair', () => {
    expect(checkRack('R', tight, pair(0), { units: 2, watts: 100, redundant: false }).reasons).toEqual([
      { code: 'space', needU: 2, largestFreeU: 1 },
    ]);
    // A alone has 2,944 W available; 2,600 W on it plus 450 W = 3,050 W = 82.9 % of 3,680 W.
    const single = rackPower([feed('A', 'A')], [{ id: 's', watts: 2600, feeds: ['A'] }], {});
    expect(checkRack('R', free, single, { units: 2, watts: 450, redundant: false }).reasons).toEqual([
      { code: 'feed', feed: 'A', percentAfter: (100 * 3050) / 3680, maxPercent: 80 },
    ]);
    expect(checkRack('R', free, single, { units: 2, watts: 450, redundant: true }).reasons).toEqual([
      { code: 'no-pair' },
    ]);
    expect(checkRack('R', free, pair(2600), { units: 2, watts: 450, redundant: true }).reasons).toEqual([
      { code: 'failover', side: 'A', wattsAfter: 3050, availableWatts: 2944 },
      { code: 'failover', side: 'B', wattsAfter: 3050, availableWatts: 2944 },
    ]);
    expect(checkRack('R', free, pair(2494), { units: 2, watts: 450, redundant: true }).fits).toBe(true);
  });

  it('lists the racks that fit first', () => {
    const racks = [
      { id: 'R1', space: tight, power: pair(0) },
      { id: 'R2', space: free, power: pair(0) },
    ];
    expect(
      checkColocation(racks, { units: 2, watts: 450, redundant: true }).map((r) => [r.rack, r.fits]),
    ).toEqual([
      ['R2', true],
      ['R1', false],
    ]);
  });
});
