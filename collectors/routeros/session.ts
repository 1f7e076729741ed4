import { ConnectOptions, RouterosConnection } from './connection';

/**
 * One long-lived API session per router. A session that drops is reopened at the next poll;
 * a router that refuses or does not answer is retried only after an exponential backoff with
 * jitter, so 200 dead routers do not cost 200 TLS handshakes every poll. Time comes from the
 * poll's clock, so tests step it instead of waiting.
 */

export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 300_000;

/** Delay before attempt number `failures + 1`: base·2^(failures-1), capped, times [0.5, 1). */
export function backoffMs(failures: number, random: number): number {
  const full = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(full * (0.5 + random / 2));
}

interface Entry {
  conn?: RouterosConnection;
  connecting?: Promise<RouterosConnection>;
  failures: number;
  retryAt: number;
  lastError?: Error;
  /** Settings the session was opened with; changed settings open a new one. */
  fingerprint: string;
}

export class BackoffError extends Error {
  constructor(
    readonly retryInMs: number,
    cause: Error,
  ) {
    super(`not reconnecting for another ${Math.ceil(retryInMs / 1000)} s after: ${cause.message}`);
    this.name = 'BackoffError';
  }
}

export class RouterosSessions {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly create: (opts: ConnectOptions) => RouterosConnection = (o) => new RouterosConnection(o),
    private readonly random: () => number = Math.random,
  ) {}

  /** The open session for `key`, opening one if needed (and allowed by the backoff). */
  async get(
    key: string,
    opts: ConnectOptions,
    now: number,
    signal?: AbortSignal,
  ): Promise<RouterosConnection> {
    const fingerprint = JSON.stringify(opts);
    let entry = this.entries.get(key);
    if (entry && entry.fingerprint !== fingerprint) {
      entry.conn?.close(new Error('settings changed'));
      entry = undefined;
    }
    if (!entry) {
      entry = { failures: 0, retryAt: 0, fingerprint };
      this.entries.set(key, entry);
    }
    if (entry.conn?.open) return entry.conn;
    if (entry.connecting) return entry.connecting;
    if (now < entry.retryAt && entry.lastError) throw new BackoffError(entry.retryAt - now, entry.lastError);

    const e = entry;
    const conn = this.create(opts);
    e.connecting = conn
      .connect(signal)
      .then(() => {
        e.failures = 0;
        e.lastError = undefined;
        e.conn = conn;
        // A session lost after it worked is reopened at the very next poll.
        conn.onClose = () => {
          if (e.conn === conn) e.conn = undefined;
        };
        return conn;
      })
      .catch((err: Error) => {
        e.failures++;
        e.lastError = err;
        e.retryAt = now + backoffMs(e.failures, this.random());
        throw err;
      })
      .finally(() => {
        e.connecting = undefined;
      });
    return e.connecting;
  }

  /** Consecutive failed attempts for `key` (for tests and the status page). */
  failures(key: string): number {
    return this.entries.get(key)?.failures ?? 0;
  }

  closeAll(): void {
    for (const entry of this.entries.values()) entry.conn?.close(new Error('agent is stopping'));
    this.entries.clear();
  }
}
