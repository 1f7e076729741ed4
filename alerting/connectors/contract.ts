import type { TicketMessage } from '../text';

/**
 * One small interface for every helpdesk and notification connector (one file each). The
 * outbox calls open/update/close; a call that throws is retried with backoff, never dropped.
 * The ticket reference open() returns is stored and is what update/close act on.
 */
export interface TicketRef {
  /** The helpdesk's ticket id (GLPI id, Zammad id, Message-ID for e-mail...). */
  ref: string;
  /** Anything else the follow-ups need (e.g. e-mail References). */
  thread?: string;
}

export interface Connector {
  readonly id: string;
  readonly type: string;
  readonly role: 'ticket' | 'notify';
  /** Settings problems found without sending anything. */
  validate(): string[];
  open(msg: TicketMessage): Promise<TicketRef>;
  update(ref: TicketRef, msg: TicketMessage): Promise<void>;
  close(ref: TicketRef, msg: TicketMessage): Promise<void>;
  stop?(): Promise<void>;
}

/** A failed send; status and retryAfterMs (HTTP 429 / Retry-After) steer the backoff. */
export class ConnectorError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'ConnectorError';
  }
}

export interface HttpAnswer {
  status: number;
  body: unknown;
  text: string;
}

/**
 * One HTTP request with a deadline; a non-2xx answer throws a ConnectorError naming the
 * connector, the status and the helpdesk's own message (401: check the token).
 */
export async function httpRequest(
  connector: string,
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string; timeoutMs: number },
): Promise<HttpAnswer> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method,
      headers: init.headers,
      body: init.body,
      signal: AbortSignal.timeout(init.timeoutMs),
    });
  } catch (err) {
    throw new ConnectorError(`${connector}: ${init.method} ${url} failed: ${(err as Error).message}`);
  }
  const text = await res.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (res.status >= 200 && res.status < 300) return { status: res.status, body, text };
  const retryAfter = retryAfterMs(res.headers.get('retry-after'), body);
  const hint = res.status === 401 || res.status === 403 ? ' (check the credentials/token)' : '';
  throw new ConnectorError(
    `${connector}: ${init.method} ${new URL(url).pathname} answered ${res.status}${hint}: ${text.slice(0, 200)}`,
    res.status,
    retryAfter,
  );
}

/** Retry-After header (seconds), or Telegram's parameters.retry_after in the JSON body. */
function retryAfterMs(header: string | null, body: unknown): number | undefined {
  if (header && /^\d+$/.test(header)) return Number(header) * 1000;
  const b = body as { parameters?: { retry_after?: number } } | undefined;
  if (typeof b?.parameters?.retry_after === 'number') return b.parameters.retry_after * 1000;
  return undefined;
}
