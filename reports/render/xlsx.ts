import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import { TZ_OFFSET_HOURS } from '../../analytics/period';
import type { Column, Report } from '../model';

/**
 * One sheet per section, tables stacked with their title and source line. Numbers stay numbers
 * (with a display format), dates are Excel dates in the local zone, durations are seconds.
 * Written with exceljs's streaming writer, each row committed as it is added: a year for 2,000
 * links (24,000 bandwidth rows) otherwise holds ≈ 450 MB of cell objects.
 */
export async function renderXlsx(report: Report): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  book.creator = `noc ${report.meta.agentVersion}`;
  book.created = new Date(report.meta.generatedAt);
  const offset = (TZ_OFFSET_HOURS[report.meta.timezone] ?? 7) * 3600_000;

  const cover = book.addWorksheet(report.meta.lang === 'en' ? 'Summary' : 'Ringkasan');
  cover.columns = [{ width: 120 }];
  const title = cover.addRow([report.meta.title]);
  title.font = { bold: true, size: 14 };
  title.commit();
  cover.addRow([report.meta.periodLabel]).commit();
  cover.addRow([]).commit();
  for (const p of report.summary) cover.addRow([p]).commit();
  cover.commit();

  const usedNames = new Set<string>([cover.name]);
  for (const section of report.sections) {
    const sheet = book.addWorksheet(sheetName(section.title, usedNames));
    const widest = Math.max(1, ...section.tables.map((t) => t.columns.length));
    sheet.columns = Array.from({ length: widest }, () => ({ width: 22 }));
    const add = (values: ExcelJS.CellValue[], font?: Partial<ExcelJS.Font>) => {
      const row = sheet.addRow(values);
      if (font) row.font = font;
      row.commit();
    };
    add([section.title], { bold: true, size: 13 });
    for (const table of section.tables) {
      add([]);
      add([table.title], { bold: true });
      add([`${table.provenance.source} · ${table.provenance.period} · ${table.provenance.method}`], {
        italic: true,
        size: 8,
      });
      add(
        table.columns.map((c) => c.label),
        { bold: true },
      );
      const formats = table.columns.map(numberFormat);
      for (const row of table.rows) {
        const added = sheet.addRow(table.columns.map((c) => excelValue(row[c.key] ?? null, c, offset)));
        formats.forEach((fmt, i) => {
          if (fmt) added.getCell(i + 1).numFmt = fmt;
        });
        added.commit();
      }
      if (!table.rows.length && table.emptyText) add([table.emptyText]);
    }
    sheet.commit();
  }
  await book.commit();
  if (!out.readableEnded) await new Promise((resolve) => out.once('end', resolve));
  return Buffer.concat(chunks);
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
