import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startInfluxd } from '../agent/lab/influxd';
import { silentLogger } from '../agent/log';
import { createWriter } from '../agent/writer';
import { config, count, feed, fmt, POINTS, waitFor } from './writer-lib';

/**
 * Spool replay: 1,000,000 points written while InfluxDB is down (they go to the disk spool),
 * the agent restarted, InfluxDB up: time until every spooled point is in InfluxDB.
 */
async function main(): Promise<void> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'noc-bench-r-'));
  const cfg = config(dir, `http://127.0.0.1:${port}`, 'bench_replay');

  // 1. InfluxDB down: everything goes to the spool.
  const down = createWriter(cfg, () => silentLogger);
  await down.start();
  const spoolStart = process.hrtime.bigint();
  await feed((samples) => down.write(samples));
  await waitFor(() => down.stats().spoolPoints === POINTS);
  const spoolSeconds = Number(process.hrtime.bigint() - spoolStart) / 1e9;
  const spoolBytes = down.stats().spoolBytes;
  await down.stop();

  // 2. InfluxDB up, a new agent process would do the same: replay from disk.
  const influxd = await startInfluxd(join(dir, 'influxd'), { port });
  try {
    const up = createWriter(cfg, () => silentLogger);
    const started = process.hrtime.bigint();
    await up.start();
    await waitFor(() => up.stats().pointsWritten === POINTS);
    const replaySeconds = Number(process.hrtime.bigint() - started) / 1e9;
    await up.stop();
    const stored = await count(influxd.url, 'bench_replay');
    if (stored !== POINTS) throw new Error(`${stored} of ${POINTS} points in InfluxDB after replay`);
    console.log(
      [
        '## writer-replay: 1,000,000 spooled points',
        '',
        `${fmt(POINTS)} points written while InfluxDB 1.6.7 was down went to the disk spool`,
        `(${fmt(spoolBytes / 2 ** 20)} MiB in segment files); a new writer then started with InfluxDB up`,
        'and replayed them in order (5,000 lines per request, gzip). Every point counted in InfluxDB.',
        '',
        '| step | seconds | points/s |',
        '| --- | ---: | ---: |',
        `| spooling (samples -> line protocol -> segment files) | ${spoolSeconds.toFixed(1)} | ${fmt(POINTS / spoolSeconds)} |`,
        `| replay (segment files -> InfluxDB, including the retention set-up) | ${replaySeconds.toFixed(1)} | ${fmt(POINTS / replaySeconds)} |`,
      ].join('\n'),
    );
  } finally {
    await influxd.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
