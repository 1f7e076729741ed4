import type { Sample } from '../sample';

/** JSON for samples: bigint counters become strings so nothing loses precision. */
export function samplesToJson(samples: Sample[]): string {
  return JSON.stringify(samples, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

/** A plain text table: one header row, columns padded to the widest cell. */
export function renderTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function samplesTable(samples: Sample[]): string {
  const rows = samples.map((s) => [
    s.measurement,
    Object.entries(s.tags)
      .filter(([k]) => k !== 'device')
      .map(([k, v]) => `${k}=${v}`)
      .join(' '),
    Object.entries(s.fields)
      .map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(2) : String(v)}`)
      .join(' '),
  ]);
  return renderTable(['pengukuran', 'tag', 'nilai'], rows);
}
