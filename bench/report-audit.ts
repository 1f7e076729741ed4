import { execFileSync, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { startInfluxd } from '../agent/lab/influxd';
import { parseConfig } from '../config/load';
import type { Report } from '../reports/model';
import { runReport } from '../reports/run';
import { deviceId, Fleet, fleetConfig, loadFleet, OUTAGE_MS } from './report/fleet';
import { loadSummarisedYear } from './report/summaries';

/**
 * The annual audit report over a generated fleet: 500 devices and 2,000 links (divided by
 * BENCH_REPORT_SCALE, default 1) with 5-minute rollups for BENCH_REPORT_DAYS days in a private
 * influxd. Measures the load, then the full report in all formats in a child process (wall
 * time, peak RSS), then the physical limit: InfluxDB answering the same queries the report
 * sent, replayed with curl to /dev/null and nothing else.
 *
 * Default 7 days: influxd 1.6.7 takes ≈ 20,000 lines/s on this 2-core machine, so a full year
 * (265 M lines) would take hours to load; the 7 days are measured and the year extrapolated.
 * BENCH_REPORT_DAYS=365 BENCH_REPORT_SCALE=25 measures a whole year of 1/25 of the fleet.
 */
const SCALE = Number(process.env.BENCH_REPORT_SCALE ?? 1);
/**
 * `summaries` (default): a whole year as the agent leaves it (daily summaries, small series),
 * the way an annual report is really run. `rollups`: BENCH_REPORT_DAYS of 5-minute rollups
 * without summaries, the path for days the agent did not summarise.
 */
const MODE = process.env.BENCH_REPORT_MODE === 'rollups' ? 'rollups' : 'summaries';
const PATTERN_DAYS = 2;
const DAYS = MODE === 'summaries' ? 365 : Number(process.env.BENCH_REPORT_DAYS ?? 7);
const FULL: Fleet = { devices: 500, links: 2000, services: 20, agencies: 40 };
const FLEET: Fleet = {
  devices: Math.round(FULL.devices / SCALE),
  links: Math.round(FULL.links / SCALE),
  services: Math.max(1, Math.round(FULL.services / SCALE)),
  agencies: Math.max(1, Math.round(FULL.agencies / SCALE)),
};
const FROM = Date.parse('2025-01-01T00:00:00+07:00');
const TO = FROM + DAYS * 86_400_000;
const iso = (ms: number) => new Date(ms + 7 * 3600_000).toISOString().slice(0, 10);

interface ChildResult {
  wallMs: number;
  maxRssMiB: number;
  /** RSS after each step of the report (what the progress bar shows). */
  steps: [string, number][];
  queries: string[];
  files: number;
  bytes: number;
  check: { device: string; availability: number | null; expected: number };
}

/** The report itself, alone in this process: what a `noc report audit` run costs. */
async function child(configFile: string, out: string): Promise<void> {
  const queries: string[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    if (init?.body instanceof URLSearchParams) queries.push(init.body.get('q') ?? '');
    return realFetch(input, init);
  };
  const loaded = parseConfig(readFileSync(configFile, 'utf8'), { baseDir: out, env: {} });
  if (!loaded.config) throw new Error(JSON.stringify(loaded.problems));
  const start = performance.now();
  const steps: [string, number][] = [];
  await runReport(loaded.config, {
    progress: (step) => steps.push([step, Math.round(process.memoryUsage().rss / 2 ** 20)]),
    kind: 'audit',
    ...(DAYS === 365 ? { year: '2025' } : { from: iso(FROM), to: iso(TO - 1) }),
    formats: ['pdf', 'xlsx', 'csv', 'json'],
    lang: 'id',
    outDir: out,
    // Long after the period, as an audit is run: the figures come from the rollup policy.
    now: Date.parse('2026-12-01T04:00:00Z'),
  });
  const wallMs = performance.now() - start;
  let files = 0;
  let bytes = 0;
  for (const f of readdirSync(out, { recursive: true, withFileTypes: true }))
    if (f.isFile()) {
      files++;
      bytes += statSync(join(f.parentPath, f.name)).size;
    }
  const json = readdirSync(out).find((f) => f.endsWith('.json') && f !== 'MANIFEST.json')!;
  const report = JSON.parse(readFileSync(join(out, json), 'utf8')) as Report;
  const row = report.sections
    .flatMap((s) => s.tables)
    .find((t) => t.id === 'ketersediaan-device')!
    .rows.find((r) => r.id === deviceId(3))!;
  const slots = (TO - FROM) / 300_000;
  // d0003's outage falls on day (3 × 7) mod n of an n-day period; summaries repeat 2 days.
  const n = MODE === 'summaries' ? PATTERN_DAYS : DAYS;
  const outageDays = Array.from({ length: DAYS }, (_, k) => k % n === (3 * 7) % n).filter(Boolean).length;
  const result: ChildResult = {
    wallMs,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
    steps,
    queries,
    files,
    bytes,
    // d0003 is down 2 h once (its own outage, not its router's), nothing else is missing.
    check: {
      device: deviceId(3),
      availability: row.availability as number | null,
      expected: (100 * (slots - (outageDays * OUTAGE_MS) / 300_000)) / slots,
    },
  };
  // Exit only once the result is out: exiting right after send() can lose the message.
  await new Promise<void>((resolve) => process.send!(result, () => resolve()));
}

function runChild(configFile: string, out: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const c = fork(__filename, ['--child', configFile, out], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    c.once('message', (m) => resolve(m as ChildResult));
    c.once('exit', (code) => reject(new Error(`report child exited ${code} without a result`)));
  });
}

