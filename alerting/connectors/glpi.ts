import type { NocConfig } from '../../config/load';
import type { TicketMessage } from '../text';
import type { Severity } from '../types';
import { Connector, httpRequest, TicketRef } from './contract';

type Settings = Extract<NocConfig['alerting']['connectors'][number], { type: 'glpi' }>;

/** GLPI urgency/impact/priority scale: 1 very low ... 5 very high (6 major for priority). */
const GLPI_LEVEL: Record<Severity, number> = { kritis: 5, tinggi: 4, sedang: 3, rendah: 2 };
export const GLPI_STATUS_CLOSED = 6;

/**
 * GLPI REST API (apirest.php): a session per operation (initSession with the user token and
 * App-Token, then the call with Session-Token, then killSession), a Ticket of type 1
 * (incident), ITILFollowup for changes, ITILSolution then status 6 (closed) on recovery.
 */
export function buildGlpiPayload(
  s: Pick<Settings, 'categoryId' | 'entityId'>,
  msg: TicketMessage,
  ticketId?: number,
): object {
  const v = msg.view;
  if (msg.action === 'open') {
    const input: Record<string, unknown> = {
      name: msg.subject,
      content: msg.body,
      type: 1,
      urgency: GLPI_LEVEL[v.severity],
      impact: GLPI_LEVEL[v.severity],
      priority: GLPI_LEVEL[v.severity],
    };
    if (s.categoryId !== undefined) input.itilcategories_id = s.categoryId;
    if (s.entityId !== undefined) input.entities_id = s.entityId;
    if (typeof v.helpdeskGroup === 'number') input._groups_id_assign = v.helpdeskGroup;
    return { input };
  }
  const content = msg.action === 'close' ? msg.body : `${msg.note ?? ''}\n\n${msg.body}`.trim();
  return { input: { itemtype: 'Ticket', items_id: ticketId, content } };
}

export class GlpiConnector implements Connector {
  readonly type = 'glpi';
  readonly id: string;
  readonly role: 'ticket' | 'notify';

  constructor(private readonly s: Settings) {
    this.id = s.id;
    this.role = s.role;
  }

  validate(): string[] {
    return this.s.url.endsWith('apirest.php') || this.s.url.endsWith('apirest.php/')
      ? []
      : ['url should end in /apirest.php'];
  }

  private url(path: string): string {
    return `${this.s.url.replace(/\/$/, '')}/${path}`;
  }

  private headers(session?: string): Record<string, string> {
    const h: Record<string, string> = { 'Content-Type': 'application/json' };
    if (this.s.appToken) h['App-Token'] = this.s.appToken.reveal();
    if (session) h['Session-Token'] = session;
    else h.Authorization = `user_token ${this.s.userToken.reveal()}`;
    return h;
  }

  private async withSession<T>(fn: (session: string) => Promise<T>): Promise<T> {
    const timeoutMs = this.s.timeoutSeconds * 1000;
    const init = await httpRequest(this.id, this.url('initSession'), {
      method: 'GET',
      headers: this.headers(),
      timeoutMs,
    });
    const session = (init.body as { session_token?: string } | undefined)?.session_token;
    if (!session) throw new Error(`${this.id}: initSession answered without session_token`);
    try {
      return await fn(session);
    } finally {
      await httpRequest(this.id, this.url('killSession'), {
        method: 'GET',
        headers: this.headers(session),
        timeoutMs,
      }).catch(() => undefined);
    }
  }

  private post(session: string, path: string, body: object, method = 'POST') {
    return httpRequest(this.id, this.url(path), {
      method,
      headers: this.headers(session),
      body: JSON.stringify(body),
      timeoutMs: this.s.timeoutSeconds * 1000,
    });
  }

  async open(msg: TicketMessage): Promise<TicketRef> {
    return this.withSession(async (session) => {
      const answer = await this.post(session, 'Ticket', buildGlpiPayload(this.s, msg));
      const id = (answer.body as { id?: number } | undefined)?.id;
      if (id === undefined)
        throw new Error(`${this.id}: Ticket answered without id: ${answer.text.slice(0, 200)}`);
      return { ref: String(id) };
    });
  }

  async update(ref: TicketRef, msg: TicketMessage): Promise<void> {
    const id = Number(ref.ref);
    await this.withSession((session) =>
      this.post(session, `Ticket/${id}/ITILFollowup`, buildGlpiPayload(this.s, msg, id)),
    );
  }

  async close(ref: TicketRef, msg: TicketMessage): Promise<void> {
    const id = Number(ref.ref);
    await this.withSession(async (session) => {
      await this.post(session, `Ticket/${id}/ITILSolution`, buildGlpiPayload(this.s, msg, id));
      await this.post(session, `Ticket/${id}`, { input: { id, status: GLPI_STATUS_CLOSED } }, 'PUT');
    });
  }
}
