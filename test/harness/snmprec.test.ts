import * as fs from 'fs';
import * as path from 'path';
import { decodeValue, loadFixture, parseSnmprec, SNMPREC_DIR, snmprecFiles, systemOf } from './snmprec';

describe('snmprec reader', () => {
  it.each([
    ['2', '-1', -1],
    ['65', '4294967295', 4294967295],
    ['66', '14', 14],
    ['67', '10976200', 10976200],
    ['70', '18446744073709551615', 18446744073709551615n],
    ['6', '1.3.6.1.4.1.318.1.3.27', '1.3.6.1.4.1.318.1.3.27'],
    ['6', '.1.3.6.1.4.1.9', '1.3.6.1.4.1.9'],
    ['64', '10.0.0.1', '10.0.0.1'],
    ['64x', '0a000001', '10.0.0.1'],
    ['65:numeric', 'initial=42,rate=1', 42],
    ['2:writecache', 'value=7', 7],
  ])('type %s value %s', (tag, value, expected) => {
    expect(decodeValue(tag, value)).toEqual(expected);
  });

  it('keeps OCTET STRINGs as bytes, hex-decoded for 4x', () => {
    expect(decodeValue('4', 'Smart-UPS X 750')).toEqual(Buffer.from('Smart-UPS X 750'));
    expect(decodeValue('4x', '00c0b7cd92cb')).toEqual(Buffer.from([0x00, 0xc0, 0xb7, 0xcd, 0x92, 0xcb]));
    expect(decodeValue('68', 'abc')).toEqual(Buffer.from('abc'));
  });

  it.each([
    ['5', ''],
    ['128', ''],
    ['129', ''],
    ['130', ''],
    ['2', 'not-a-number'],
    ['70', '-5'],
    ['65:delay', 'wait=100'],
    ['x', '1'],
  ])('leaves out %s %p (no value a walk would return)', (tag, value) => {
    expect(decodeValue(tag, value)).toBeUndefined();
  });

  it('parses lines, ignores blank, comment and malformed lines', () => {
    const vb = parseSnmprec(
      ['# comment', '', '1.3.6.1.2.1.1.3.0|67|100', 'garbage', '.1.3.6.1.2.1.1.5.0|4|host', '1.3.x|2|1'].join(
        '\n',
      ),
    );
    expect([...vb.keys()]).toEqual(['1.3.6.1.2.1.1.3.0', '1.3.6.1.2.1.1.5.0']);
    expect(vb.get('1.3.6.1.2.1.1.3.0')).toBe(100);
  });

  it('reads every shared recording completely (one varbind per line, none lost)', () => {
    const files = snmprecFiles();
    expect(files).toHaveLength(12);
    for (const f of files) {
      const lines = fs.readFileSync(path.join(SNMPREC_DIR, f), 'utf8').split('\n').filter(Boolean);
      const vb = loadFixture(f);
      expect({ f, size: vb.size }).toEqual({ f, size: lines.length });
    }
  });

  it('decodes the hex-encoded sysDescr of the Cisco recording', () => {
    const system = systemOf(loadFixture('switch-ios_nac.snmprec'));
    expect(system.sysObjectID).toBe('1.3.6.1.4.1.9.1.1006');
    expect(system.sysDescr).toMatch(
      /^Cisco IOS Software, C2960 Software \(C2960-LANLITEK9-M\), Version 15\.0\(2\)SE8/,
    );
  });

  it('keeps Counter64 exact as bigint', () => {
    const vb = loadFixture('server-truenas-scale_24.04.2.2.snmprec');
    expect(vb.get('1.3.6.1.4.1.2021.13.15.1.1.12.7')).toBe(6810214912n);
  });
});
