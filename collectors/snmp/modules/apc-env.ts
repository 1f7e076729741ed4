import type { Sample } from '../../../agent/sample';
import { detectProfile } from '../profiles';
import type { ModuleContext, SnmpModule, SystemInfo, Varbinds } from '../types';
import { compact, num, sample, scaled, table, text } from './util';

/**
 * APC environment probes (PowerNet-MIB), wherever they hang:
 * - NMC2/3 universal I/O ports, uioSensorStatusTable (…318.1.1.25.1.2.1): °C and %RH, -1 = none;
 * - NMC1 integrated environmental monitor, iemStatusProbesTable (…318.1.1.10.2.3.2.1): temperature
 *   in the unit of iemStatusProbeTempUnits (1 C, 2 F);
 * - EMU (AP9340 etc.), emsProbeStatusTable (…318.1.1.10.3.13.1.1), unit from
 *   emsStatusSysTempUnits (…10.3.12.11.0, 1 C, 2 F); when no EMS probe is connected,
 *   memSensorsStatusTable (…318.1.1.10.4.2.3.1), unit from memSensorsStatusSysTempUnits.
 * - rPDU2 temperature/humidity probes (…318.1.1.26.10.2.2.1, tenths of °C).
 * Probes that are not connected are left out; humidity 0 or below means "no humidity sensor".
 */

const A = '1.3.6.1.4.1.318.1.1';
export const APC_ENV = {
  uioSensorEntry: A + '.25.1.2.1',
  iemProbeEntry: A + '.10.2.3.2.1',
  emsTempUnits: A + '.10.3.12.11.0',
  emsProbeEntry: A + '.10.3.13.1.1',
  memTempUnits: A + '.10.4.2.1.0',
  memSensorEntry: A + '.10.4.2.3.1',
  rpdu2SensorEntry: A + '.26.10.2.2.1',
} as const;

function celsius(value: number | undefined, fahrenheit: boolean): number | undefined {
  if (value === undefined) return undefined;
  return fahrenheit ? Math.round((((value - 32) * 5) / 9) * 10) / 10 : value;
}

function probe(ctx: ModuleContext, name: string, temp: number | undefined, humidity: number | undefined) {
  return [
    temp !== undefined
      ? sample('sensor', ctx, { type: 'temperature', name, unit: 'C' }, { value: temp })
      : undefined,
    humidity !== undefined && humidity > 0
      ? sample('sensor', ctx, { type: 'humidity', name, unit: '%' }, { value: humidity })
      : undefined,
  ];
}

function uio(vb: Varbinds, ctx: ModuleContext): (Sample | undefined)[] {
  const out: (Sample | undefined)[] = [];
  for (const [index, row] of table(vb, APC_ENV.uioSensorEntry)) {
    const comm = num(row.get(10));
    if (comm !== undefined && comm !== 2) continue; // uioSensorStatusCommStatus: 2 = commsOK
    const temp = num(row.get(6));
    const name = text(row.get(3)) || `uio ${index}`;
    out.push(...probe(ctx, name, temp !== undefined && temp > -1 ? temp : undefined, num(row.get(7))));
  }
  return out;
}

function iem(vb: Varbinds, ctx: ModuleContext): (Sample | undefined)[] {
  const out: (Sample | undefined)[] = [];
  for (const [index, row] of table(vb, APC_ENV.iemProbeEntry)) {
    if (num(row.get(3)) !== 2) continue; // iemStatusProbeStatus: connected(2)
    const temp = num(row.get(4));
    const name = text(row.get(2)) || `probe ${index}`;
    out.push(...probe(ctx, name, celsius(temp, num(row.get(5)) === 2), num(row.get(6))));
  }
  return out;
}

function ems(vb: Varbinds, ctx: ModuleContext): (Sample | undefined)[] {
  const fahrenheit = num(vb.get(APC_ENV.emsTempUnits)) === 2;
  const out: (Sample | undefined)[] = [];
  for (const [index, row] of table(vb, APC_ENV.emsProbeEntry)) {
    if (num(row.get(10)) !== 2) continue; // emsProbeStatusProbeCommStatus: commsEstablished(2)
    const name = text(row.get(2)) || `probe ${index}`;
    out.push(...probe(ctx, name, celsius(num(row.get(3)), fahrenheit), num(row.get(6))));
  }
  return out;
}

function mem(vb: Varbinds, ctx: ModuleContext): (Sample | undefined)[] {
  const fahrenheit = num(vb.get(APC_ENV.memTempUnits)) === 2;
  const out: (Sample | undefined)[] = [];
  for (const [index, row] of table(vb, APC_ENV.memSensorEntry)) {
    const comm = num(row.get(7));
    if (comm !== undefined && comm !== 2) continue; // memSensorsCommStatus: commsOK(2)
    const name = text(row.get(3)) || `sensor ${index}`;
    const temp = num(row.get(5));
    out.push(
      ...probe(
        ctx,
        name,
        temp !== undefined && temp > -1 ? celsius(temp, fahrenheit) : undefined,
        num(row.get(6)),
      ),
    );
  }
  return out;
}

function rpdu2Probes(vb: Varbinds, ctx: ModuleContext): (Sample | undefined)[] {
  const out: (Sample | undefined)[] = [];
  for (const [index, row] of table(vb, APC_ENV.rpdu2SensorEntry)) {
    if (num(row.get(6)) !== 2) continue; // rPDU2SensorTempHumidityStatusCommStatus: commsOK(2)
    const name = text(row.get(3)) || `probe ${index}`;
    const temp = num(row.get(8));
    out.push(
      ...probe(ctx, name, temp !== undefined && temp > -1 ? scaled(temp, 0.1) : undefined, num(row.get(10))),
    );
  }
  return out;
}

export function parseApcEnv(vb: Varbinds, ctx: ModuleContext): Sample[] {
  const emsProbes = compact(ems(vb, ctx));
  // An EMU lists the same probes in its legacy EMS table and its "mem" table; the EMS table has the names.
  const memProbes = emsProbes.length > 0 ? [] : compact(mem(vb, ctx));
  return [
    ...compact(uio(vb, ctx)),
    ...compact(iem(vb, ctx)),
    ...emsProbes,
    ...memProbes,
    ...compact(rpdu2Probes(vb, ctx)),
  ];
}

export const apcEnvModule: SnmpModule = {
  name: 'apc-env',
  walk: [
    APC_ENV.uioSensorEntry,
    APC_ENV.iemProbeEntry,
    APC_ENV.emsTempUnits.replace(/\.0$/, ''),
    APC_ENV.emsProbeEntry,
    APC_ENV.memTempUnits.replace(/\.0$/, ''),
    APC_ENV.memSensorEntry,
    APC_ENV.rpdu2SensorEntry,
  ],
  applies: (system: SystemInfo) => detectProfile(system).vendor === 'apc',
  parse: parseApcEnv,
};
