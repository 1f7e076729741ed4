import { computeAvailability } from '../analytics/availability';
import { summariseBandwidth } from '../analytics/bandwidth';
import { loadavg } from 'node:os';
import { nearestRank } from '../analytics/percentile';

/**
 * Service-level maths at the size of a large regency: one year of 5-minute data (105,120
 * samples per series) for 500 devices (availability with outages, gaps, maintenance and a parent)
 * and 2,000 links (the full bill: 95th percentile in/out/max/aggregate, averages, volume,
 * committed-rate check). Objects are processed one at a time, as the reports do, so memory stays
 * flat. The peer is the textbook way to take a percentile, a full sort per series; the goal is
 * under 30 s and under 500 MB for the whole year.
 */
const YEAR = 365 * 288;
const STEP = 300_000;
const FROM = Date.UTC(2024, 11, 31, 17);
const DEVICES = Number(process.env.BENCH_DEVICES ?? 500);
const LINKS = Number(process.env.BENCH_LINKS ?? 2000);

/** mulberry32: a fast seeded PRNG, so every run measures the same data. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const times = new Float64Array(YEAR);
for (let i = 0; i < YEAR; i++) times[i] = FROM + i * STEP;
const up = new Uint8Array(YEAR);
const inBps = new Float64Array(YEAR);
const outBps = new Float64Array(YEAR);

function deviceYear(r: () => number): Float64Array {
  up.fill(1);
  // About 12 outages a year of 5 minutes to 4 hours.
  for (let k = 0; k < 12; k++) {
    const at = Math.floor(r() * YEAR);
    const len = 1 + Math.floor(r() * 48);
    up.fill(0, at, Math.min(YEAR, at + len));
  }
  // One monitoring gap of up to a day: drop those samples.
  const gapLen = Math.floor(r() * 288);
  const gapAt = Math.floor(r() * (YEAR - gapLen));
  if (gapLen === 0) return times;
  const t = new Float64Array(YEAR - gapLen);
  t.set(times.subarray(0, gapAt), 0);
  t.set(times.subarray(gapAt + gapLen), gapAt);
  const u = new Uint8Array(t.length);
  u.set(up.subarray(0, gapAt), 0);
  u.set(up.subarray(gapAt + gapLen), gapAt);
  up.set(u);
  return t;
}

function linkYear(r: () => number, capMbps: number) {
  for (let i = 0; i < YEAR; i++) {
    const hour = (i % 288) / 12;
    const diurnal = hour >= 8 && hour < 17 ? 0.7 : 0.2;
    inBps[i] = Math.min(capMbps, capMbps * (diurnal + 0.3 * r())) * 1e6;
    outBps[i] = inBps[i] * 0.3;
  }
}

/** Wall time, and CPU time (user + system): on a shared machine the wall time includes waiting for a core. */
let cpuMs = 0;
function measure<T>(fn: () => T, countCpu = true): { ms: number; result: T } {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const result = fn();
  const c = process.cpuUsage(c0);
  if (countCpu) cpuMs += (c.user + c.system) / 1000;
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, result };
}

function main(): void {
  const r = rng(42);
  let genMs = 0;
  // Availability: 500 devices, each with maintenance windows and its parent's outages.
  let availMs = 0;
  let checksum = 0;
  const parentDown = [{ from: FROM + 1000 * STEP, to: FROM + 1010 * STEP }];
  const maintenance = [{ from: FROM + 50_000 * STEP, to: FROM + 50_024 * STEP }];
  for (let d = 0; d < DEVICES; d++) {
    const g = measure(() => deviceYear(r), false);
    genMs += g.ms;
    const t = g.result;
    const a = measure(() =>
      computeAvailability({
        from: FROM,
        to: FROM + YEAR * STEP,
        times: t,
        up: up.subarray(0, t.length),
        intervalMs: STEP,
        maxGapIntervals: 3,
        maintenance,
        parentDown,
      }),
    );
    availMs += a.ms;
    checksum += a.result.availabilityPercent ?? 0;
  }
  // Bandwidth: 2,000 links, the whole bill each; and the peer: a full sort per series.
  let bwMs = 0;
  let sortMs = 0;
  for (let l = 0; l < LINKS; l++) {
    const cap = [20, 50, 100, 200][l % 4];
    const g = measure(() => linkYear(r, cap), false);
    genMs += g.ms;
    const b = measure(() =>
      summariseBandwidth({
        inBps,
        outBps,
        intervalSeconds: 300,
        capacityBps: cap * 1e6,
        committedBps: cap * 1e6,
      }),
    );
    bwMs += b.ms;
    checksum += b.result.p95MaxBps ?? 0;
    if (l < 100) {
      // The peer on a 100-link sample (it is slow): sort in, out and aggregate and index.
      const s = measure(() => {
        const agg = new Float64Array(YEAR);
        for (let i = 0; i < YEAR; i++) agg[i] = inBps[i] + outBps[i];
        const k = nearestRank(95, YEAR) - 1;
        return [Float64Array.from(inBps).sort()[k], Float64Array.from(outBps).sort()[k], agg.sort()[k]];
      }, false);
      sortMs += s.ms;
      if (s.result[0] !== b.result.p95InBps || s.result[2] !== b.result.p95AggregateBps)
        throw new Error(`percentile mismatch on link ${l}`);
    }
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const totalS = (availMs + bwMs) / 1000;
  const sortPerLink = sortMs / Math.min(100, LINKS);
  const selectPerLink = bwMs / LINKS;
  const ok = totalS < 30 && peakMb < 500;
  const load = loadavg()[0].toFixed(1);
  console.log(
    [
      '## analytics: availability and 95th percentile over a year',
      '',
      `One year of 5-minute samples (${YEAR.toLocaleString('en')} per series): ${DEVICES} devices (availability with`,
      `outages, a gap, maintenance and a parent) and ${LINKS} links (95th percentile in/out/max/aggregate,`,
      'averages, volume, committed-rate check), one object at a time. Data generation is timed apart.',
      '',
      '| step | wall time | per object |',
      '| --- | --- | --- |',
      `| availability, ${DEVICES} devices | ${(availMs / 1000).toFixed(2)} s | ${(availMs / DEVICES).toFixed(2)} ms |`,
      `| bandwidth bill, ${LINKS} links (quickselect) | ${(bwMs / 1000).toFixed(2)} s | ${selectPerLink.toFixed(2)} ms |`,
      `| peer: full sort of in, out, aggregate (100 links) | ${(sortMs / 1000).toFixed(2)} s | ${sortPerLink.toFixed(2)} ms |`,
      `| **total maths** | **${totalS.toFixed(2)} s** wall, ${(cpuMs / 1000).toFixed(2)} s CPU (goal < 30 s) | |`,
      `| data generation (not counted) | ${(genMs / 1000).toFixed(2)} s | |`,
      '',
      `Peak memory (max RSS of the process, generation included): **${peakMb.toFixed(0)} MB** (goal < 500 MB).`,
      `The whole bill per link costs ${(selectPerLink / sortPerLink).toFixed(2)}× the peer's three sorts alone.`,
      `Goal ${ok ? 'met' : 'NOT met'} on wall time (load average ${load} during the run; the CPU time is what`,
      `the maths costs when it has a core to itself). (checksum ${checksum.toExponential(6)})`,
    ].join('\n'),
  );
  if (!ok) process.exitCode = 1;
}

main();
