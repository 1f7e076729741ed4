import nodemailer, { Transporter } from 'nodemailer';
import type { NocConfig } from '../../config/load';
import type { TicketMessage } from '../text';
import { Connector, ConnectorError, TicketRef } from './contract';

type Settings = Extract<NocConfig['alerting']['connectors'][number], { type: 'email' }>;

export interface EmailFields {
  from: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  headers: Record<string, string>;
}

/**
 * The mail for one message, pure. The first mail of an incident has Message-ID
 * <INC-…@domain>; every follow-up answers it (In-Reply-To and References), so the helpdesk
 * mailbox (osTicket, Zammad, RT, a plain inbox) files them in the same thread/ticket.
 */
export function buildEmail(
  s: Pick<Settings, 'from' | 'to' | 'copyTier1' | 'messageIdDomain'>,
  msg: TicketMessage,
  seq: number,
  ref?: TicketRef,
): EmailFields {
  const root = ref?.ref ?? `<${msg.view.incidentId}@${s.messageIdDomain}>`;
  const cc = s.copyTier1 && msg.view.tier === 1 && msg.view.contact?.email ? [msg.view.contact.email] : [];
  const fields: EmailFields = {
    from: s.from,
    to: s.to,
    cc,
    subject: msg.action === 'open' ? msg.subject : `Re: ${msg.subject}`,
    text: msg.body,
    messageId:
      msg.action === 'open' ? root : `<${msg.view.incidentId}.${msg.action}.${seq}@${s.messageIdDomain}>`,
    headers: {
      'X-Noc-Incident': msg.view.incidentId,
      'X-Noc-Event': msg.action,
      'X-Noc-Severity': msg.view.severity,
      'X-Priority': String(Math.min(5, msg.view.priority)),
    },
  };
  if (msg.action !== 'open') {
    fields.inReplyTo = root;
    fields.references = [root];
  }
  return fields;
}

export class EmailConnector implements Connector {
  readonly type = 'email';
  readonly id: string;
  readonly role: 'ticket' | 'notify';
  private transport?: Transporter;
  /** Distinguishes follow-up Message-IDs within one process; the time keeps them unique across restarts. */
  private seq = 0;

  constructor(private readonly s: Settings) {
    this.id = s.id;
    this.role = s.role;
  }

  validate(): string[] {
    return this.s.smtp.username && !this.s.smtp.password
      ? ['smtp.password is required with smtp.username']
      : [];
  }

  private transporter(): Transporter {
    const smtp = this.s.smtp;
    this.transport ??= nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.secure,
      auth: smtp.username ? { user: smtp.username, pass: smtp.password?.reveal() ?? '' } : undefined,
      tls: { rejectUnauthorized: !smtp.insecure },
      connectionTimeout: this.s.timeoutSeconds * 1000,
      greetingTimeout: this.s.timeoutSeconds * 1000,
      socketTimeout: this.s.timeoutSeconds * 1000,
    });
    return this.transport;
  }

  private async send(fields: EmailFields): Promise<void> {
    try {
      await this.transporter().sendMail({ ...fields, cc: fields.cc.length ? fields.cc : undefined });
    } catch (err) {
      const e = err as Error & { responseCode?: number };
      throw new ConnectorError(
        `${this.id}: SMTP ${this.s.smtp.host}:${this.s.smtp.port}: ${e.message}`,
        e.responseCode,
      );
    }
  }

  async open(msg: TicketMessage): Promise<TicketRef> {
    const fields = buildEmail(this.s, msg, 0);
    await this.send(fields);
    return { ref: fields.messageId };
  }

  async update(ref: TicketRef, msg: TicketMessage): Promise<void> {
    await this.send(buildEmail(this.s, msg, Date.now() * 100 + (this.seq++ % 100), ref));
  }

  async close(ref: TicketRef, msg: TicketMessage): Promise<void> {
    await this.send(buildEmail(this.s, msg, Date.now() * 100 + (this.seq++ % 100), ref));
  }

  async stop(): Promise<void> {
    this.transport?.close();
    this.transport = undefined;
  }
}
