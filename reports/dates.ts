import { formatDate, localParts, monthName } from '../analytics/format';
import { parsePeriod } from '../analytics/period';
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
    const from = parsePeriod(opts.from, timezone);
    const to = parsePeriod(opts.to, timezone);
    if (from.kind !== 'day' || to.kind !== 'day')
      throw new Error('--from and --to are dates like 2026-01-31');
    if (to.to <= from.from) throw new Error(`--to ${opts.to} is before --from ${opts.from}`);
    return {
      from: from.from,
      to: to.to,
      label: `${formatDate(from.from, lang, timezone)} – ${formatDate(to.from, lang, timezone)}`,
    };
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
