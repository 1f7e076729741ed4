import type { Logger } from '../agent/log';
import { Connector, ConnectorError } from './connectors/contract';
import type { AlertStore, OutboxRow } from './store';

/** Exponential backoff, capped; a 429's Retry-After wins when it asks for longer. */
export function backoffMs(attempts: number, baseMs: number, maxMs: number, retryAfterMs?: number): number {
  return retryAfterMs ?? Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts));
}

/**
 * Delivers the outbox: per ticket, in order (open before its follow-ups and close), each
 * message once. A send that fails stays queued with backoff — a helpdesk that is down gets its
 * tickets when it is back; nothing is dropped. "Delivered" (and the ticket id) is committed only
 * after the helpdesk said yes.
 */
export class OutboxDelivery {
  private running?: Promise<number>;
  private again = false;

  constructor(
    private readonly store: AlertStore,
    private readonly connectors: Map<string, Connector>,
    private readonly opts: { baseMs: number; maxMs: number; now(): number; log?: Logger },
  ) {}

  /** Runs a delivery pass (or asks the running one to go round again); resolves to messages sent. */
  kick(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.loop().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Waits for the running pass, if any. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async loop(): Promise<number> {
    let sent = 0;
    do {
      this.again = false;
      sent += await this.pass();
    } while (this.again);
    return sent;
  }

  private async pass(): Promise<number> {
    let sent = 0;
    // After one message of a ticket is delivered, its next one becomes due: go round until quiet.
    for (;;) {
      const rows = this.store.dueOutbox(this.opts.now());
      if (rows.length === 0) return sent;
      let progress = 0;
      // Different tickets do not wait for each other.
      const results = await Promise.all(rows.map((row) => this.deliver(row)));
      for (const ok of results) if (ok) progress++;
      sent += progress;
      if (progress === 0) return sent;
    }
  }

  private async deliver(row: OutboxRow): Promise<boolean> {
    const connector = this.connectors.get(row.connector);
    const now = this.opts.now();
    if (!connector) {
      this.store.failed(row, `connector "${row.connector}" is not configured`, now + this.opts.maxMs);
      return false;
    }
    try {
      const ref = this.store.ticket(row.incidentId, row.connector);
      if (row.action === 'close' && !ref) {
        // Nothing was ever opened there (a notification connector added later): nothing to close.
        this.store.delivered(row, this.opts.now());
      } else if (row.action === 'open' || !ref) {
        // A notification connector added by escalation has no ticket yet: its first message opens one.
        const opened = await connector.open(row.message);
        this.store.delivered({ ...row, action: 'open' }, this.opts.now(), opened);
      } else if (row.action === 'update') {
        await connector.update(ref, row.message);
        this.store.delivered(row, this.opts.now());
      } else {
        await connector.close(ref, row.message);
        this.store.delivered(row, this.opts.now());
      }
      return true;
    } catch (err) {
      const e = err as ConnectorError;
      const wait = backoffMs(row.attempts, this.opts.baseMs, this.opts.maxMs, e.retryAfterMs);
      this.store.failed(row, e.message, this.opts.now() + wait);
      this.opts.log?.warn(
        `${row.connector}: ${row.action} ${row.incidentId} failed, retry in ${Math.round(wait / 1000)} s: ${e.message}`,
      );
      return false;
    }
  }
}
