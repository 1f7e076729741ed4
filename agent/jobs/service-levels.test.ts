import { stringify } from 'yaml';
import { BUILTIN_RULES, evaluateSample, ruleContext } from '../../alerting/rules';
import { capacityFrom, PowerReadings } from '../../analytics/report/capacity';
import { capacityPoints } from '../../analytics/report/capacity-points';
import { NocConfig, parseConfig } from '../../config/load';
import { silentLogger } from '../log';
import { Metrics } from '../metrics';
import { Pipeline } from '../pipeline';
import type { Sample } from '../sample';
import { localDayStart, ServiceLevelJobs, yesterday } from './service-levels';

const wib = (s: string) => Date.parse(`${s}+07:00`);
const NOW = wib('2026-03-09T10:00:00');

function config(extra: object): NocConfig {
  return parseConfig(stringify({ organisation: { name: 'Uji' }, ...extra }), { baseDir: '.', env: {} })
    .config!;
}

/** Two 230 V 16 A feeds (3,680 W rated, 2,944 W at 80 %) measured by pdu-a and pdu-b. */
const abRack = {
  id: 'R1',
  site: 'pd',
  heightU: 42,
  feeds: [
    { id: 'A', side: 'A', voltage: 230, amperage: 16, device: 'pdu-a' },
    { id: 'B', side: 'B', voltage: 230, amperage: 16, device: 'pdu-b' },
  ],
};
const abDevices = [
  {
    id: 'srv-rsud',
    kind: 'server',
    agency: 'rsud',
    site: 'pd',
    position: { rack: 'R1', u: 10, heightU: 2 },
    feeds: ['A', 'B'],
    watts: { nameplate: 500, allocated: 400 },
  },
  { id: 'pdu-a', kind: 'pdu', site: 'pd', position: { rack: 'R1', u: 1 } },
  { id: 'pdu-b', kind: 'pdu', site: 'pd', position: { rack: 'R1', u: 2 } },
];
const pdu = (a: number, b: number): PowerReadings => ({
  pdu: new Map([
    ['pdu-a', { power_watts: a }],
    ['pdu-b', { power_watts: b }],
  ]),
  ups: new Map(),
});
const close = (n: number) => expect.closeTo(n, 6);

const threePhase = config({
  racks: [
    {
      id: 'R3',
      site: 'pd',
      heightU: 10,
      feeds: [{ id: 'A', side: 'A', voltage: 400, amperage: 32, phase: 3, device: 'pdu-3' }],
    },
  ],
  sites: [{ id: 'pd', name: 'PD' }],
  agencies: [
    { id: 'setda', name: 'Setda' },
    { id: 'dinkes', name: 'Dinkes' },
  ],
  devices: [
    {
      id: 's1',
      kind: 'server',
      agency: 'setda',
      position: { rack: 'R3', u: 1, heightU: 4 },
      feeds: ['A'],
      watts: { allocated: 1000 },
    },
    {
      id: 's2',
      kind: 'server',
      agency: 'dinkes',
      position: { rack: 'R3', u: 7, heightU: 2 },
      feeds: ['A'],
      watts: { nameplate: 3000 },
    },
    { id: 'pdu-3', kind: 'pdu' },
  ],
});

type Case = [string, NocConfig, PowerReadings, Record<string, string>, Record<string, unknown>][];

