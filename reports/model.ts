/**
 * The report as data: sections of paragraphs, tables and charts, each table carrying where its
 * figures come from. Every renderer (PDF, XLSX, CSV, JSON) draws the same model, so the numbers
 * in the PDF are the numbers in the spreadsheet.
 */

export type Lang = 'id' | 'en';

/** How a column's values are shown; the raw value stays a number in XLSX, CSV and JSON. */
export type ColumnKind =
  'text' | 'integer' | 'number' | 'percent' | 'date' | 'datetime' | 'duration' | 'watts' | 'bps' | 'bytes';

export interface Column {
  key: string;
  label: string;
  kind: ColumnKind;
  /** Decimals for number/percent (percent defaults to 3, as availability needs). */
  decimals?: number;
}

export type Cell = string | number | boolean | null;

/** Where a table's figures come from, for the appendix an auditor checks against. */
export interface Provenance {
  source: string;
  period: string;
  method: string;
}

export interface Table {
  id: string;
  title: string;
  columns: Column[];
  rows: Record<string, Cell>[];
  provenance: Provenance;
  /** Said instead of an empty table, so "no rows" is a statement, not an omission. */
  emptyText?: string;
}

/** A vertical bar chart drawn as vectors in the PDF (e.g. monthly availability). */
export interface BarChart {
  id: string;
  title: string;
  unit: string;
  bars: { label: string; value: number | null }[];
  /** Horizontal reference lines, e.g. the target and TIA-942 tier III. */
  lines?: { label: string; value: number }[];
  min?: number;
  max?: number;
}

export interface Section {
  id: string;
  title: string;
  paragraphs: string[];
  tables: Table[];
  charts?: BarChart[];
  /** Findings (temuan) with suggested follow-up (tindak lanjut). */
  findings?: Finding[];
}

export interface Finding {
  severity: 'tinggi' | 'sedang' | 'rendah';
  text: string;
  followUp: string;
}

export interface ReportMeta {
  kind: 'audit' | 'monev';
  title: string;
  organisation: string;
  lang: Lang;
  timezone: string;
  /** Inclusive start and exclusive end of the period, ms. */
  from: number;
  to: number;
  periodLabel: string;
  generatedAt: number;
  agentVersion: string;
  parameters: Record<string, string>;
}

export interface Report {
  meta: ReportMeta;
  summary: string[];
  sections: Section[];
}

/** Every table in document order (section by section), for CSV, XLSX and the appendix. */
export function allTables(report: Report): { section: Section; table: Table }[] {
  return report.sections.flatMap((section) => section.tables.map((table) => ({ section, table })));
}
