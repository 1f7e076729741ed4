import { parsePeriod, TZ_OFFSET_HOURS } from '../analytics/period';
import type { Lang } from './model';

/** Dates as users read them: "1 Januari 2026", times in WIB/WITA/WIT by the configured zone. */

const MONTHS: Record<Lang, string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const ZONE_LABEL: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function zoneLabel(timezone: string): string {
  return ZONE_LABEL[timezone] ?? timezone;
}

/** The calendar parts of an instant in the zone (a fixed offset: Indonesia has no DST). */
export function localParts(ms: number, timezone: string) {
  const d = new Date(ms + (TZ_OFFSET_HOURS[timezone] ?? 7) * 3600_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

export function formatDate(ms: number, lang: Lang, timezone: string): string {
  const p = localParts(ms, timezone);
  return lang === 'en'
    ? `${MONTHS.en[p.month - 1]} ${p.day}, ${p.year}`
    : `${p.day} ${MONTHS.id[p.month - 1]} ${p.year}`;
}

export function formatDateTime(ms: number, lang: Lang, timezone: string): string {
  const p = localParts(ms, timezone);
  const sep = lang === 'en' ? ':' : '.';
  const hm = `${String(p.hour).padStart(2, '0')}${sep}${String(p.minute).padStart(2, '0')}`;
  return `${formatDate(ms, lang, timezone)} ${hm} ${zoneLabel(timezone)}`;
}

export function monthName(month: number, lang: Lang): string {
  return MONTHS[lang][month - 1];
}

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
