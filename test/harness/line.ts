import type { Sample } from '../../agent/sample';

/** A minimal line-protocol formatter for loading test data (the product's writer is tested on its own). */
export function toLineProtocol(s: Sample): string {
  const esc = (v: string) => v.replace(/[ ,=\\]/g, '\\$&');
  const tags = Object.entries(s.tags)
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `,${esc(k)}=${esc(v)}`)
    .join('');
  const fields = Object.entries(s.fields)
    .filter(([, v]) => typeof v !== 'number' || Number.isFinite(v))
    .map(([k, v]) => {
      const value =
        typeof v === 'bigint'
          ? `${v}i`
          : typeof v === 'string'
            ? `"${v.replace(/["\\]/g, '\\$&')}"`
            : String(v);
      return `${esc(k)}=${value}`;
    })
    .join(',');
  return `${esc(s.measurement)}${tags} ${fields} ${s.time}`;
}
