import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addSamples, names, Schema } from './schema';
import { alertingReads, dashboardReads, HAND_KEPT, Read } from './readers';
import { allSources } from './sources';

/**
 * InfluxDB 1.x rejects a point whose field type differs from the one already stored in the
 * shard ("field type conflict", HTTP 400): the second writer's points are lost. This runs every
 * writer of noc through its real conversion (recordings and representative inputs, no network)
 * and checks that each field has one type across all of them, that docs/metrics.md's table
 * names only what is written, and that everything alerting, dashboards, analytics and the
 * audit report read is written by someone.
 */
const sources = allSources();
const schema: Schema = new Map();
for (const [name, samples] of Object.entries(sources)) addSamples(schema, name, samples);

/** tag -> values written, per measurement (for `WHERE "scope" = 'feed'` style reads). */
const tagValues = new Map<string, Map<string, Set<string>>>();
for (const samples of Object.values(sources))
  for (const s of samples) {
    const byTag = tagValues.get(s.measurement) ?? new Map<string, Set<string>>();
    tagValues.set(s.measurement, byTag);
    for (const [k, v] of Object.entries(s.tags)) byTag.set(k, (byTag.get(k) ?? new Set()).add(v));
  }

const ROOT = join(__dirname, '..', '..');

describe('what noc writes', () => {
  it('covers every kind of writer', () => {
    const ms = [...schema.keys()].sort();
    for (const m of ['interface', 'system', 'cpu', 'memory', 'storage', 'ups', 'pdu', 'sensor'])
      expect(ms).toContain(m);
    for (const m of [
      'ping',
      'http',
      'queue',
      'event',
      'incident',
      'maintenance',
      'inventory',
      'noc_agent',
      'capacity',
    ])
      expect(ms).toContain(m);
    expect(ms).toEqual(
      expect.arrayContaining([
        'availability_daily',
        'bandwidth_daily',
        'bandwidth_monthly',
        'dhcp',
        'wireless',
      ]),
    );
    expect(Object.keys(sources).filter((s) => s.startsWith('snmp module')).length).toBeGreaterThan(10);
  });

  it('(a) gives every field exactly one type across all sources', () => {
    const conflicts: string[] = [];
    for (const [m, ms] of schema)
      for (const [field, classes] of ms.fields)
        if (classes.size > 1)
          conflicts.push(
            `${m}.${field}: ` + [...classes].map(([cls, src]) => `${cls} from ${names(src)}`).join(' vs '),
          );
    expect(conflicts).toEqual([]);
  });

  it('never uses one name as both a tag and a field of a measurement', () => {
    const clashes: string[] = [];
    for (const [m, ms] of schema)
      for (const tag of ms.tags.keys())
        if (ms.fields.has(tag))
          clashes.push(
            `${m}: "${tag}" is a tag from ${names(ms.tags.get(tag)!)} and a field from ${names([...ms.fields.get(tag)!.values()].flatMap((s) => [...s]))}`,
          );
    expect(clashes).toEqual([]);
  });
});

describe('sensor tags', () => {
  it('use one unit vocabulary, and one measuring unit per sensor type (states are `ok`)', () => {
    const VOCABULARY = ['C', '%', 'V', 'A', 'W', 'rpm', 'Hz', 'm3/min', 'ok', ''];
    const units = new Map<string, Map<string, Set<string>>>();
    const unknown: string[] = [];
    for (const [source, samples] of Object.entries(sources))
      for (const s of samples.filter((x) => x.measurement === 'sensor')) {
        if (!VOCABULARY.includes(s.tags.unit ?? '')) unknown.push(`unit "${s.tags.unit}" from ${source}`);
        if (s.tags.unit === 'ok') continue;
        const byUnit = units.get(s.tags.type) ?? new Map<string, Set<string>>();
        units.set(s.tags.type, byUnit);
        byUnit.set(s.tags.unit, (byUnit.get(s.tags.unit) ?? new Set()).add(source));
      }
    const mixed = [...units]
      .filter(([, byUnit]) => byUnit.size > 1)
      .map(
        ([type, byUnit]) =>
          `${type}: ` + [...byUnit].map(([u, src]) => `"${u}" from ${names(src)}`).join(' vs '),
      );
    expect(units.get('temperature')?.size).toBe(1);
    expect([...new Set(unknown)]).toEqual([]);
    expect(mixed).toEqual([]);
  });
});

