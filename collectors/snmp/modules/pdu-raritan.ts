import type { Sample } from '../../../agent/sample';
import { detectProfile } from '../profiles';
import type { ModuleContext, SnmpModule, SystemInfo, Varbinds } from '../types';
import { compact, num, sample, table, text } from './util';

/**
 * Raritan PX2/PX3 PDUs, PDU2-MIB (1.3.6.1.4.1.13742.6). Every reading is a row of a
 * measurements table indexed by (pdu, inlet|overCurrentProtector|outlet, sensorType), with
 * its decimal digits in the matching configuration table: value = raw / 10^digits.
 * Inlets give the device totals, over-current protectors (breakers) the banks, outlets the
 * outlets. activeEnergy is in Wh.
 */

const P = '1.3.6.1.4.1.13742.6';
export const RARITAN = {
  root: P,
  inletSensorDecimals: P + '.3.3.4.1.7',
  ocpLabel: P + '.3.4.3.1.2',
  ocpSensorDecimals: P + '.3.4.4.1.7',
  outletLabel: P + '.3.5.3.1.2',
  outletName: P + '.3.5.3.1.3',
  outletSensorDecimals: P + '.3.5.4.1.7',
  inletMeasurementEntry: P + '.5.2.3.1',
  ocpMeasurementEntry: P + '.5.3.3.1',
  outletMeasurementEntry: P + '.5.4.3.1',
} as const;

/** PDU2-MIB SensorTypeEnumeration values read here. */
const SENSOR = {
  rmsCurrent: 1,
  rmsVoltage: 4,
  activePower: 5,
  apparentPower: 6,
  powerFactor: 7,
  activeEnergy: 8,
};

const FIELDS: Record<number, { field: string; factor: number }> = {
  [SENSOR.rmsCurrent]: { field: 'current_amps', factor: 1 },
  [SENSOR.rmsVoltage]: { field: 'voltage', factor: 1 },
  [SENSOR.activePower]: { field: 'power_watts', factor: 1 },
  [SENSOR.apparentPower]: { field: 'apparent_power_va', factor: 1 },
  [SENSOR.powerFactor]: { field: 'power_factor', factor: 1 },
  [SENSOR.activeEnergy]: { field: 'energy_kwh', factor: 0.001 },
};

/** measurementsXSensorValue (column 4) rows grouped by "pdu.entity", with decimals applied. */
function readings(vb: Varbinds, entry: string, decimalsColumn: string): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  for (const [index, row] of table(vb, entry)) {
    const parts = index.split('.');
    if (parts.length !== 3) continue;
    const type = Number(parts[2]);
    const target = FIELDS[type];
    const raw = num(row.get(4));
    // measurementsXSensorIsAvailable (column 2) is TruthValue: 2 = false.
    if (!target || raw === undefined || num(row.get(2)) === 2) continue;
    const digits = num(vb.get(`${decimalsColumn}.${index}`)) ?? 0;
    const value = (raw / 10 ** Math.max(0, Math.min(digits, 9))) * target.factor;
    const key = `${parts[0]}.${parts[1]}`;
    const fields = out.get(key) ?? {};
    fields[target.field] = Math.round(value * 1e6) / 1e6;
    out.set(key, fields);
  }
  return out;
}

export function parseRaritanPdu(vb: Varbinds, ctx: ModuleContext): Sample[] {
  const out: (Sample | undefined)[] = [];
  const inlets = readings(vb, RARITAN.inletMeasurementEntry, RARITAN.inletSensorDecimals);
  for (const [key, fields] of inlets) {
    // A single-inlet PDU's inlet is the whole device; with more inlets each keeps its number.
    const [pdu, inlet] = key.split('.');
    const tags =
      inlets.size === 1 ? { scope: 'device', index: pdu } : { scope: 'inlet', index: `${pdu}.${inlet}` };
    out.push(sample('pdu', ctx, tags, fields));
  }
  for (const [key, fields] of readings(vb, RARITAN.ocpMeasurementEntry, RARITAN.ocpSensorDecimals)) {
    const label = text(vb.get(`${RARITAN.ocpLabel}.${key}`));
    out.push(
      sample(
        'pdu',
        ctx,
        { scope: 'bank', index: key.split('.')[1], ...(label ? { name: label } : {}) },
        fields,
      ),
    );
  }
  for (const [key, fields] of readings(vb, RARITAN.outletMeasurementEntry, RARITAN.outletSensorDecimals)) {
    const name =
      text(vb.get(`${RARITAN.outletName}.${key}`)) || text(vb.get(`${RARITAN.outletLabel}.${key}`));
    out.push(
      sample('pdu', ctx, { scope: 'outlet', index: key.split('.')[1], ...(name ? { name } : {}) }, fields),
    );
  }
  return compact(out);
}

export const raritanPduModule: SnmpModule = {
  name: 'pdu-raritan',
  walk: [
    RARITAN.inletSensorDecimals,
    RARITAN.ocpLabel,
    RARITAN.ocpSensorDecimals,
    RARITAN.outletLabel,
    RARITAN.outletName,
    RARITAN.outletSensorDecimals,
    RARITAN.inletMeasurementEntry,
    RARITAN.ocpMeasurementEntry,
    RARITAN.outletMeasurementEntry,
  ],
  applies: (system: SystemInfo) => detectProfile(system).vendor === 'raritan',
  parse: parseRaritanPdu,
};
