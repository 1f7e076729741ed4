import { TZ_OFFSET_HOURS } from '../analytics/period';
import { localParts } from './dates';

/**
 * When the scheduled reports are due (pure; agent/agent.ts runs the check every day at 07:00
 * local time through node-cron): the previous year's audit report on the first working day of
 * January, the previous month's monev summary on the 1st of every month.
 */
export interface ScheduleSettings {
  audit: boolean;
  monev: boolean;
  /** ISO dates that are not working days (national holidays, cuti bersama). */
  holidays: string[];
}

export interface DueReport {
  kind: 'audit' | 'monev';
  /** `2026` for the audit, `2026-10` for monev: the period the report covers. */
  period: string;
}

/** The hour (local) at which the daily check runs. */
export const REPORT_HOUR = 7;
export const REPORT_CRON = `0 ${REPORT_HOUR} * * *`;

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** First Monday–Friday of January that is neither 1 January (a holiday) nor in `holidays`. */
export function firstWorkingDayOfJanuary(year: number, holidays: string[] = []): string {
  const off = new Set(holidays);
  for (let day = 2; ; day++) {
    const weekday = new Date(Date.UTC(year, 0, day)).getUTCDay();
    const date = iso(year, 1, day);
    if (weekday !== 0 && weekday !== 6 && !off.has(date)) return date;
  }
}

/** The reports due on the local calendar day of `now` in the zone. */
export function dueReports(now: number, timezone: string, s: ScheduleSettings): DueReport[] {
  const p = localParts(now, timezone);
  const out: DueReport[] = [];
  if (
    s.audit &&
    p.month === 1 &&
    iso(p.year, p.month, p.day) === firstWorkingDayOfJanuary(p.year, s.holidays)
  )
    out.push({ kind: 'audit', period: String(p.year - 1) });
  if (s.monev && p.day === 1) {
    const [y, m] = p.month === 1 ? [p.year - 1, 12] : [p.year, p.month - 1];
    out.push({ kind: 'monev', period: `${y}-${String(m).padStart(2, '0')}` });
  }
  return out;
}

/** The next time (ms) a report of this kind runs, strictly after `now`; undefined if disabled. */
export function nextRun(
  kind: DueReport['kind'],
  now: number,
  timezone: string,
  s: ScheduleSettings,
): number | undefined {
  if (!s[kind]) return undefined;
  const p = localParts(now, timezone);
  const offset = (TZ_OFFSET_HOURS[timezone] ?? 7) * 3_600_000;
  // Day by day from today: at most a year and a few days ahead.
  for (let d = 0; d <= 400; d++) {
    const at = Date.UTC(p.year, p.month - 1, p.day + d, REPORT_HOUR) - offset;
    if (at <= now) continue;
    if (dueReports(at, timezone, s).some((r) => r.kind === kind)) return at;
  }
  return undefined;
}
