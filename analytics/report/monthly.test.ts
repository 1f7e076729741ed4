import { stringify } from 'yaml';
import { parseConfig } from '../../config/load';
import { summariseBandwidth } from '../bandwidth';
import type { BandwidthRow } from './bandwidth';
import { bandwidthMonthlyPoints, isClosedMonth, monthOf, previousMonth, rowFromPoint } from './monthly';
import { toLines } from './points';

const config = parseConfig(
  stringify({
    organisation: { name: 'Uji' },
    devices: [{ id: 'core', kind: 'router' }],
    links: [
      {
        id: 'isp-1',
        name: 'ISP Satu',
        provider: 'PT Satu',
        device: 'core',
        interface: 'ether1',
        kind: 'isp',
        committedRate: { mbps: 100, source: 'Kontrak' },
        contract: { availabilityPercent: 99.9, latencyMs: 20, source: 'Kontrak' },
      },
    ],
  }),
  { baseDir: '.', env: {} },
).config!;
const iso = (t: number) => new Date(t).toISOString();

describe('local months', () => {
  it.each([
    ['2026-03-01T00:30:00+07:00', 'Asia/Jakarta', '2026-01-31T17:00:00.000Z', '2026-02-28T17:00:00.000Z'],
    ['2026-01-01T00:30:00+07:00', 'Asia/Jakarta', '2025-11-30T17:00:00.000Z', '2025-12-31T17:00:00.000Z'],
    ['2026-10-15T12:00:00Z', 'Asia/Makassar', '2026-08-31T16:00:00.000Z', '2026-09-30T16:00:00.000Z'],
    // 1 Oct 06:30 WIT is still 30 Sep in UTC: the month is the local one.
    ['2026-10-01T06:30:00+09:00', 'Asia/Jayapura', '2026-08-31T15:00:00.000Z', '2026-09-30T15:00:00.000Z'],
  ])('at %s in %s last month is [%s, %s)', (now, tz, from, to) => {
    const m = previousMonth(Date.parse(now), tz);
    expect([iso(m.from), iso(m.to)]).toEqual([from, to]);
    expect(monthOf(m.from, tz)).toEqual(m);
    expect(monthOf(m.to - 1, tz)).toEqual(m);
  });

  it('a bill exists only for a whole month that has ended', () => {
    const sep = monthOf(Date.parse('2026-09-10T00:00:00+07:00'), 'Asia/Jakarta');
    expect(isClosedMonth(sep, sep.to, 'Asia/Jakarta')).toBe(true);
    expect(isClosedMonth(sep, sep.to - 1, 'Asia/Jakarta')).toBe(false);
    // A report period starting on 15 September: its first month is partial.
    expect(isClosedMonth({ from: sep.from + 14 * 86_400_000, to: sep.to }, sep.to, 'Asia/Jakarta')).toBe(
      false,
    );
    // The same instants are not a whole month in WITA.
    expect(isClosedMonth(sep, sep.to, 'Asia/Makassar')).toBe(false);
  });
});

describe('bandwidth_monthly points', () => {
  const from = Date.parse('2026-09-01T00:00:00+07:00');
  // 100 samples: 90 at 10 Mbit/s, 10 at 95 (a plateau 5 % under the committed 100).
  const inBps = Array.from({ length: 100 }, (_, i) => (i < 90 ? 10e6 : 95e6));
  const link: BandwidthRow = {
    kind: 'link',
    id: 'isp-1',
    name: 'ISP Satu',
    provider: 'PT Satu',
    committedBps: 100e6,
    capacityBps: 100e6,
    summary: summariseBandwidth({
      inBps,
      outBps: inBps.map((v) => v / 4),
      intervalSeconds: 300,
      capacityBps: 100e6,
      committedBps: 100e6,
    }),
    availabilityPercent: 99.5,
    sla: [
      { metric: 'availability', contract: 99.9, measured: 99.5, met: false },
      { metric: 'latency', contract: 20, measured: null, met: null },
    ],
  };
  const queue: BandwidthRow = {
    kind: 'queue',
    id: 'dinkes',
    name: 'dinkes',
    agency: 'dinkes',
    summary: summariseBandwidth({ inBps: [], outBps: [], intervalSeconds: 300 }),
    availabilityPercent: null,
    sla: [],
  };

  it('the line protocol: typed fields, tags link/kind and queue/agency, the month start', () => {
    const [l, q] = toLines(bandwidthMonthlyPoints([link, queue], config, from));
    expect(l).toBe(
      'bandwidth_monthly,kind=isp,link=isp-1 ' +
        [
          'p95_in_bps=95000000,p95_out_bps=23750000,p95_max_bps=95000000,p95_aggregate_bps=118750000',
          'p95_utilisation_percent=95,avg_in_bps=18500000,avg_out_bps=4625000,peak_in_bps=95000000',
          'peak_out_bps=23750000,volume_in_bytes=69375000000,volume_out_bytes=17343750000',
          'avg_utilisation_percent=18.5,peak_utilisation_percent=95,samples=100i,committed_bps=100000000',
          'capacity_bps=100000000,committed_check="ok",committed_direction="in",ceiling_bps=95000000',
          'saturated_samples=10i,shortfall_percent=5,availability_percent=99.5',
          'sla_availability_contract_percent=99.9,sla_availability_met=false,sla_latency_contract_ms=20',
        ].join(',') +
        ` ${from}`,
    );
    // No data: what is unknown is left out; the verdict and zero volumes stay.
    expect(q).toBe(
      `bandwidth_monthly,agency=dinkes,queue=dinkes volume_in_bytes=0,volume_out_bytes=0,samples=0i,committed_check="no-target",saturated_samples=0i ${from}`,
    );
  });

  it('read back (as InfluxDB answers: integers as numbers, absent as null) equals the row', () => {
    const [p, q] = bandwidthMonthlyPoints([link, queue], config, from);
    const answer = (fields: Record<string, unknown>) =>
      Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]));
    expect(rowFromPoint(p.tags, answer(p.fields), config)).toEqual(link);
    expect(rowFromPoint({ ...q.tags, link: '' }, answer(q.fields), config)).toEqual(queue);
  });
});
