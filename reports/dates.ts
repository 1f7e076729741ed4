import { formatDate, formatDateTime, localParts, monthName } from '../analytics/format';
import { parseLocalTime, parsePeriod } from '../analytics/period';
import type { Lang } from './model';

/** Dates as users read them: "1 Januari 2026", times in WIB/WITA/WIT by the configured zone. */

export { formatDate, formatDateTime, localParts, monthName, zoneLabel } from '../analytics/format';

export interface ReportPeriod {
  from: number;
  to: number;
  label: string;
}

/** --year, or --from/--to local dates (the end day included), in the organisation's zone. */
export function reportPeriod(
  opts: { year?: string; month?: string; from?: string; to?: string },
  lang: Lang,
  timezone: string,
): ReportPeriod {
  if (opts.from || opts.to) {
    if (!opts.from || !opts.to) throw new Error('--from and --to go together');
    // A date is a whole local day (the end day included); "YYYY-MM-DD HH:MM" a local time
    // (the end excluded), for a period that starts or ends inside a day.
    const at = (text: string, end: boolean) => {
      const time = parseLocalTime(text, timezone);
      if (time !== undefined) return { ms: time, label: formatDateTime(time, lang, timezone) };
      const day = parsePeriod(text, timezone);
      if (day.kind !== 'day')
        throw new Error(`--from and --to are dates like 2026-01-31 or times like "2026-01-31 08:00"`);
      return { ms: end ? day.to : day.from, label: formatDate(day.from, lang, timezone) };
    };
    const from = at(opts.from, false);
    const to = at(opts.to, true);
    if (to.ms <= from.ms) throw new Error(`--to ${opts.to} is before --from ${opts.from}`);
    return { from: from.ms, to: to.ms, label: `${from.label} – ${to.label}` };
  }
  if (opts.month) {
    const p = parsePeriod(opts.month, timezone);
    if (p.kind !== 'month') throw new Error(`--month must look like 2026-10, not "${opts.month}"`);
    const { month, year } = localParts(p.from, timezone);
    return { from: p.from, to: p.to, label: `${monthName(month, lang)} ${year}` };
  }
  const p = parsePeriod(opts.year ?? '', timezone);
  if (p.kind !== 'year') throw new Error(`--year must look like 2026, not "${opts.year}"`);
  return { from: p.from, to: p.to, label: `${lang === 'en' ? 'Year' : 'Tahun'} ${opts.year}` };
}
