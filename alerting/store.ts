import Database from 'better-sqlite3';
import type { MaintenanceWindow } from './maintenance';
import type { KeyState } from './state';
import type { TicketMessage } from './text';
import type { Incident } from './types';
import type { TicketRef } from './connectors/contract';

/**
 * The durable state of alerting in <dataDir>/alerting.db (SQLite, WAL): key states, incidents,
 * ticket references, the outbox, acknowledgements, maintenance windows and the audit trail.
 * Every change that must survive a kill -9 is one transaction; synchronous=FULL so a committed
 * outbox row or ticket reference is on disk before the next send.
 */

export interface OutboxRow {
  id: number;
  incidentId: string;
  connector: string;
  action: 'open' | 'update' | 'close';
  message: TicketMessage;
  attempts: number;
  nextAt: number;
  lastError?: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS key_states (key TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS incidents (
  id TEXT PRIMARY KEY, key TEXT NOT NULL, device TEXT NOT NULL, state TEXT NOT NULL,
  started_at INTEGER NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS incidents_state ON incidents(state);
CREATE TABLE IF NOT EXISTS tickets (
  incident_id TEXT NOT NULL, connector TEXT NOT NULL, ref TEXT NOT NULL, thread TEXT,
  opened_at INTEGER NOT NULL, closed_at INTEGER, PRIMARY KEY (incident_id, connector));
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT, dedupe TEXT NOT NULL UNIQUE, incident_id TEXT NOT NULL,
  connector TEXT NOT NULL, action TEXT NOT NULL, message TEXT NOT NULL, created_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0, next_at INTEGER NOT NULL, last_error TEXT, done_at INTEGER);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox(done_at, incident_id, connector);
CREATE TABLE IF NOT EXISTS acks (
  id INTEGER PRIMARY KEY AUTOINCREMENT, incident_id TEXT NOT NULL, by TEXT NOT NULL, note TEXT, time INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS maintenance (
  id TEXT PRIMARY KEY, json TEXT NOT NULL, created_by TEXT NOT NULL, created_at INTEGER NOT NULL, removed_at INTEGER);
CREATE TABLE IF NOT EXISTS notices (id TEXT PRIMARY KEY, end_at INTEGER NOT NULL, ended INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT, time INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
  object TEXT NOT NULL, detail TEXT);
`;

export class AlertStore {
  private constructor(readonly db: Database.Database) {}

  static open(file: string): AlertStore {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(SCHEMA);
    return new AlertStore(db);
  }

  close(): void {
    this.db.close();
  }

  /** IMMEDIATE: the CLI (ack, maintenance) and the daemon may write at the same time. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /** INC-20260301-0001: the date (UTC) and a counter that never goes back. */
  nextIncidentId(now: number): string {
    const row = this.db.prepare(`SELECT value FROM meta WHERE key = 'incident_seq'`).get() as
      { value: string } | undefined;
    const seq = Number(row?.value ?? 0) + 1;
    this.db.prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('incident_seq', ?)`).run(String(seq));
    const day = new Date(now).toISOString().slice(0, 10).replace(/-/g, '');
    return `INC-${day}-${String(seq).padStart(4, '0')}`;
  }

  saveKeyState(s: KeyState): void {
    if (s.phase === 'ok' && s.changes.length === 0)
      this.db.prepare('DELETE FROM key_states WHERE key = ?').run(s.key);
    else
      this.db
        .prepare('INSERT OR REPLACE INTO key_states (key, json) VALUES (?, ?)')
        .run(s.key, JSON.stringify(s));
  }

  keyStates(): KeyState[] {
    return (this.db.prepare('SELECT json FROM key_states').all() as { json: string }[]).map((r) =>
      JSON.parse(r.json),
    );
  }

