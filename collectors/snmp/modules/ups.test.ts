import type { SnmpValue, Varbinds } from '../types';
import { parseUps } from './ups';

const ctx = { device: 'ups1', time: 1000, state: new Map<string, unknown>() };
const vbOf = (entries: Record<string, SnmpValue>): Varbinds => new Map(Object.entries(entries));
const fieldsOf = (entries: Record<string, SnmpValue>) =>
  parseUps(vbOf(entries), ctx).find((s) => s.measurement === 'ups')?.fields;

const U = '1.3.6.1.2.1.33.1';
const A = '1.3.6.1.4.1.318.1.1.1';
const X = '1.3.6.1.4.1.534.1';

describe('ups: UPS-MIB (RFC 1628)', () => {
  it.each([
    [3, 'normal', false],
    [5, 'battery', true],
    [4, 'bypass', false],
    [6, 'normal', false], // booster: AVR on mains
    [7, 'normal', false], // reducer
    [2, 'none', false],
    [1, 'other', false],
  ])('upsOutputSource %i -> %s, on_battery %s', (raw, source, onBattery) => {
    expect(fieldsOf({ [`${U}.4.1.0`]: raw })).toEqual({ output_source: source, on_battery: onBattery });
  });

  it.each([
    [1, 'unknown'],
    [2, 'normal'],
    [3, 'low'],
    [4, 'depleted'],
  ])('upsBatteryStatus %i -> %s', (raw, status) => {
    expect(fieldsOf({ [`${U}.2.1.0`]: raw })).toEqual({ battery_status: status });
  });

  it('a three-phase UPS on battery: worst phase load, total watts, alarms', () => {
    const line = (col: number, values: number[]) =>
      Object.fromEntries(values.map((v, i) => [`${U}.4.4.1.${col}.${i + 1}`, v]));
    expect(
      fieldsOf({
        [`${U}.2.2.0`]: 125,
        [`${U}.2.3.0`]: 12,
        [`${U}.2.4.0`]: 87,
        [`${U}.2.5.0`]: 2731,
        [`${U}.3.3.1.2.1`]: 499,
        [`${U}.3.3.1.3.1`]: 0, // mains gone: input line reads 0 V
        [`${U}.4.1.0`]: 5,
        ...line(2, [229, 230, 231]),
        ...line(4, [3100, 2900, 3500]),
        ...line(5, [41, 38, 47]),
        [`${U}.6.1.0`]: 2,
      }),
    ).toEqual({
      seconds_on_battery: 125,
      runtime_minutes: 12,
      charge_percent: 87,
      battery_voltage: 273.1,
      output_source: 'battery',
      on_battery: true,
      output_voltage: 229,
      load_percent: 47,
      output_watts: 9500,
      alarms: 2,
    });
  });

  it('leaves out "not available" negatives and wrong types instead of writing them', () => {
    expect(
      fieldsOf({
        [`${U}.2.3.0`]: -1,
        [`${U}.2.4.0`]: Buffer.from('n/a'),
        [`${U}.2.5.0`]: -1,
        [`${U}.4.1.0`]: '1.3.6.1', // an OID where an INTEGER belongs
        [`${U}.2.7.0`]: Buffer.from('25'), // a number sent as text is still read
      }),
    ).toEqual({ battery_temperature_c: 25 });
  });

  it('writes nothing for a device without any UPS subtree', () => {
    expect(parseUps(vbOf({ '1.3.6.1.2.1.1.3.0': 5 }), ctx)).toEqual([]);
  });
});

