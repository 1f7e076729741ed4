/** PDF table layout, pure: measured text widths in, column widths out. */

/**
 * Column widths from the content, so short codes do not take the space of descriptions. A
 * column is never narrower than its longest word (text) or its longest value (numbers, dates
 * and durations are not wrapped), so nothing is cut mid-word; the space left over goes to the
 * columns whose full text does not fit yet.
 */
export function columnWidths(
  measure: (text: string) => number,
  headers: string[],
  cells: string[][],
  numeric: boolean[],
  total: number,
  measureHeader = measure,
): { widths: number[]; scale: number } {
  // 6 pt of cell inset plus slack: pdfkit wraps a word that fills the width exactly.
  const pad = 12;
  const longestWord = (t: string, m = measure) => Math.max(0, ...t.split(/\s+/).map(m));
  const min = headers.map((h, i) => {
    const values = cells.map((row) => row[i]);
    const unbroken = numeric[i] ? values.map(measure) : values.map((v) => longestWord(v));
    return Math.min(Math.max(longestWord(h, measureHeader), ...unbroken) + pad, 160);
  });
  const want = headers.map((h, i) =>
    Math.max(min[i], Math.min(Math.max(measureHeader(h), ...cells.map((row) => measure(row[i]))) + pad, 260)),
  );
  const sumMin = min.reduce((a, b) => a + b, 0);
  // Too many columns even at their narrowest: the caller shrinks the font by `scale`.
  if (sumMin >= total) return { widths: min.map((w) => (w / sumMin) * total), scale: total / sumMin };
  return { widths: share(min, want, total), scale: 1 };
}

function share(min: number[], want: number[], total: number): number[] {
  const sumMin = min.reduce((a, b) => a + b, 0);
  const need = want.map((w, i) => w - min[i]);
  const sumNeed = need.reduce((a, b) => a + b, 0);
  const extra = total - sumMin;
  if (sumNeed > extra) return min.map((w, i) => w + (need[i] / sumNeed) * extra);
  const sumWant = sumMin + sumNeed;
  return want.map((w) => w + (w / sumWant) * (total - sumWant));
}
