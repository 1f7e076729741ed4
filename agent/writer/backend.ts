import type { NocConfig } from '../../config/load';
import type { Logger } from '../log';
import { Connections, postLines, query1x } from './http-post';
import { classify, WriteOutcome } from './responses';
import { ensureRetention, RAW_RP } from './retention';

/**
 * One InfluxDB API. Both back ends speak plain HTTP (node:http with keep-alive) rather than
 * the `influx` / `@influxdata/influxdb-client` packages, because the writer needs the raw
 * status, Retry-After and error body of every answer, and its own retry and spool policy.
 */
export interface WriteBackend {
  /** Where it writes, for logs (no secrets). */
  readonly description: string;
  readonly version: 1 | 2;
  /** Whether prepare() creates a missing database (1.x with retention.manage). */
  readonly createsDatabase: boolean;
  /** Run before the first write and after "database not found": retention and rollups. */
  prepare(): Promise<void>;
  /** Sends lines; network failures reject. */
  write(lines: string): Promise<WriteOutcome>;
  /** Closes kept-alive connections. */
  close(): void;
}

type Influx = NocConfig['influx'];

export function createBackend(influx: Influx, log: Logger): WriteBackend {
  return influx.version === 2 ? new V2Backend(influx) : new V1Backend(influx, log);
}

/** InfluxDB 1.x: POST /write?db=&rp=&precision=ms, basic auth when a username is configured. */
export class V1Backend implements WriteBackend {
  readonly version = 1;
  readonly description: string;
  readonly createsDatabase: boolean;
  private readonly url: URL;
  private readonly auth: Record<string, string> = {};
  private readonly connections = new Connections();

  constructor(
    private readonly influx: Influx,
    private readonly log: Logger,
  ) {
    this.url = new URL('/write', influx.url);
    this.url.searchParams.set('db', influx.database);
    if (influx.retention.manage) this.url.searchParams.set('rp', RAW_RP);
    this.url.searchParams.set('precision', 'ms');
    if (influx.username) {
      const pair = `${influx.username}:${influx.password?.reveal() ?? ''}`;
      this.auth.authorization = 'Basic ' + Buffer.from(pair).toString('base64');
    }
    this.createsDatabase = influx.retention.manage;
    this.description = `InfluxDB 1.x ${influx.url} database ${influx.database}`;
  }

  async prepare(): Promise<void> {
    if (!this.influx.retention.manage) return;
    const timeout = this.influx.timeoutSeconds * 1000;
    await ensureRetention(
      this.influx.database,
      this.influx.retention,
      (q) => query1x(this.influx.url, q, this.auth, timeout, this.connections),
      this.log,
    );
  }

  async write(lines: string): Promise<WriteOutcome> {
    const res = await postLines(this.url, lines, {
      headers: this.auth,
      gzip: this.influx.gzip,
      timeoutMs: this.influx.timeoutSeconds * 1000,
      connections: this.connections,
    });
    return classify(1, res);
  }

  close(): void {
    this.connections.close();
  }
}

/** InfluxDB 2.x/3.x: POST /api/v2/write?org=&bucket=&precision=ms with `Authorization: Token …`. */
export class V2Backend implements WriteBackend {
  readonly version = 2;
  readonly createsDatabase = false;
  readonly description: string;
  private readonly url: URL;
  private readonly connections = new Connections();

  constructor(private readonly influx: Influx) {
    this.url = new URL('/api/v2/write', influx.url);
    this.url.searchParams.set('org', influx.org ?? '');
    this.url.searchParams.set('bucket', influx.bucket ?? '');
    this.url.searchParams.set('precision', 'ms');
    this.description = `InfluxDB 2.x ${influx.url} org ${influx.org} bucket ${influx.bucket}`;
  }

  /** Buckets and retention are managed in InfluxDB 2.x itself (docs/storage.md). */
  async prepare(): Promise<void> {}

  async write(lines: string): Promise<WriteOutcome> {
    const res = await postLines(this.url, lines, {
      headers: { authorization: `Token ${this.influx.token?.reveal() ?? ''}` },
      gzip: this.influx.gzip,
      timeoutMs: this.influx.timeoutSeconds * 1000,
      connections: this.connections,
    });
    return classify(2, res);
  }

  close(): void {
    this.connections.close();
  }
}
