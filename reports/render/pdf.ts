import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { cellText } from '../cells';
import { formatDateTime } from '../dates';
import { allTables, BarChart, Report, Section, Table } from '../model';
import { columnWidths } from './columns';

/**
 * The PDF an auditor reads: cover, summary, the sections with paginated tables (headers repeated
 * on every page), vector bar charts, findings and the appendix of sources. No browser involved.
 */

const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const MARGIN = 50;
const PAGE = { width: 595.28, height: 841.89 };
const BOTTOM = PAGE.height - MARGIN - 20;
const WIDTH = PAGE.width - 2 * MARGIN;
/** Table text size; wide tables are set smaller (down to 6 pt) rather than cut mid-word. */
const FONT = 8;

type Doc = PDFKit.PDFDocument;

export async function renderPdf(report: Report): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    info: {
      Title: report.meta.title,
      Author: report.meta.organisation,
      Creator: `noc ${report.meta.agentVersion}`,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  fonts(doc);

  cover(doc, report);
  doc.addPage();
  heading(doc, report.meta.lang === 'en' ? 'Executive summary' : 'Ringkasan eksekutif');
  for (const p of report.summary) paragraph(doc, p);
  for (const section of report.sections) renderSection(doc, report, section);
  appendix(doc, report);
  pageNumbers(doc, report);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** DejaVu when the system has it (every character of Indonesian and the maths signs); else Helvetica. */
function fonts(doc: Doc): void {
  const regular = `${FONT_DIR}/DejaVuSans.ttf`;
  const bold = `${FONT_DIR}/DejaVuSans-Bold.ttf`;
  if (existsSync(regular) && existsSync(bold)) {
    doc.registerFont('body', regular);
    doc.registerFont('bold', bold);
  } else {
    doc.registerFont('body', 'Helvetica');
    doc.registerFont('bold', 'Helvetica-Bold');
  }
  doc.font('body');
}

function cover(doc: Doc, report: Report): void {
  const m = report.meta;
  doc.font('bold').fontSize(22).text(m.title, MARGIN, 220, { width: WIDTH, align: 'center' });
  doc.moveDown(1).font('body').fontSize(14).text(m.organisation, { width: WIDTH, align: 'center' });
  doc.moveDown(0.5).text(m.periodLabel, { width: WIDTH, align: 'center' });
  const generated = m.lang === 'en' ? 'Generated' : 'Dibuat';
  doc
    .moveDown(8)
    .fontSize(10)
    .text(`${generated}: ${formatDateTime(m.generatedAt, m.lang, m.timezone)} · noc ${m.agentVersion}`, {
      width: WIDTH,
      align: 'center',
    });
}

function heading(doc: Doc, text: string): void {
  ensure(doc, 60);
  doc.font('bold').fontSize(15).text(text, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.5).font('body').fontSize(10);
}

function paragraph(doc: Doc, text: string): void {
  doc.font('body').fontSize(10);
  ensure(doc, doc.heightOfString(text, { width: WIDTH }) + 6);
  doc.text(text, MARGIN, doc.y, { width: WIDTH, align: 'justify' });
  doc.moveDown(0.5);
}

function ensure(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

function renderSection(doc: Doc, report: Report, section: Section): void {
  doc.addPage();
  heading(doc, section.title);
  for (const p of section.paragraphs) paragraph(doc, p);
  for (const chart of section.charts ?? []) barChart(doc, report, chart);
  for (const table of section.tables) renderTable(doc, report, table, `csv/${section.id}-${table.id}.csv`);
  if (section.findings?.length) {
    const en = report.meta.lang === 'en';
    renderTable(doc, report, {
      id: 'findings',
      title: en ? 'Findings and follow-up' : 'Temuan dan tindak lanjut',
      columns: [
        { key: 'severity', label: en ? 'Severity' : 'Tingkat', kind: 'text' },
        { key: 'text', label: en ? 'Finding' : 'Temuan', kind: 'text' },
        { key: 'followUp', label: en ? 'Follow-up' : 'Tindak lanjut', kind: 'text' },
      ],
      rows: section.findings.map((f) => ({ ...f })),
      provenance: { source: '', period: '', method: '' },
    });
  }
}

function widths(doc: Doc, report: Report, table: Table): { widths: number[]; scale: number } {
  const cells = table.rows
    .slice(0, 200)
    .map((r) =>
      table.columns.map((c) => cellText(r[c.key] ?? null, c, report.meta.lang, report.meta.timezone)),
    );
  const measureIn = (font: string) => (t: string) => doc.font(font).fontSize(FONT).widthOfString(t);
  return columnWidths(
    measureIn('body'),
    table.columns.map((c) => c.label),
    cells,
    table.columns.map((c) => c.kind !== 'text'),
    WIDTH,
    measureIn('bold'),
  );
}

/**
 * Rows of one table printed in the PDF. A year of monthly bandwidth for 2,000 links is 24,000
 * rows (600 pages nobody reads on paper, and most of the PDF's time and memory); the PDF shows
 * the first rows and says where the whole table is: the CSV and XLSX, hashed in the manifest.
 */
export const PDF_MAX_ROWS = 1000;

function renderTable(doc: Doc, report: Report, table: Table, csvPath?: string): void {
  const { lang, timezone } = report.meta;
  ensure(doc, 70);
  doc.font('bold').fontSize(11).text(table.title, MARGIN, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
  if (!table.rows.length) {
    paragraph(
      doc,
      table.emptyText ??
        (lang === 'en' ? 'No records in this period.' : 'Tidak ada catatan pada periode ini.'),
    );
    return;
  }
  const { widths: cols, scale } = widths(doc, report, table);
  const size = Math.max(6, FONT * scale);
  const drawRow = (cells: string[], bold: boolean) => {
    doc.font(bold ? 'bold' : 'body').fontSize(size);
    const height = Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: cols[i] - 6 }))) + 6;
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      if (!bold)
        drawRow(
          table.columns.map((c) => c.label),
          true,
        );
      doc.font(bold ? 'bold' : 'body').fontSize(size);
    }
    const top = doc.y;
    if (bold) doc.rect(MARGIN, top, WIDTH, height).fill('#e8edf3').fillColor('black');
    let x = MARGIN;
    cells.forEach((text, i) => {
      const numeric = table.columns[i].kind !== 'text';
      doc.text(text, x + 3, top + 3, { width: cols[i] - 6, align: numeric ? 'right' : 'left' });
      x += cols[i];
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + WIDTH, top + height)
      .lineWidth(0.3)
      .strokeColor('#b0b8c4')
      .stroke();
    doc.y = top + height;
  };
  drawRow(
    table.columns.map((c) => c.label),
    true,
  );
  for (const row of table.rows.slice(0, PDF_MAX_ROWS))
    drawRow(
      table.columns.map((c) => cellText(row[c.key] ?? null, c, lang, timezone)),
      false,
    );
  doc.x = MARGIN;
  doc.moveDown(0.8);
  if (table.rows.length > PDF_MAX_ROWS) {
    const n = (x: number) => x.toLocaleString(lang === 'en' ? 'en-US' : 'id-ID');
    const where = csvPath ?? 'CSV';
    paragraph(
      doc,
      lang === 'en'
        ? `This table has ${n(table.rows.length)} rows; the first ${n(PDF_MAX_ROWS)} are printed here. The whole table is in ${where} and in the XLSX workbook, both listed with their SHA-256 in MANIFEST.json.`
        : `Tabel ini berisi ${n(table.rows.length)} baris; ${n(PDF_MAX_ROWS)} baris pertama dicetak di sini. Tabel lengkap ada di ${where} dan di buku kerja XLSX, keduanya tercantum dengan SHA-256-nya di MANIFEST.json.`,
    );
  }
}

