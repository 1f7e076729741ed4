import type { Varbinds } from '../types';
import { num, round, scaled, table } from './util';
import type { UpsReading } from './ups-reading';

/**
 * APC PowerNet-MIB UPS group (1.3.6.1.4.1.318.1.1.1). Newer cards (NMC2/3) answer the
 * high-precision objects in tenths (…2.3, …3.3, …4.3); older ones only the integer "Adv"
 * objects; the high-precision value is used when present. upsAdvBatteryRunTimeRemaining is
 * TimeTicks (1/100 s).
 */

const UPS = '1.3.6.1.4.1.318.1.1.1';
export const APC_UPS = {
  root: UPS,
  basicBatteryStatus: UPS + '.2.1.1.0',
  advBatteryCapacity: UPS + '.2.2.1.0',
  advBatteryTemperature: UPS + '.2.2.2.0',
  advBatteryRunTimeRemaining: UPS + '.2.2.3.0',
  advBatteryReplaceIndicator: UPS + '.2.2.4.0',
  advBatteryActualVoltage: UPS + '.2.2.8.0',
  highPrecBatteryCapacity: UPS + '.2.3.1.0',
  highPrecBatteryTemperature: UPS + '.2.3.2.0',
  highPrecBatteryActualVoltage: UPS + '.2.3.4.0',
  advInputLineVoltage: UPS + '.3.2.1.0',
  advInputFrequency: UPS + '.3.2.4.0',
  highPrecInputLineVoltage: UPS + '.3.3.1.0',
  highPrecInputFrequency: UPS + '.3.3.4.0',
  basicOutputStatus: UPS + '.4.1.1.0',
  advOutputVoltage: UPS + '.4.2.1.0',
  advOutputFrequency: UPS + '.4.2.2.0',
  advOutputLoad: UPS + '.4.2.3.0',
  highPrecOutputVoltage: UPS + '.4.3.1.0',
  highPrecOutputFrequency: UPS + '.4.3.2.0',
  highPrecOutputLoad: UPS + '.4.3.3.0',
  /** Three-phase units (Symmetra PX, Galaxy): upsPhaseInputVoltage/Frequency, upsPhaseOutput table. */
  phaseInputFrequency: UPS + '.9.2.2.1.4',
  phaseInputEntry: UPS + '.9.2.3.1',
  phaseOutputEntry: UPS + '.9.3.3.1',
} as const;

const BATTERY_STATUS: Record<number, UpsReading['battery_status']> = {
  1: 'unknown',
  2: 'normal',
  3: 'low',
  4: 'fault',
};

/**
 * upsBasicOutputStatus: onLine(2), onBattery(3), onSmartBoost(4), timedSleeping(5),
 * softwareBypass(6), off(7), rebooting(8), switchedBypass(9), hardwareFailureBypass(10),
 * sleepingUntilPowerReturn(11), onSmartTrim(12), ecoMode(13), hotStandby(14),
 * onBatteryTest(15), emergencyStaticBypass(16), staticBypassStandby(17),
 * powerSavingMode(18), spotMode(19), eConversion(20).
 */
const OUTPUT_STATUS: Record<number, UpsReading['output_source']> = {
  1: 'other',
  2: 'normal',
  3: 'battery',
  4: 'normal',
  5: 'none',
  6: 'bypass',
  7: 'none',
  8: 'other',
  9: 'bypass',
  10: 'bypass',
  11: 'none',
  12: 'normal',
  13: 'normal',
  14: 'normal',
  15: 'battery',
  16: 'bypass',
  17: 'bypass',
  18: 'normal',
  19: 'other',
  20: 'normal',
};

/** High-precision (tenths) when the card has it, else the integer object. Negative = not available. */
function pick(vb: Varbinds, highPrec: string, plain: string): number | undefined {
  const hp = num(vb.get(highPrec));
  if (hp !== undefined && hp >= 0) return scaled(hp, 0.1);
  const v = num(vb.get(plain));
  return v !== undefined && v >= 0 ? v : undefined;
}

