import { stringify } from 'yaml';
import { parseConfig, NocConfig } from '../../config/load';
import type { Sample } from '../../agent/sample';

/** Shared by the writer tests: a config, numbered samples, waiting for a condition, InfluxQL. */

export function writerConfig(
  dataDir: string,
  influx: Record<string, unknown>,
  env: NodeJS.ProcessEnv = {},
): NocConfig {
  const { config, problems } = parseConfig(
    stringify({ organisation: { name: 'Diskominfo Uji' }, agent: { dataDir }, influx }),
    { baseDir: dataDir, env },
  );
  if (!config) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
  return config;
}

/** Midnight UTC yesterday: recent enough for the 30-day raw retention policy, fixed for a run. */
export const BASE = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000;
export const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** `n` points with distinct timestamps, seq = their number: counting them counts arrivals. */
export function numbered(from: number, n: number, measurement = 'uji', base = BASE): Sample[] {
  return Array.from({ length: n }, (_, i) => ({
    measurement,
    tags: { device: 'r1' },
    fields: { seq: BigInt(from + i), v: (from + i) / 2 },
    time: base + from + i,
  }));
}

export async function until(
  what: string,
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const started = Date.now();
  while (!(await cond())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export async function influxql(url: string, db: string, q: string): Promise<unknown[][]> {
  const res = await fetch(`${url}/query?db=${encodeURIComponent(db)}`, {
    method: 'POST',
    body: new URLSearchParams({ q }),
  });
  const json = (await res.json()) as { results: { error?: string; series?: { values: unknown[][] }[] }[] };
  if (json.results[0]?.error) throw new Error(json.results[0].error);
  return json.results[0]?.series?.flatMap((s) => s.values) ?? [];
}

export async function countOf(url: string, db: string, q: string): Promise<number> {
  try {
    const rows = await influxql(url, db, q);
    return Number(rows[0]?.[1] ?? 0);
  } catch {
    return -1; // not reachable or database not there yet
  }
}
