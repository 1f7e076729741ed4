import { createHmac } from 'node:crypto';
import type { NocConfig } from '../../config/load';
import type { TicketMessage } from '../text';
import { Connector, httpRequest, TicketRef } from './contract';

type Settings = Extract<NocConfig['alerting']['connectors'][number], { type: 'webhook' }>;

/**
 * Generic webhook: one JSON POST per open/update/close (docs/alerting.md gives the format),
 * signed with HMAC-SHA256 over the raw body in `X-Noc-Signature: sha256=<hex>`. The receiver
 * may answer `{"id": "..."}` (or `ticket_id`) on open; that id comes back on update/close.
 */
export function buildWebhookPayload(msg: TicketMessage, ref?: TicketRef): object {
  return {
    version: 1,
    event: msg.action,
    incident_id: msg.view.incidentId,
    ticket_ref: ref?.ref ?? null,
    subject: msg.subject,
    body: msg.body,
    note: msg.note ?? null,
    // null, not absent, until the incident resolves: the documented JSON has both keys always.
    incident: {
      ...msg.view,
      resolvedAt: msg.view.resolvedAt ?? null,
      durationSeconds: msg.view.durationSeconds ?? null,
    },
  };
}

export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export class WebhookConnector implements Connector {
  readonly type = 'webhook';
  readonly id: string;
  readonly role: 'ticket' | 'notify';

  constructor(private readonly s: Settings) {
    this.id = s.id;
    this.role = s.role;
  }

  validate(): string[] {
    return this.s.secret.reveal() ? [] : ['secret is empty: the receiver cannot check the signature'];
  }

  private async send(msg: TicketMessage, ref?: TicketRef): Promise<unknown> {
    const body = JSON.stringify(buildWebhookPayload(msg, ref));
    const answer = await httpRequest(this.id, this.s.url, {
      method: 'POST',
      headers: {
        ...this.s.headers,
        'Content-Type': 'application/json',
        'User-Agent': 'noc-alerting',
        'X-Noc-Event': msg.action,
        'X-Noc-Incident': msg.view.incidentId,
        'X-Noc-Signature': signature(this.s.secret.reveal(), body),
      },
      body,
      timeoutMs: this.s.timeoutSeconds * 1000,
    });
    return answer.body;
  }

  async open(msg: TicketMessage): Promise<TicketRef> {
    const answer = (await this.send(msg)) as { id?: unknown; ticket_id?: unknown } | undefined;
    const id = answer?.id ?? answer?.ticket_id;
    return { ref: id !== undefined && id !== null ? String(id) : msg.view.incidentId };
  }

  async update(ref: TicketRef, msg: TicketMessage): Promise<void> {
    await this.send(msg, ref);
  }

  async close(ref: TicketRef, msg: TicketMessage): Promise<void> {
    await this.send(msg, ref);
  }
}
