/**
 * The simulated UPS's battery, as pure state and a step function: on battery the charge drains
 * in proportion to the load (a full battery lasts `fullRuntimeMinutes` at `ratedLoadPercent`),
 * on mains it recharges. Reads integrate from the last read, so the values follow the clock.
 */
export type UpsMode = 'normal' | 'battery';

export interface UpsBattery {
  mode: UpsMode;
  /** Percent, 0..100 (upsEstimatedChargeRemaining). */
  charge: number;
  /** Lab time (s) of the last switch to battery, or undefined on mains. */
  onBatterySince?: number;
  /** Lab time (s) the state was last advanced to. */
  at: number;
}

export const UPS_SPEC = {
  /** Minutes a full battery lasts at the rated load. */
  fullRuntimeMinutes: 30,
  ratedLoadPercent: 35,
  /** Percent of charge regained per minute on mains. */
  rechargePerMinute: 2,
  /** Below this the battery reports batteryLow (upsBatteryStatus 3). */
  lowChargePercent: 25,
} as const;

/** Minutes left at this charge and load (upsEstimatedMinutesRemaining). */
export function runtimeMinutes(charge: number, loadPercent: number): number {
  const atRated = (charge / 100) * UPS_SPEC.fullRuntimeMinutes;
  return Math.max(0, Math.floor((atRated * UPS_SPEC.ratedLoadPercent) / Math.max(loadPercent, 1)));
}

/** The battery at time `now`, given the load (percent) over the interval. */
export function advance(b: UpsBattery, now: number, loadPercent: number): UpsBattery {
  const minutes = Math.max(0, now - b.at) / 60;
  let charge = b.charge;
  if (b.mode === 'battery') {
    const drainPerMinute = (100 / UPS_SPEC.fullRuntimeMinutes) * (loadPercent / UPS_SPEC.ratedLoadPercent);
    charge = Math.max(0, charge - drainPerMinute * minutes);
  } else {
    charge = Math.min(100, charge + UPS_SPEC.rechargePerMinute * minutes);
  }
  return { ...b, charge, at: now };
}

export function switchMode(b: UpsBattery, mode: UpsMode, now: number, loadPercent: number): UpsBattery {
  const current = advance(b, now, loadPercent);
  if (current.mode === mode) return current;
  return { ...current, mode, onBatterySince: mode === 'battery' ? now : undefined };
}

/** upsBatteryStatus: 2 batteryNormal, 3 batteryLow, 4 batteryDepleted. */
export function batteryStatus(b: UpsBattery): number {
  if (b.charge <= 0) return 4;
  return b.charge < UPS_SPEC.lowChargePercent ? 3 : 2;
}
