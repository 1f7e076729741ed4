import ExcelJS from 'exceljs';
import { TZ_OFFSET_HOURS } from '../../analytics/period';
import type { Column, Report } from '../model';

/**
 * One sheet per section, tables stacked with their title and source line. Numbers stay numbers
 * (with a display format), dates are Excel dates in the local zone, durations are seconds.
 */
export async function renderXlsx(report: Report): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = `noc ${report.meta.agentVersion}`;
  book.created = new Date(report.meta.generatedAt);
  const offset = (TZ_OFFSET_HOURS[report.meta.timezone] ?? 7) * 3600_000;

  const cover = book.addWorksheet(report.meta.lang === 'en' ? 'Summary' : 'Ringkasan');
  cover.getColumn(1).width = 120;
  cover.addRow([report.meta.title]).font = { bold: true, size: 14 };
  cover.addRow([report.meta.periodLabel]);
  cover.addRow([]);
  for (const p of report.summary) cover.addRow([p]);

  const usedNames = new Set<string>([cover.name]);
  for (const section of report.sections) {
    const sheet = book.addWorksheet(sheetName(section.title, usedNames));
    sheet.addRow([section.title]).font = { bold: true, size: 13 };
    for (const table of section.tables) {
      sheet.addRow([]);
      sheet.addRow([table.title]).font = { bold: true };
      sheet.addRow([
        `${table.provenance.source} · ${table.provenance.period} · ${table.provenance.method}`,
      ]).font = {
        italic: true,
        size: 8,
      };
      const header = sheet.addRow(table.columns.map((c) => c.label));
      header.font = { bold: true };
      for (const row of table.rows) {
        const added = sheet.addRow(table.columns.map((c) => excelValue(row[c.key] ?? null, c, offset)));
        table.columns.forEach((c, i) => {
          const fmt = numberFormat(c);
          if (fmt) added.getCell(i + 1).numFmt = fmt;
        });
      }
      if (!table.rows.length && table.emptyText) sheet.addRow([table.emptyText]);
    }
    sheet.columns.forEach((col) => (col.width = 22));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

function excelValue(value: unknown, column: Column, offsetMs: number): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number') return value as ExcelJS.CellValue;
  // Excel has no time zones: write the local wall-clock time.
  if (column.kind === 'date' || column.kind === 'datetime') return new Date(value + offsetMs);
  if (column.kind === 'duration') return Math.round(value / 1000);
  return value;
}

function numberFormat(column: Column): string | undefined {
  switch (column.kind) {
    case 'integer':
      return '#,##0';
    case 'number':
    case 'watts':
    case 'bps':
    case 'bytes':
      return '#,##0.00';
    case 'percent':
      return `0.${'0'.repeat(column.decimals ?? 3)}" %"`;
    case 'date':
      return 'dd/mm/yyyy';
    case 'datetime':
      return 'dd/mm/yyyy hh:mm';
    default:
      return undefined;
  }
}

/** Excel sheet names: at most 31 characters, no []:*?/\ and unique. */
function sheetName(title: string, used: Set<string>): string {
  const base = title
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 28)
    .trim();
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base} ${i}`;
  used.add(name);
  return name;
}
