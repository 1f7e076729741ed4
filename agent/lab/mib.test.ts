import { counter64Bytes, wireValue } from './mib';
import { trafficBytes, trafficRate } from './waves';
import { advance, batteryStatus, runtimeMinutes, switchMode, UPS_SPEC } from './devices/ups-state';

describe('counter64Bytes: Counter64 content octets as BER wants them', () => {
  it.each([
    [0n, '00'],
    [5n, '05'],
    [127n, '7f'],
    [128n, '0080'],
    [0xffffn, '00ffff'],
    [2n ** 32n, '0100000000'],
    [2n ** 63n - 1n, '7fffffffffffffff'],
    [2n ** 63n, '008000000000000000'],
    [2n ** 64n - 1n, '00ffffffffffffffff'],
    [2n ** 64n + 7n, '07'],
  ])('%s -> %s', (value, hex) => {
    expect(counter64Bytes(value).toString('hex')).toBe(hex);
  });
});

describe('wireValue', () => {
  it('wraps Counter32 at 2^32 and keeps the low bits of a 64-bit count', () => {
    expect(wireValue('c32', 2n ** 32n + 17n)).toBe(17);
    expect(wireValue('c32', 4_000_000_000)).toBe(4_000_000_000);
  });
  it('rounds integers and clamps gauges to the unsigned 32-bit range', () => {
    expect(wireValue('int', 41.6)).toBe(42);
    expect(wireValue('gauge', -3)).toBe(0);
    expect(wireValue('gauge', 2 ** 40)).toBe(0xffffffff);
  });
});

describe('traffic counters', () => {
  const p = { meanBytesPerSecond: 1_250_000, slow: 0.5, fast: 0.2, phase: 1.1 };
  it('start at 0 and never go backwards', () => {
    expect(trafficBytes(p, 0)).toBe(0n);
    let prev = 0n;
    for (let t = 1; t < 3600; t += 7) {
      const cur = trafficBytes(p, t);
      expect(cur).toBeGreaterThan(prev);
      prev = cur;
    }
  });
  it('are the integral of the rate (the slope matches trafficRate)', () => {
    for (const t of [10, 300, 1234.5, 86400]) {
      const slope = Number(trafficBytes(p, t + 1) - trafficBytes(p, t - 1)) / 2;
      expect(Math.abs(slope - trafficRate(p, t))).toBeLessThan(p.meanBytesPerSecond * 0.01);
    }
  });
  it('average to the mean over a long time and swing between polls', () => {
    const day = Number(trafficBytes(p, 86400)) / 86400;
    expect(Math.abs(day - p.meanBytesPerSecond) / p.meanBytesPerSecond).toBeLessThan(0.01);
    const rates = [0, 10, 20, 30, 40, 50].map(
      (t) => Number(trafficBytes(p, t + 10) - trafficBytes(p, t)) / 10,
    );
    expect(Math.max(...rates) - Math.min(...rates)).toBeGreaterThan(p.meanBytesPerSecond * 0.1);
  });
});

describe('UPS battery', () => {
  const rated = UPS_SPEC.ratedLoadPercent;
  it('drains to 0 in fullRuntimeMinutes at the rated load and reports low, then depleted', () => {
    let b = switchMode({ mode: 'normal', charge: 100, at: 0 }, 'battery', 60, rated);
    expect(b).toEqual({ mode: 'battery', charge: 100, at: 60, onBatterySince: 60 });
    b = advance(b, 60 + 15 * 60, rated);
    expect(b.charge).toBeCloseTo(50, 6);
    expect(runtimeMinutes(b.charge, rated)).toBe(15);
    expect(batteryStatus(b)).toBe(2);
    b = advance(b, 60 + 24 * 60, rated);
    expect(b.charge).toBeCloseTo(20, 6);
    expect(batteryStatus(b)).toBe(3);
    b = advance(b, 60 + 40 * 60, rated);
    expect(b.charge).toBe(0);
    expect(batteryStatus(b)).toBe(4);
    expect(runtimeMinutes(b.charge, rated)).toBe(0);
  });
  it('drains twice as fast at twice the load and recharges on mains', () => {
    let b = switchMode({ mode: 'normal', charge: 100, at: 0 }, 'battery', 0, rated);
    b = advance(b, 300, rated * 2);
    expect(b.charge).toBeCloseTo(100 - (100 / UPS_SPEC.fullRuntimeMinutes) * 10, 6);
    expect(runtimeMinutes(100, rated * 2)).toBe(UPS_SPEC.fullRuntimeMinutes / 2);
    b = switchMode(b, 'normal', 300, rated);
    expect(b.onBatterySince).toBeUndefined();
    b = advance(b, 300 + 120, rated);
    expect(b.charge).toBeCloseTo(
      100 - (100 / UPS_SPEC.fullRuntimeMinutes) * 10 + 2 * UPS_SPEC.rechargePerMinute,
      6,
    );
    expect(advance(b, 10 * 3600, rated).charge).toBe(100);
  });
});
