import type { InfluxConfig } from '../../config/schema';
import type { Secret } from '../../config/secret';

/**
 * The smallest InfluxQL client the figures need: /query with epoch=ms (series come back as
 * column arrays, parsed once, no per-row objects) and /write for the daily summaries. Works with
 * InfluxDB 1.x and with the /query, /write compatibility API of 2.x (token auth).
 */
export interface Series {
  name: string;
  tags: Record<string, string>;
  columns: string[];
  values: unknown[][];
}

export interface InfluxEdge {
  query(q: string): Promise<Series[]>;
  write(lines: string[], rp?: string): Promise<void>;
  database: string;
}

type Conn = Pick<InfluxConfig, 'url' | 'database' | 'username' | 'timeoutSeconds' | 'version'> & {
  password?: Secret;
  token?: Secret;
  bucket?: string;
};

export function influxEdge(conf: Conn): InfluxEdge {
  const db = conf.version === 2 && conf.bucket ? conf.bucket : conf.database;
  const headers: Record<string, string> = {};
  if (conf.token) headers.Authorization = `Token ${conf.token.reveal()}`;
  else if (conf.username && conf.password)
    headers.Authorization = `Basic ${Buffer.from(`${conf.username}:${conf.password.reveal()}`).toString('base64')}`;
  const timeout = () => AbortSignal.timeout((conf.timeoutSeconds ?? 10) * 1000 * 6);

  return {
    database: db,
    async query(q) {
      const body = new URLSearchParams({ db, q, epoch: 'ms' });
      const res = await reach(conf.url, () =>
        fetch(`${conf.url}/query`, { method: 'POST', headers, body, signal: timeout() }),
      );
      const text = await res.text();
      if (!res.ok)
        throw new Error(`InfluxDB ${conf.url} answered ${res.status} to a query: ${text.slice(0, 200)}`);
      const json = JSON.parse(text) as { results: { error?: string; series?: Series[] }[] };
      const out: Series[] = [];
      for (const r of json.results) {
        if (r.error) throw new Error(`InfluxDB query failed: ${r.error} (query: ${q.slice(0, 200)})`);
        for (const s of r.series ?? []) out.push({ ...s, tags: s.tags ?? {} });
      }
      return out;
    },
    async write(lines, rp) {
      const params = new URLSearchParams({ db, precision: 'ms' });
      if (rp) params.set('rp', rp);
      for (let i = 0; i < lines.length; i += 5000) {
        const res = await reach(conf.url, () =>
          fetch(`${conf.url}/write?${params}`, {
            method: 'POST',
            headers,
            body: lines.slice(i, i + 5000).join('\n'),
            signal: timeout(),
          }),
        );
        if (!res.ok)
          throw new Error(`InfluxDB ${conf.url} refused the write: ${res.status} ${await res.text()}`);
      }
    },
  };
}

/** A refused connection says which InfluxDB and why, not just "fetch failed". */
async function reach(url: string, call: () => Promise<Response>): Promise<Response> {
  try {
    return await call();
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(
      `InfluxDB at ${url} is not reachable (${cause?.code ?? cause?.message ?? (err as Error).message}); check influx.url`,
    );
  }
}

const escTag = (v: string) => v.replace(/([ ,=\\])/g, '\\$1');

/** One line of line protocol; numbers are floats, integers only where the caller passes bigint. */
export function line(
  measurement: string,
  tags: Record<string, string | undefined>,
  fields: Record<string, number | bigint | boolean | string | null | undefined>,
  time: number,
): string | undefined {
  const t = Object.entries(tags)
    .filter(([, v]) => v !== undefined && v !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `,${escTag(k)}=${escTag(v!)}`)
    .join('');
  const f = Object.entries(fields)
    .filter(([, v]) => v !== undefined && v !== null && !(typeof v === 'number' && !Number.isFinite(v)))
    .map(([k, v]) => {
      const val =
        typeof v === 'bigint'
          ? `${v}i`
          : typeof v === 'string'
            ? `"${v.replace(/(["\\])/g, '\\$1')}"`
            : String(v);
      return `${escTag(k)}=${val}`;
    })
    .join(',');
  if (!f) return undefined;
  return `${escTag(measurement)}${t} ${f} ${Math.round(time)}`;
}

/** Quotes a tag value or identifier for InfluxQL. */
export const qs = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
export const qi = (v: string) => `"${v.replace(/"/g, '\\"')}"`;
