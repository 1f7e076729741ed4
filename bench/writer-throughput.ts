import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startInfluxd } from '../agent/lab/influxd';
import { silentLogger } from '../agent/log';
import { createWriter } from '../agent/writer';
import { toLine } from '../agent/writer/line-protocol';
import { config, count, curlVersion, feed, feedLines, fmt, POINTS, rss, waitFor } from './writer-lib';

/**
 * Writer throughput: 1,000,000 points into a private InfluxDB 1.6.7 through noc's writer, side
 * by side with curl posting the same line protocol in 5,000-line batches (one connection per
 * batch, no gzip: what an operator's script does). Goal: noc >= 0.8 of curl.
 */
async function noc(url: string, db: string, extra: object): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'noc-bench-w-'));
  const writer = createWriter(config(dir, url, db, extra), () => silentLogger);
  await writer.start();
  const started = process.hrtime.bigint();
  await feed((samples) => writer.write(samples));
  await waitFor(() => writer.stats().pointsWritten === POINTS);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await writer.stop();
  rmSync(dir, { recursive: true, force: true });
  const stored = await count(url, db);
  if (stored !== POINTS) throw new Error(`noc: ${stored} of ${POINTS} points in InfluxDB`);
  return seconds;
}

function curl(url: string, db: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'noc-bench-c-'));
  mkdirSync(dir, { recursive: true });
  let files = 0;
  for (let i = 0; i < POINTS; files++) {
    const lines: string[] = [];
    for (const end = Math.min(POINTS, i + 5000); i < end; i++) lines.push(toLine(feedLines(i)).line!);
    writeFileSync(join(dir, `${String(files).padStart(5, '0')}.lp`), lines.join('\n'));
  }
  const script = `for f in ${dir}/*.lp; do curl -sf -o /dev/null -XPOST --data-binary @"$f" '${url}/write?db=${db}&precision=ms' || exit 1; done`;
  const started = process.hrtime.bigint();
  execFileSync('bash', ['-c', script]);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  rmSync(dir, { recursive: true, force: true });
  return seconds;
}

async function main(): Promise<void> {
  const influxd = await startInfluxd(mkdtempSync(join(tmpdir(), 'noc-bench-influxd-')));
  try {
    for (const db of ['bench_curl', 'bench_curl2', 'bench_noc', 'bench_noc_plain'])
      await fetch(`${influxd.url}/query`, {
        method: 'POST',
        body: new URLSearchParams({ q: `CREATE DATABASE ${db}` }),
      });
    // Alternated (curl, noc, curl, noc) so a busy machine weighs on both alike.
    const curlRuns = [curl(influxd.url, 'bench_curl')];
    const nocSeconds = await noc(influxd.url, 'bench_noc', {});
    curlRuns.push(curl(influxd.url, 'bench_curl2'));
    const plainSeconds = await noc(influxd.url, 'bench_noc_plain', { gzip: false });
    for (const db of ['bench_curl', 'bench_curl2']) {
      const stored = await count(influxd.url, db);
      if (stored !== POINTS) throw new Error(`curl: ${stored} of ${POINTS} points in InfluxDB`);
    }
    const curlSeconds = (curlRuns[0] + curlRuns[1]) / 2;
    const rate = (s: number) => POINTS / s;
    console.log(
      [
        '## writer-throughput: noc writer vs curl into InfluxDB 1.6.7',
        '',
        `${fmt(POINTS)} points (interface samples of 2,000 routers: 4 tags, 5 fields) into a private`,
        "InfluxDB 1.6.7 on loopback, every point counted in InfluxDB afterwards. noc: the agent's",
        'writer (samples -> line protocol -> 5,000-line batches, spool when behind) from the first',
        `write() to the last acknowledgement. curl (${curlVersion()}): the same line protocol,`,
        'pre-generated into 5,000-line files, posted one after another. Runs alternate',
        '(curl, noc, curl, noc with gzip off) on a fresh database each, so a busy machine weighs on both.',
        '',
        '| writer | seconds | points/s | ratio to curl |',
        '| --- | ---: | ---: | ---: |',
        `| curl, 5,000-line batches (mean of ${curlRuns.map((c) => c.toFixed(1)).join(' s and ')} s) | ${curlSeconds.toFixed(1)} | ${fmt(rate(curlSeconds))} | 1.00 |`,
        `| noc (default: gzip) | ${nocSeconds.toFixed(1)} | ${fmt(rate(nocSeconds))} | ${(curlSeconds / nocSeconds).toFixed(2)} |`,
        `| noc, gzip off | ${plainSeconds.toFixed(1)} | ${fmt(rate(plainSeconds))} | ${(curlSeconds / plainSeconds).toFixed(2)} |`,
        '',
        `Goal: noc >= 0.8 of curl: **${curlSeconds / nocSeconds >= 0.8 ? 'met' : 'not met'}** ` +
          `(${(curlSeconds / nocSeconds).toFixed(2)}). Benchmark process RSS at the end: ${rss()} MB.`,
      ].join('\n'),
    );
  } finally {
    await influxd.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
