import type { NocConfig } from '../../config/load';
import type { TicketMessage } from '../text';
import type { Severity } from '../types';
import { Connector, httpRequest, TicketRef } from './contract';

type Settings = Extract<NocConfig['alerting']['connectors'][number], { type: 'rt' }>;

/** RT priorities are 0-99 by default. */
const RT_PRIORITY: Record<Severity, number> = { kritis: 90, tinggi: 70, sedang: 50, rendah: 30 };

/**
 * Request Tracker REST2 (`/REST/2.0/`, `Authorization: token …`): a ticket in the queue, a
 * comment per change, and on recovery a correspondence with the outage duration followed by
 * Status resolved.
 */
export function buildRtPayload(s: Pick<Settings, 'queue' | 'requestor'>, msg: TicketMessage): object {
  if (msg.action === 'open') {
    const p: Record<string, unknown> = {
      Queue: s.queue,
      Subject: msg.subject,
      Content: msg.body,
      ContentType: 'text/plain',
      Priority: RT_PRIORITY[msg.view.severity],
    };
    if (s.requestor) p.Requestor = s.requestor;
    return p;
  }
  return {
    Subject: msg.subject,
    Content: msg.note ? `${msg.note}\n\n${msg.body}` : msg.body,
    ContentType: 'text/plain',
  };
}

export class RtConnector implements Connector {
  readonly type = 'rt';
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
    return httpRequest(this.id, `${this.s.url.replace(/\/$/, '')}/REST/2.0/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', Authorization: `token ${this.s.token.reveal()}` },
      body: JSON.stringify(body),
      timeoutMs: this.s.timeoutSeconds * 1000,
    });
  }

  async open(msg: TicketMessage): Promise<TicketRef> {
    const answer = await this.call('POST', 'ticket', buildRtPayload(this.s, msg));
    const id = (answer.body as { id?: string | number } | undefined)?.id;
    if (id === undefined)
      throw new Error(`${this.id}: ticket answered without id: ${answer.text.slice(0, 200)}`);
    return { ref: String(id) };
  }

  async update(ref: TicketRef, msg: TicketMessage): Promise<void> {
    await this.call('POST', `ticket/${Number(ref.ref)}/comment`, buildRtPayload(this.s, msg));
  }

  async close(ref: TicketRef, msg: TicketMessage): Promise<void> {
    const id = Number(ref.ref);
    await this.call('POST', `ticket/${id}/correspond`, buildRtPayload(this.s, msg));
    await this.call('PUT', `ticket/${id}`, { Status: 'resolved' });
  }
}
