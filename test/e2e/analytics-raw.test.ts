import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PrivateInfluxd, startInfluxd } from '../../agent/lab/influxd';
import { parseConfig } from '../../config/load';
import { influxEdge } from '../../analytics/influx/client';
import { availabilityRows, objectTimelines } from '../../analytics/report/availability';
import { bandwidthReport } from '../../analytics/report/bandwidth';

/**
 * The raw path: a period inside rawDays is read from raw samples (rp `raw`, or the default
 * policy when the database has no `raw`), the interval is the median gap between samples, and
 * 5-minute means are computed with GROUP BY time(5m) for the 95th percentile.
 */
let db: PrivateInfluxd;
let dir: string;
const M = 60_000;
// Two hours ending at the last full 5 minutes.
const TO = Math.floor(Date.now() / (5 * M)) * 5 * M;
const FROM = TO - 120 * M;

const config = (url: string, database: string) =>
  parseConfig(
    `
organisation: { name: Uji }
influx: { url: "${url}", database: ${database} }
devices: [{ id: core, kind: router }]
links: [{ id: isp-1, device: core, interface: ether1, kind: isp, committedRate: { mbps: 100, source: Kontrak } }]
`,
    { baseDir: '.', env: {} },
  ).config!;

async function load(database: string, rps: boolean) {
  const q = async (s: string) => {
    const res = await fetch(`${db.url}/query`, { method: 'POST', body: new URLSearchParams({ q: s }) });
    expect([res.status, await res.text()]).toEqual([200, '{"results":[{"statement_id":0}]}\n']);
  };
  await q(`CREATE DATABASE ${database}`);
  if (rps) {
    await q(`CREATE RETENTION POLICY "raw" ON ${database} DURATION 30d REPLICATION 1 DEFAULT`);
    await q(`CREATE RETENTION POLICY "rollup" ON ${database} DURATION INF REPLICATION 1`);
  }
  const lines: string[] = [];
  // A ping every 30 s, down from minute 50 to 60 (20 samples).
  for (let t = FROM; t < TO; t += 30_000) {
    const m = (t - FROM) / M;
    lines.push(`ping,device=core up=${!(m >= 50 && m < 60)} ${t}`);
  }
  // Interface every minute: 10 Mbps, except the last 5 minutes 10, 20, 30, 40, 50 Mbps.
  for (let t = FROM; t < TO; t += M) {
    const m = (t - FROM) / M;
    const inBps = m >= 115 ? (m - 114) * 10e6 : 10e6;
    lines.push(`interface,device=core,link=isp-1 ifOperStatus=1i,in_bps=${inBps},out_bps=1000000 ${t}`);
  }
  // Into `raw` by name, as the agent's writer does, not into whatever the default is by then.
  const res = await fetch(`${db.url}/write?db=${database}&precision=ms${rps ? '&rp=raw' : ''}`, {
    method: 'POST',
    body: lines.join('\n'),
  });
  expect(res.status).toBe(204);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'noc-analytics-raw-'));
  db = await startInfluxd(dir);
  await load('noc', true);
  await load('plain', false);
});
afterAll(async () => {
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe.each([
  ['with raw and rollup policies', 'noc', '"raw".'],
  ['with only the default policy', 'plain', ''],
])('recent periods from raw samples, %s', (_name, database, from) => {
  it('availability at the 30-second interval the samples show', async () => {
    const c = config(db.url, database);
    const t = await objectTimelines(influxEdge(c.influx), c, { from: FROM, to: TO, now: TO, by: 'device' });
    expect(t.source).toEqual({ kind: 'raw', from });
    const [core] = availabilityRows(t, 'device');
    // 120 minutes, down 10: 100 × 110 / 120.
    expect(core.result.availabilityPercent).toBeCloseTo((100 * 110) / 120, 9);
    expect(core.result.downMs).toBe(10 * M);
    expect(core.result.unknownMs).toBe(0);
  });

  it('95th percentile of 5-minute means computed from raw rates', async () => {
    const c = config(db.url, database);
    const r = await bandwidthReport(influxEdge(c.influx), c, { from: FROM, to: TO, now: TO });
    const s = r.rows[0].summary;
    // 24 five-minute means: 23 × 10 Mbps and one of (10+20+30+40+50)/5 = 30 Mbps.
    // Rank ceil(0.95 × 24) = 23: 10 Mbps; peak 30 Mbps.
    expect(s.samples).toBe(24);
    expect(s.p95InBps).toBe(10e6);
    expect(s.peakInBps).toBe(30e6);
    expect(s.volumeInBytes).toBe(((23 * 10e6 + 30e6) * 300) / 8);
  });
});
