import type { FieldValue, Sample } from '../../../agent/sample';
import { detectProfile } from '../profiles';
import type { ModuleContext, SnmpModule, SystemInfo, Varbinds } from '../types';
import { APC_UPS, parseApcUps } from './ups-apc';
import type { UpsReading } from './ups-reading';
import { parseUpsMib, UPS_MIB } from './ups-rfc1628';
import { parseXups, XUPS } from './ups-xups';
import { compact, hasAny, num, sample } from './util';

/**
 * One `ups` sample per UPS, whatever MIB it speaks. A card may answer both the standard
 * UPS-MIB and its vendor MIB (APC NMC with RFC 1628 enabled, Eaton Network-M2): the vendor
 * MIB is finer (tenths, replace-battery flag), so its values win and UPS-MIB fills the gaps.
 */

export function mergeUps(...readings: UpsReading[]): UpsReading {
  const merged: Record<string, unknown> = {};
  for (const r of readings) for (const [k, v] of Object.entries(r)) if (v !== undefined) merged[k] = v;
  return merged as UpsReading;
}

export function upsSample(reading: UpsReading, ctx: ModuleContext): Sample | undefined {
  const fields: Record<string, FieldValue | undefined> = { ...reading };
  if (reading.output_source !== undefined) fields.on_battery = reading.output_source === 'battery';
  return sample('ups', ctx, {}, fields);
}

/** Ambient probe of an Eaton card (xupsEnvAmbientTemp °C, xupsEnvAmbientHumidity %). */
function xupsEnvironment(vb: Varbinds, ctx: ModuleContext): (Sample | undefined)[] {
  const temp = num(vb.get(XUPS.envAmbientTemp));
  const humidity = num(vb.get(XUPS.envAmbientHumidity));
  return [
    temp !== undefined && temp !== 0
      ? sample('sensor', ctx, { type: 'temperature', name: 'ambient', unit: 'C' }, { value: temp })
      : undefined,
    humidity !== undefined && humidity > 0
      ? sample('sensor', ctx, { type: 'humidity', name: 'ambient', unit: '%' }, { value: humidity })
      : undefined,
  ];
}

export function parseUps(vb: Varbinds, ctx: ModuleContext): Sample[] {
  const readings: UpsReading[] = [];
  if (hasAny(vb, UPS_MIB.root)) readings.push(parseUpsMib(vb));
  if (hasAny(vb, XUPS.root)) readings.push(parseXups(vb));
  if (hasAny(vb, APC_UPS.root)) readings.push(parseApcUps(vb));
  if (readings.length === 0) return [];
  return compact([upsSample(mergeUps(...readings), ctx), ...xupsEnvironment(vb, ctx)]);
}

export const upsModule: SnmpModule = {
  name: 'ups',
  walk: [
    UPS_MIB.root,
    APC_UPS.root + '.2',
    APC_UPS.root + '.3',
    APC_UPS.root + '.4',
    APC_UPS.root + '.9.2',
    APC_UPS.root + '.9.3',
    XUPS.root,
  ],
  // UPS cards of any vendor, anything calling itself a UPS, and devices nothing else claims
  // (a UPS-MIB card of an unknown brand).
  applies: (system: SystemInfo) => {
    const p = detectProfile(system);
    return (
      p.kind === 'ups' ||
      p.vendor === 'generic' ||
      p.vendor === 'apc' ||
      p.vendor === 'eaton' ||
      /\bUPS\b/i.test(system.sysDescr ?? '')
    );
  },
  parse: parseUps,
};
