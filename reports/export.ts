import type { KeyObject } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildManifest, MANIFEST, Manifest, SIGNATURE, signManifest } from './manifest';
import type { Report } from './model';
import { renderCsv } from './render/csv';
import { renderJson } from './render/json';

export const FORMATS = ['pdf', 'xlsx', 'csv', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormats(text: string): Format[] {
  const list = text.split(',').map((s) => s.trim().toLowerCase());
  for (const f of list)
    if (!FORMATS.includes(f as Format))
      throw new Error(`--format: "${f}" is not one of ${FORMATS.join(', ')}`);
  return list as Format[];
}

/**
 * Renders the report in each format, writes the files and the manifest (and its signature
 * when a key is given) into outDir. Returns the manifest.
 */
export async function exportReport(
  report: Report,
  formats: Format[],
  outDir: string,
  opts: { baseName: string; signingKey?: KeyObject; progress?: (step: string) => void },
): Promise<Manifest> {
  const files = new Map<string, Buffer>();
  for (const format of formats) {
    // pdfkit and exceljs (about 50 MB resident) load only when a report is made, not in every
    // `noc run` that merely schedules one.
    if (format === 'pdf') {
      const { renderPdf } = await import('./render/pdf');
      files.set(`${opts.baseName}.pdf`, await renderPdf(report));
    }
    if (format === 'xlsx') {
      const { renderXlsx } = await import('./render/xlsx');
      files.set(`${opts.baseName}.xlsx`, await renderXlsx(report));
    }
    if (format === 'json') files.set(`${opts.baseName}.json`, renderJson(report));
    if (format === 'csv') for (const [path, data] of renderCsv(report)) files.set(path, data);
    opts.progress?.(format);
  }
  for (const [path, data] of files) {
    mkdirSync(dirname(join(outDir, path)), { recursive: true });
    writeFileSync(join(outDir, path), data);
  }
  const manifest = buildManifest(
    files,
    {
      agentVersion: report.meta.agentVersion,
      exportedAt: report.meta.generatedAt,
      parameters: report.meta.parameters,
    },
    opts.signingKey,
  );
  const bytes = Buffer.from(JSON.stringify(manifest, null, 2) + '\n');
  writeFileSync(join(outDir, MANIFEST), bytes);
  if (opts.signingKey) writeFileSync(join(outDir, SIGNATURE), signManifest(bytes, opts.signingKey));
  return manifest;
}
