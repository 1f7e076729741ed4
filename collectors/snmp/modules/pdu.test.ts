import type { SnmpValue, Varbinds } from '../types';
import { parseApcPdu } from './pdu-apc';
import { parseRaritanPdu } from './pdu-raritan';

const ctx = { device: 'pdu1', time: 1000, state: new Map<string, unknown>() };
const vbOf = (entries: Record<string, SnmpValue>): Varbinds => new Map(Object.entries(entries));
const rows = (samples: { tags: Record<string, string>; fields: unknown }[]) =>
  samples.map((s) => {
    const { device: _d, ...tags } = s.tags;
    return [tags, s.fields];
  });

const R2 = '1.3.6.1.4.1.318.1.1.26';
const R1 = '1.3.6.1.4.1.318.1.1.12';

describe('pdu-apc', () => {
  it('a three-phase, two-bank, metered-by-outlet rPDU2 (AP8886-like)', () => {
    const vb: Record<string, SnmpValue> = {
      [`${R2}.4.3.1.4.1`]: 2,
      [`${R2}.4.3.1.5.1`]: 412, // 4.12 kW
      [`${R2}.4.3.1.9.1`]: 123456, // 12345.6 kWh
    };
    [
      [52, 230, 118],
      [47, 231, 105],
      [61, 229, 139],
    ].forEach(([a, v, p], i) => {
      vb[`${R2}.6.3.1.3.${i + 1}`] = i + 1;
      vb[`${R2}.6.3.1.4.${i + 1}`] = 2;
      vb[`${R2}.6.3.1.5.${i + 1}`] = a;
      vb[`${R2}.6.3.1.6.${i + 1}`] = v;
      vb[`${R2}.6.3.1.7.${i + 1}`] = p;
    });
    vb[`${R2}.8.3.1.3.1`] = 1;
    vb[`${R2}.8.3.1.5.1`] = 33;
    vb[`${R2}.8.3.1.3.2`] = 2;
    vb[`${R2}.8.3.1.5.2`] = 19;
    vb[`${R2}.9.4.3.1.3.7`] = Buffer.from('srv-db-01');
    vb[`${R2}.9.4.3.1.4.7`] = 7;
    vb[`${R2}.9.4.3.1.6.7`] = 12; // 1.2 A
    vb[`${R2}.9.4.3.1.7.7`] = 265; // W
    vb[`${R2}.9.4.3.1.11.7`] = 8891; // 889.1 kWh
    expect(rows(parseApcPdu(vbOf(vb), ctx))).toEqual([
      [
        { scope: 'device', index: '1' },
        { power_watts: 4120, energy_kwh: 12345.6, load_state: 2 },
      ],
      [
        { scope: 'phase', index: '1' },
        { current_amps: 5.2, voltage: 230, power_watts: 1180, load_state: 2 },
      ],
      [
        { scope: 'phase', index: '2' },
        { current_amps: 4.7, voltage: 231, power_watts: 1050, load_state: 2 },
      ],
      [
        { scope: 'phase', index: '3' },
        { current_amps: 6.1, voltage: 229, power_watts: 1390, load_state: 2 },
      ],
      [{ scope: 'bank', index: '1' }, { current_amps: 3.3 }],
      [{ scope: 'bank', index: '2' }, { current_amps: 1.9 }],
      [
        { scope: 'outlet', index: '7', name: 'srv-db-01' },
        { current_amps: 1.2, power_watts: 265, energy_kwh: 889.1 },
      ],
    ]);
  });

  it('an older AP79xx with only rPDU: device watts, phase and bank loads in 0.1 A', () => {
    expect(
      rows(
        parseApcPdu(
          vbOf({
            [`${R1}.1.16.0`]: 1840,
            [`${R1}.2.3.1.1.2.1`]: 80,
            [`${R1}.2.3.1.1.3.1`]: 1,
            [`${R1}.2.3.1.1.4.1`]: 1,
            [`${R1}.2.3.1.1.5.1`]: 0,
            [`${R1}.2.3.1.1.2.2`]: 45,
            [`${R1}.2.3.1.1.4.2`]: 1,
            [`${R1}.2.3.1.1.5.2`]: 1,
            [`${R1}.2.3.1.1.2.3`]: 35,
            [`${R1}.2.3.1.1.4.3`]: 1,
            [`${R1}.2.3.1.1.5.3`]: 2,
          }),
          ctx,
        ),
      ),
    ).toEqual([
      [{ scope: 'device', index: '1' }, { power_watts: 1840 }],
      [
        { scope: 'phase', index: '1' },
        { current_amps: 8, load_state: 1 },
      ],
      [{ scope: 'bank', index: '1' }, { current_amps: 4.5 }],
      [{ scope: 'bank', index: '2' }, { current_amps: 3.5 }],
    ]);
  });

  it.each([
    ['negative power (not available) is left out', { [`${R2}.4.3.1.5.1`]: -1 }, []],
    ['bytes where a number belongs are left out', { [`${R2}.4.3.1.5.1`]: Buffer.from([0xff, 0x00]) }, []],
    [
      'a Counter64 power (bigint) still reads',
      { [`${R2}.4.3.1.5.1`]: 7n },
      [[{ scope: 'device', index: '1' }, { power_watts: 70 }]],
    ],
    [
      'a numeric string still reads',
      { [`${R2}.4.3.1.5.1`]: Buffer.from('12') },
      [[{ scope: 'device', index: '1' }, { power_watts: 120 }]],
    ],
  ])('%s', (_label, entries, expected) => {
    expect(rows(parseApcPdu(vbOf(entries as Record<string, SnmpValue>), ctx))).toEqual(expected);
  });
});

