import type { SnmpValue, Varbinds } from '../types';
import { parseHostResources } from './host-resources';
import { parseUcd } from './ucd';

const ctx = { device: 'srv', time: 1000, state: new Map<string, unknown>() };
const vbOf = (entries: Record<string, SnmpValue>): Varbinds => new Map(Object.entries(entries));
const pick = (samples: { measurement: string; tags: Record<string, string>; fields: unknown }[], m: string) =>
  samples.filter((s) => s.measurement === m).map((s) => [s.tags, s.fields]);

const S = '1.3.6.1.2.1.25.2.3.1';
const T = '1.3.6.1.2.1.25.2.1.';
function storage(index: number, type: number, descr: string, unit: number, size: number, used: number) {
  return {
    [`${S}.2.${index}`]: T + type,
    [`${S}.3.${index}`]: Buffer.from(descr),
    [`${S}.4.${index}`]: unit,
    [`${S}.5.${index}`]: size,
    [`${S}.6.${index}`]: used,
  };
}

describe('host-resources', () => {
  it('a Windows server: per-core load, RAM, C: with a size that wrapped negative, no CD drive', () => {
    const samples = parseHostResources(
      vbOf({
        '1.3.6.1.2.1.25.3.3.1.2.4': 10,
        '1.3.6.1.2.1.25.3.3.1.2.5': 30,
        '1.3.6.1.2.1.25.3.3.1.2.6': 25,
        '1.3.6.1.2.1.25.3.3.1.2.7': 35,
        ...storage(1, 4, 'C:\\ Label:  Serial Number 8a3c', 4096, -1073741824, 805306368), // 3221225472 units
        ...storage(2, 7, 'D:\\', 2048, 0, 0), // empty CD drive
        ...storage(3, 3, 'Virtual Memory', 65536, 262144, 131072),
        ...storage(4, 2, 'Physical Memory', 65536, 262144, 196608),
        '1.3.6.1.2.1.25.1.6.0': 143,
      }),
      ctx,
    );
    expect(pick(samples, 'cpu')).toEqual([
      [
        { device: 'srv', cpu: 'cpu-total' },
        { load_percent: 25, cores: 4 },
      ],
      [{ device: 'srv', cpu: 'cpu0' }, { load_percent: 10 }],
      [{ device: 'srv', cpu: 'cpu1' }, { load_percent: 30 }],
      [{ device: 'srv', cpu: 'cpu2' }, { load_percent: 25 }],
      [{ device: 'srv', cpu: 'cpu3' }, { load_percent: 35 }],
    ]);
    expect(pick(samples, 'memory')).toEqual([
      [{ device: 'srv' }, { total_bytes: 17179869184n, used_bytes: 12884901888n, used_percent: 75 }],
    ]);
    expect(pick(samples, 'storage')).toEqual([
      [
        { device: 'srv', path: 'C:\\ Label:  Serial Number 8a3c', index: '1' },
        { total_bytes: 13194139533312n, used_bytes: 3298534883328n, used_percent: 25 },
      ],
    ]);
    expect(pick(samples, 'system')).toEqual([[{ device: 'srv' }, { processes: 143 }]]);
  });

  it.each([
    ['a load above 100 %', { '1.3.6.1.2.1.25.3.3.1.2.1': 250 }],
    ['a load sent as text', { '1.3.6.1.2.1.25.3.3.1.2.1': Buffer.from('abc') }],
    ['a storage row without allocation units', storage(1, 4, '/', 0, 100, 50)],
    ['a storage row whose type is a number', { ...storage(1, 4, '/', 4096, 100, 50), [`${S}.2.1`]: 4 }],
    ['a negative uptime', { '1.3.6.1.2.1.25.1.1.0': -5 }],
  ])('writes nothing for %s', (_label, entries) => {
    expect(parseHostResources(vbOf(entries as Record<string, SnmpValue>), ctx)).toEqual([]);
  });
});

describe('ucd-snmp', () => {
  const U = '1.3.6.1.4.1.2021';
  it('load averages from laLoad text, full memory when HOST-RESOURCES has no RAM row', () => {
    const samples = parseUcd(
      vbOf({
        [`${U}.10.1.3.1`]: Buffer.from('0.52'),
        [`${U}.10.1.3.2`]: Buffer.from('0.61'),
        [`${U}.10.1.3.3`]: Buffer.from('0.70'),
        [`${U}.10.1.5.1`]: 99, // laLoadInt ignored when the text is there
        [`${U}.4.3.0`]: 2097148,
        [`${U}.4.4.0`]: 2097148,
        [`${U}.4.5.0`]: 8000000,
        [`${U}.4.6.0`]: 1000000,
        [`${U}.4.14.0`]: 500000,
        [`${U}.4.15.0`]: 2500000,
      }),
      ctx,
    );
    expect(pick(samples, 'cpu')).toEqual([
      [
        { device: 'srv', cpu: 'cpu-total' },
        { load1: 0.52, load5: 0.61, load15: 0.7 },
      ],
    ]);
    expect(pick(samples, 'memory')).toEqual([
      [
        { device: 'srv' },
        {
          total_bytes: 8192000000n,
          used_bytes: 4096000000n, // total - free - buffers - cached
          used_percent: 50,
          free_bytes: 1024000000n,
          buffers_bytes: 512000000n,
          cached_bytes: 2560000000n,
          swap_total_bytes: 2147479552n,
          swap_used_bytes: 0n,
        },
      ],
    ]);
  });

  it('adds only free memory when HOST-RESOURCES already reports RAM (one memory series)', () => {
    const samples = parseUcd(
      vbOf({ [`${U}.4.5.0`]: 8000000, [`${U}.4.6.0`]: 1000000, '1.3.6.1.2.1.25.2.3.1.2.1': T + '2' }),
      ctx,
    );
    expect(pick(samples, 'memory')).toEqual([[{ device: 'srv' }, { free_bytes: 1024000000n }]]);
  });
});
