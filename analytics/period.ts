/**
 * Report periods in the organisation's time zone. WIB, WITA and WIT have no daylight saving, so
 * a fixed offset is exact: "2026-10" in WIB is [2026-09-30T17:00Z, 2026-10-31T17:00Z).
 */
export const TZ_OFFSET_HOURS: Record<string, number> = {
  'Asia/Jakarta': 7,
  'Asia/Makassar': 8,
  'Asia/Jayapura': 9,
};

export interface Period {
  from: number;
  to: number;
  /** As typed: "2026", "2026-10" or "2026-10-05". */
  label: string;
  kind: 'year' | 'month' | 'day';
}

export function parsePeriod(text: string, timezone = 'Asia/Jakarta'): Period {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text.trim());
  if (!m) throw new Error(`period "${text}" must be YYYY, YYYY-MM or YYYY-MM-DD`);
  const offset = (TZ_OFFSET_HOURS[timezone] ?? 7) * 3_600_000;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) - 1 : undefined;
  const d = m[3] ? Number(m[3]) : undefined;
  if (mo !== undefined && (mo < 0 || mo > 11)) throw new Error(`period "${text}": month must be 01-12`);
  const at = (yy: number, mm: number, dd: number) => Date.UTC(yy, mm, dd) - offset;
  if (mo === undefined) return { from: at(y, 0, 1), to: at(y + 1, 0, 1), label: text, kind: 'year' };
  if (d === undefined) return { from: at(y, mo, 1), to: at(y, mo + 1, 1), label: text, kind: 'month' };
  return { from: at(y, mo, d), to: at(y, mo, d + 1), label: text, kind: 'day' };
}

/** The period text for "the current month" (the default of the CLI commands). */
export function currentMonth(now: number, timezone = 'Asia/Jakarta'): string {
  const local = new Date(now + (TZ_OFFSET_HOURS[timezone] ?? 7) * 3_600_000);
  return `${local.getUTCFullYear()}-${String(local.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Local calendar days [from, to) of a period, for the daily summaries. */
export function days(from: number, to: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let t = from; t < to; t += 86_400_000) out.push({ from: t, to: Math.min(t + 86_400_000, to) });
  return out;
}

/**
 * Local calendar days of [from, to) in the zone, cut at local midnights: a period that starts or
 * ends inside a day (a report `--from "2026-12-01 22:00"`) gets a partial first or last day, and
 * every whole day lines up with the daily summaries' timestamps.
 */
export function localDays(
  from: number,
  to: number,
  timezone = 'Asia/Jakarta',
): { from: number; to: number }[] {
  const offset = (TZ_OFFSET_HOURS[timezone] ?? 7) * 3_600_000;
  const out: { from: number; to: number }[] = [];
  for (let t = from; t < to;) {
    const midnight = Math.floor((t + offset) / 86_400_000 + 1) * 86_400_000 - offset;
    out.push({ from: t, to: Math.min(midnight, to) });
    t = Math.min(midnight, to);
  }
  return out;
}

/**
 * A local time "YYYY-MM-DD HH:MM" (or "YYYY-MM-DDTHH:MM") in the zone, as Unix ms; undefined
 * when the text is not one.
 */
export function parseLocalTime(text: string, timezone = 'Asia/Jakarta'): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return undefined;
  return Date.UTC(y, mo - 1, d, h, mi) - (TZ_OFFSET_HOURS[timezone] ?? 7) * 3_600_000;
}
