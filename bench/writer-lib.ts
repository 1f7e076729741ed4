import { execFileSync } from 'node:child_process';
import { stringify } from 'yaml';
import { parseConfig, NocConfig } from '../config/load';
import type { Sample } from '../agent/sample';

/** Shared by the writer benchmarks (not a benchmark itself: run-all skips *-lib files). */

export const POINTS = Number(process.env.BENCH_POINTS ?? 1_000_000);
/** Midnight UTC yesterday: inside the raw retention policy. */
export const BASE = Math.floor(Date.now() / 86_400_000) * 86_400_000 - 86_400_000;

/** Point i of a 2,000-router NOC's interface data; distinct series+time for every i. */
export function sample(i: number): Sample {
  return {
    measurement: 'interface',
    tags: { device: `rtr-${i % 2000}`, ifName: `ether${i % 24}`, kind: 'router', site: 'pusatdata' },
    fields: {
      ifHCInOctets: BigInt(i) * 1500n,
      ifHCOutOctets: BigInt(i) * 900n,
      in_bps: (i % 1000) * 1234.5,
      out_bps: (i % 777) * 321.25,
      ifOperStatus: 1,
    },
    time: BASE + i,
  };
}

/**
 * Feeds `POINTS` samples to `write` in chunks of 5,000, yielding to I/O between chunks as the
 * pipeline does. The Sample objects are built once and re-stamped per chunk (write() encodes
 * them at once), so the time measured is the writer's, not the building of 1,000,000 objects,
 * which is the collectors' work.
 */
export async function feed(write: (samples: Sample[]) => void): Promise<void> {
  const chunk = Array.from({ length: 5000 }, (_, i) => sample(i));
  for (let i = 0; i < POINTS; i += chunk.length) {
    const n = Math.min(chunk.length, POINTS - i);
    for (let j = 0; j < n; j++) chunk[j].time = BASE + i + j;
    write(n === chunk.length ? chunk : chunk.slice(0, n));
    await new Promise((r) => setImmediate(r));
  }
}

/** The line protocol feed() produces, for curl. */
export function feedLines(i: number): Sample {
  const s = sample(i % 5000);
  s.time = BASE + i;
  return s;
}

export function config(dataDir: string, url: string, database: string, extra: object = {}): NocConfig {
  const { config, problems } = parseConfig(
    stringify({ organisation: { name: 'bench' }, agent: { dataDir }, influx: { url, database, ...extra } }),
    { baseDir: dataDir, env: {} },
  );
  if (!config) throw new Error(JSON.stringify(problems));
  return config;
}

export async function count(url: string, db: string, measurement = 'interface'): Promise<number> {
  const res = await fetch(
    `${url}/query?db=${db}&q=${encodeURIComponent(`SELECT count(in_bps) FROM ${measurement}`)}`,
  );
  const json = (await res.json()) as { results: { series?: { values: number[][] }[] }[] };
  return json.results[0]?.series?.[0]?.values[0]?.[1] ?? 0;
}

export async function waitFor(cond: () => boolean | Promise<boolean>, timeoutMs = 600_000): Promise<void> {
  const started = Date.now();
  while (!(await cond())) {
    if (Date.now() - started > timeoutMs) throw new Error('benchmark timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function rss(): number {
  return Math.round(process.memoryUsage().rss / 2 ** 20);
}

export function curlVersion(): string {
  return execFileSync('curl', ['--version'], { encoding: 'utf8' })
    .split('\n')[0]
    .split(' ')
    .slice(0, 2)
    .join(' ');
}

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
