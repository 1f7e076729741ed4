import type { Sample } from '../../../agent/sample';
import { detectProfile } from '../profiles';
import type { ModuleContext, SnmpModule, SystemInfo, Varbinds } from '../types';
import { compact, num, sample, scaled, table, text } from './util';

/**
 * MikroTik health, MIKROTIK-MIB mtxrHealth (1.3.6.1.4.1.14988.1.1.3). RouterOS v7 lists every
 * reading in the gauge table (…3.100.1: name, value, unit celsius/rpm/dV/dA/dW/status); v6 and
 * SwOS answer fixed scalars (temperatures and voltages ×10, power ×10 W, current mA, PSU state
 * true(1) = ok). When the gauge table has rows the scalars are not read, so nothing is counted
 * twice. Status readings become value 1 (ok) or 0 (not ok).
 */

const H = '1.3.6.1.4.1.14988.1.1.3';
export const MTXR = { health: H, gaugeEntry: H + '.100.1' } as const;

type Kind = { type: string; unit: string; factor: number };
const TEMP: Kind = { type: 'temperature', unit: 'C', factor: 0.1 };
const VOLT: Kind = { type: 'voltage', unit: 'V', factor: 0.1 };

/** Legacy scalars: mtxrHealth.N.0 → RouterOS health name and scaling. */
const SCALARS: Record<number, Kind & { name: string }> = {
  1: { name: 'core-voltage', ...VOLT },
  2: { name: '3.3v-voltage', ...VOLT },
  3: { name: '5v-voltage', ...VOLT },
  4: { name: '12v-voltage', ...VOLT },
  5: { name: 'sensor-temperature', ...TEMP },
  6: { name: 'cpu-temperature', ...TEMP },
  7: { name: 'board-temperature', ...TEMP },
  8: { name: 'voltage', ...VOLT },
  10: { name: 'temperature', ...TEMP },
  11: { name: 'processor-temperature', ...TEMP },
  12: { name: 'power-consumption', type: 'power', unit: 'W', factor: 0.1 },
  13: { name: 'current', type: 'current', unit: 'A', factor: 0.001 },
  15: { name: 'psu-state', type: 'psu', unit: 'ok', factor: 1 },
  16: { name: 'backup-psu-state', type: 'psu', unit: 'ok', factor: 1 },
  17: { name: 'fan1-speed', type: 'fan', unit: 'rpm', factor: 1 },
  18: { name: 'fan2-speed', type: 'fan', unit: 'rpm', factor: 1 },
};

/** mtxrGaugeUnit → type, unit, factor (dV/dA/dW are tenths). */
const GAUGE_UNITS: Record<number, Kind> = {
  1: { type: 'temperature', unit: 'C', factor: 1 },
  2: { type: 'fan', unit: 'rpm', factor: 1 },
  3: { type: 'voltage', unit: 'V', factor: 0.1 },
  4: { type: 'current', unit: 'A', factor: 0.1 },
  5: { type: 'power', unit: 'W', factor: 0.1 },
};

function gaugeSamples(vb: Varbinds, ctx: ModuleContext): (Sample | undefined)[] {
  const out: (Sample | undefined)[] = [];
  for (const [index, row] of table(vb, MTXR.gaugeEntry)) {
    const name = text(row.get(2)) || `gauge ${index}`;
    const raw = num(row.get(3));
    const unit = num(row.get(4));
    if (raw === undefined || unit === undefined) continue;
    if (unit === 6) {
      // status(6): RouterOS shows "ok" as 0 (the CCR2004 recording: fans spinning, fan-state 0).
      const type = /psu|power-supply/i.test(name) ? 'psu' : /fan/i.test(name) ? 'fan' : 'status';
      out.push(sample('sensor', ctx, { type, name, unit: 'ok' }, { value: raw === 0 ? 1 : 0 }));
      continue;
    }
    const kind = GAUGE_UNITS[unit];
    if (kind)
      out.push(
        sample(
          'sensor',
          ctx,
          { type: kind.type, name, unit: kind.unit },
          { value: scaled(raw, kind.factor) },
        ),
      );
  }
  return out;
}

function scalarSamples(vb: Varbinds, ctx: ModuleContext): (Sample | undefined)[] {
  return Object.entries(SCALARS).map(([n, s]) => {
    const raw = num(vb.get(`${H}.${n}.0`));
    if (raw === undefined) return undefined;
    const value = s.type === 'psu' ? (raw === 1 ? 1 : 0) : scaled(raw, s.factor);
    return sample('sensor', ctx, { type: s.type, name: s.name, unit: s.unit }, { value });
  });
}

export function parseMikrotikHealth(vb: Varbinds, ctx: ModuleContext): Sample[] {
  const gauges = compact(gaugeSamples(vb, ctx));
  return gauges.length > 0 ? gauges : compact(scalarSamples(vb, ctx));
}

export const mikrotikHealthModule: SnmpModule = {
  name: 'mikrotik-health',
  walk: [MTXR.health],
  applies: (system: SystemInfo) => detectProfile(system).vendor === 'mikrotik',
  parse: parseMikrotikHealth,
};
