import type { SnmpValue, Varbinds } from '../types';
import { parseApcEnv } from './apc-env';
import { parseEntitySensor } from './entity-sensor';
import { parseMikrotikHealth } from './mikrotik-health';

const ctx = { device: 'dev', time: 1000, state: new Map<string, unknown>() };
const vbOf = (entries: Record<string, SnmpValue>): Varbinds => new Map(Object.entries(entries));
const flat = (samples: { tags: Record<string, string>; fields: Record<string, unknown> }[]) =>
  samples.map((s) => `${s.tags.type}|${s.tags.name}|${s.tags.unit}|${String(s.fields.value)}`);

const E = '1.3.6.1.2.1.99.1.1.1';
const NAME = '1.3.6.1.2.1.47.1.1.1.1.7';
function entity(
  index: number,
  type: number,
  scale: number,
  precision: number,
  value: number,
  oper = 1,
  name?: string,
) {
  return {
    [`${E}.1.${index}`]: type,
    [`${E}.2.${index}`]: scale,
    [`${E}.3.${index}`]: precision,
    [`${E}.4.${index}`]: value,
    [`${E}.5.${index}`]: oper,
    ...(name ? { [`${NAME}.${index}`]: Buffer.from(name) } : {}),
  };
}

describe('entity-sensor (ENTITY-SENSOR-MIB)', () => {
  it.each([
    ['celsius, units, precision 0', entity(1, 8, 9, 0, 41), 'temperature|sensor 1|C|41'],
    ['celsius, units, precision 1', entity(2, 8, 9, 1, 415), 'temperature|sensor 2|C|41.5'],
    ['voltsDC, milli, precision 0', entity(3, 4, 8, 0, 3300), 'voltage|sensor 3|V|3.3'],
    ['amperes, milli, precision 2', entity(4, 5, 8, 2, 123456), 'current|sensor 4|A|1.23456'],
    ['watts, units', entity(5, 6, 9, 0, 250), 'power|sensor 5|W|250'],
    ['watts, kilo, precision 1', entity(6, 6, 10, 1, 12), 'power|sensor 6|W|1200'],
    ['watts, micro (SFP optical power)', entity(7, 6, 7, 0, 501), 'power|sensor 7|W|0.000501'],
    ['rpm', entity(8, 10, 9, 0, 5400), 'fan|sensor 8|rpm|5400'],
    ['percentRH', entity(9, 9, 9, 0, 45), 'humidity|sensor 9|%|45'],
    ['truthvalue true = ok', entity(10, 12, 9, 0, 1), 'status|sensor 10|ok|1'],
    ['truthvalue false = not ok', entity(11, 12, 9, 0, 2), 'status|sensor 11|ok|0'],
    ['negative temperature', entity(12, 8, 9, 0, -5), 'temperature|sensor 12|C|-5'],
  ])('%s', (_label, entries, expected) => {
    expect(flat(parseEntitySensor(vbOf(entries), ctx))).toEqual([expected]);
  });

  it('names sensors from entPhysicalName, leaves out unavailable ones, tags the index', () => {
    const samples = parseEntitySensor(
      vbOf({
        ...entity(1001, 8, 9, 0, 37, 1, 'Switch 1 - Inlet Temp Sensor'),
        ...entity(1002, 8, 9, 0, 0, 2, 'Unplugged'),
        ...entity(1003, 8, 9, 0, 0, 3, 'Broken'),
      }),
      ctx,
    );
    expect(samples).toEqual([
      {
        measurement: 'sensor',
        tags: {
          device: 'dev',
          type: 'temperature',
          name: 'Switch 1 - Inlet Temp Sensor',
          unit: 'C',
          index: '1001',
        },
        fields: { value: 37 },
        time: 1000,
      },
    ]);
  });

  it('skips rows with an unknown type or no value', () => {
    expect(parseEntitySensor(vbOf({ [`${E}.1.1`]: 99, [`${E}.4.1`]: 5, [`${E}.1.2`]: 8 }), ctx)).toEqual([]);
  });
});