describe('capacity points: which points for a configuration and the last readings', () => {
  const ab = config({
    sites: [{ id: 'pd', name: 'PD' }],
    agencies: [{ id: 'rsud', name: 'RSUD' }],
    racks: [abRack],
    devices: abDevices,
  });
  const cases: Case = [
    [
      // 4 U used (server 2 U, two 1 U PDUs), largest free U12-42; 1,200 W of 7,360 W rated;
      // failover: 1,200 W on one side's 2,944 W = 40.76 %.
      'A/B rack, measured 500 + 700 W: rack',
      ab,
      pdu(500, 700),
      { scope: 'rack', device: 'R1', rack: 'R1', site: 'pd' },
      {
        units_total: 42n,
        units_used: 4n,
        units_free: 38n,
        units_used_percent: close(9.523809523),
        largest_free_block_u: 31n,
        power_rated_watts: 7360,
        power_available_watts: 5888,
        power_allocated_watts: 400,
        power_measured_watts: 1200,
        power_load_watts: 1200,
        power_percent: close(16.304347826),
        failover_percent: close(40.760869565),
        side_a_available_watts: 2944,
        side_b_available_watts: 2944,
        redundant: true,
      },
    ],
    [
      // Feed B: load max(200 allocated, 700 measured) = 700 W = 19.02 % of 3,680; headroom 2,244.
      'A/B rack: feed B',
      ab,
      pdu(500, 700),
      { scope: 'feed', device: 'R1', rack: 'R1', site: 'pd', feed: 'B', side: 'B' },
      {
        power_rated_watts: 3680,
        power_available_watts: 2944,
        power_allocated_watts: 200,
        power_measured_watts: 700,
        power_load_watts: 700,
        power_headroom_watts: 2244,
        power_percent: close(19.02173913),
        load_percent: close(19.02173913),
        max_percent: 80,
      },
    ],
    [
      // The server is the only powered device on both feeds: all 1,200 W measured is RSUD's.
      'A/B rack: agency',
      ab,
      pdu(500, 700),
      { scope: 'agency', agency: 'rsud' },
      { devices: 1n, units_used: 2n, power_allocated_watts: 400, power_measured_watts: 1200 },
    ],
    [
      // Without readings: allocated only, no measured power, no power_percent (nothing to alert on).
      'A/B rack, no readings: feed A',
      ab,
      { pdu: new Map(), ups: new Map() },
      { scope: 'feed', device: 'R1', rack: 'R1', site: 'pd', feed: 'A', side: 'A' },
      {
        power_rated_watts: 3680,
        power_available_watts: 2944,
        power_allocated_watts: 200,
        power_load_watts: 200,
        power_headroom_watts: 2744,
        load_percent: close(5.434782609),
        max_percent: 80,
      },
    ],
    [
      // 3,100 + 2,900 W: 81.52 % of the rack's rating; failover 6,000 / 2,944 = 203.8 %.
      'overloaded A/B rack: rack',
      ab,
      pdu(3100, 2900),
      { scope: 'rack', device: 'R1', rack: 'R1', site: 'pd' },
      {
        units_total: 42n,
        units_used: 4n,
        units_free: 38n,
        units_used_percent: close(9.523809523),
        largest_free_block_u: 31n,
        power_rated_watts: 7360,
        power_available_watts: 5888,
        power_allocated_watts: 400,
        power_measured_watts: 6000,
        power_load_watts: 6000,
        power_percent: close(81.52173913),
        failover_percent: close(203.80434783),
        side_a_available_watts: 2944,
        side_b_available_watts: 2944,
        redundant: false,
      },
    ],
    [
      // 400 V × 32 A × √3 = 22,170.25 W, 80 %: 17,736.20 W; one side only: no failover figure.
      // Two agencies: 1,000 W and 3,000 W allocated, 2,000 W measured shared 1:3.
      'three-phase single feed, two tenants: rack',
      threePhase,
      { pdu: new Map([['pdu-3', { power_watts: 2000 }]]), ups: new Map() },
      { scope: 'rack', device: 'R3', rack: 'R3', site: 'pd' },
      {
        units_total: 10n,
        units_used: 6n,
        units_free: 4n,
        units_used_percent: 60,
        largest_free_block_u: 2n,
        power_rated_watts: close(22170.2503369),
        power_available_watts: close(17736.2002695),
        power_allocated_watts: 4000,
        power_measured_watts: 2000,
        power_load_watts: 4000,
        power_percent: close(9.0210979561),
        side_a_available_watts: close(17736.2002695),
        side_b_available_watts: 0,
        redundant: false,
      },
    ],
    [
      // 2,000 W measured, shared 1,000 : 3,000 by allocated watts.
      'three-phase single feed: setda',
      threePhase,
      { pdu: new Map([['pdu-3', { power_watts: 2000 }]]), ups: new Map() },
      { scope: 'agency', agency: 'setda' },
      { devices: 1n, units_used: 4n, power_allocated_watts: 1000, power_measured_watts: 500 },
    ],
    [
      'three-phase single feed: dinkes',
      threePhase,
      { pdu: new Map([['pdu-3', { power_watts: 2000 }]]), ups: new Map() },
      { scope: 'agency', agency: 'dinkes' },
      { devices: 1n, units_used: 2n, power_allocated_watts: 3000, power_measured_watts: 1500 },
    ],
  ];
  it.each(cases)('%s', (_name, conf, readings, tags, fields) => {
    const points = capacityPoints(capacityFrom(conf, readings), conf, NOW);
    const p = points.find(
      (x) =>
        Object.entries(tags).every(([k, v]) => x.tags[k] === v) &&
        Object.keys(x.tags).length === Object.keys(tags).length,
    );
    expect(p).toBeDefined();
    expect(p!.measurement).toBe('capacity');
    expect(p!.time).toBe(NOW);
    expect(p!.fields).toEqual(fields);
  });

  it('every point of the A/B rack, and the UPS headroom', () => {
    const conf = config({
      sites: [{ id: 'pd', name: 'PD' }],
      agencies: [{ id: 'rsud', name: 'RSUD' }],
      racks: [abRack],
      devices: [...abDevices, { id: 'ups-1', kind: 'ups', site: 'pd' }],
    });
    const readings = pdu(500, 700);
    readings.ups.set('ups-1', { output_watts: null, load_percent: 45, runtime_minutes: 12 });
    const points = capacityPoints(capacityFrom(conf, readings), conf, NOW);
    expect(points.map((p) => `${p.tags.scope}:${p.tags.feed ?? p.tags.device ?? p.tags.agency}`)).toEqual([
      'rack:R1',
      'feed:A',
      'feed:B',
      'ups:ups-1',
      'agency:rsud',
    ]);
    // Runtime 12 min against the SOP's 15: 3 min short.
    expect(points[3]).toEqual({
      measurement: 'capacity',
      tags: { scope: 'ups', device: 'ups-1', site: 'pd' },
      fields: {
        load_percent: 45,
        runtime_minutes: 12,
        load_headroom_percent: 55,
        runtime_headroom_minutes: -3,
        ok: false,
      },
      time: NOW,
    });
  });
});

