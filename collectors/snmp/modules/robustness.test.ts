import { loadFixture, snmprecFiles } from '../../../test/harness/snmprec';
import type { SnmpValue, Varbinds } from '../types';
import { snmpModules } from './index';

/**
 * Property: whatever a device answers (wrong types, huge or negative numbers, binary strings,
 * truncated OIDs, odd indexes), parse() returns well-formed samples and never throws.
 * Random cases come from a seeded generator so a failure is reproducible.
 */

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomValue(r: () => number): SnmpValue {
  switch (Math.floor(r() * 9)) {
    case 0:
      return Math.floor(r() * 200) - 100;
    case 1:
      return Math.floor(r() * 2 ** 32) - 2 ** 31;
    case 2:
      return BigInt(Math.floor(r() * 2 ** 53)) * 4096n;
    case 3:
      return Buffer.from(Array.from({ length: Math.floor(r() * 8) }, () => Math.floor(r() * 256)));
    case 4:
      return Buffer.from(String(Math.floor(r() * 1000) / 10));
    case 5:
      return '1.3.6.1.2.1.25.2.1.' + Math.floor(r() * 12);
    case 6:
      return Number.NaN;
    case 7:
      return Buffer.alloc(0);
    default:
      return Math.floor(r() * 20);
  }
}

function randomOid(r: () => number, base: string): string {
  const parts = [base];
  const depth = 1 + Math.floor(r() * 5);
  for (let i = 0; i < depth; i++) parts.push(String(Math.floor(r() * (r() < 0.7 ? 20 : 100000))));
  return parts.join('.');
}

/** Problems found in what one parse() returned (empty when every sample is well formed). */
function problems(name: string, vb: Varbinds): string[] {
  const ctx = { device: 'd', time: 5, state: new Map<string, unknown>() };
  const module = snmpModules.find((m) => m.name === name)!;
  const bad: string[] = [];
  for (const s of module.parse(vb, ctx)) {
    const where = `${name} ${s.measurement} ${JSON.stringify(s.tags)}`;
    if (typeof s.measurement !== 'string' || s.tags.device !== 'd' || s.time !== 5)
      bad.push(`${where}: shape`);
    if (Object.keys(s.fields).length === 0) bad.push(`${where}: no fields`);
    for (const v of Object.values(s.tags))
      if (typeof v !== 'string' || v === '') bad.push(`${where}: tag ${String(v)}`);
    for (const [k, v] of Object.entries(s.fields)) {
      const ok =
        typeof v === 'number' ? Number.isFinite(v) : ['string', 'boolean', 'bigint'].includes(typeof v);
      if (!ok) bad.push(`${where}: field ${k}=${String(v)}`);
    }
  }
  return bad;
}

describe('module parse never throws and writes only finite values', () => {
  it.each(snmpModules.map((m) => [m.name]))('%s on 250 random answers inside its subtrees', (name) => {
    const module = snmpModules.find((m) => m.name === name)!;
    const r = rng(name.length * 7919);
    const bad: string[] = [];
    for (let i = 0; i < 250; i++) {
      const vb: Varbinds = new Map();
      const n = Math.floor(r() * 60);
      for (let j = 0; j < n; j++)
        vb.set(randomOid(r, module.walk[Math.floor(r() * module.walk.length)]), randomValue(r));
      bad.push(...problems(name, vb));
    }
    expect(bad).toEqual([]);
  });

  it.each(snmpModules.map((m) => [m.name]))(
    '%s on every recording with its values shuffled between OIDs',
    (name) => {
      const r = rng(42);
      const bad: string[] = [];
      for (const file of snmprecFiles()) {
        const vb = loadFixture(file);
        const values = [...vb.values()];
        const shuffled: Varbinds = new Map(
          [...vb.keys()].map((oid) => [oid, values[Math.floor(r() * values.length)]]),
        );
        bad.push(...problems(name, vb), ...problems(name, shuffled));
      }
      expect(bad).toEqual([]);
    },
  );

  it('an empty answer gives no samples from any module', () => {
    for (const m of snmpModules)
      expect(m.parse(new Map(), { device: 'd', time: 0, state: new Map() })).toEqual([]);
  });

  it('every module has a unique name and walks numeric subtrees', () => {
    expect(new Set(snmpModules.map((m) => m.name)).size).toBe(snmpModules.length);
    for (const m of snmpModules) {
      expect(m.walk.length).toBeGreaterThan(0);
      for (const oid of m.walk) expect(oid).toMatch(/^1\.3\.6\.1(\.\d+)+$/);
    }
  });
});
