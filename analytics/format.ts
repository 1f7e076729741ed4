/**
 * How numbers read in the CLI and reports: Indonesian by default (decimal comma, "99,95 %"),
 * English with organisation.language en.
 */
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
