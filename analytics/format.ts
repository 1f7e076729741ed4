/**
 * How numbers read in the CLI and reports: Indonesian by default (decimal comma, "99,95 %"),
 * English with organisation.language en.
 */
import { TZ_OFFSET_HOURS } from './period';

export type Lang = 'id' | 'en';

export function num(value: number, decimals: number, lang: Lang): string {
  const [int, frac] = value.toFixed(decimals).split('.');
  const [group, point] = lang === 'id' ? ['.', ','] : [',', '.'];
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, group);
  return frac ? `${grouped}${point}${frac}` : grouped;
}

export const pct = (v: number | null, lang: Lang, decimals = 3) =>
  v === null ? '-' : `${num(v, decimals, lang)} %`;

/** Durations as "2 j 5 m" (jam, menit, detik) or "2 h 5 min"; seconds only under an hour. */
export function duration(ms: number | null, lang: Lang): string {
  if (ms === null) return '-';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const [H, M, S] = lang === 'id' ? ['j', 'm', 'd'] : ['h', 'min', 's'];
  if (s < 60) return `${sec} ${S}`;
  if (h) return `${h} ${H} ${m} ${M}`;
  return sec ? `${m} ${M} ${sec} ${S}` : `${m} ${M}`;
}

/** Bit rates in Mbps (what committed rates are written in). */
export const mbps = (bps: number | null, lang: Lang) =>
  bps === null ? '-' : `${num(bps / 1e6, 2, lang)} Mbps`;

/** Volumes in decimal gigabytes, as ISP invoices show them. */
export const gb = (bytes: number, lang: Lang) => `${num(bytes / 1e9, 2, lang)} GB`;

export const watts = (w: number | null, lang: Lang) => (w === null ? '-' : `${num(w, 0, lang)} W`);

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

export function monthName(month: number, lang: Lang): string {
  return MONTHS[lang][month - 1];
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

/** "1 Januari 2026" / "1 January 2026", in the organisation's zone. */
export function formatDate(ms: number, lang: Lang, timezone: string): string {
  const p = localParts(ms, timezone);
  return `${p.day} ${monthName(p.month, lang)} ${p.year}`;
}

/** "1 Maret 2026 22.00 WIB" / "1 March 2026 22:00 WIB". */
export function formatDateTime(ms: number, lang: Lang, timezone: string): string {
  const p = localParts(ms, timezone);
  const sep = lang === 'id' ? '.' : ':';
  const hm = `${String(p.hour).padStart(2, '0')}${sep}${String(p.minute).padStart(2, '0')}`;
  return `${formatDate(ms, lang, timezone)} ${hm} ${zoneLabel(timezone)}`;
}
