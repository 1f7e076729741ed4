/**
 * Pure maths for the simulated devices: every moving value is a function of time, so a GET
 * computes it on the spot and two reads always agree with the elapsed time between them.
 */

/** A traffic profile: mean bytes/s, and two sine swings (fractions of the mean) for a living graph. */
export interface Traffic {
  meanBytesPerSecond: number;
  /** Slow swing (minutes) and fast swing (tens of seconds); their sum must stay below 1. */
  slow: number;
  fast: number;
  /** Phase offset in radians, so ports do not move in lockstep. */
  phase: number;
}

const SLOW_PERIOD = 600;
const FAST_PERIOD = 47;

/** Instantaneous rate in bytes/s at time t (seconds). */
export function trafficRate(p: Traffic, t: number): number {
  const w = (period: number) => (2 * Math.PI * t) / period + p.phase;
  return p.meanBytesPerSecond * (1 + p.slow * Math.sin(w(SLOW_PERIOD)) + p.fast * Math.sin(w(FAST_PERIOD)));
}

/**
 * Bytes transferred from 0 to t: the closed-form integral of trafficRate. With slow + fast < 1
 * the rate is always positive, so the counter never goes backwards.
 */
export function trafficBytes(p: Traffic, t: number): bigint {
  const swing = (amp: number, period: number) =>
    ((amp * period) / (2 * Math.PI)) * (Math.cos(p.phase) - Math.cos((2 * Math.PI * t) / period + p.phase));
  const total = p.meanBytesPerSecond * (t + swing(p.slow, SLOW_PERIOD) + swing(p.fast, FAST_PERIOD));
  return BigInt(Math.max(0, Math.floor(total)));
}

/** A value wandering smoothly around a centre (temperatures, CPU load, phase current). */
export function wander(centre: number, amplitude: number, t: number, period: number, phase = 0): number {
  return (
    centre +
    amplitude *
      (0.7 * Math.sin((2 * Math.PI * t) / period + phase) +
        0.3 * Math.sin((2 * Math.PI * t) / (period / 7.3)))
  );
}

/** Deterministic per-name number in [0, 1), so each port and device gets its own phase and load. */
export function seed(name: string): number {
  let h = 2166136261;
  for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

/**
 * ∫₀ᵗ wander(centre, amplitude, s, period, phase) ds in closed form, so an energy meter fed by
 * a wandering power is exact at any clock value and never goes backwards while the power is
 * positive.
 */
export function wanderIntegral(
  centre: number,
  amplitude: number,
  t: number,
  period: number,
  phase = 0,
): number {
  const sineIntegral = (p: number, ph: number) =>
    (p / (2 * Math.PI)) * (Math.cos(ph) - Math.cos((2 * Math.PI * t) / p + ph));
  return centre * t + amplitude * (0.7 * sineIntegral(period, phase) + 0.3 * sineIntegral(period / 7.3, 0));
}