/**
 * Three-phase APC units report per phase instead: upsPhaseInputVoltage (V, column 3),
 * upsPhaseInputFrequency (0.1 Hz), upsPhaseOutputVoltage (V, 3), upsPhaseOutputPower (W, 7)
 * and upsPhaseOutputPercentLoad (%, 10). Used only where the single-phase objects are missing.
 */
function phases(vb: Varbinds): UpsReading {
  const ok = (v: number | undefined) => (v !== undefined && v >= 0 ? v : undefined);
  const inputs = [...table(vb, APC_UPS.phaseInputEntry).values()].map((r) => ok(num(r.get(3))));
  const outputs = [...table(vb, APC_UPS.phaseOutputEntry).values()];
  const watts = outputs.map((r) => ok(num(r.get(7)))).filter((v): v is number => v !== undefined);
  const loads = outputs.map((r) => ok(num(r.get(10)))).filter((v): v is number => v !== undefined);
  const frequency = [...table(vb, APC_UPS.phaseInputFrequency.replace(/\.4$/, '')).values()][0]?.get(4);
  return {
    input_voltage: inputs.find((v) => v !== undefined && v > 0),
    input_frequency_hz: scaled(ok(num(frequency)), 0.1),
    output_voltage: outputs.map((r) => ok(num(r.get(3)))).find((v) => v !== undefined && v > 0),
    output_watts: watts.length ? watts.reduce((a, b) => a + b, 0) : undefined,
    load_percent: loads.length ? Math.max(...loads) : undefined,
  };
}

export function parseApcUps(vb: Varbinds): UpsReading {
  const single = parseApcSinglePhase(vb);
  const three = phases(vb);
  const merged: UpsReading = { ...single };
  for (const [k, v] of Object.entries(three) as [keyof UpsReading, never][]) {
    if (v !== undefined && merged[k] === undefined) merged[k] = v;
  }
  return merged;
}

function parseApcSinglePhase(vb: Varbinds): UpsReading {
  const ticks = num(vb.get(APC_UPS.advBatteryRunTimeRemaining));
  const replace = num(vb.get(APC_UPS.advBatteryReplaceIndicator));
  const hpTemp = num(vb.get(APC_UPS.highPrecBatteryTemperature));
  const temp = hpTemp !== undefined ? scaled(hpTemp, 0.1) : num(vb.get(APC_UPS.advBatteryTemperature));
  return {
    battery_status: BATTERY_STATUS[num(vb.get(APC_UPS.basicBatteryStatus)) ?? 0],
    charge_percent: pick(vb, APC_UPS.highPrecBatteryCapacity, APC_UPS.advBatteryCapacity),
    runtime_minutes: ticks !== undefined && ticks >= 0 ? round(ticks / 100 / 60) : undefined,
    battery_voltage: pick(vb, APC_UPS.highPrecBatteryActualVoltage, APC_UPS.advBatteryActualVoltage),
    battery_temperature_c: temp,
    battery_replace: replace === 2 ? true : replace === 1 ? false : undefined,
    input_voltage: pick(vb, APC_UPS.highPrecInputLineVoltage, APC_UPS.advInputLineVoltage),
    input_frequency_hz: pick(vb, APC_UPS.highPrecInputFrequency, APC_UPS.advInputFrequency),
    output_source: OUTPUT_STATUS[num(vb.get(APC_UPS.basicOutputStatus)) ?? 0],
    output_voltage: pick(vb, APC_UPS.highPrecOutputVoltage, APC_UPS.advOutputVoltage),
    output_frequency_hz: pick(vb, APC_UPS.highPrecOutputFrequency, APC_UPS.advOutputFrequency),
    load_percent: pick(vb, APC_UPS.highPrecOutputLoad, APC_UPS.advOutputLoad),
  };
}
