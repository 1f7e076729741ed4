import type { Sample } from '../sample';
import { toLine } from './line-protocol';

const s = (over: Partial<Sample>): Sample => ({
  measurement: 'interface',
  tags: { device: 'core-ccr' },
  fields: { in_bps: 1.5 },
  time: 1767225600123,
  ...over,
});

describe('toLine: Sample -> InfluxDB line protocol (ms precision)', () => {
  it.each<[string, Sample, string]>([
    [
      'float field, tags sorted',
      s({ tags: { ifName: 'ether1', device: 'core-ccr' } }),
      'interface,device=core-ccr,ifName=ether1 in_bps=1.5 1767225600123',
    ],
    [
      'integer-valued number stays a float',
      s({ fields: { up: 1 } }),
      'interface,device=core-ccr up=1 1767225600123',
    ],
    [
      'bigint is an integer',
      s({ fields: { ifHCInOctets: 18446744073709551n } }),
      'interface,device=core-ccr ifHCInOctets=18446744073709551i 1767225600123',
    ],
    ['negative bigint', s({ fields: { x: -5n } }), 'interface,device=core-ccr x=-5i 1767225600123'],
    [
      'booleans',
      s({ fields: { on_battery: true, up: false } }),
      'interface,device=core-ccr on_battery=true,up=false 1767225600123',
    ],
    [
      'string escaping of " and \\',
      s({ fields: { text: 'say "hi" C:\\noc' } }),
      'interface,device=core-ccr text="say \\"hi\\" C:\\\\noc" 1767225600123',
    ],
    [
      'string newline becomes \\n',
      s({ fields: { text: 'a\nb' } }),
      'interface,device=core-ccr text="a\\nb" 1767225600123',
    ],
    [
      'tag value with space, comma, equals',
      s({ tags: { device: 'r 1,a=b' } }),
      'interface,device=r\\ 1\\,a\\=b in_bps=1.5 1767225600123',
    ],
    [
      'tag value with newline and tab',
      s({ tags: { device: 'a\nb\tc' } }),
      'interface,device=a\\nb\\tc in_bps=1.5 1767225600123',
    ],
    [
      'tag key and field key escaping',
      s({ tags: { 'my tag': 'x' }, fields: { 'a,b=c d': 2 } }),
      'interface,my\\ tag=x a\\,b\\=c\\ d=2 1767225600123',
    ],
    [
      'measurement: comma and space escaped, equals not',
      s({ measurement: 'my m,x=y' }),
      'my\\ m\\,x=y,device=core-ccr in_bps=1.5 1767225600123',
    ],
    [
      'empty tag value left out',
      s({ tags: { device: 'r1', site: '' } }),
      'interface,device=r1 in_bps=1.5 1767225600123',
    ],
    [
      'trailing backslash removed',
      s({ tags: { device: 'r1\\' } }),
      'interface,device=r1 in_bps=1.5 1767225600123',
    ],
    [
      'backslash before an escaped char removed',
      s({ tags: { device: 'a\\,b' } }),
      'interface,device=a\\,b in_bps=1.5 1767225600123',
    ],
    [
      'other backslashes kept',
      s({ tags: { device: 'core-ccr', path: 'C:\\x' } }),
      'interface,device=core-ccr,path=C:\\x in_bps=1.5 1767225600123',
    ],
    ['fractional ms time truncated', s({ time: 1000.9 }), 'interface,device=core-ccr in_bps=1.5 1000'],
    ['exponent float', s({ fields: { v: 1e21 } }), 'interface,device=core-ccr v=1e+21 1767225600123'],
  ])('%s', (_name, sample, line) => {
    expect(toLine(sample)).toEqual({ line, droppedFields: 0 });
  });

  it('drops NaN, Infinity and out-of-int64 fields and counts them, keeping the rest', () => {
    const r = toLine(s({ fields: { a: NaN, b: Infinity, c: -Infinity, d: 2n ** 63n, e: 3 } }));
    expect(r).toEqual({ line: 'interface,device=core-ccr e=3 1767225600123', droppedFields: 4 });
  });

  it('drops a sample with no valid field, or no time, or no name, saying why', () => {
    expect(toLine(s({ fields: { a: NaN } }))).toEqual({ droppedFields: 1, dropped: 'noValidField' });
    expect(toLine(s({ fields: {} }))).toEqual({ droppedFields: 0, dropped: 'noValidField' });
    expect(toLine(s({ time: NaN }))).toEqual({ droppedFields: 0, dropped: 'invalidTime' });
    expect(toLine(s({ measurement: '' }))).toEqual({ droppedFields: 0, dropped: 'invalidName' });
  });
});
