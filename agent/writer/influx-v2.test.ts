import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InfluxV2Peer } from '../../test/e2e/writer-v2-peer';
import { BASE, numbered, until, writerConfig } from '../../test/e2e/writer-support';
import { silentLogger } from '../log';
import { V2Backend } from './backend';
import { Spool } from './spool';
import { InfluxWriter } from './writer';

/** The 2.x/3.x back end against a peer that answers as InfluxData documents /api/v2/write. */
let peer: InfluxV2Peer;
let url: string;

beforeEach(async () => {
  peer = new InfluxV2Peer({ org: 'diskominfo', bucket: 'noc', token: 'rahasia' });
  url = await peer.start();
});
afterEach(async () => peer.stop());

function writer(token = 'rahasia', extra: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'noc-v2-'));
  const config = writerConfig(
    dir,
    {
      version: 2,
      url,
      org: 'diskominfo',
      bucket: 'noc',
      token: '${INFLUX_TOKEN}',
      flushIntervalMs: 50,
      ...extra,
    },
    { INFLUX_TOKEN: token },
  );
  const spool = new Spool(join(dir, 'spool'), config.influx.spool.maxBytes, silentLogger);
  const w = new InfluxWriter(
    new V2Backend(config.influx),
    spool,
    { batchSize: config.influx.batchSize, flushIntervalMs: 50, configRetryMs: 100 },
    silentLogger,
  );
  return { w, dir };
}

describe('writer -> InfluxDB 2.x /api/v2/write', () => {
  it('posts gzip line protocol with the token, org, bucket and ms precision; 204 is done', async () => {
    const { w } = writer();
    await w.start();
    w.write(numbered(0, 12_000));
    await until('12,000 lines', () => peer.lines.length === 12_000);
    await w.stop();
    expect(peer.lines[0]).toBe(`uji,device=r1 seq=0i,v=0 ${BASE}`);
    expect(peer.lines[11_999]).toBe(`uji,device=r1 seq=11999i,v=5999.5 ${BASE + 11_999}`);
    // 5,000-line batches (the first cut at 5,000; the rest wait behind it in order).
    expect(peer.requests.map((r) => [r.status, r.lines, r.gzip])).toEqual([
      [204, 5000, true],
      [204, 5000, true],
      [204, 2000, true],
    ]);
    expect(peer.requests[0].query).toBe('?org=diskominfo&bucket=noc&precision=ms');
    expect(w.stats()).toMatchObject({ pointsWritten: 12_000, spoolBytes: 0, queueDepth: 0 });
  });

  it('401: stops writing, keeps every point in the spool, reports a configuration error; resumes once fixed', async () => {
    const { w } = writer('salah');
    await w.start();
    w.write(numbered(0, 40));
    await until('a configuration error', () => w.stats().configError !== undefined);
    w.write(numbered(40, 10));
    await until('50 spooled points', () => w.stats().spoolPoints === 50);
    expect(w.stats().configError).toMatch(/HTTP 401: unauthorized access/);
    expect(peer.lines).toEqual([]);
    peer.token = 'salah'; // the operator grants the token in InfluxDB
    await until('50 lines', () => peer.lines.length === 50 && w.stats().configError === undefined);
    expect(peer.lines.map((l) => /seq=(\d+)i/.exec(l)![1]).map(Number)).toEqual([...Array(50).keys()]);
    await w.stop();
  });

  it('413: splits the batch in halves until InfluxDB takes it', async () => {
    peer.maxBodyBytes = 1500; // about 35 lines
    const { w } = writer();
    await w.start();
    w.write(numbered(0, 100));
    await until('100 lines', () => peer.lines.length === 100);
    await w.stop();
    const statuses = peer.requests.map((r) => r.status);
    expect(statuses.filter((s) => s === 413).length).toBeGreaterThan(0);
    expect(peer.requests.filter((r) => r.status === 204).map((r) => r.lines)).toEqual([25, 25, 25, 25]);
    expect(w.stats()).toMatchObject({ pointsWritten: 100, pointsDropped: { spoolFull: 0 } });
  });

  it('429 and 503: retries, honouring Retry-After, and loses nothing', async () => {
    peer.faults.push({ status: 429, retryAfter: '1' }, { status: 503 });
    const { w } = writer();
    await w.start();
    w.write(numbered(0, 10));
    await until('10 lines', () => peer.lines.length === 10, 20_000);
    w.write(numbered(10, 5));
    await until('15 lines', () => peer.lines.length === 15);
    await w.stop();
    expect(peer.requests.map((r) => r.status)).toEqual([429, 503, 204, 204]);
    expect(w.stats()).toMatchObject({ pointsWritten: 15, retries: 1 });
  });

  it('400 naming a line: drops that line only and sends the rest', async () => {
    const { w, dir } = writer();
    const spool = new Spool(join(dir, 'spool'), 1 << 20, silentLogger); // left by an earlier run
    spool.open();
    spool.append(['a v=1 1', 'a v=2 2', 'broken', 'a v=4 4', 'a v= 5', 'a v=6 6'].join('\n'), 6);
    spool.close();
    await w.start();
    await until('4 lines', () => peer.lines.length === 4);
    await w.stop();
    expect(peer.lines).toEqual(['a v=1 1', 'a v=2 2', 'a v=4 4', 'a v=6 6']);
    expect(peer.requests.map((r) => r.status)).toEqual([400, 400, 204]);
    expect(w.stats().pointsDropped).toEqual({ rejected: 2, spoolFull: 0 });
  });
});
