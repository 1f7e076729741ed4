import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, PrivateInfluxd, startInfluxd } from '../../agent/lab/influxd';
import { silentLogger } from '../../agent/log';
import { createWriter } from '../../agent/writer';
import { REPO } from '../harness/cli';
import { BASE, countOf, influxql, numbered, until, writerConfig } from './writer-support';

/**
 * The spec's outage test: InfluxDB is stopped for 60 s while two writers write steadily, then
 * started again. One writer runs in this process; the other is a separate process (the compiled
 * writer, test/e2e/writer-feeder.js) that is killed with SIGKILL during the outage and started
 * again, still during the outage. Every point must arrive exactly once, counted.
 */
jest.setTimeout(300_000);

const OUTAGE_MS = 60_000;
const tmp = () => mkdtempSync(join(tmpdir(), 'noc-outage-'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface FeederState {
  next: number;
  durable: number;
  spool: number;
  written: number;
}

function feeder(env: Record<string, string>) {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'writer-feeder.js')], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const state: FeederState = { next: 0, durable: 0, spool: 0, written: 0 };
  let buffer = '';
  child.stdout!.on('data', (b: Buffer) => {
    buffer += b.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      const [, next, durable, spool, written] = line.split(' ').map(Number);
      Object.assign(state, { next, durable, spool, written });
    }
  });
  return { child, state };
}

let influxd: PrivateInfluxd | undefined;
afterAll(async () => influxd?.stop());

it('a 60 s InfluxDB outage, with a kill -9 of one writer during it: every point arrives exactly once', async () => {
  if (!existsSync(join(REPO, 'dist', 'agent', 'writer', 'index.js')))
    throw new Error('dist/ is missing: run `npm run build` (npm test does it) before this test');
  const port = await freePort();
  influxd = await startInfluxd(join(tmp(), 'influxd'), { port });
  const url = influxd.url;

  // Writer A, in this process: 20 points every 50 ms.
  const a = createWriter(writerConfig(tmp(), { url, database: 'outage' }), () => silentLogger);
  await a.start();
  let produced = 0;
  const feed = setInterval(() => {
    a.write(numbered(produced, 20));
    produced += 20;
  }, 50);

  // Writer B, another process, killed with SIGKILL mid-outage.
  const dirB = tmp();
  const envB = { FEED_URL: url, FEED_DB: 'killed', FEED_DIR: dirB, FEED_BASE: String(BASE) };
  const b1 = feeder({ ...envB, FEED_FROM: '0' });
  await until(
    'both writers writing to InfluxDB',
    () => a.stats().pointsWritten > 400 && b1.state.written > 400,
  );

  await influxd.stop();
  const down = Date.now();
  await until('writer A spooling', () => a.stats().spoolPoints > 0);
  await until('writer B spooling', () => b1.state.spool > 400);
  await sleep(OUTAGE_MS / 2 - (Date.now() - down));
  b1.child.kill('SIGKILL');
  await new Promise((r) => b1.child.once('exit', r));
  const killed = { ...b1.state }; // its last report before it died
  const b2 = feeder({ ...envB, FEED_FROM: String(killed.next), FEED_LIMIT: '2000' });
  await sleep(OUTAGE_MS - (Date.now() - down));
  expect(a.stats().pointsWritten).toBeLessThan(produced); // really down all along
  await influxd.restart();

  await sleep(3000); // steady writing goes on after the outage
  clearInterval(feed);
  const total = produced;
  await until(
    `${total} points from writer A`,
    async () => (await countOf(url, 'outage', 'SELECT count(seq) FROM raw.uji')) === total,
    120_000,
  );
  await until(
    'writer B to finish',
    () => b2.state.next === killed.next + 2000 && b2.state.spool === 0,
    120_000,
  );
  b2.child.kill('SIGTERM');
  await new Promise((r) => b2.child.once('exit', r));
  await a.stop();

  // A: every point once. InfluxDB keeps one point per series and time, and A's own count of
  // points InfluxDB acknowledged equals what it produced: nothing was sent twice.
  const [[, countA, minA, maxA]] = await influxql(
    url,
    'outage',
    'SELECT count(seq), min(seq), max(seq) FROM raw.uji',
  );
  expect([countA, minA, maxA]).toEqual([total, 0, total - 1]);
  expect(a.stats()).toMatchObject({ pointsWritten: total, spoolBytes: 0, queueDepth: 0 });

  // B: the killed process lost at most what it had not yet made durable (under one flush
  // interval); what it had, plus everything of the restarted process, arrived once, in a
  // gap-free prefix.
  const [[, firstCount, firstMax]] = await influxql(
    url,
    'killed',
    `SELECT count(seq), max(seq) FROM raw.uji WHERE seq < ${killed.next}`,
  );
  expect(firstCount).toBeGreaterThanOrEqual(killed.durable);
  expect(firstCount).toBeLessThanOrEqual(killed.next);
  expect(firstMax).toBe((firstCount as number) - 1);
  const [[, secondCount]] = await influxql(
    url,
    'killed',
    `SELECT count(seq) FROM raw.uji WHERE seq >= ${killed.next}`,
  );
  expect(secondCount).toBe(2000);
  process.stderr.write(
    `outage: writer A ${total} points, all arrived once; writer B killed after seq ${killed.next} ` +
      `(durable ${killed.durable}), ${String(firstCount)} of them arrived, plus 2000 after the restart\n`,
  );
  expect(killed.durable).toBeGreaterThan(killed.next - 2 * 20 * 20); // within ~2 s of points
});