function barChart(doc: Doc, report: Report, chart: BarChart): void {
  const height = 160;
  ensure(doc, height + 50);
  doc.font('bold').fontSize(11).text(chart.title, MARGIN, doc.y, { width: WIDTH });
  const top = doc.y + 8;
  const values = chart.bars.map((b) => b.value).filter((v): v is number => v !== null);
  const refs = (chart.lines ?? []).map((l) => l.value);
  const max = chart.max ?? Math.max(...values, ...refs);
  // Without a fixed floor, leave room below the lowest bar so it is still drawn.
  const low = Math.min(...values, ...refs);
  const min = chart.min ?? low - Math.max((max - low) * 0.1, 0.001);
  const span = max - min || 1;
  const y = (v: number) => top + height - ((v - min) / span) * height;
  const left = MARGIN + 40;
  const plotWidth = WIDTH - 40;
  doc
    .lineWidth(0.5)
    .strokeColor('#555')
    .moveTo(left, top)
    .lineTo(left, top + height)
    .lineTo(left + plotWidth, top + height)
    .stroke();
  doc.font('body').fontSize(7).fillColor('black');
  doc.text(
    cellText(
      max,
      { key: '', label: '', kind: 'number', decimals: 3 },
      report.meta.lang,
      report.meta.timezone,
    ),
    MARGIN,
    top - 3,
    { width: 38, align: 'right' },
  );
  doc.text(
    cellText(
      min,
      { key: '', label: '', kind: 'number', decimals: 3 },
      report.meta.lang,
      report.meta.timezone,
    ),
    MARGIN,
    top + height - 6,
    { width: 38, align: 'right' },
  );
  const slot = plotWidth / Math.max(chart.bars.length, 1);
  chart.bars.forEach((bar, i) => {
    const x = left + i * slot + slot * 0.15;
    if (bar.value !== null) {
      const barTop = y(Math.max(min, bar.value));
      doc.rect(x, barTop, slot * 0.7, top + height - barTop).fill('#3b6ea5');
    }
    doc
      .fillColor('black')
      .text(bar.label, left + i * slot, top + height + 3, { width: slot, align: 'center' });
  });
  for (const line of chart.lines ?? []) {
    doc
      .lineWidth(0.8)
      .strokeColor('#c0392b')
      .dash(3, { space: 2 })
      .moveTo(left, y(line.value))
      .lineTo(left + plotWidth, y(line.value))
      .stroke()
      .undash();
    doc
      .fillColor('#c0392b')
      .text(line.label, left + plotWidth - 150, y(line.value) - 9, { width: 150, align: 'right' });
  }
  doc.fillColor('black').strokeColor('black');
  doc.x = MARGIN;
  doc.y = top + height + 20;
}

