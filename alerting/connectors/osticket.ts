import type { NocConfig } from '../../config/load';
import type { TicketMessage } from '../text';
import { Connector, ConnectorError, httpRequest, TicketRef } from './contract';
import { EmailConnector } from './email';

type Settings = Extract<NocConfig['alerting']['connectors'][number], { type: 'osticket' }>;

/**
 * osTicket: its HTTP API (`POST /api/tickets.json`, `X-API-Key`) only creates tickets and answers
 * with the ticket number. Follow-ups and the recovery go by mail from the ticket's user to the
 * osTicket mailbox with the number in the subject ("[#123456]"), which osTicket threads into the
 * ticket; the agent closes it after confirming with the user, as the SOP asks.
 */
export function buildOsTicketPayload(
  s: Pick<Settings, 'name' | 'email' | 'topicId'>,
  msg: TicketMessage,
): object {
  const payload: Record<string, unknown> = {
    alert: true,
    autorespond: false,
    source: 'API',
    name: s.name,
    email: s.email,
    subject: msg.subject,
    message: `data:text/plain;charset=utf-8,${encodeURIComponent(msg.body)}`,
    priority: msg.view.priority,
  };
  if (s.topicId !== undefined) payload.topicId = s.topicId;
  return payload;
}

/** The subject osTicket's mail fetcher matches to the existing ticket. */
export function osTicketFollowUpSubject(number: string, msg: TicketMessage): string {
  return `[#${number}] ${msg.subject}`;
}

export class OsTicketConnector implements Connector {
  readonly type = 'osticket';
  readonly id: string;
  readonly role: 'ticket' | 'notify';
  private readonly mail: EmailConnector;

  constructor(private readonly s: Settings) {
    this.id = s.id;
    this.role = s.role;
    this.mail = new EmailConnector({
      id: `${s.id}-mail`,
      type: 'email',
      role: 'ticket',
      timeoutSeconds: s.timeoutSeconds,
      smtp: s.mail.smtp,
      from: s.email,
      to: [s.mail.to],
      copyTier1: false,
      messageIdDomain: s.email.split('@')[1],
    });
  }

  validate(): string[] {
    return this.mail.validate();
  }

  async open(msg: TicketMessage): Promise<TicketRef> {
    const answer = await httpRequest(this.id, `${this.s.url.replace(/\/$/, '')}/api/tickets.json`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-API-Key': this.s.apiKey.reveal() },
      body: JSON.stringify(buildOsTicketPayload(this.s, msg)),
      timeoutMs: this.s.timeoutSeconds * 1000,
    });
    const number = answer.text.trim();
    if (!/^\w+$/.test(number))
      throw new ConnectorError(`${this.id}: unexpected answer to tickets.json: ${number.slice(0, 100)}`);
    return { ref: number };
  }

  private followUp(ref: TicketRef, msg: TicketMessage): Promise<void> {
    const subject = osTicketFollowUpSubject(ref.ref, msg);
    const body = msg.note ? `${msg.note}\n\n${msg.body}` : msg.body;
    return this.mail.update(
      { ref: `<${msg.view.incidentId}@${this.s.email.split('@')[1]}>` },
      { ...msg, subject, body },
    );
  }

  update(ref: TicketRef, msg: TicketMessage): Promise<void> {
    return this.followUp(ref, msg);
  }

  close(ref: TicketRef, msg: TicketMessage): Promise<void> {
    return this.followUp(ref, msg);
  }

  async stop(): Promise<void> {
    await this.mail.stop();
  }
}
