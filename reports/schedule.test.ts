import { dueReports, firstWorkingDayOfJanuary, nextRun, ScheduleSettings } from './schedule';

const ON: ScheduleSettings = { audit: true, monev: true, holidays: [] };
const wib = (iso: string) => Date.parse(`${iso}+07:00`);

describe('first working day of January', () => {
  it.each([
    // 2 Jan 2026 is a Friday; 2027: 2 Jan is a Saturday; 2028: 2 Jan is a Sunday; 2029: Tuesday.
    [2026, [], '2026-01-02'],
    [2027, [], '2027-01-04'],
    [2028, [], '2028-01-03'],
    [2029, [], '2029-01-02'],
    // A cuti bersama on 2 January moves it on; two holidays and a weekend move it further.
    [2026, ['2026-01-02'], '2026-01-05'],
    [2029, ['2029-01-02', '2029-01-03'], '2029-01-04'],
    [2026, ['2026-01-02', '2026-01-05'], '2026-01-06'],
  ])('%i with holidays %j is %s', (year, holidays, expected) => {
    expect(firstWorkingDayOfJanuary(year, holidays)).toBe(expected);
  });
});

describe('reports due on a day (local time)', () => {
  it.each([
    ['2027-01-04T07:00:00', ON, [{ kind: 'audit', period: '2026' }]],
    ['2027-01-01T07:00:00', ON, [{ kind: 'monev', period: '2026-12' }]],
    ['2026-01-01T07:00:00', ON, [{ kind: 'monev', period: '2025-12' }]],
    ['2026-01-02T07:00:00', ON, [{ kind: 'audit', period: '2025' }]],
    ['2026-11-01T07:00:00', ON, [{ kind: 'monev', period: '2026-10' }]],
    ['2026-11-02T07:00:00', ON, []],
    ['2027-01-04T07:00:00', { ...ON, audit: false }, []],
    ['2026-11-01T07:00:00', { ...ON, monev: false }, []],
    ['2026-01-02T07:00:00', { ...ON, holidays: ['2026-01-02'] }, []],
    ['2026-01-05T07:00:00', { ...ON, holidays: ['2026-01-02'] }, [{ kind: 'audit', period: '2025' }]],
  ] as [string, ScheduleSettings, unknown[]][])('%s %j', (at, s, expected) => {
    expect(dueReports(wib(at), 'Asia/Jakarta', s)).toEqual(expected);
  });

  it('uses the local day: 23:30 UTC on 31 October is 1 November in WIB', () => {
    expect(dueReports(Date.parse('2026-10-31T23:30:00Z'), 'Asia/Jakarta', ON)).toEqual([
      { kind: 'monev', period: '2026-10' },
    ]);
    expect(dueReports(Date.parse('2026-10-31T23:30:00Z'), 'Asia/Jayapura', ON)).toEqual([
      { kind: 'monev', period: '2026-10' },
    ]);
    expect(dueReports(Date.parse('2026-10-31T16:30:00Z'), 'Asia/Jakarta', ON)).toEqual([]);
  });
});

describe('next run', () => {
  it.each([
    ['audit', '2026-12-01T12:00:00', ON, '2027-01-04T07:00:00'],
    ['monev', '2026-12-01T12:00:00', ON, '2027-01-01T07:00:00'],
    ['monev', '2026-12-01T06:59:00', ON, '2026-12-01T07:00:00'],
    ['monev', '2026-12-01T07:00:00', ON, '2027-01-01T07:00:00'],
    ['audit', '2027-01-04T07:00:00', ON, '2028-01-03T07:00:00'],
  ] as const)('%s after %s is %s', (kind, now, s, expected) => {
    expect(nextRun(kind, wib(now), 'Asia/Jakarta', s)).toBe(wib(expected));
  });

  it('is 07:00 WITA in Makassar, and nothing when disabled', () => {
    expect(nextRun('monev', wib('2026-12-01T12:00:00'), 'Asia/Makassar', ON)).toBe(
      Date.parse('2027-01-01T07:00:00+08:00'),
    );
    expect(nextRun('audit', wib('2026-12-01T12:00:00'), 'Asia/Jakarta', { ...ON, audit: false })).toBe(
      undefined,
    );
  });
});