const H = '1.3.6.1.4.1.14988.1.1.3';
describe('mikrotik-health', () => {
  it('RouterOS 6 scalars: tenths, mA, PSU booleans, fans', () => {
    expect(
      flat(
        parseMikrotikHealth(
          vbOf({
            [`${H}.6.0`]: 512,
            [`${H}.8.0`]: 241,
            [`${H}.12.0`]: 187,
            [`${H}.13.0`]: 780,
            [`${H}.15.0`]: 1,
            [`${H}.16.0`]: 0,
            [`${H}.17.0`]: 4200,
          }),
          ctx,
        ),
      ),
    ).toEqual([
      'temperature|cpu-temperature|C|51.2',
      'voltage|voltage|V|24.1',
      'power|power-consumption|W|18.7',
      'current|current|A|0.78',
      'psu|psu-state|ok|1',
      'psu|backup-psu-state|ok|0',
      'fan|fan1-speed|rpm|4200',
    ]);
  });

  it('RouterOS 7 gauges: dV/dA/dW are tenths, status 0 is ok; scalars are then ignored', () => {
    const g = (i: number, name: string, value: number, unit: number) => ({
      [`${H}.100.1.2.${i}`]: Buffer.from(name),
      [`${H}.100.1.3.${i}`]: value,
      [`${H}.100.1.4.${i}`]: unit,
    });
    expect(
      flat(
        parseMikrotikHealth(
          vbOf({
            [`${H}.8.0`]: 240,
            ...g(13, 'voltage', 242, 3),
            ...g(14, 'current', 13, 4),
            ...g(15, 'power-consumption', 315, 5),
            ...g(7401, 'psu1-state', 1, 6),
            ...g(9000, 'poe-out-status', 0, 6),
            ...g(9001, 'mystery', 5, 42),
          }),
          ctx,
        ),
      ),
    ).toEqual([
      'voltage|voltage|V|24.2',
      'current|current|A|1.3',
      'power|power-consumption|W|31.5',
      'psu|psu1-state|ok|0',
      'status|poe-out-status|ok|1',
    ]);
  });
});

const A = '1.3.6.1.4.1.318.1.1';
describe('apc-env', () => {
  it('NMC1 integrated environmental monitor in Fahrenheit, disconnected probe left out', () => {
    expect(
      flat(
        parseApcEnv(
          vbOf({
            [`${A}.10.2.3.2.1.2.1`]: Buffer.from('Rack 3 rear'),
            [`${A}.10.2.3.2.1.3.1`]: 2,
            [`${A}.10.2.3.2.1.4.1`]: 77,
            [`${A}.10.2.3.2.1.5.1`]: 2,
            [`${A}.10.2.3.2.1.6.1`]: 44,
            [`${A}.10.2.3.2.1.2.2`]: Buffer.from('Spare'),
            [`${A}.10.2.3.2.1.3.2`]: 1,
            [`${A}.10.2.3.2.1.4.2`]: 0,
          }),
          ctx,
        ),
      ),
    ).toEqual(['temperature|Rack 3 rear|C|25', 'humidity|Rack 3 rear|%|44']);
  });

  it('EMU probes in Fahrenheit when emsStatusSysTempUnits says so', () => {
    expect(
      flat(
        parseApcEnv(
          vbOf({
            [`${A}.10.3.12.11.0`]: 2,
            [`${A}.10.3.13.1.1.2.1`]: Buffer.from('Cold aisle'),
            [`${A}.10.3.13.1.1.3.1`]: 68,
            [`${A}.10.3.13.1.1.6.1`]: 0,
            [`${A}.10.3.13.1.1.10.1`]: 2,
          }),
          ctx,
        ),
      ),
    ).toEqual(['temperature|Cold aisle|C|20']);
  });

  it('memSensors when no EMS probe is connected; -1 humidity means no humidity sensor', () => {
    expect(
      flat(
        parseApcEnv(
          vbOf({
            [`${A}.10.3.13.1.1.10.1`]: 1,
            [`${A}.10.4.2.3.1.5.0.1`]: 22,
            [`${A}.10.4.2.3.1.6.0.1`]: 48,
            [`${A}.10.4.2.3.1.7.0.1`]: 2,
            [`${A}.10.4.2.3.1.3.0.2`]: Buffer.from('Door'),
            [`${A}.10.4.2.3.1.5.0.2`]: 24,
            [`${A}.10.4.2.3.1.6.0.2`]: -1,
            [`${A}.10.4.2.3.1.7.0.2`]: 2,
            [`${A}.10.4.2.3.1.5.0.3`]: 0,
            [`${A}.10.4.2.3.1.7.0.3`]: 3, // commsLost
          }),
          ctx,
        ),
      ),
    ).toEqual(['temperature|sensor 0.1|C|22', 'humidity|sensor 0.1|%|48', 'temperature|Door|C|24']);
  });

  it('rPDU2 temperature/humidity probe in tenths; a lost uio probe is left out', () => {
    expect(
      flat(
        parseApcEnv(
          vbOf({
            [`${A}.25.1.2.1.3.2.1`]: Buffer.from('Lost'),
            [`${A}.25.1.2.1.6.2.1`]: 30,
            [`${A}.25.1.2.1.10.2.1`]: 3,
            [`${A}.26.10.2.2.1.3.1`]: Buffer.from('Rack A1 top'),
            [`${A}.26.10.2.2.1.6.1`]: 2,
            [`${A}.26.10.2.2.1.8.1`]: 243,
            [`${A}.26.10.2.2.1.10.1`]: 51,
          }),
          ctx,
        ),
      ),
    ).toEqual(['temperature|Rack A1 top|C|24.3', 'humidity|Rack A1 top|%|51']);
  });
});