function appendix(doc: Doc, report: Report): void {
  const en = report.meta.lang === 'en';
  doc.addPage();
  heading(doc, en ? 'Appendix: source of every figure' : 'Lampiran: sumber setiap angka');
  renderTable(doc, report, {
    id: 'appendix',
    title: en ? 'Tables, their sources, periods and methods' : 'Tabel, sumber, periode dan metode',
    columns: [
      { key: 'table', label: en ? 'Table' : 'Tabel', kind: 'text' },
      { key: 'source', label: en ? 'Source' : 'Sumber', kind: 'text' },
      { key: 'period', label: en ? 'Period' : 'Periode', kind: 'text' },
      { key: 'method', label: en ? 'Method (formula, query)' : 'Metode (rumus, kueri)', kind: 'text' },
    ],
    rows: allTables(report).map(({ table }) => ({ table: table.title, ...table.provenance })),
    provenance: { source: '', period: '', method: '' },
  });
}

function pageNumbers(doc: Doc, report: Report): void {
  const range = doc.bufferedPageRange();
  const word = report.meta.lang === 'en' ? 'Page' : 'Halaman';
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    if (i === 0) continue;
    // Writing in the bottom margin would make pdfkit start a new page; lift the margin meanwhile.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor('#666');
    // Organisation and period only: the full title would wrap onto a second line.
    const m = report.meta;
    doc.text(
      `${m.organisation} · ${m.periodLabel} · ${word} ${i + 1} / ${range.count}`,
      MARGIN,
      PAGE.height - MARGIN + 10,
      {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      },
    );
    doc.page.margins.bottom = bottom;
  }
}
