import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Report } from '../model';
import { columnWidths } from './columns';
import { PDF_MAX_ROWS, renderPdf } from './pdf';

// Every character 5 units wide: the widths are easy to compute by hand.
const measure = (t: string) => t.length * 5;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('PDF column widths', () => {
  it('fit the full text when there is room, and share the rest out', () => {
    const { widths: w, scale } = columnWidths(
      measure,
      ['ID', 'Nama'],
      [['r1', 'core router']],
      [false, false],
      200,
    );
    expect(scale).toBe(1);
    expect(sum(w)).toBeCloseTo(200, 9);
    // Wanted 2*5+12=22 and 11*5+12=67; the 111 left over goes out in the same proportion.
    expect(w[0]).toBeCloseTo(22 + (22 / 89) * 111, 9);
  });

  it('never cut a word nor a number: narrow space goes to the columns that can wrap', () => {
    const headers = ['Kritikalitas', 'Deskripsi', 'Ketersediaan'];
    const cells = [['Strategis', 'sebuah teks panjang yang boleh dibungkus', '99,982 %']];
    const { widths: w } = columnWidths(measure, headers, cells, [false, false, true], 250);
    expect(sum(w)).toBeCloseTo(250, 9);
    expect(w[0]).toBeGreaterThanOrEqual(measure('Kritikalitas') + 12);
    expect(w[1]).toBeGreaterThanOrEqual(measure('panjang') + 12);
    expect(w[1]).toBeLessThan(measure(cells[0][1]) + 12);
    expect(w[2]).toBeGreaterThanOrEqual(measure('Ketersediaan') + 12);
  });

  it('ask for a smaller font only when even the minimums do not fit', () => {
    const { widths, scale } = columnWidths(measure, ['aaaaaaaaaa', 'bbbbbbbbbb'], [], [false, false], 50);
    expect(widths).toEqual([25, 25]);
    // Each needs 10*5+12 = 62: the font shrinks to 50/124 of its size.
    expect(scale).toBeCloseTo(50 / 124, 9);
  });

  it('measure headers in their own (bold) font', () => {
    const bold = (t: string) => t.length * 6;
    const { widths } = columnWidths(measure, ['Gangguan', 'x'], [['1', 'y']], [true, false], 400, bold);
    expect(widths[0]).toBeGreaterThanOrEqual(8 * 6 + 12);
  });
});

describe('PDF of a very long table', () => {
  it('prints the first PDF_MAX_ROWS rows and says where the whole table is', async () => {
    const report: Report = {
      meta: {
        kind: 'audit',
        title: 'Uji',
        organisation: 'Diskominfo Uji',
        lang: 'id',
        timezone: 'Asia/Jakarta',
        from: 0,
        to: 1,
        periodLabel: 'Tahun 2025',
        generatedAt: 0,
        agentVersion: '0',
        parameters: {},
      },
      summary: [],
      sections: [
        {
          id: 'c-kinerja',
          title: '(c) Kinerja',
          paragraphs: [],
          tables: [
            {
              id: 'bandwidth',
              title: 'Bandwidth',
              columns: [{ key: 'link', label: 'Tautan', kind: 'text' }],
              rows: Array.from({ length: PDF_MAX_ROWS + 200 }, (_, i) => ({ link: `tautan-${i + 1}` })),
              provenance: { source: 's', period: 'p', method: 'm' },
            },
          ],
        },
      ],
    };
    const dir = mkdtempSync(join(tmpdir(), 'noc-pdf-'));
    try {
      writeFileSync(join(dir, 'r.pdf'), await renderPdf(report));
      const text = execFileSync('pdftotext', [join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
      expect(text).toContain(`tautan-${PDF_MAX_ROWS}\n`);
      expect(text).not.toContain(`tautan-${PDF_MAX_ROWS + 1}\n`);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain('Tabel ini berisi 1.200 baris; 1.000 baris pertama dicetak di sini.');
      // pdftotext may join the name where the line wrapped after a hyphen.
      expect(flat).toMatch(/Tabel lengkap ada di csv\/c-kinerja-?bandwidth\.csv dan di buku kerja XLSX/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
