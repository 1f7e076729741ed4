import { nearestRank, select } from './percentile';

/**
 * Bandwidth of a link (or an agency queue) over a period from its 5-minute average rates, as a
 * bill shows it. All rates in bit/s, volumes in bytes. Formulas in docs/service-levels.md.
 */
export interface BandwidthInput {
  /** 5-minute mean rates; NaN where there is no sample. in and out are aligned by index. */
  inBps: ArrayLike<number>;
  outBps: ArrayLike<number>;
  intervalSeconds: number;
  /** What utilisation is measured against: the committed rate, else the interface speed. */
  capacityBps?: number;
  committedBps?: number;
  /** Percentile to bill at (95 by default). */
  percentile?: number;
  saturation?: SaturationRule;
}

export interface SaturationRule {
  /** A sample is at the ceiling when within this % of the period's highest sample. */
  bandPercent: number;
  /** At least this many such samples (6 × 5 min = 30 min) before the link counts as saturated. */
  minSamples: number;
  /** The ceiling may fall short of the committed rate by this % before it is a finding. */
  tolerancePercent: number;
}

export const DEFAULT_SATURATION: SaturationRule = { bandPercent: 3, minSamples: 6, tolerancePercent: 5 };

export type CommittedVerdict = 'ok' | 'below' | 'not-saturated' | 'no-target' | 'no-data';

export interface CommittedCheck {
  verdict: CommittedVerdict;
  /** The direction whose plateau decided (the one nearer saturation). */
  direction: 'in' | 'out' | null;
  /** Mean of the samples at the ceiling: what the link really delivers when demand fills it. */
  ceilingBps: number | null;
  saturatedSamples: number;
  /** How far the ceiling is below the committed rate, % of the committed rate. */
  shortfallPercent: number | null;
}

export interface BandwidthSummary {
  samples: number;
  p95InBps: number | null;
  p95OutBps: number | null;
  /** max(p95 in, p95 out): what LibreNMS bills by default. */
  p95MaxBps: number | null;
  /** p95 of (in + out) per sample: LibreNMS "aggregate" bills. */
  p95AggregateBps: number | null;
  avgInBps: number | null;
  avgOutBps: number | null;
  peakInBps: number | null;
  peakOutBps: number | null;
  /** max(avg in, avg out) / capacity and max(peak in, peak out) / capacity, in %. */
  avgUtilisationPercent: number | null;
  peakUtilisationPercent: number | null;
  p95UtilisationPercent: number | null;
  volumeInBytes: number;
  volumeOutBytes: number;
  committed: CommittedCheck;
}

function stats(values: ArrayLike<number>) {
  let n = 0;
  let sum = 0;
  let peak = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
    if (v > peak) peak = v;
  }
  return { n, sum, avg: n ? sum / n : null, peak: n ? peak : null };
}

const share = (v: number | null, of?: number) => (v === null || !of ? null : (100 * v) / of);
const maxOrNull = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : Math.max(a, b));

export function summariseBandwidth(input: BandwidthInput): BandwidthSummary {
  const p = input.percentile ?? 95;
  // One pass: sums and peaks, and compact copies without the NaN gaps for the selections
  // (a year over 2,000 links is 6,000 selections; every extra pass shows).
  const len = input.inBps.length;
  const dIn = new Float64Array(len);
  const dOut = new Float64Array(len);
  const dAgg = new Float64Array(len);
  let nIn = 0;
  let nOut = 0;
  let nAgg = 0;
  let sumIn = 0;
  let sumOut = 0;
  let peakIn = -Infinity;
  let peakOut = -Infinity;
  for (let i = 0; i < len; i++) {
    const a = input.inBps[i];
    const b = input.outBps[i];
    const hasA = !Number.isNaN(a);
    const hasB = !Number.isNaN(b);
    if (hasA) {
      dIn[nIn++] = a;
      sumIn += a;
      if (a > peakIn) peakIn = a;
    }
    if (hasB) {
      dOut[nOut++] = b;
      sumOut += b;
      if (b > peakOut) peakOut = b;
    }
    if (hasA && hasB) dAgg[nAgg++] = a + b;
  }
  const pick = (d: Float64Array, n: number) => (n ? select(d, n, nearestRank(p, n) - 1) : null);
  const p95InBps = pick(dIn, nIn);
  const p95OutBps = pick(dOut, nOut);
  const p95MaxBps = maxOrNull(p95InBps, p95OutBps);
  const avgIn = nIn ? sumIn / nIn : null;
  const avgOut = nOut ? sumOut / nOut : null;
  const pkIn = nIn ? peakIn : null;
  const pkOut = nOut ? peakOut : null;
  return {
    samples: Math.max(nIn, nOut),
    p95InBps,
    p95OutBps,
    p95MaxBps,
    p95AggregateBps: pick(dAgg, nAgg),
    avgInBps: avgIn,
    avgOutBps: avgOut,
    peakInBps: pkIn,
    peakOutBps: pkOut,
    avgUtilisationPercent: share(maxOrNull(avgIn, avgOut), input.capacityBps),
    peakUtilisationPercent: share(maxOrNull(pkIn, pkOut), input.capacityBps),
    p95UtilisationPercent: share(p95MaxBps, input.capacityBps),
    volumeInBytes: (sumIn * input.intervalSeconds) / 8,
    volumeOutBytes: (sumOut * input.intervalSeconds) / 8,
    // The plateau does not depend on order, so the (reordered) compact copies serve.
    committed: committedRateCheck(
      dIn.subarray(0, nIn),
      dOut.subarray(0, nOut),
      input.committedBps,
      input.saturation,
    ),
  };
}

