import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { RawResponse } from './responses';

const gzipAsync = promisify(gzip);
/** Keep-alive connections of one back end (one reused connection, like curl's); close() on stop. */
export class Connections {
  readonly http = new HttpAgent({ keepAlive: true });
  readonly https = new HttpsAgent({ keepAlive: true });
  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

export interface PostOptions {
  headers: Record<string, string>;
  gzip: boolean;
  timeoutMs: number;
  connections: Connections;
}

/**
 * POSTs a line-protocol body and returns status, headers and body. Network failures and
 * timeouts reject (the writer retries them). gzip uses level 1: on a LAN the CPU it saves
 * matters more than the last few percent of size.
 */
export async function postLines(url: URL, body: string, opts: PostOptions): Promise<RawResponse> {
  const payload = opts.gzip ? await gzipAsync(body, { level: 1 }) : Buffer.from(body);
  const headers: Record<string, string> = {
    ...opts.headers,
    'content-type': 'text/plain; charset=utf-8',
    'content-length': String(payload.length),
  };
  if (opts.gzip) headers['content-encoding'] = 'gzip';
  return send(url, payload, headers, opts.timeoutMs, opts.connections);
}

/** POST /query for InfluxQL statements (1.x); returns the parsed JSON or throws with InfluxDB's error. */
export async function query1x(
  base: string,
  q: string,
  auth: Record<string, string>,
  timeoutMs: number,
  connections: Connections,
): Promise<{ results: { error?: string; series?: { columns: string[]; values: unknown[][] }[] }[] }> {
  const url = new URL('/query', base);
  const res = await send(
    url,
    new URLSearchParams({ q }).toString(),
    { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
    timeoutMs,
    connections,
  );
  const json = JSON.parse(res.body || '{}') as {
    error?: string;
    results?: { error?: string; series?: { columns: string[]; values: unknown[][] }[] }[];
  };
  if (res.status >= 300 || json.error) throw new Error(json.error ?? `HTTP ${res.status} from ${url.href}`);
  return { results: json.results ?? [] };
}

function send(
  url: URL,
  payload: Buffer | string,
  headers: Record<string, string>,
  timeoutMs: number,
  agents: Connections,
) {
  const https = url.protocol === 'https:';
  const request = https ? httpsRequest : httpRequest;
  return new Promise<RawResponse>((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', headers, agent: https ? agents.https : agents.http, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from ${url.host} within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}