describe('ups: APC PowerNet', () => {
  it('an older card with only the integer "Adv" objects, on battery, battery to replace', () => {
    expect(
      fieldsOf({
        [`${A}.2.1.1.0`]: 3,
        [`${A}.2.2.1.0`]: 64,
        [`${A}.2.2.2.0`]: 31,
        [`${A}.2.2.3.0`]: 90000, // 900 s
        [`${A}.2.2.4.0`]: 2,
        [`${A}.2.2.8.0`]: 26,
        [`${A}.3.2.1.0`]: 0,
        [`${A}.3.2.4.0`]: 0,
        [`${A}.4.1.1.0`]: 3,
        [`${A}.4.2.1.0`]: 230,
        [`${A}.4.2.3.0`]: 35,
      }),
    ).toEqual({
      battery_status: 'low',
      charge_percent: 64,
      battery_temperature_c: 31,
      runtime_minutes: 15,
      battery_replace: true,
      battery_voltage: 26,
      input_voltage: 0,
      input_frequency_hz: 0,
      output_source: 'battery',
      on_battery: true,
      output_voltage: 230,
      load_percent: 35,
    });
  });

  it('prefers the high-precision value over the integer one', () => {
    expect(
      fieldsOf({ [`${A}.2.2.1.0`]: 99, [`${A}.2.3.1.0`]: 995, [`${A}.4.2.3.0`]: 12, [`${A}.4.3.3.0`]: 126 }),
    ).toEqual({
      charge_percent: 99.5,
      load_percent: 12.6,
    });
  });

  it.each([
    [2, 'normal'],
    [3, 'battery'],
    [4, 'normal'],
    [12, 'normal'],
    [6, 'bypass'],
    [9, 'bypass'],
    [10, 'bypass'],
    [7, 'none'],
    [11, 'none'],
    [15, 'battery'],
    [8, 'other'],
    [99, undefined],
  ])('upsBasicOutputStatus %i -> %s', (raw, source) => {
    const f = fieldsOf({ [`${A}.4.1.1.0`]: raw, [`${A}.2.3.1.0`]: 1000 });
    expect(f?.output_source).toBe(source);
    expect(f?.on_battery).toBe(source === undefined ? undefined : source === 'battery');
  });

  it('a three-phase unit (Symmetra PX) reports per phase: summed watts, worst load', () => {
    const phase = (col: number, values: number[]) =>
      Object.fromEntries(values.map((v, i) => [`${A}.9.3.3.1.${col}.1.1.${i + 1}`, v]));
    expect(
      fieldsOf({
        [`${A}.4.1.1.0`]: 2,
        [`${A}.9.2.2.1.4.1`]: 500,
        [`${A}.9.2.3.1.3.1.1.1`]: 231,
        [`${A}.9.2.3.1.3.1.1.2`]: 229,
        ...phase(3, [230, 230, 231]),
        ...phase(7, [5200, 4800, -1]),
        ...phase(10, [31, 28, 36]),
      }),
    ).toEqual({
      output_source: 'normal',
      on_battery: false,
      input_voltage: 231,
      input_frequency_hz: 50,
      output_voltage: 230,
      output_watts: 10000,
      load_percent: 36,
    });
  });

  it('with UPS-MIB enabled too, APC values win and UPS-MIB fills what APC lacks', () => {
    expect(
      fieldsOf({
        [`${U}.2.4.0`]: 98,
        [`${U}.4.1.0`]: 3,
        [`${U}.6.1.0`]: 1,
        [`${A}.2.3.1.0`]: 985,
        [`${A}.4.1.1.0`]: 2,
      }),
    ).toEqual({ charge_percent: 98.5, output_source: 'normal', on_battery: false, alarms: 1 });
  });
});

describe('ups: Eaton XUPS', () => {
  it('runtime in seconds, output source, load, alarms and the ambient probe', () => {
    const samples = parseUps(
      vbOf({
        [`${X}.2.1.0`]: 1530,
        [`${X}.2.4.0`]: 91,
        [`${X}.4.1.0`]: 23,
        [`${X}.4.5.0`]: 5,
        [`${X}.6.1.0`]: 24,
        [`${X}.6.6.0`]: 41,
        [`${X}.7.1.0`]: 1,
      }),
      ctx,
    );
    expect(samples).toEqual([
      {
        measurement: 'ups',
        tags: { device: 'ups1' },
        fields: {
          runtime_minutes: 25.5,
          charge_percent: 91,
          load_percent: 23,
          output_source: 'battery',
          on_battery: true,
          alarms: 1,
        },
        time: 1000,
      },
      {
        measurement: 'sensor',
        tags: { device: 'ups1', type: 'temperature', name: 'ambient', unit: 'C' },
        fields: { value: 24 },
        time: 1000,
      },
      {
        measurement: 'sensor',
        tags: { device: 'ups1', type: 'humidity', name: 'ambient', unit: '%' },
        fields: { value: 41 },
        time: 1000,
      },
    ]);
  });
});