describe('capacity samples reach alerting through the pipeline', () => {
  const conf = config({
    sites: [{ id: 'pd', name: 'PD' }],
    agencies: [{ id: 'rsud', name: 'RSUD' }],
    racks: [abRack],
    devices: abDevices,
  });
  const rule = (id: string) => BUILTIN_RULES.find((r) => r.id === id)!;

  it('a feed over its limit is breached for feed-power-high; the rack and the other feed by their own figures', () => {
    const seen: Sample[] = [];
    const written: Sample[] = [];
    const pipeline = new Pipeline(
      conf,
      { write: (s) => void written.push(...s) },
      new Metrics(),
      silentLogger,
    );
    pipeline.listen({ onSample: (s) => seen.push(s) });
    const sink = pipeline.sinkFor('service-levels');
    // 3,100 W on A (84.24 % of 3,680), 2,900 W on B (78.80 %), rack 81.52 %.
    for (const s of capacityPoints(capacityFrom(conf, pdu(3100, 2900)), conf, NOW)) sink.sample(s);
    expect(written).toEqual(seen);
    const ctx = ruleContext(conf);
    const obs = (id: string, feed?: string) =>
      seen
        .filter((s) => s.tags.scope === (feed ? 'feed' : 'rack') && (!feed || s.tags.feed === feed))
        .map((s) => evaluateSample(rule(id), s, ctx))
        .filter((o) => o)
        .map((o) => ({ key: o!.key, breached: o!.breached, value: o!.value }));
    expect(obs('feed-power-high', 'A')).toEqual([
      { key: 'R1|feed-power-high|R1/A', breached: true, value: close(84.23913043) },
    ]);
    // Between the clear threshold (75) and 80: no change.
    expect(obs('feed-power-high', 'B')).toEqual([
      { key: 'R1|feed-power-high|R1/B', breached: null, value: close(78.80434783) },
    ]);
    expect(obs('rack-power-high')).toEqual([
      { key: 'R1|rack-power-high|R1', breached: true, value: close(81.52173913) },
    ]);
    expect(obs('rack-power-high', 'A')).toEqual([]);
  });
});

describe('days in the organisation time zone', () => {
  it.each([
    ['2026-03-10T00:15:00+07:00', 'Asia/Jakarta', '2026-03-08T17:00:00Z'],
    ['2026-03-09T23:59:59+07:00', 'Asia/Jakarta', '2026-03-07T17:00:00Z'],
    ['2026-03-10T06:59:00Z', 'Asia/Jakarta', '2026-03-08T17:00:00Z'],
    ['2026-03-10T00:15:00+08:00', 'Asia/Makassar', '2026-03-08T16:00:00Z'],
    ['2026-01-01T00:15:00+09:00', 'Asia/Jayapura', '2025-12-30T15:00:00Z'],
  ])('at %s in %s yesterday starts %s', (now, tz, from) => {
    const y = yesterday(Date.parse(now), tz);
    expect(new Date(y.from).toISOString()).toBe(new Date(from).toISOString());
    expect(y.to - y.from).toBe(86_400_000);
    expect(localDayStart(Date.parse(now), tz)).toBe(y.to);
  });
});