  saveIncident(i: Incident): void {
    this.db
      .prepare(
        'INSERT OR REPLACE INTO incidents (id, key, device, state, started_at, json) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(i.id, i.key, i.device, i.state, i.startedAt, JSON.stringify(i));
  }

  incident(id: string): Incident | undefined {
    const row = this.db.prepare('SELECT json FROM incidents WHERE id = ?').get(id) as
      { json: string } | undefined;
    return row ? JSON.parse(row.json) : undefined;
  }

  incidents(opts: { open?: boolean; limit?: number } = {}): Incident[] {
    const where = opts.open ? `WHERE state != 'resolved'` : '';
    const rows = this.db
      .prepare(`SELECT json FROM incidents ${where} ORDER BY started_at DESC, id DESC LIMIT ?`)
      .all(opts.limit ?? 1000) as { json: string }[];
    return rows.map((r) => JSON.parse(r.json));
  }

  /** Queues one message; false when the same dedupe key was queued before (exactly once). */
  enqueue(dedupe: string, connector: string, message: TicketMessage, now: number): boolean {
    const r = this.db
      .prepare(
        `INSERT OR IGNORE INTO outbox (dedupe, incident_id, connector, action, message, created_at, next_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(dedupe, message.view.incidentId, connector, message.action, JSON.stringify(message), now, now);
    return r.changes === 1;
  }

  /** The oldest undelivered message of each (incident, connector) pair that is due: order kept. */
  dueOutbox(now: number, limit = 50): OutboxRow[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM outbox o WHERE done_at IS NULL AND next_at <= ? AND id = (
           SELECT MIN(id) FROM outbox p WHERE p.done_at IS NULL AND p.incident_id = o.incident_id AND p.connector = o.connector)
         ORDER BY id LIMIT ?`,
      )
      .all(now, limit) as Record<string, unknown>[];
    return rows.map((r) => ({
      id: r.id as number,
      incidentId: r.incident_id as string,
      connector: r.connector as string,
      action: r.action as OutboxRow['action'],
      message: JSON.parse(r.message as string),
      attempts: r.attempts as number,
      nextAt: r.next_at as number,
      lastError: (r.last_error as string | null) ?? undefined,
    }));
  }

  /** After a successful send: the row is done and (on open) the ticket reference kept, together. */
  delivered(row: OutboxRow, now: number, ref?: TicketRef): void {
    this.transaction(() => {
      this.db
        .prepare('UPDATE outbox SET done_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?')
        .run(now, row.id);
      if (row.action === 'open' && ref)
        this.db
          .prepare(
            'INSERT OR REPLACE INTO tickets (incident_id, connector, ref, thread, opened_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(row.incidentId, row.connector, ref.ref, ref.thread ?? null, now);
      if (row.action === 'close')
        this.db
          .prepare('UPDATE tickets SET closed_at = ? WHERE incident_id = ? AND connector = ?')
          .run(now, row.incidentId, row.connector);
    });
  }

  failed(row: OutboxRow, error: string, nextAt: number): void {
    this.db
      .prepare('UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_at = ? WHERE id = ?')
      .run(error, nextAt, row.id);
  }

  outboxStats(): { pending: number; failing: number; delivered: number } {
    return this.db
      .prepare(
        `SELECT COALESCE(SUM(done_at IS NULL), 0) AS pending, COALESCE(SUM(done_at IS NULL AND attempts > 0), 0) AS failing,
                COALESCE(SUM(done_at IS NOT NULL), 0) AS delivered FROM outbox`,
      )
      .get() as { pending: number; failing: number; delivered: number };
  }

  ticket(incidentId: string, connector: string): (TicketRef & { closedAt?: number }) | undefined {
    const row = this.db
      .prepare('SELECT ref, thread, closed_at FROM tickets WHERE incident_id = ? AND connector = ?')
      .get(incidentId, connector) as
      { ref: string; thread: string | null; closed_at: number | null } | undefined;
    return row
      ? { ref: row.ref, thread: row.thread ?? undefined, closedAt: row.closed_at ?? undefined }
      : undefined;
  }

  tickets(incidentId: string): { connector: string; ref: string; closedAt?: number }[] {
    return (
      this.db
        .prepare('SELECT connector, ref, closed_at FROM tickets WHERE incident_id = ?')
        .all(incidentId) as {
        connector: string;
        ref: string;
        closed_at: number | null;
      }[]
    ).map((r) => ({ connector: r.connector, ref: r.ref, closedAt: r.closed_at ?? undefined }));
  }

  addAck(incidentId: string, by: string, note: string | undefined, now: number): void {
    this.db
      .prepare('INSERT INTO acks (incident_id, by, note, time) VALUES (?, ?, ?, ?)')
      .run(incidentId, by, note ?? null, now);
  }

  addMaintenance(w: MaintenanceWindow, now: number): void {
    this.db
      .prepare('INSERT INTO maintenance (id, json, created_by, created_at) VALUES (?, ?, ?, ?)')
      .run(w.id, JSON.stringify(w), w.createdBy, now);
  }

  removeMaintenance(id: string, now: number): boolean {
    return (
      this.db
        .prepare('UPDATE maintenance SET removed_at = ? WHERE id = ? AND removed_at IS NULL')
        .run(now, id).changes === 1
    );
  }

  /** Windows added from the CLI and not removed (removed ones stay for the audit). */
  maintenance(): MaintenanceWindow[] {
    return (
      this.db.prepare('SELECT json FROM maintenance WHERE removed_at IS NULL ORDER BY created_at').all() as {
        json: string;
      }[]
    ).map((r) => JSON.parse(r.json));
  }

  /** Maintenance occurrences whose start was announced and whose end is not yet. */
  noticeStarts(): { id: string; end: number }[] {
    return this.db.prepare('SELECT id, end_at AS end FROM notices WHERE ended = 0').all() as {
      id: string;
      end: number;
    }[];
  }

  noticeStarted(id: string, end: number): void {
    this.db.prepare('INSERT OR IGNORE INTO notices (id, end_at) VALUES (?, ?)').run(id, end);
  }

  noticeEnded(id: string): void {
    this.db.prepare('UPDATE notices SET ended = 1 WHERE id = ?').run(id);
  }

  audit(actor: string, action: string, object: string, detail: string | undefined, now: number): void {
    this.db
      .prepare('INSERT INTO audit (time, actor, action, object, detail) VALUES (?, ?, ?, ?, ?)')
      .run(now, actor, action, object, detail ?? null);
  }

  auditTrail(
    limit = 100,
  ): { time: number; actor: string; action: string; object: string; detail?: string }[] {
    return (
      this.db
        .prepare('SELECT time, actor, action, object, detail FROM audit ORDER BY id DESC LIMIT ?')
        .all(limit) as {
        time: number;
        actor: string;
        action: string;
        object: string;
        detail: string | null;
      }[]
    ).map((r) => ({ ...r, detail: r.detail ?? undefined }));
  }
}
