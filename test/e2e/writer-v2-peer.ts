import { splitUnescaped } from '../harness/line-split';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';

/**
 * A test peer for InfluxDB 2.x `POST /api/v2/write`, as InfluxData documents it (there is no
 * InfluxDB 2 package here): `Authorization: Token …`, `org` and `bucket` query parameters,
 * `Content-Encoding: gzip`, 204 on success, 400 `{"code":"invalid","message":…,"line":N}` for
 * malformed line protocol (nothing written, N the 1-based first bad line), 401
 * `{"code":"unauthorized","message":"unauthorized access"}`, 404 for an unknown bucket, 413
 * `{"code":"request too large",…,"maxLength":…}` above its body limit, 429/503 with Retry-After.
 */
export interface PeerFault {
  status: 429 | 500 | 503;
  retryAfter?: string;
}

export class InfluxV2Peer {
  /** Every accepted line, in arrival order. */
  readonly lines: string[] = [];
  /** Every request as the peer saw it. */
  readonly requests: { status: number; lines: number; gzip: boolean; query: string }[] = [];
  /** Answers forced on the next requests, first to last. */
  readonly faults: PeerFault[] = [];
  maxBodyBytes = Infinity;
  token: string;
  private server?: Server;

  constructor(private readonly opts: { org: string; bucket: string; token: string }) {
    this.token = opts.token;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://peer');
    const gzip = req.headers['content-encoding'] === 'gzip';
    const answer = (status: number, body?: object, headers: Record<string, string> = {}, lines = 0) => {
      this.requests.push({ status, lines, gzip, query: url.search });
      res.writeHead(status, body ? { 'content-type': 'application/json', ...headers } : headers);
      res.end(body ? JSON.stringify(body) : undefined);
    };
    if (req.method !== 'POST' || url.pathname !== '/api/v2/write')
      return answer(404, { code: 'not found', message: 'path not found' });
    if (req.headers.authorization !== `Token ${this.token}`)
      return answer(401, { code: 'unauthorized', message: 'unauthorized access' });
    if (url.searchParams.get('org') !== this.opts.org)
      return answer(404, {
        code: 'not found',
        message: `organization name "${url.searchParams.get('org')}" not found`,
      });
    if (url.searchParams.get('bucket') !== this.opts.bucket)
      return answer(404, {
        code: 'not found',
        message: `bucket "${url.searchParams.get('bucket')}" not found`,
      });
    const fault = this.faults.shift();
    if (fault)
      return answer(
        fault.status,
        { code: fault.status === 429 ? 'too many requests' : 'unavailable', message: 'try again later' },
        fault.retryAfter ? { 'retry-after': fault.retryAfter } : {},
      );
    const body = (gzip ? gunzipSync(Buffer.concat(chunks)) : Buffer.concat(chunks)).toString();
    if (Buffer.byteLength(body) > this.maxBodyBytes)
      return answer(413, {
        code: 'request too large',
        message: 'unable to read data: points batch is too large',
        maxLength: this.maxBodyBytes,
      });
    const lines = body.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
    const bad = lines.findIndex((l) => !validLine(l));
    if (bad >= 0)
      return answer(400, {
        code: 'invalid',
        message: `failed to parse line protocol: error parsing line ${bad + 1} (1-based): unable to parse '${lines[bad]}'`,
        line: bad + 1,
      });
    this.lines.push(...lines);
    answer(204, undefined, {}, lines.length);
  }
}

/** Line protocol: `measurement[,tags] field=value[,…] [timestamp]`, values float|int i|bool|"string". */
export function validLine(line: string): boolean {
  const parts = splitUnescaped(line, ' ');
  if (parts.length < 2 || parts.length > 3 || !parts[0] || parts[0].startsWith(',')) return false;
  if (parts[2] !== undefined && !/^-?\d+$/.test(parts[2])) return false;
  return splitUnescaped(parts[1], ',').every((field) => {
    const [key, ...rest] = splitUnescaped(field, '=');
    const value = rest.join('=');
    return (
      key !== '' &&
      rest.length >= 1 &&
      (/^-?\d+i$/.test(value) ||
        /^(t|T|true|True|TRUE|f|F|false|False|FALSE)$/.test(value) ||
        /^"(?:[^"\\]|\\.)*"$/s.test(value) ||
        (value !== '' && Number.isFinite(Number(value))))
    );
  });
}
