import type { NocConfig } from '../../config/load';
import type { TicketMessage } from '../text';
import type { Severity } from '../types';
import { Connector, httpRequest, TicketRef } from './contract';

type Settings = Extract<NocConfig['alerting']['connectors'][number], { type: 'zammad' }>;

/** Zammad's default priorities are named "1 low", "2 normal", "3 high". */
const ZAMMAD_PRIORITY: Record<Severity, string> = {
  kritis: '3 high',
  tinggi: '3 high',
  sedang: '2 normal',
  rendah: '1 low',
};

/**
 * Zammad REST API v1 with an access token (`Authorization: Token token=…`): a ticket with its
 * first article, further articles (notes) for changes, state "closed" with a closing article.
 */
export function buildZammadPayload(
  s: Pick<Settings, 'group' | 'customer'>,
  msg: TicketMessage,
  ticketId?: number,
): object {
  const v = msg.view;
  const article = {
    subject: msg.subject,
    body: msg.note ? `${msg.note}\n\n${msg.body}` : msg.body,
    type: 'note',
    internal: false,
    content_type: 'text/plain',
  };
  if (msg.action === 'open')
    return {
      title: msg.subject,
      group: typeof v.helpdeskGroup === 'string' ? v.helpdeskGroup : s.group,
      customer: s.customer,
      priority: ZAMMAD_PRIORITY[v.severity],
      article,
    };
  if (msg.action === 'update') return { ticket_id: ticketId, ...article };
  return { state: 'closed', article };
}

export class ZammadConnector implements Connector {
  readonly type = 'zammad';
  readonly id: string;
  readonly role: 'ticket' | 'notify';

  constructor(private readonly s: Settings) {
    this.id = s.id;
    this.role = s.role;
  }

  validate(): string[] {
    return [];
  }

  private call(method: string, path: string, body: object) {
    return httpRequest(this.id, `${this.s.url.replace(/\/$/, '')}/api/v1/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `Token token=${this.s.token.reveal()}` },
      body: JSON.stringify(body),
      timeoutMs: this.s.timeoutSeconds * 1000,
    });
  }

  async open(msg: TicketMessage): Promise<TicketRef> {
    const answer = await this.call('POST', 'tickets', buildZammadPayload(this.s, msg));
    const b = answer.body as { id?: number; number?: string } | undefined;
    if (b?.id === undefined)
      throw new Error(`${this.id}: tickets answered without id: ${answer.text.slice(0, 200)}`);
    return { ref: String(b.id), thread: b.number };
  }

  async update(ref: TicketRef, msg: TicketMessage): Promise<void> {
    await this.call('POST', 'ticket_articles', buildZammadPayload(this.s, msg, Number(ref.ref)));
  }

  async close(ref: TicketRef, msg: TicketMessage): Promise<void> {
    await this.call('PUT', `tickets/${Number(ref.ref)}`, buildZammadPayload(this.s, msg, Number(ref.ref)));
  }
}