const P = '1.3.6.1.4.1.13742.6';
describe('pdu-raritan', () => {
  it('applies each sensor’s decimal digits; energy Wh -> kWh; inlet = device, OCP = bank, outlets by name', () => {
    const inlet = (type: number, value: number, digits: number) => ({
      [`${P}.5.2.3.1.4.1.1.${type}`]: value,
      [`${P}.3.3.4.1.7.1.1.${type}`]: digits,
    });
    const samples = parseRaritanPdu(
      vbOf({
        ...inlet(1, 734, 3), // 0.734 A... with 3 digits
        ...inlet(4, 2301, 1), // 230.1 V
        ...inlet(5, 1650, 0), // W
        ...inlet(7, 97, 2), // 0.97
        ...inlet(8, 9876543, 0), // Wh
        [`${P}.5.3.3.1.4.1.2.1`]: 51,
        [`${P}.3.4.4.1.7.1.2.1`]: 1,
        [`${P}.3.4.3.1.2.1.2`]: Buffer.from('C2'),
        [`${P}.5.4.3.1.4.1.5.1`]: 420,
        [`${P}.3.5.4.1.7.1.5.1`]: 3,
        [`${P}.5.4.3.1.4.1.5.5`]: 96,
        [`${P}.3.5.3.1.2.1.5`]: Buffer.from('5'),
        [`${P}.3.5.3.1.3.1.5`]: Buffer.from('web-02'),
        [`${P}.5.4.3.1.4.1.6.5`]: 0,
        [`${P}.5.4.3.1.2.1.6.5`]: 2, // isAvailable false: left out
        [`${P}.5.4.3.1.4.1.7.10`]: 23, // temperature type is not a pdu field
      }),
      ctx,
    );
    expect(rows(samples)).toEqual([
      [
        { scope: 'device', index: '1' },
        { current_amps: 0.734, voltage: 230.1, power_watts: 1650, power_factor: 0.97, energy_kwh: 9876.543 },
      ],
      [{ scope: 'bank', index: '2', name: 'C2' }, { current_amps: 5.1 }],
      [
        { scope: 'outlet', index: '5', name: 'web-02' },
        { current_amps: 0.42, power_watts: 96 },
      ],
    ]);
  });

  it('a two-inlet PDU keeps each inlet', () => {
    const samples = parseRaritanPdu(
      vbOf({ [`${P}.5.2.3.1.4.1.1.5`]: 100, [`${P}.5.2.3.1.4.1.2.5`]: 200 }),
      ctx,
    );
    expect(rows(samples)).toEqual([
      [{ scope: 'inlet', index: '1.1' }, { power_watts: 100 }],
      [{ scope: 'inlet', index: '1.2' }, { power_watts: 200 }],
    ]);
  });
});
