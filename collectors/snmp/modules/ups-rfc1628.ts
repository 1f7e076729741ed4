import type { Varbinds } from '../types';
import { num, round, scaled, table } from './util';
import type { UpsReading } from './ups-reading';

/**
 * UPS-MIB (RFC 1628, 1.3.6.1.2.1.33), the standard most UPS cards speak (Riello Netman,
 * Eaton/MGE, Socomec, Vertiv, CyberPower, APC with RFC 1628 enabled).
 * Units per the MIB: upsBatteryVoltage 0.1 V DC, upsBatteryTemperature °C, input/output
 * frequency 0.1 Hz, voltages V RMS, output current 0.1 A, power W, load %.
 */

export const UPS_MIB = {
  root: '1.3.6.1.2.1.33.1',
  batteryStatus: '1.3.6.1.2.1.33.1.2.1.0',
  secondsOnBattery: '1.3.6.1.2.1.33.1.2.2.0',
  minutesRemaining: '1.3.6.1.2.1.33.1.2.3.0',
  chargeRemaining: '1.3.6.1.2.1.33.1.2.4.0',
  batteryVoltage: '1.3.6.1.2.1.33.1.2.5.0',
  batteryTemperature: '1.3.6.1.2.1.33.1.2.7.0',
  inputEntry: '1.3.6.1.2.1.33.1.3.3.1',
  outputSource: '1.3.6.1.2.1.33.1.4.1.0',
  outputFrequency: '1.3.6.1.2.1.33.1.4.2.0',
  outputEntry: '1.3.6.1.2.1.33.1.4.4.1',
  alarmsPresent: '1.3.6.1.2.1.33.1.6.1.0',
} as const;

const BATTERY_STATUS: Record<number, UpsReading['battery_status']> = {
  1: 'unknown',
  2: 'normal',
  3: 'low',
  4: 'depleted',
};

/** upsOutputSource: booster/reducer are mains power corrected by the AVR, so "normal". */
const OUTPUT_SOURCE: Record<number, UpsReading['output_source']> = {
  1: 'other',
  2: 'none',
  3: 'normal',
  4: 'bypass',
  5: 'battery',
  6: 'normal',
  7: 'normal',
};

/** A measurement where negative means "not available" (several cards answer -1). */
function nonNegative(v: number | undefined): number | undefined {
  return v !== undefined && v >= 0 ? v : undefined;
}

export function parseUpsMib(vb: Varbinds): UpsReading {
  const inputs = [...table(vb, UPS_MIB.inputEntry).values()];
  const outputs = [...table(vb, UPS_MIB.outputEntry).values()];
  // Lines that exist report a voltage; single-phase units often list unused lines as zeros.
  const liveInput = inputs.find((r) => (num(r.get(3)) ?? 0) > 0);
  const liveOutputs = outputs.filter((r) => (num(r.get(2)) ?? 0) > 0);
  const watts = liveOutputs
    .map((r) => nonNegative(num(r.get(4))))
    .filter((v): v is number => v !== undefined);
  const loads = liveOutputs
    .map((r) => nonNegative(num(r.get(5))))
    .filter((v): v is number => v !== undefined);
  const minutes = nonNegative(num(vb.get(UPS_MIB.minutesRemaining)));
  const source = OUTPUT_SOURCE[num(vb.get(UPS_MIB.outputSource)) ?? 0];
  return {
    battery_status: BATTERY_STATUS[num(vb.get(UPS_MIB.batteryStatus)) ?? 0],
    seconds_on_battery: nonNegative(num(vb.get(UPS_MIB.secondsOnBattery))),
    runtime_minutes: minutes,
    charge_percent: nonNegative(num(vb.get(UPS_MIB.chargeRemaining))),
    battery_voltage: scaled(nonNegative(num(vb.get(UPS_MIB.batteryVoltage))), 0.1),
    battery_temperature_c: num(vb.get(UPS_MIB.batteryTemperature)),
    input_voltage: liveInput ? num(liveInput.get(3)) : undefined,
    input_frequency_hz: liveInput ? scaled(nonNegative(num(liveInput.get(2))), 0.1) : undefined,
    output_source: source,
    output_voltage: liveOutputs.length ? num(liveOutputs[0].get(2)) : undefined,
    output_frequency_hz: scaled(nonNegative(num(vb.get(UPS_MIB.outputFrequency))), 0.1),
    // The most loaded phase is what trips the UPS, so report the maximum.
    load_percent: loads.length ? Math.max(...loads) : undefined,
    output_watts: watts.length ? round(watts.reduce((a, b) => a + b, 0)) : undefined,
    alarms: nonNegative(num(vb.get(UPS_MIB.alarmsPresent))),
  };
}