/**
 * The plateau of one direction: samples within band % of the highest sample. A direction where
 * half or more of the samples sit at the top is a flat line (a constant background load, or no
 * traffic at all): it shows no demand pressing against a limit, so it is not a plateau (flat: true).
 */
function plateau(values: ArrayLike<number>, bandPercent: number) {
  const { n, peak } = stats(values);
  if (peak === null || peak <= 0) return { count: 0, ceiling: null as number | null, flat: false };
  const floor = peak * (1 - bandPercent / 100);
  let count = 0;
  let sum = 0;
  for (let i = 0; i < values.length; i++)
    if (values[i] >= floor) {
      count++;
      sum += values[i];
    }
  return { count, ceiling: sum / count, flat: 2 * count >= n };
}

/**
 * Committed-rate check. A direction is saturated when its highest samples form a plateau: at
 * least minSamples samples within bandPercent of the maximum (demand pressed against a limit for
 * 30 minutes or more, rather than one short peak). Its ceiling is the mean of those samples. A
 * saturated link whose ceiling is more than tolerancePercent below the committed rate is a
 * finding ('below'): it tops out under its contract. Never saturated: the data cannot tell.
 * Limitation: a link pinned at its limit for more than half the period looks like a flat line
 * and is reported 'not-saturated'; its p95 and peak utilisation then tell the story.
 */
export function committedRateCheck(
  inBps: ArrayLike<number>,
  outBps: ArrayLike<number>,
  committedBps?: number,
  rule: SaturationRule = DEFAULT_SATURATION,
): CommittedCheck {
  const none = { direction: null, ceilingBps: null, saturatedSamples: 0, shortfallPercent: null };
  if (!committedBps) return { verdict: 'no-target', ...none };
  const dirs = (['in', 'out'] as const).map((direction) => ({
    direction,
    ...plateau(direction === 'in' ? inBps : outBps, rule.bandPercent),
  }));
  if (dirs.every((d) => d.ceiling === null)) return { verdict: 'no-data', ...none };
  const saturated = dirs.filter((d) => d.ceiling !== null && !d.flat && d.count >= rule.minSamples);
  if (saturated.length === 0) return { verdict: 'not-saturated', ...none };
  const best = saturated.reduce((a, b) => (b.ceiling! > a.ceiling! ? b : a));
  const shortfallPercent = Math.max(0, (100 * (committedBps - best.ceiling!)) / committedBps);
  return {
    verdict: shortfallPercent > rule.tolerancePercent ? 'below' : 'ok',
    direction: best.direction,
    ceilingBps: best.ceiling,
    saturatedSamples: best.count,
    shortfallPercent,
  };
}

export interface SlaContract {
  availabilityPercent?: number;
  latencyMs?: number;
  lossPercent?: number;
}

export interface SlaMeasured {
  availabilityPercent: number | null;
  latencyMs: number | null;
  lossPercent: number | null;
}

export interface SlaItem {
  metric: 'availability' | 'latency' | 'loss';
  contract: number;
  measured: number | null;
  /** null when nothing was measured. */
  met: boolean | null;
}

/** The ISP's contract against the NOC's own measurements: availability ≥, latency ≤, loss ≤. */
export function slaCheck(contract: SlaContract, measured: SlaMeasured): SlaItem[] {
  const items: SlaItem[] = [];
  const add = (
    metric: SlaItem['metric'],
    c: number | undefined,
    m: number | null,
    higherIsBetter: boolean,
  ) => {
    if (c === undefined) return;
    items.push({
      metric,
      contract: c,
      measured: m,
      met: m === null ? null : higherIsBetter ? m >= c : m <= c,
    });
  };
  add('availability', contract.availabilityPercent, measured.availabilityPercent, true);
  add('latency', contract.latencyMs, measured.latencyMs, false);
  add('loss', contract.lossPercent, measured.lossPercent, false);
  return items;
}
