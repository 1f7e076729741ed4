import type { Varbinds } from '../types';
import { num, round, scaled, table } from './util';
import type { UpsReading } from './ups-reading';

/**
 * Eaton/Powerware XUPS-MIB (1.3.6.1.4.1.534.1), spoken by ConnectUPS and Network-MS cards.
 * xupsBatTimeRemaining is in seconds, xupsBatVoltage in V DC, frequencies in 0.1 Hz,
 * per-phase voltages V RMS, output watts W.
 */

const X = '1.3.6.1.4.1.534.1';
export const XUPS = {
  root: X,
  batTimeRemaining: X + '.2.1.0',
  batVoltage: X + '.2.2.0',
  batCapacity: X + '.2.4.0',
  inputFrequency: X + '.3.1.0',
  inputEntry: X + '.3.4.1',
  outputLoad: X + '.4.1.0',
  outputFrequency: X + '.4.2.0',
  outputEntry: X + '.4.4.1',
  outputSource: X + '.4.5.0',
  envAmbientTemp: X + '.6.1.0',
  envAmbientHumidity: X + '.6.6.0',
  alarms: X + '.7.1.0',
} as const;

/** xupsOutputSource: other(1), none(2), normal(3), bypass(4), battery(5), booster(6), reducer(7), parallel/HE modes (8-11) on mains. */
const OUTPUT_SOURCE: Record<number, UpsReading['output_source']> = {
  1: 'other',
  2: 'none',
  3: 'normal',
  4: 'bypass',
  5: 'battery',
  6: 'normal',
  7: 'normal',
  8: 'normal',
  9: 'normal',
  10: 'normal',
};

function nonNegative(v: number | undefined): number | undefined {
  return v !== undefined && v >= 0 ? v : undefined;
}

export function parseXups(vb: Varbinds): UpsReading {
  const seconds = nonNegative(num(vb.get(XUPS.batTimeRemaining)));
  const input = [...table(vb, XUPS.inputEntry).values()].find((r) => (num(r.get(2)) ?? 0) > 0);
  const outputs = [...table(vb, XUPS.outputEntry).values()].filter((r) => (num(r.get(2)) ?? 0) > 0);
  const watts = outputs.map((r) => nonNegative(num(r.get(4)))).filter((v): v is number => v !== undefined);
  return {
    charge_percent: nonNegative(num(vb.get(XUPS.batCapacity))),
    runtime_minutes: seconds !== undefined ? round(seconds / 60) : undefined,
    battery_voltage: nonNegative(num(vb.get(XUPS.batVoltage))),
    input_voltage: input ? num(input.get(2)) : undefined,
    input_frequency_hz: scaled(nonNegative(num(vb.get(XUPS.inputFrequency))), 0.1),
    output_source: OUTPUT_SOURCE[num(vb.get(XUPS.outputSource)) ?? 0],
    output_voltage: outputs.length ? num(outputs[0].get(2)) : undefined,
    output_frequency_hz: scaled(nonNegative(num(vb.get(XUPS.outputFrequency))), 0.1),
    load_percent: nonNegative(num(vb.get(XUPS.outputLoad))),
    output_watts: watts.length ? watts.reduce((a, b) => a + b, 0) : undefined,
    alarms: nonNegative(num(vb.get(XUPS.alarms))),
  };
}
