import { parseInterfaces, speedMbps } from './interfaces';
import type { SnmpValue } from './types';

const IF = '1.3.6.1.2.1.2.2.1';
const IFX = '1.3.6.1.2.1.31.1.1.1';
const vb = (entries: [string, SnmpValue][]) => new Map(entries);
const str = (s: string) => Buffer.from(s);

test('64-bit counters, ifName, alias, ifHighSpeed', () => {
  const { interfaces, problems } = parseInterfaces(
    vb([
      [`${IF}.2.3`, str('ether3 descr')],
      [`${IF}.5.3`, 4294967295],
      [`${IF}.7.3`, 1],
      [`${IF}.8.3`, 2],
      [`${IF}.10.3`, 123],
      [`${IF}.14.3`, 7],
      [`${IFX}.1.3`, str('ether3')],
      [`${IFX}.6.3`, 18446744073709551615n],
      [`${IFX}.10.3`, 5n],
      [`${IFX}.15.3`, 10000],
      [`${IFX}.18.3`, str('uplink ISP')],
      [`${IFX}.19.3`, 0],
    ]),
  );
  expect(problems).toEqual([]);
  expect(interfaces).toEqual([
    {
      ifIndex: '3',
      ifName: 'ether3',
      ifDescr: 'ether3 descr',
      ifAlias: 'uplink ISP',
      adminStatus: 1,
      operStatus: 2,
      speedMbps: 10000,
      counterBits: 64,
      inOctets: 18446744073709551615n,
      outOctets: 5n,
      inUcastPkts: undefined,
      outUcastPkts: undefined,
      inErrors: 7n,
      outErrors: undefined,
      inDiscards: undefined,
      outDiscards: undefined,
      discontinuity: 0,
    },
  ]);
});

test('ifTable only: 32-bit counters, name from ifDescr, ifIndex order numeric', () => {
  const { interfaces } = parseInterfaces(
    vb([
      [`${IF}.2.10`, str('port 10')],
      [`${IF}.2.9`, str('port 9\0')],
      [`${IF}.5.9`, 100_000_000],
      [`${IF}.10.9`, 4294967295],
      [`${IF}.16.9`, 0],
      [`${IF}.11.9`, 99],
    ]),
  );
  expect(interfaces.map((i) => [i.ifIndex, i.ifName, i.counterBits])).toEqual([
    ['9', 'port 9', 32],
    ['10', 'port 10', 32],
  ]);
  expect(interfaces[0]).toMatchObject({
    inOctets: 4294967295n,
    outOctets: 0n,
    inUcastPkts: 99n,
    speedMbps: 100,
  });
});

test('wrong types are named and left out', () => {
  const { interfaces, problems } = parseInterfaces(
    vb([
      [`${IF}.2.1`, str('eth0')],
      [`${IF}.8.1`, str('up')],
      [`${IFX}.6.1`, str('garbage')],
      [`${IFX}.10.1`, 10n],
    ]),
  );
  expect(problems).toEqual([
    'ifHCInOctets.1: expected a counter, got OCTET STRING',
    'ifOperStatus.1: expected a number, got OCTET STRING',
  ]);
  expect(interfaces[0]).toMatchObject({
    ifName: 'eth0',
    operStatus: undefined,
    inOctets: undefined,
    outOctets: 10n,
    counterBits: 64,
  });
});

test.each([
  [1000, 1_000_000_000, 1000],
  [0, 10_000_000, 10],
  [undefined, 4294967295, undefined],
  [undefined, 0, 0],
  [undefined, undefined, undefined],
])('speedMbps(ifHighSpeed %p, ifSpeed %p) = %p', (high, speed, expected) => {
  expect(speedMbps(high, speed)).toBe(expected);
});
