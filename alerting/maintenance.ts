import { TZ_OFFSET_HOURS } from '../analytics/period';
/**
 * Maintenance windows (pemeliharaan), pure. During a window covering a device no ticket is
 * opened for it, and availability (analytics/) excludes the window: it calls
 * maintenanceCovers() with the list from the config plus the store (`noc maintenance add`).
 *
 * Times are local to the organisation's zone (WIB/WITA/WIT have no daylight saving, so a fixed
 * offset is exact). Recurrence is an RRULE subset: FREQ=DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY,
 * UNTIL (a local date, inclusive). Each occurrence starts at `from`'s local time of day and lasts
 * as long as the first one (to - from).
 */

export interface MaintenanceWindow {
  id: string;
  device?: string;
  site?: string;
  agency?: string;
  /** First occurrence, Unix ms. */
  from: number;
  to: number;
  reason: string;
  recurrence?: string;
  /** Who added it (CLI) or "config". */
  createdBy: string;
}

export interface MaintenanceObject {
  device: string;
  site?: string;
  agency?: string;
}

const DAY = 86_400_000;
const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** "2026-03-01 22:00" in the zone, or an ISO string with its own offset. */
export function parseWhen(text: string, timezone = 'Asia/Jakarta'): number {
  const t = text.trim().replace(' ', 'T');
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(t)) {
    const ms = Date.parse(t);
    if (Number.isNaN(ms)) throw new Error(`not a date-time: "${text}"`);
    return ms;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(t);
  if (!m) throw new Error(`not a date-time: "${text}" (use "YYYY-MM-DD HH:MM")`);
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0));
  return Date.UTC(y, mo - 1, d, h, mi, s) - offsetMs(timezone);
}

function offsetMs(timezone: string): number {
  return (TZ_OFFSET_HOURS[timezone] ?? 7) * 3_600_000;
}

interface RRule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  interval: number;
  byDay?: number[];
  untilDay?: number;
}

export function parseRRule(text: string): RRule {
  const parts = Object.fromEntries(text.split(';').map((p) => p.split('=') as [string, string]));
  const freq = parts.FREQ as RRule['freq'];
  if (!['DAILY', 'WEEKLY', 'MONTHLY'].includes(freq)) throw new Error(`unsupported recurrence "${text}"`);
  const rule: RRule = { freq, interval: Number(parts.INTERVAL ?? 1) || 1 };
  if (parts.BYDAY) rule.byDay = parts.BYDAY.split(',').map((d) => WEEKDAYS.indexOf(d));
  if (parts.UNTIL) rule.untilDay = Math.floor(Date.parse(`${parts.UNTIL}T00:00:00Z`) / DAY);
  return rule;
}

/** The occurrence of the window that contains `time`, if any. */
export function occurrenceAt(
  w: MaintenanceWindow,
  time: number,
  timezone = 'Asia/Jakarta',
): { start: number; end: number } | undefined {
  const duration = w.to - w.from;
  if (!w.recurrence) return time >= w.from && time < w.to ? { start: w.from, end: w.to } : undefined;
  if (time < w.from) return undefined;
  const off = offsetMs(timezone);
  const localFrom = w.from + off;
  const day0 = Math.floor(localFrom / DAY);
  const timeOfDay = localFrom - day0 * DAY;
  const rule = parseRRule(w.recurrence);
  const lastDay = Math.floor((time + off - timeOfDay) / DAY);
  const firstDay = Math.max(day0, Math.floor((time + off - duration - timeOfDay) / DAY));
  for (let day = lastDay; day >= firstDay; day--) {
    if (!startsOn(rule, day, day0)) continue;
    const start = day * DAY + timeOfDay - off;
    if (time >= start && time < start + duration) return { start, end: start + duration };
  }
  return undefined;
}

function startsOn(rule: RRule, day: number, day0: number): boolean {
  if (day < day0 || (rule.untilDay !== undefined && day > rule.untilDay)) return false;
  const weekday = (d: number) => new Date(d * DAY).getUTCDay();
  switch (rule.freq) {
    case 'DAILY':
      return (day - day0) % rule.interval === 0;
    case 'WEEKLY': {
      const days = rule.byDay ?? [weekday(day0)];
      if (!days.includes(weekday(day))) return false;
      // Weeks counted from the Monday of the first occurrence's week.
      const monday0 = day0 - ((weekday(day0) + 6) % 7);
      return Math.floor((day - monday0) / 7) % rule.interval === 0;
    }
    case 'MONTHLY': {
      const a = new Date(day0 * DAY);
      const b = new Date(day * DAY);
      const months = (b.getUTCFullYear() - a.getUTCFullYear()) * 12 + b.getUTCMonth() - a.getUTCMonth();
      return b.getUTCDate() === a.getUTCDate() && months % rule.interval === 0;
    }
  }
}

/**
 * Every occurrence of a window that overlaps [from, to): the window itself when it does not
 * recur, else one per day its rule starts on. Availability and reports exclude these.
 */
export function occurrencesBetween(
  w: MaintenanceWindow,
  from: number,
  to: number,
  timezone = 'Asia/Jakarta',
): { start: number; end: number }[] {
  const duration = w.to - w.from;
  if (!w.recurrence) return w.to > from && w.from < to ? [{ start: w.from, end: w.to }] : [];
  const off = offsetMs(timezone);
  const day0 = Math.floor((w.from + off) / DAY);
  const timeOfDay = w.from + off - day0 * DAY;
  const rule = parseRRule(w.recurrence);
  const out: { start: number; end: number }[] = [];
  const firstDay = Math.max(day0, Math.floor((from + off - duration - timeOfDay) / DAY));
  const lastDay = Math.floor((to + off - timeOfDay) / DAY);
  for (let day = firstDay; day <= lastDay; day++) {
    if (!startsOn(rule, day, day0)) continue;
    const start = day * DAY + timeOfDay - off;
    if (start + duration > from && start < to) out.push({ start, end: start + duration });
  }
  return out;
}

export function windowApplies(w: MaintenanceWindow, o: MaintenanceObject): boolean {
  if (w.device) return w.device === o.device;
  if (w.site) return w.site === o.site;
  if (w.agency) return w.agency === o.agency;
  return false;
}

/** The window covering this device (directly, by its site or by its agency) at `time`, if any. */
export function maintenanceCovers(
  windows: MaintenanceWindow[],
  object: MaintenanceObject,
  time: number,
  timezone = 'Asia/Jakarta',
): MaintenanceWindow | undefined {
  return windows.find((w) => windowApplies(w, object) && occurrenceAt(w, time, timezone) !== undefined);
}

/** Windows from the config, with their times resolved in the organisation's zone. */
export function configWindows(
  list: {
    id: string;
    device?: string;
    site?: string;
    agency?: string;
    from: string;
    to: string;
    reason: string;
    recurrence?: string;
  }[],
  timezone: string,
): MaintenanceWindow[] {
  return list.map((w) => ({
    ...w,
    from: parseWhen(w.from, timezone),
    to: parseWhen(w.to, timezone),
    createdBy: 'config',
  }));
}
