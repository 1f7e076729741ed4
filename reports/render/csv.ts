import { localParts } from '../dates';
import { allTables, Cell, Column, Report } from '../model';

/**
 * One CSV per table (RFC 4180, UTF-8 with BOM so spreadsheet programs read the accents). Values
 * stay machine-readable: numbers with a decimal point, dates as ISO 8601 in the local zone.
 */
export function renderCsv(report: Report): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const { section, table } of allTables(report)) {
    const lines = [table.columns.map((c) => quote(c.label)).join(',')];
    for (const row of table.rows)
      lines.push(table.columns.map((c) => quote(raw(row[c.key] ?? null, c, report.meta.timezone))).join(','));
    files.set(`csv/${section.id}-${table.id}.csv`, Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n'));
  }
  return files;
}

function raw(value: Cell, column: Column, timezone: string): string {
  if (value === null) return '';
  if (typeof value !== 'number') return String(value);
  if (column.kind === 'date' || column.kind === 'datetime') {
    const p = localParts(value, timezone);
    const date = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
    return column.kind === 'date' ? date : `${date}T${pad(p.hour)}:${pad(p.minute)}`;
  }
  if (column.kind === 'duration') return String(Math.round(value / 1000));
  return String(value);
}

const pad = (n: number) => String(n).padStart(2, '0');

function quote(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
