import { reportPeriod } from '../reports/dates';
import { localDays, parseLocalTime, parsePeriod } from './period';

const H = 3_600_000;

describe('local days and times', () => {
  it('cuts a period at local midnights, partial first and last days included', () => {
    const from = parseLocalTime('2026-12-01 22:10')!;
    const to = parseLocalTime('2026-12-03 01:00')!;
    expect(from).toBe(Date.parse('2026-12-01T22:10:00+07:00'));
    expect(localDays(from, to).map((d) => [new Date(d.from).toISOString(), (d.to - d.from) / H])).toEqual([
      ['2026-12-01T15:10:00.000Z', 110 / 60],
      ['2026-12-01T17:00:00.000Z', 24],
      ['2026-12-02T17:00:00.000Z', 1],
    ]);
  });

  it('uses the organisation zone: WITA midnight is 16:00 UTC', () => {
    const day = parsePeriod('2026-12-02', 'Asia/Makassar');
    const days = localDays(day.from - H, day.to, 'Asia/Makassar');
    expect(days.map((d) => new Date(d.from).toISOString())).toEqual([
      '2026-12-01T15:00:00.000Z',
      '2026-12-01T16:00:00.000Z',
    ]);
  });

  it('rejects what is not a local time', () => {
    expect(parseLocalTime('2026-12-01')).toBeUndefined();
    expect(parseLocalTime('2026-13-01 10:00')).toBeUndefined();
    expect(parseLocalTime('2026-12-01 24:00')).toBeUndefined();
  });

  it('a report period from a local time to a local time, labelled with the times', () => {
    const p = reportPeriod({ from: '2026-12-01 22:10', to: '2026-12-01 22:40' }, 'id', 'Asia/Jakarta');
    expect([p.to - p.from, p.label]).toEqual([
      30 * 60_000,
      '1 Desember 2026 22.10 WIB – 1 Desember 2026 22.40 WIB',
    ]);
    const days = reportPeriod({ from: '2026-01-01', to: '2026-01-31' }, 'id', 'Asia/Jakarta');
    expect([days.to - days.from, days.label]).toEqual([31 * 24 * H, '1 Januari 2026 – 31 Januari 2026']);
    expect(() =>
      reportPeriod({ from: '2026-12-01 22:40', to: '2026-12-01 22:10' }, 'id', 'Asia/Jakarta'),
    ).toThrow(/before --from/);
  });
});
