/**
 * Counter maths shared by every source of interface counters (SNMP, RouterOS API).
 * Counters stay bigint until this step; a reset yields a gap (undefined), never a spike.
 */

const WRAP_32 = 1n << 32n;

export interface CounterPoint {
  value: bigint;
  /** When it was read, ms. */
  time: number;
}

/**
 * The increase between two readings. A 32-bit counter that went backwards wrapped once (the
 * only thing a 32-bit counter can do between two polls of a sane interval); a 64-bit counter
 * that went backwards was reset, and that is a gap.
 */
export function counterDelta(prev: bigint, cur: bigint, bits: 32 | 64): bigint | undefined {
  if (cur >= prev) return cur - prev;
  if (bits === 32 && prev < WRAP_32 && cur < WRAP_32) return cur + WRAP_32 - prev;
  return undefined;
}

/**
 * Per-second rate between two readings, or undefined for a gap: no previous reading, time not
 * moving forward, a reset, or a rate above `maxPerSecond` (a reset the device did not tell us
 * about shows up as an impossible rate).
 */
export function counterRate(
  prev: CounterPoint | undefined,
  cur: CounterPoint,
  bits: 32 | 64,
  maxPerSecond?: number,
): number | undefined {
  if (!prev) return undefined;
  const seconds = (cur.time - prev.time) / 1000;
  if (!(seconds > 0)) return undefined;
  const delta = counterDelta(prev.value, cur.value, bits);
  if (delta === undefined) return undefined;
  const rate = Number(delta) / seconds;
  if (maxPerSecond !== undefined && maxPerSecond > 0 && rate > maxPerSecond) return undefined;
  return rate;
}
