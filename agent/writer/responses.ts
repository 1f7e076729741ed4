/**
 * What an InfluxDB write response means for the batch, as a pure function of status, headers
 * and body, so every case is table-tested without a server.
 *
 * - 2xx: done.
 * - 400/422: some lines were rejected. InfluxDB 1.x has already written the others
 *   (`partial write: unable to parse '…': … dropped=N`), so the batch is done and the rejected
 *   lines are counted. InfluxDB 2.x OSS writes nothing and names the first bad line
 *   (`{"code":"invalid","line":3,…}`): that line is dropped and the rest sent again. Without a
 *   line number the batch is split in halves until the bad lines stand alone.
 * - 401/403: configuration error; stop, keep the data.
 * - 404 "database not found" (1.x): create it (when retention is managed) and retry.
 * - 413: split the batch in halves.
 * - 429, 5xx, network errors: retry with exponential backoff, honouring Retry-After.
 */

export type WriteOutcome =
  | { kind: 'ok' }
  /** The server kept what it could; `rejected` lines are gone. */
  | { kind: 'partial'; rejected: number; message: string }
  /** Nothing written; `line` (0-based) is bad, or unknown: split to find it. */
  | { kind: 'invalid'; line?: number; message: string }
  | { kind: 'tooLarge'; message: string }
  | { kind: 'config'; status: number; message: string }
  | { kind: 'missingDatabase'; message: string }
  | { kind: 'retry'; retryAfterMs?: number; message: string };

export interface RawResponse {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export function classify(version: 1 | 2, res: RawResponse, now: number = Date.now()): WriteOutcome {
  const { status } = res;
  const message = errorMessage(res.body) || `HTTP ${status}`;
  if (status >= 200 && status < 300) return { kind: 'ok' };
  if (status === 401 || status === 403) return { kind: 'config', status, message };
  // Someone dropped the database or the raw policy while the agent ran: set them up again.
  if (/database not found|retention policy not found/i.test(message) && (status === 404 || status >= 500))
    return { kind: 'missingDatabase', message };
  if (status === 413) return { kind: 'tooLarge', message };
  if (status === 429 || status >= 500)
    return { kind: 'retry', retryAfterMs: retryAfterMs(header(res, 'retry-after'), now), message };
  if (status === 400 || status === 422) {
    if (version === 1 || /partial write/i.test(message)) {
      const rejected = rejectedCount(message);
      // A 1.x 400 that names no line (bad precision, bad request) rejected the whole batch.
      return rejected > 0 ? { kind: 'partial', rejected, message } : { kind: 'invalid', message };
    }
    const line = lineNumber(res.body);
    return line === undefined ? { kind: 'invalid', message } : { kind: 'invalid', line: line - 1, message };
  }
  // Anything else (404 bucket not found, 405, …) will not heal by itself: an operator must act.
  if (status >= 400 && status < 500) return { kind: 'config', status, message };
  return { kind: 'retry', message };
}

/** The `error` (1.x) or `message` (2.x) of a JSON error body, else the body itself. */
export function errorMessage(body: string): string {
  const text = body.trim();
  try {
    const json = JSON.parse(text) as { error?: unknown; message?: unknown };
    if (typeof json.error === 'string') return json.error;
    if (typeof json.message === 'string') return json.message;
  } catch {
    // not JSON: fall through
  }
  return text.slice(0, 500);
}

/** Lines InfluxDB says it did not keep: each `unable to parse` plus `dropped=N` (type conflicts). */
export function rejectedCount(message: string): number {
  const parsed = message.match(/unable to parse '/g)?.length ?? 0;
  const dropped = /dropped=(\d+)/.exec(message);
  return parsed + (dropped ? Number(dropped[1]) : 0);
}

/** The 1-based line number of a 2.x error: the JSON `line` field, else "line N" in the text. */
export function lineNumber(body: string): number | undefined {
  try {
    const json = JSON.parse(body) as { line?: unknown };
    if (typeof json.line === 'number' && json.line >= 1) return json.line;
  } catch {
    // not JSON
  }
  const m = /\bline (\d+)/i.exec(body);
  return m ? Number(m[1]) : undefined;
}

/** Retry-After is either seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+(\.\d+)?\s*$/.test(value)) return Math.round(Number(value) * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Exponential backoff: 1 s, 2 s, 4 s … capped at 30 s, with ±20 % jitter; Retry-After wins when longer. */
export function backoffMs(
  attempt: number,
  retryAfter: number | undefined,
  opts: { baseMs?: number; maxMs?: number; random?: () => number } = {},
): number {
  const base = opts.baseMs ?? 1000;
  const max = opts.maxMs ?? 30_000;
  const exp = Math.min(max, base * 2 ** Math.max(0, attempt - 1));
  const jittered = exp * (0.8 + 0.4 * (opts.random ?? Math.random)());
  return Math.round(Math.max(jittered, Math.min(retryAfter ?? 0, 10 * max)));
}

function header(res: RawResponse, name: string): string | undefined {
  const v = res.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
