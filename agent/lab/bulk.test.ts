import * as snmp from 'net-snmp';
import { bulkVarbinds } from './bulk';

/** A MIB of four instances; `next` is GETNEXT over it. */
const MIB = ['1.1.1', '1.1.2', '1.2.1', '1.3.1'];
const next = (oid: string) => {
  const cmp = (a: string, b: string) => {
    const pa = a.split('.').map(Number);
    const pb = b.split('.').map(Number);
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const d = (pa[i] ?? -1) - (pb[i] ?? -1);
      if (d) return d;
    }
    return 0;
  };
  const found = MIB.find((o) => cmp(o, oid) > 0);
  return found ? { oid: found, type: snmp.ObjectType.Integer, value: 1 } : undefined;
};
const END = snmp.ObjectType.EndOfMibView;
const shape = (vbs: { oid: string; type: number }[]) =>
  vbs.map((v) => (v.type === END ? `end:${v.oid}` : v.oid));

test('every repetition holds one varbind per repeating OID, endOfMibView included, so columns stay aligned', () => {
  // Column 2 starts past the end of the MIB: it answers endOfMibView in every repetition.
  expect(shape(bulkVarbinds(['1.1', '1.9', '1.2'], 0, 3, next))).toEqual([
    '1.1.1',
    'end:1.9',
    '1.2.1',
    '1.1.2',
    'end:1.9',
    '1.3.1',
    '1.2.1',
    'end:1.9',
    'end:1.3.1',
  ]);
});

test('the answer stops after the first repetition that is endOfMibView throughout', () => {
  expect(shape(bulkVarbinds(['1.2', '1.3'], 0, 10, next))).toEqual([
    '1.2.1',
    '1.3.1',
    '1.3.1',
    'end:1.3.1',
    'end:1.3.1',
    'end:1.3.1',
  ]);
});

test('non-repeaters come first, once; max-repetitions 0 leaves only them', () => {
  expect(shape(bulkVarbinds(['1.1.1', '1'], 1, 2, next))).toEqual(['1.1.2', '1.1.1', '1.1.2']);
  expect(shape(bulkVarbinds(['1.1.1', '1'], 1, 0, next))).toEqual(['1.1.2']);
});

test('a large request is cut to whole repetitions within the varbind limit', () => {
  const oids = ['1', '1', '1'];
  expect(bulkVarbinds(oids, 0, 50, () => ({ oid: '1.1', type: 2, value: 0 }), 10)).toHaveLength(9);
  expect(bulkVarbinds(oids, 0, 50, () => ({ oid: '1.1', type: 2, value: 0 }), 2)).toHaveLength(3);
});