describe('(b) docs/metrics.md "Measurements at a glance"', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'metrics.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## Measurements at a glance'));
  const rows = section
    .slice(0, section.indexOf('\n## ', 5))
    .split('\n')
    .filter((l) => /^\| `/.test(l));

  it('has its rows', () => expect(rows.length).toBeGreaterThan(15));

  it('names only measurements, fields, tags and tag values that are written', () => {
    const missing: string[] = [];
    for (const row of rows) {
      const [, first, , , keys] = row.split('|');
      const measurements = [...first.matchAll(/`([^`]+)`/g)].map((x) => x[1]);
      for (const m of measurements) if (!schema.has(m)) missing.push(`measurement ${m}: written by nobody`);
      for (const [, name] of (keys ?? '').matchAll(/`([A-Za-z_][\w]*)`/g)) {
        const known = measurements.some((m) => {
          const ms = schema.get(m);
          const values = [...(tagValues.get(m)?.values() ?? [])];
          return ms && (ms.fields.has(name) || ms.tags.has(name) || values.some((v) => v.has(name)));
        });
        if (!known)
          missing.push(`${measurements.join('/')}: \`${name}\` is neither a field, a tag nor a tag value`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('docs/metrics.md documents what is written', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'metrics.md'), 'utf8');
  /** `## \`measurement\`` section -> its text. */
  const sections = new Map<string, string>();
  for (const part of doc.split(/\n## /).slice(1)) {
    const m = /^`([^`]+)`/.exec(part);
    if (m) sections.set(m[1], part);
  }
  const common = doc.slice(
    doc.indexOf('## Tags on every device sample'),
    doc.indexOf('## Measurements at a glance'),
  );

  it('has a section per measurement', () => {
    expect([...schema.keys()].filter((m) => !sections.has(m))).toEqual([]);
    expect([...sections.keys()].filter((m) => !schema.has(m))).toEqual([]);
  });

  it('gives every field once, with the type it is written with', () => {
    const wrong: string[] = [];
    for (const [m, ms] of schema) {
      const documented = new Map<string, string>();
      for (const row of (sections.get(m) ?? '').split('\n').filter((l) => /^\| `/.test(l))) {
        const [, namesCell, type] = row.split('|').map((c) => c.trim());
        for (const [, name] of namesCell.matchAll(/`([^`]+)`/g)) {
          if (documented.has(name)) wrong.push(`${m}.${name} documented twice`);
          documented.set(name, type);
        }
      }
      for (const [field, classes] of ms.fields) {
        const type = [...classes.keys()][0];
        if (!documented.has(field)) wrong.push(`${m}.${field} (${type}) is not documented`);
        else if (documented.get(field) !== type)
          wrong.push(`${m}.${field} documented as ${documented.get(field)}, written as ${type}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('names every tag key in its section or among the tags of every device sample', () => {
    const undocumented: string[] = [];
    for (const [m, ms] of schema)
      for (const tag of ms.tags.keys())
        if (!(sections.get(m) ?? '').includes(`\`${tag}\``) && !common.includes(`| \`${tag}\``))
          undocumented.push(`${m} tag ${tag} (from ${names(ms.tags.get(tag)!)})`);
    expect(undocumented).toEqual([]);
  });
});

describe('(c) everything that is read is written', () => {
  const reads: Read[] = [...alertingReads(), ...dashboardReads(), ...HAND_KEPT];

  it('found the readers', () => {
    expect(reads.filter((r) => r.reader.startsWith('alerting')).length).toBeGreaterThan(15);
    expect(reads.filter((r) => r.reader.startsWith('dashboard')).length).toBeGreaterThan(60);
  });

  it('lists hand-kept queries that their files still contain', () => {
    const stale: string[] = [];
    for (const r of HAND_KEPT) {
      const text = readFileSync(join(ROOT, r.file!), 'utf8');
      for (const name of [...r.fields, ...r.tags])
        if (!text.includes(name)) stale.push(`${r.file} no longer mentions ${name} (${r.measurement})`);
    }
    expect(stale).toEqual([]);
  });

  it('reads only measurements, fields, tags and tag values some source writes', () => {
    const missing = new Set<string>();
    for (const r of reads) {
      const ms = schema.get(r.measurement);
      if (!ms) {
        missing.add(`${r.reader}: measurement ${r.measurement} is written by nobody`);
        continue;
      }
      for (const f of r.fields)
        if (!ms.fields.has(f))
          missing.add(
            `${r.reader}: field ${r.measurement}.${f} is written by nobody (${r.measurement} comes from ${names(ms.sources)})`,
          );
      for (const t of r.tags)
        if (!ms.tags.has(t) && !ms.fields.has(t))
          missing.add(`${r.reader}: tag ${r.measurement}.${t} is written by nobody`);
      for (const [t, v] of Object.entries(r.values ?? {}))
        if (ms.tags.has(t) && !tagValues.get(r.measurement)?.get(t)?.has(v))
          missing.add(`${r.reader}: no ${r.measurement} point has ${t}=${v}`);
    }
    expect([...missing]).toEqual([]);
  });
});
