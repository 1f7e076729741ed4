import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASE, countOf, influxql, iso, numbered, until, writerConfig } from '../../test/e2e/writer-support';
import { freePort, PrivateInfluxd, startInfluxd } from '../lab/influxd';
import { silentLogger } from '../log';
import { createWriter } from '.';
import { Connections, query1x } from './http-post';
import { ensureRetention } from './retention';
import { Spool } from './spool';

/** The writer against a real InfluxDB 1.6.7 (Debian's influxd) on loopback. */
let influxd: PrivateInfluxd;
const tmp = () => mkdtempSync(join(tmpdir(), 'noc-writer-'));

beforeAll(async () => {
  influxd = await startInfluxd(join(tmp(), 'influxd'));
});
afterAll(async () => influxd?.stop());

const config = (db: string, extra: Record<string, unknown> = {}) =>
  writerConfig(tmp(), { url: influxd.url, database: db, flushIntervalMs: 50, ...extra });

describe('writer -> InfluxDB 1.x', () => {
  it('writes every point once, with exact values, into the raw retention policy', async () => {
    const writer = createWriter(config('exact'), () => silentLogger);
    await writer.start();
    for (let i = 0; i < 12_345; i += 1000) writer.write(numbered(i, Math.min(1000, 12_345 - i)));
    await until('12,345 points', () => writer.stats().pointsWritten === 12_345);
    await writer.stop();
    const [[, count, sum, max]] = await influxql(
      influxd.url,
      'exact',
      'SELECT count(seq), sum(seq), max(v) FROM raw.uji',
    );
    expect([count, sum, max]).toEqual([12_345, (12_344 * 12_345) / 2, 12_344 / 2]);
    const rows = await influxql(influxd.url, 'exact', 'SELECT seq, v, device FROM raw.uji WHERE seq = 777');
    expect(rows).toEqual([[iso(BASE + 777), 777, 388.5, 'r1']]);
    expect(writer.stats()).toMatchObject({
      queueDepth: 0,
      spoolBytes: 0,
      pointsAccepted: 12_345,
      retries: 0,
    });
  });

  it('round-trips escaped names, tags and strings through a real InfluxDB', async () => {
    const writer = createWriter(config('esc'), () => silentLogger);
    await writer.start();
    writer.write([
      {
        measurement: 'my m,x',
        tags: { device: 'r 1,a=b', 'site id': 'Pusat Data', note: 'a\nb' },
        fields: { 'in bps,x=y': 1.25, text: 'kata "kutip" C:\\noc', multi: 'baris 1\nbaris 2', n: NaN },
        time: BASE,
      },
    ]);
    await until('the point', () => writer.stats().pointsWritten === 1);
    await writer.stop();
    const res = await fetch(`${influxd.url}/query?db=esc&q=${encodeURIComponent('SELECT * FROM "my m,x"')}`);
    const json = (await res.json()) as {
      results: { series: { name: string; columns: string[]; values: unknown[][] }[] }[];
    };
    const s = json.results[0].series[0];
    const row = Object.fromEntries(s.columns.map((c, i) => [c, s.values[0][i]]));
    expect(s.name).toBe('my m,x');
    expect(row).toEqual({
      time: iso(BASE),
      device: 'r 1,a=b',
      'site id': 'Pusat Data',
      note: 'a\\nb', // a newline cannot live in a tag: it is written as the two characters \n
      'in bps,x=y': 1.25,
      text: 'kata "kutip" C:\\noc',
      multi: 'baris 1\\nbaris 2',
    });
    expect(writer.stats().fieldsDropped).toBe(1);
  });

  it('drops only the points InfluxDB rejects (partial write), and counts them', async () => {
    const cfg = config('partial');
    // Lines an older version left in the spool, two of them broken: replayed on start.
    const spool = new Spool(join(cfg.agent.dataDir, 'spool'), 1 << 20, silentLogger);
    spool.open();
    const t = (n: number) => BASE + n * 1000;
    const lines = [
      `ok,d=a v=1 ${t(1)}`,
      `ok,d=b v= ${t(2)}`,
      `ok,d=c v=3 ${t(3)}`,
      'not line protocol',
      `ok,d=d v=4 ${t(4)}`,
    ];
    spool.append(lines.join('\n'), 5);
    spool.close();
    const writer = createWriter(cfg, () => silentLogger);
    await writer.start();
    await until('the spooled batch', () => writer.stats().spoolPoints === 0);
    // A field type conflict: `v` is a float in InfluxDB, these two send it as an integer.
    writer.write([
      { measurement: 'ok', tags: { d: 'e' }, fields: { v: 5 }, time: BASE + 5000 },
      { measurement: 'ok', tags: { d: 'f' }, fields: { v: 6n }, time: BASE + 6000 },
      { measurement: 'ok', tags: { d: 'g' }, fields: { v: 7n }, time: BASE + 7000 },
      { measurement: 'ok', tags: { d: 'h' }, fields: { v: 8 }, time: BASE + 8000 },
    ]);
    await until('the batch', () => writer.stats().pointsWritten === 5, 10_000).catch((e) => {
      throw new Error(`${e}: ${JSON.stringify(writer.stats())}`);
    });
    await writer.stop();
    expect(writer.stats().pointsDropped).toEqual({ rejected: 4, spoolFull: 0 });
    const rows = await influxql(influxd.url, 'partial', 'SELECT d, v FROM raw.ok');
    expect(rows.map((r) => [r[1], r[2]])).toEqual([
      ['a', 1],
      ['c', 3],
      ['d', 4],
      ['e', 5],
      ['h', 8],
    ]);
  });

  it('creates the raw and rollup policies and the 5-minute continuous query, idempotently', async () => {
    const writer = createWriter(
      config('ret', { retention: { rawDays: 30, rollupDays: 400 } }),
      () => silentLogger,
    );
    await writer.start();
    writer.write(
      [0, 60, 120, 240, 299].map((sec, i) => ({
        measurement: 'cpu',
        tags: { device: 'srv-1' },
        fields: { load_percent: [10, 20, 60, 30, 40][i], state: 'ok' },
        time: BASE + sec * 1000,
      })),
    );
    await until('5 points', () => writer.stats().pointsWritten === 5);
    await writer.stop();
    expect(await influxql(influxd.url, 'ret', 'SHOW RETENTION POLICIES')).toEqual([
      ['autogen', '0s', '168h0m0s', 1, false],
      ['raw', '720h0m0s', '24h0m0s', 1, true],
      ['rollup', '9600h0m0s', '168h0m0s', 1, false],
    ]);
    const showCqs = async () =>
      (await influxql(influxd.url, 'ret', 'SHOW CONTINUOUS QUERIES')).filter((r) =>
        / ON ret /.test(String(r[1])),
      );
    const cqs = await showCqs();
    expect(cqs).toEqual([
      [
        'noc_rollup_5m',
        'CREATE CONTINUOUS QUERY noc_rollup_5m ON ret BEGIN SELECT mean(*), max(*), last(*) INTO ret.rollup.:MEASUREMENT FROM ret.raw./.*/ GROUP BY time(5m), * END',
      ],
    ]);
    // A second start changes nothing.
    const connections = new Connections();
    const again = await ensureRetention(
      'ret',
      { rawDays: 30, rollupDays: 400, manage: true },
      (q) => query1x(influxd.url, q, {}, 5000, connections),
      silentLogger,
    );
    connections.close();
    expect(again).toEqual([]);
    expect(await showCqs()).toEqual(cqs);
    // What the continuous query computes for one 5-minute window (run by hand for that window).
    await influxql(
      influxd.url,
      'ret',
      `SELECT mean(*), max(*), last(*) INTO ret.rollup.:MEASUREMENT FROM ret.raw./.*/ WHERE time >= '${iso(BASE)}' AND time < '${iso(BASE + 300_000)}' GROUP BY time(5m), *`,
    );
    const rollup = await influxql(
      influxd.url,
      'ret',
      'SELECT mean_load_percent, max_load_percent, last_load_percent, last_state, device FROM rollup.cpu',
    );
    expect(rollup).toEqual([[iso(BASE), 32, 60, 40, 'ok', 'srv-1']]);
  });

  it('starts while InfluxDB is down, spools, and delivers everything once it is up', async () => {
    const port = await freePort();
    const cfg = writerConfig(tmp(), {
      url: `http://127.0.0.1:${port}`,
      database: 'late',
      flushIntervalMs: 50,
    });
    const writer = createWriter(cfg, () => silentLogger);
    await writer.start();
    writer.write(numbered(0, 300));
    await until('the spool', () => writer.stats().spoolPoints === 300);
    expect(writer.stats().lastError).toMatch(/ECONNREFUSED/);
    const late = await startInfluxd(join(tmp(), 'late'), { port });
    try {
      writer.write(numbered(300, 200));
      await until(
        '500 points',
        async () => (await countOf(late.url, 'late', 'SELECT count(seq) FROM raw.uji')) === 500,
      );
      await writer.stop();
      expect(writer.stats()).toMatchObject({ pointsWritten: 500, spoolBytes: 0 });
    } finally {
      await late.stop();
    }
  });
});
