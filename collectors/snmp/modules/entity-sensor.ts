import type { Sample } from '../../../agent/sample';
import { detectProfile } from '../profiles';
import type { ModuleContext, SnmpModule, SystemInfo, Varbinds } from '../types';
import { compact, num, sample, table, text } from './util';

/**
 * ENTITY-SENSOR-MIB (RFC 3433): entPhySensorTable (1.3.6.1.2.1.99.1.1), indexed by
 * entPhysicalIndex, named from ENTITY-MIB entPhysicalName. value = raw × 10^scale ×
 * 10^-precision. Sensors whose entPhySensorOperStatus is not ok(1) are left out.
 */

export const ENTITY_SENSOR = {
  entry: '1.3.6.1.2.1.99.1.1.1',
  physicalName: '1.3.6.1.2.1.47.1.1.1.1.7',
  physicalDescr: '1.3.6.1.2.1.47.1.1.1.1.2',
} as const;

/** EntitySensorDataScale → power of ten (yes, exa(14) is 10^18 and peta(15) 10^15 in the MIB). */
const SCALE: Record<number, number> = {
  1: -24,
  2: -21,
  3: -18,
  4: -15,
  5: -12,
  6: -9,
  7: -6,
  8: -3,
  9: 0,
  10: 3,
  11: 6,
  12: 9,
  13: 12,
  14: 18,
  15: 15,
  16: 21,
  17: 24,
};

/** EntitySensorDataType → sensor type and unit; truthvalue becomes an ok/not-ok status. */
const TYPES: Record<number, { type: string; unit: string }> = {
  1: { type: 'other', unit: '' },
  2: { type: 'other', unit: '' },
  3: { type: 'voltage', unit: 'V' },
  4: { type: 'voltage', unit: 'V' },
  5: { type: 'current', unit: 'A' },
  6: { type: 'power', unit: 'W' },
  7: { type: 'frequency', unit: 'Hz' },
  8: { type: 'temperature', unit: 'C' },
  9: { type: 'humidity', unit: '%' },
  10: { type: 'fan', unit: 'rpm' },
  11: { type: 'airflow', unit: 'm3/min' },
  12: { type: 'status', unit: 'ok' },
};

export function parseEntitySensor(vb: Varbinds, ctx: ModuleContext): Sample[] {
  const out: (Sample | undefined)[] = [];
  for (const [index, row] of table(vb, ENTITY_SENSOR.entry)) {
    const kind = TYPES[num(row.get(1)) ?? 0];
    const raw = num(row.get(4));
    const oper = num(row.get(5));
    if (!kind || raw === undefined || (oper !== undefined && oper !== 1)) continue;
    const exponent = SCALE[num(row.get(2)) ?? 9] ?? 0;
    const precision = num(row.get(3)) ?? 0;
    const precisionDigits = precision >= -8 && precision <= 9 ? precision : 0;
    // truthvalue: true(1) means the condition the sensor reports holds (ok), false(2) not.
    const value =
      kind.type === 'status'
        ? raw === 1
          ? 1
          : 0
        : Number((raw * 10 ** (exponent - precisionDigits)).toPrecision(12));
    const name =
      text(vb.get(`${ENTITY_SENSOR.physicalName}.${index}`)) ||
      text(vb.get(`${ENTITY_SENSOR.physicalDescr}.${index}`)) ||
      `sensor ${index}`;
    out.push(sample('sensor', ctx, { type: kind.type, name, unit: kind.unit, index }, { value }));
  }
  return compact(out);
}

export const entitySensorModule: SnmpModule = {
  name: 'entity-sensor',
  walk: [ENTITY_SENSOR.entry, ENTITY_SENSOR.physicalName],
  // Network gear, PDUs and sensor boxes of any brand, unknown devices; servers, UPS cards and APC
  // (their own MIBs) are left out.
  applies: (system: SystemInfo) => {
    const p = detectProfile(system);
    return !['server', 'ups'].includes(p.kind) && p.vendor !== 'apc';
  },
  parse: parseEntitySensor,
};