/** CPU seconds influxd has used so far (utime + stime, /proc/<pid>/stat). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Waits until influxd has finished compacting what was just written (under 5 % of a core for
 * 3 s, at most 5 minutes), so neither the report nor the replay pays for the load.
 */
async function settle(pid: number): Promise<number> {
  const start = performance.now();
  let last = cpuSeconds(pid);
  while (performance.now() - start < 300_000) {
    await new Promise((r) => setTimeout(r, 3000));
    const now = cpuSeconds(pid);
    if (now - last < 0.15) break;
    last = now;
  }
  return performance.now() - start;
}

/** The same queries with curl, one after the other, answers thrown away. */
function replay(url: string, queries: string[]): { wallMs: number; bytes: number } {
  const start = performance.now();
  let bytes = 0;
  for (const q of queries) {
    const size = execFileSync(
      'curl',
      [
        '-sS',
        '-o',
        '/dev/null',
        '-w',
        '%{size_download}',
        '--data-urlencode',
        `q=${q}`,
        '-d',
        'db=noc',
        '-d',
        'epoch=ms',
        `${url}/query`,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 20 },
    );
    bytes += Number(size);
  }
  return { wallMs: performance.now() - start, bytes };
}

const s = (ms: number) => (ms / 1000).toFixed(1).replace('.', ',');
const n = (x: number) => Math.round(x).toLocaleString('en-US');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'noc-bench-report-'));
  const influx = await startInfluxd(join(dir, 'influx'));
  try {
    for (const q of [
      'CREATE DATABASE noc',
      'CREATE RETENTION POLICY raw ON noc DURATION 30d REPLICATION 1 DEFAULT',
      'CREATE RETENTION POLICY rollup ON noc DURATION INF REPLICATION 1',
    ])
      await fetch(`${influx.url}/query`, { method: 'POST', body: new URLSearchParams({ q }) });
    const loadStart = performance.now();
    let lastLog = 0;
    const configFile = join(dir, 'noc.yaml');
    writeFileSync(configFile, stringify(fleetConfig(FLEET, influx.url)));
    const config = parseConfig(readFileSync(configFile, 'utf8'), { baseDir: dir, env: {} }).config!;
    const loaded =
      MODE === 'summaries'
        ? await loadSummarisedYear(influx.url, FLEET, config, FROM, DAYS, PATTERN_DAYS, (what) =>
            console.error(`report-audit: ${what} (${s(performance.now() - loadStart)} s)`),
          )
        : await loadFleet(influx.url, FLEET, FROM, TO, {
            batchLines: 100_000,
            parallel: 2,
            onBatch: (t) => {
              if (performance.now() - lastLog < 30_000) return;
              lastLog = performance.now();
              console.error(`report-audit: loaded up to ${iso(t)} (${s(lastLog - loadStart)} s)`);
            },
          });
    const loadMs = performance.now() - loadStart;
    const settleMs = await settle(influx.process()!.pid!);
    const r = await runChild(configFile, join(dir, 'out'));
    const limit = replay(influx.url, r.queries);
    const influxRss =
      Number(readFileSync(`/proc/${influx.process()!.pid}/status`, 'utf8').match(/VmHWM:\s+(\d+)/)![1]) /
      1024;
    const run: Run = { r, limit, loaded, loadMs, settleMs, influxRss };
    const lines = MODE === 'summaries' ? summariesText(run) : rollupsText(run);
    console.log(lines.join('\n'));
  } finally {
    await influx.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What one run measured: the report child, the curl replay, the load and influxd. */
interface Run {
  r: ChildResult;
  limit: { wallMs: number; bytes: number };
  loaded: { lines: number; gzBytes: number; dailyPoints?: number };
  loadMs: number;
  settleMs: number;
  influxRss: number;
}

function table({ r, limit, loaded, loadMs, settleMs, influxRss }: Run, load: string): string[] {
  return [
    '| step | wall s | peak RSS MiB | notes |',
    '| --- | ---: | ---: | --- |',
    `| ${load} | ${s(loadMs)} | ${n(influxRss)} (influxd) | ${n(loaded.lines)} lines, ${n(loaded.lines / (loadMs / 1000))} lines/s, ${n(loaded.gzBytes / 2 ** 20)} MiB gzipped |`,
    `| influxd compacting after the load (waited, not counted) | ${s(settleMs)} | | |`,
    `| noc report audit, all formats | ${s(r.wallMs)} | ${n(r.maxRssMiB)} | ${r.files} files, ${(r.bytes / 2 ** 20).toFixed(1).replace('.', ',')} MiB |`,
    `| physical limit: same queries with curl | ${s(limit.wallMs)} | – | ${n(limit.bytes / 2 ** 20)} MiB of JSON answers |`,
    `| ratio report ÷ limit | ${(r.wallMs / limit.wallMs).toFixed(2).replace('.', ',')} × | | |`,
    '',
    `Check: ${r.check.device} availability ${r.check.availability} %, expected ${r.check.expected} % (${r.check.availability !== null && Math.abs(r.check.availability - r.check.expected) < 1e-9 ? 'equal' : 'DIFFERENT'}).`,
  ];
}

/** The longest period any query read from the big 5-minute series (ping, interface). */
function bigSeriesSpan(queries: string[]): number {
  let longest = 0;
  for (const q of queries)
    for (const part of q.split(';')) {
      if (!/FROM [^ ]*"(ping|interface)"/.test(part)) continue;
      const a = /time >= (\d+)ms/.exec(part);
      const b = /time < (\d+)ms/.exec(part);
      if (a && b) longest = Math.max(longest, Number(b[1]) - Number(a[1]));
    }
  return longest;
}

function summariesText(run: Run): string[] {
  const { r, loaded } = run;
  const within = r.wallMs < 60_000 && r.maxRssMiB < 500;
  return [
    `## report-audit: annual audit report, 500 devices and 2,000 links`,
    '',
    `Measured: ${n(FLEET.devices)} devices, ${n(FLEET.links)} links, ${FLEET.services} services, the year 2025 as a running`,
    `agent leaves it in a private influxd 1.6.7: \`availability_daily\` for every object and day (${n(loaded.dailyPoints ?? 0)} points,`,
    `made by the agent's own summary code from ${PATTERN_DAYS} days of full 5-minute rollups and repeated over the`,
    `year), and a year of the small 5-minute series the report reads whole (websites, the agent's`,
    `heartbeat, daily inventory and system snapshots). The report in all four formats (PDF, XLSX,`,
    `CSV per table, JSON, manifest) run in its own process; the physical limit is InfluxDB answering`,
    `the same ${r.queries.length} queries, replayed with curl to /dev/null.`,
    '',
    ...table(run, 'load (gzip, 100k-line batches)'),
    '',
    `The longest period the report read from the big 5-minute series (ping, interface): ${(bigSeriesSpan(r.queries) / 3_600_000).toFixed(1).replace('.', ',')} h`,
    `(the last hour's reachability for section (b); everything else is summarised).`,
    '',
    `RSS after each step (MiB): ${r.steps.map(([step, mib]) => `${step} ${mib}`).join(', ')}.`,
    '',
    `Goal: under 60 s and under 500 MB — ${within ? 'met' : 'NOT met'} (${s(r.wallMs)} s, ${n(r.maxRssMiB)} MiB).`,
    `Days without summaries (the agent down at 00:15, the current day) are computed from the rollups:`,
    `\`BENCH_REPORT_MODE=rollups BENCH_REPORT_DAYS=7 npm run bench -- report-audit\` measures that path.`,
  ];
}

function rollupsText(run: Run): string[] {
  const { r, loaded, loadMs, limit } = run;
  const scaleYear = (365 / DAYS) * SCALE;
  const measured = `${n(FLEET.devices)} devices, ${n(FLEET.links)} links, ${FLEET.services} services, ${DAYS} days`;
  const lines = [
    `## report-audit: annual audit report, 500 devices and 2,000 links`,
    '',
    `Measured: ${measured} of 5-minute rollups (${n(loaded.lines)} lines, rp \`rollup\`, fields as the`,
    `continuous query writes them) in a private influxd 1.6.7; the report in all four formats (PDF,`,
    `XLSX, CSV per table, JSON, manifest) run in its own process. The physical limit is InfluxDB`,
    `answering the same ${r.queries.length} queries the report sent, replayed with curl to /dev/null.`,
    '',
    ...table(run, 'load (gzip, 100k-line batches, 2 in flight)'),
  ];
  if (scaleYear !== 1)
    lines.push(
      '',
      `Extrapolated linearly (× ${scaleYear.toFixed(1).replace('.', ',')}, the rows read grow with days × series) to a full year`,
      `of 500 devices and 2,000 links: load ≈ ${n((loadMs * scaleYear) / 60_000)} min, report ≈ ${n((r.wallMs * scaleYear) / 60_000)} min,`,
      `physical limit ≈ ${n((limit.wallMs * scaleYear) / 60_000)} min. Peak RSS is not extrapolated: answers are at most 250,000 rows,`,
      `timelines are built while reading and bandwidth is summarised 200 links × 1 month at a time.`,
    );
  const yearLimitMin = (limit.wallMs * scaleYear) / 60_000;
  lines.push(
    '',
    `What it shows: without summaries the report costs InfluxDB's own answer time plus Node's parsing`,
    `and rendering (ratio above); a year read this way would take InfluxDB 1.6.7 alone ≈ ${n(yearLimitMin)} min.`,
    `That is why the annual report reads the stored daily and monthly summaries (the default run).`,
  );
  return lines;
}

if (process.argv[2] === '--child')
  child(process.argv[3], process.argv[4]).then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
else
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
