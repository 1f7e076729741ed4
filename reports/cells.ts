import { duration, num, pct } from '../analytics/format';
import { formatDate, formatDateTime } from './dates';
import type { Cell, Column, Lang } from './model';

/**
 * A cell as text for the PDF: decimal comma and Indonesian dates by default. XLSX, CSV and JSON
 * keep the raw value; only the PDF needs words.
 */
export function cellText(value: Cell, column: Column, lang: Lang, timezone: string): string {
  if (value === null || value === undefined || value === '') return '-';
  if (typeof value === 'boolean')
    return value ? (lang === 'en' ? 'yes' : 'ya') : lang === 'en' ? 'no' : 'tidak';
  if (typeof value === 'string') return value;
  switch (column.kind) {
    case 'integer':
      return num(value, 0, lang);
    case 'number':
      return num(value, column.decimals ?? 2, lang);
    case 'percent':
      return pct(value, lang, column.decimals ?? 3);
    case 'date':
      return formatDate(value, lang, timezone);
    case 'datetime':
      return formatDateTime(value, lang, timezone);
    case 'duration':
      return duration(value, lang);
    case 'watts':
      return `${num(value, 0, lang)} W`;
    case 'bps':
      return `${num(value / 1e6, 2, lang)} Mbps`;
    case 'bytes':
      return `${num(value / 1e9, 2, lang)} GB`;
    default:
      return String(value);
  }
}
