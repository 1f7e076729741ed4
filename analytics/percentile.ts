/**
 * Percentiles as network bills compute them (LibreNMS bills, "burstable" billing): the
 * nearest-rank method. Sort the n samples ascending and take the one at 1-based rank
 * ceil(p × n / 100). For p = 95 and a 30-day month of 5-minute samples (n = 8,640) that is rank
 * 8,208: the 432 highest samples (36 hours) are forgiven. No interpolation: the result is always
 * a sample that was really measured. NaN samples (no data) are left out before counting.
 */
export function nearestRank(p: number, n: number): number {
  // p × n / 100 with p an integer stays exact in floating point (0.95 × 60 would not).
  return Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
}

/** The p-th percentile of the values, or null without any. Does not modify `values`. */
export function percentile(values: ArrayLike<number>, p = 95): number | null {
  const data = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) data[n++] = values[i];
  if (n === 0) return null;
  return select(data, n, nearestRank(p, n) - 1);
}

/**
 * The k-th smallest (0-based) of data[0..n) by quickselect: O(n) on average, so a year of
 * 5-minute samples over 2,000 links does not pay for 6,000 full sorts. Reorders `data`.
 */
export function select(data: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    // Median of three keeps already-sorted input (common: a flat link) from going quadratic.
    const mid = (lo + hi) >>> 1;
    const a = data[lo];
    const b = data[mid];
    const c = data[hi];
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (data[i] < pivot) i++;
      while (data[j] > pivot) j--;
      if (i <= j) {
        const t = data[i];
        data[i] = data[j];
        data[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return data[k];
  }
  return data[k];
}
