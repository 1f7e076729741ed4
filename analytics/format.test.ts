import { duration, gb, mbps, num, pct } from './format';
import { currentMonth, days, parsePeriod } from './period';

describe('numbers as users read them', () => {
  it.each([
    [99.95, 2, 'id', '99,95'],
    [99.95, 2, 'en', '99.95'],
    [1234567.891, 2, 'id', '1.234.567,89'],
    [1234567.891, 2, 'en', '1,234,567.89'],
    [0.1234, 4, 'id', '0,1234'],
    [-3, 0, 'id', '-3'],
  ] as const)('%d with %d decimals in %s', (v, d, lang, expected) => {
    expect(num(v, d, lang)).toBe(expected);
  });

  it('percentages, rates, volumes, durations', () => {
    expect(pct(99.95, 'id', 2)).toBe('99,95 %');
    expect(pct(null, 'id')).toBe('-');
    expect(mbps(12_500_000, 'id')).toBe('12,50 Mbps');
    expect(gb(8_420_700_000_000, 'id')).toBe('8.420,70 GB');
    expect(duration(45_000, 'id')).toBe('45 d');
    expect(duration(37.5 * 60_000, 'id')).toBe('37 m 30 d');
    expect(duration(75 * 60_000, 'en')).toBe('1 h 15 min');
    expect(duration(null, 'en')).toBe('-');
  });
});

describe('periods in the organisation time zone', () => {
  it('month, year and day in WIB, WITA and WIT', () => {
    expect(parsePeriod('2026-10')).toMatchObject({
      from: Date.parse('2026-09-30T17:00:00Z'),
      to: Date.parse('2026-10-31T17:00:00Z'),
      kind: 'month',
    });
    expect(parsePeriod('2026', 'Asia/Makassar')).toMatchObject({
      from: Date.parse('2025-12-31T16:00:00Z'),
      to: Date.parse('2026-12-31T16:00:00Z'),
    });
    expect(parsePeriod('2026-12-31', 'Asia/Jayapura')).toMatchObject({
      from: Date.parse('2026-12-30T15:00:00Z'),
      to: Date.parse('2026-12-31T15:00:00Z'),
    });
    expect(() => parsePeriod('2026-13')).toThrow('month must be 01-12');
    expect(() => parsePeriod('Oktober')).toThrow('YYYY, YYYY-MM or YYYY-MM-DD');
  });

  it('the current month is local: 1 Nov 00:30 WIB is still 31 Oct in UTC', () => {
    expect(currentMonth(Date.parse('2026-10-31T17:30:00Z'))).toBe('2026-11');
    expect(days(0, 86_400_000 * 2.5).map((d) => d.to - d.from)).toEqual([86_400_000, 86_400_000, 43_200_000]);
  });
});
