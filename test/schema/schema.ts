import { splitUnescaped } from '../harness/line-split';
import type { FieldValue, Sample } from '../../agent/sample';

/**
 * The schema of what noc writes, as the writer will type it in InfluxDB: per measurement, each
 * field's type class (bigint -> integer, number -> float, string, boolean) and the tag keys,
 * each with the sources that produced it. Built from real code paths, never from docs.
 */
export type TypeClass = 'integer' | 'float' | 'string' | 'boolean';

export interface MeasurementSchema {
  /** field -> type class -> sources that wrote it with that class. */
  fields: Map<string, Map<TypeClass, Set<string>>>;
  /** tag key -> sources. */
  tags: Map<string, Set<string>>;
  sources: Set<string>;
}

export type Schema = Map<string, MeasurementSchema>;

export function typeClass(v: FieldValue): TypeClass {
  if (typeof v === 'bigint') return 'integer';
  if (typeof v === 'number') return 'float';
  if (typeof v === 'string') return 'string';
  return 'boolean';
}

export function addSamples(schema: Schema, source: string, samples: Sample[]): void {
  for (const s of samples) {
    let m = schema.get(s.measurement);
    if (!m) schema.set(s.measurement, (m = { fields: new Map(), tags: new Map(), sources: new Set() }));
    m.sources.add(source);
    for (const [field, value] of Object.entries(s.fields)) {
      if (typeof value === 'number' && !Number.isFinite(value)) continue; // the writer drops these
      let classes = m.fields.get(field);
      if (!classes) m.fields.set(field, (classes = new Map()));
      const cls = typeClass(value);
      classes.set(cls, (classes.get(cls) ?? new Set()).add(source));
    }
    for (const [tag, value] of Object.entries(s.tags)) {
      if (value === '') continue; // the writer leaves out empty tags
      m.tags.set(tag, (m.tags.get(tag) ?? new Set()).add(source));
    }
  }
}

/**
 * Line protocol back into samples keeping InfluxDB's typing (`1i` integer, `"x"` string,
 * `true`/`false` boolean, else float), for the parts that write lines themselves (analytics).
 */
export function parseLine(line: string): Sample {
  const parts = splitUnescaped(line, ' ');
  if (parts.length < 2) throw new Error(`not line protocol: ${line}`);
  const [head, fieldText, time] = parts;
  const [measurement, ...tagParts] = splitUnescaped(head, ',');
  const tags: Record<string, string> = {};
  for (const t of tagParts) {
    const [k, v] = splitUnescaped(t, '=');
    tags[unescape(k)] = unescape(v);
  }
  const fields: Record<string, FieldValue> = {};
  for (const f of splitUnescaped(fieldText, ',')) {
    const eq = f.indexOf('=');
    const key = unescape(f.slice(0, eq));
    const raw = f.slice(eq + 1);
    if (raw.startsWith('"')) fields[key] = raw.slice(1, -1).replace(/\\(["\\])/g, '$1');
    else if (/^-?\d+i$/.test(raw)) fields[key] = BigInt(raw.slice(0, -1));
    else if (/^(t|true|f|false)$/i.test(raw)) fields[key] = /^t/i.test(raw);
    else fields[key] = Number(raw);
  }
  return { measurement: unescape(measurement), tags, fields, time: Number(time ?? 0) };
}

function unescape(s: string): string {
  return s.replace(/\\([ ,=\\])/g, '$1');
}

/** "a, b" of the sources, sorted, for messages. */
export function names(set: Iterable<string>): string {
  return [...set].sort().join(', ');
}