describe('the schedule (fake timers)', () => {
  afterEach(() => jest.useRealTimers());
  const conf = config({
    sites: [{ id: 'pd', name: 'PD' }],
    agencies: [{ id: 'rsud', name: 'RSUD' }],
    racks: [abRack],
    devices: abDevices,
  });
  const iso = (t: number) => new Date(t).toISOString();

  function jobsAt(start: string) {
    jest.useFakeTimers({ now: Date.parse(start) });
    const jobs = new ServiceLevelJobs({ config: conf, publish: () => undefined, log: silentLogger });
    const capacity = jest.spyOn(jobs, 'runCapacity').mockResolvedValue([]);
    const daily = jest.spyOn(jobs, 'runDaily');
    const stored = jest.spyOn(jobs, 'monthStored').mockResolvedValue(true);
    const monthly = jest.spyOn(jobs, 'runMonthly').mockResolvedValue(3);
    return { jobs, capacity, daily, stored, monthly };
  }

  it('capacity at start and every 5 minutes; yesterday at start and at 00:15 WIB', async () => {
    const { jobs, capacity, daily } = jobsAt('2026-03-09T23:50:00+07:00');
    daily.mockResolvedValue(5);
    jobs.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(capacity).toHaveBeenCalledTimes(1);
    expect(daily.mock.calls.map(([d]) => iso(d))).toEqual(['2026-03-07T17:00:00.000Z']);
    // 23:50 -> 00:20: ticks at 23:55, 00:00, 00:05, 00:10, 00:15, 00:20; the day at 00:15.
    await jest.advanceTimersByTimeAsync(30 * 60_000);
    expect(capacity).toHaveBeenCalledTimes(7);
    expect(daily.mock.calls.map(([d]) => iso(d))).toEqual([
      '2026-03-07T17:00:00.000Z',
      '2026-03-08T17:00:00.000Z',
    ]);
    await jobs.stop();
    await jest.advanceTimersByTimeAsync(3_600_000);
    expect(capacity).toHaveBeenCalledTimes(7);
  });

  it("last month's bill at 00:30 on the 1st WIB, after the day's summaries; not at start when stored", async () => {
    const { jobs, daily, stored, monthly } = jobsAt('2026-03-31T23:50:00+07:00');
    daily.mockResolvedValue(5);
    jobs.start();
    await jest.advanceTimersByTimeAsync(0);
    expect(stored.mock.calls.map(([m]) => iso(m))).toEqual(['2026-01-31T17:00:00.000Z']);
    expect(monthly).not.toHaveBeenCalled();
    // 00:15 the 31st's summaries, 00:30 March's bill (once, though ticks follow at 00:30 and 00:35).
    await jest.advanceTimersByTimeAsync(45 * 60_000);
    expect(daily.mock.calls.map(([d]) => iso(d))).toEqual([
      '2026-03-29T17:00:00.000Z',
      '2026-03-30T17:00:00.000Z',
    ]);
    expect(monthly.mock.calls.map(([m]) => iso(m))).toEqual(['2026-02-28T17:00:00.000Z']);
    expect(daily.mock.invocationCallOrder[1]).toBeLessThan(monthly.mock.invocationCallOrder[0]);
    expect(stored).toHaveBeenCalledTimes(1);
    await jobs.stop();
  });

  it('at start a missing bill is written; a failure is retried on the next ticks', async () => {
    const { jobs, stored, monthly } = jobsAt('2026-04-03T09:00:00+07:00');
    stored.mockRejectedValueOnce(new Error('InfluxDB is not reachable')).mockResolvedValue(false);
    monthly.mockRejectedValueOnce(new Error('InfluxDB is not reachable')).mockResolvedValue(3);
    jobs.start();
    // 09:00 the look fails; 09:05 March is missing, its run fails; 09:10 written; 09:15 nothing.
    await jest.advanceTimersByTimeAsync(15 * 60_000);
    expect(stored).toHaveBeenCalledTimes(2);
    expect(monthly.mock.calls.map(([m]) => iso(m))).toEqual([
      '2026-02-28T17:00:00.000Z',
      '2026-02-28T17:00:00.000Z',
    ]);
    await jobs.stop();
  });

  it('a failed day stays pending and is retried on the next ticks, oldest first; nothing throws', async () => {
    const { jobs, capacity, daily } = jobsAt('2026-03-09T23:58:00+07:00');
    capacity.mockRejectedValueOnce(new Error('never thrown by the real runCapacity, survived anyway'));
    const down = new Error('InfluxDB is not reachable');
    daily.mockRejectedValueOnce(down).mockRejectedValueOnce(down).mockRejectedValueOnce(down);
    daily.mockResolvedValue(5);
    jobs.start();
    // 23:58 capacity fails, so that tick writes nothing; 8 March fails at 00:03, 00:08, 00:13;
    // 00:15 queues 9 March and writes 8 March, then 9 March; the 00:18 tick has nothing left.
    await jest.advanceTimersByTimeAsync(20 * 60_000);
    expect(capacity).toHaveBeenCalledTimes(5);
    expect(daily.mock.calls.map(([d]) => iso(d))).toEqual([
      '2026-03-07T17:00:00.000Z',
      '2026-03-07T17:00:00.000Z',
      '2026-03-07T17:00:00.000Z',
      '2026-03-07T17:00:00.000Z',
      '2026-03-08T17:00:00.000Z',
    ]);
    await jobs.stop();
  });
});
