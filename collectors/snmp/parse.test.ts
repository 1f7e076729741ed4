import { compareOids, convertValue, counter64ToBigint, inSubtree, SnmpType, text } from './parse';

describe('counter64ToBigint', () => {
  test.each([
    ['8 bytes', '0000000100000000', 4294967296n],
    ['9 bytes with a 0x00 sign byte', '00ffffffffffffffff', 18446744073709551615n],
    ['short', '2a', 42n],
    ['zero', '00', 0n],
    ['top bit set, 8 bytes', '8000000000000000', 9223372036854775808n],
  ])('%s', (_name, hex, expected) => {
    expect(counter64ToBigint(Buffer.from(hex, 'hex'))).toBe(expected);
  });
  test('more than 64 bits is not a Counter64', () => {
    expect(counter64ToBigint(Buffer.from('01ffffffffffffffff', 'hex'))).toBeUndefined();
  });
});

describe('convertValue per the module contract', () => {
  test.each([
    ['Integer', SnmpType.Integer, -5, -5],
    ['Counter32', SnmpType.Counter32, 4294967295, 4294967295],
    ['Gauge32', SnmpType.Gauge32, 1000, 1000],
    ['TimeTicks', SnmpType.TimeTicks, 12345, 12345],
    ['Counter64 buffer', SnmpType.Counter64, Buffer.from('00ffffffffffffffff', 'hex'), 18446744073709551615n],
    ['OID', SnmpType.OID, '1.3.6.1.4.1.14988.1', '1.3.6.1.4.1.14988.1'],
    ['IpAddress', SnmpType.IpAddress, '10.0.0.1', '10.0.0.1'],
    ['OctetString', SnmpType.OctetString, Buffer.from('ether1'), Buffer.from('ether1')],
    ['Opaque', SnmpType.Opaque, Buffer.from([1, 2]), Buffer.from([1, 2])],
  ])('%s', (_n, type, value, expected) => {
    expect(convertValue({ oid: '1.3', type, value })).toEqual(expected);
  });
  test.each([
    ['noSuchObject', SnmpType.NoSuchObject, null],
    ['noSuchInstance', SnmpType.NoSuchInstance, null],
    ['endOfMibView', SnmpType.EndOfMibView, null],
    ['Null', SnmpType.Null, null],
    ['Counter32 carrying a string', SnmpType.Counter32, 'abc'],
    ['Counter64 of 10 bytes', SnmpType.Counter64, Buffer.alloc(10, 0xff)],
    ['OctetString carrying a number', SnmpType.OctetString, 5],
  ])('%s is left out', (_n, type, value) => {
    expect(convertValue({ oid: '1.3', type, value })).toBeUndefined();
  });
});

test('OID order and subtrees compare numerically, not as text', () => {
  expect(compareOids('1.3.6.1.2.1.2.2.1.2.10', '1.3.6.1.2.1.2.2.1.2.9')).toBeGreaterThan(0);
  expect(compareOids('1.3.6.1.2', '1.3.6.1.2.1')).toBeLessThan(0);
  expect(compareOids('1.3.6', '1.3.6')).toBe(0);
  expect(inSubtree('1.3.6.1.2.1.2.2.1.2', '1.3.6.1.2.1.2.2.1.2.5')).toBe(true);
  expect(inSubtree('1.3.6.1.2.1.2.2.1.2', '1.3.6.1.2.1.2.2.1.20.5')).toBe(false);
});

test('text strips NUL padding and whitespace', () => {
  expect(text(Buffer.from('ether1\0\0'))).toBe('ether1');
  expect(text(Buffer.from('  Fa0/1 '))).toBe('Fa0/1');
});

test.each([
  ['1.3.6.1', '1.3.6.1', 0],
  ['1.3.6.1', '1.3.6.1.0', -1],
  ['1.3.6.1.10', '1.3.6.1.9', 1],
  ['1.3.6.1.2.1.31.1.1.1.1.5', '1.3.6.1.2.1.31.1.1.1.1.40', -1],
  ['.1.3.6.2', '1.3.6.10', -1],
  ['1.3.6.1.4.1.9.1.1006', '1.3.6.1.4.1.9.1.1006.0', -1],
])('compareOids(%s, %s) has the sign of %d', (a, b, sign) => {
  expect(Math.sign(compareOids(a, b)) || 0).toBe(sign);
  expect(Math.sign(compareOids(b, a)) || 0).toBe(-sign || 0);
});
