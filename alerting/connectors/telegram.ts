import type { NocConfig } from '../../config/load';
import type { TicketMessage } from '../text';
import { Connector, httpRequest, TicketRef } from './contract';

type Settings = Extract<NocConfig['alerting']['connectors'][number], { type: 'telegram' }>;

/** Telegram caps a message at 4096 characters. */
const MAX = 4096;

/**
 * Telegram bot (notification only): sendMessage to one chat; follow-ups and the recovery reply
 * to the first message so the chat shows them as one thread. A 429 answer carries
 * parameters.retry_after, which the outbox honours.
 */
export function buildTelegramPayload(
  s: Pick<Settings, 'chatId'>,
  msg: TicketMessage,
  ref?: TicketRef,
): object {
  const icon = msg.action === 'close' ? '✅' : msg.view.severity === 'kritis' ? '🔴' : '🟠';
  const text = [`${icon} ${msg.subject}`, msg.note, '', msg.body].filter((l) => l !== undefined).join('\n');
  const payload: Record<string, unknown> = {
    chat_id: s.chatId,
    text: text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text,
    disable_web_page_preview: true,
  };
  if (ref) {
    payload.reply_to_message_id = Number(ref.ref);
    payload.allow_sending_without_reply = true;
  }
  return payload;
}

export class TelegramConnector implements Connector {
  readonly type = 'telegram';
  readonly id: string;
  readonly role: 'ticket' | 'notify';

  constructor(private readonly s: Settings) {
    this.id = s.id;
    this.role = s.role;
  }

  validate(): string[] {
    return /^\d+:[\w-]+$/.test(this.s.token.reveal())
      ? []
      : ['token does not look like a bot token (123456:ABC...)'];
  }

  private async send(msg: TicketMessage, ref?: TicketRef): Promise<number | undefined> {
    const answer = await httpRequest(
      this.id,
      `${this.s.url.replace(/\/$/, '')}/bot${this.s.token.reveal()}/sendMessage`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(buildTelegramPayload(this.s, msg, ref)),
        timeoutMs: this.s.timeoutSeconds * 1000,
      },
    );
    return (answer.body as { result?: { message_id?: number } } | undefined)?.result?.message_id;
  }

  async open(msg: TicketMessage): Promise<TicketRef> {
    const id = await this.send(msg);
    return { ref: String(id ?? '') };
  }

  async update(ref: TicketRef, msg: TicketMessage): Promise<void> {
    await this.send(msg, ref.ref ? ref : undefined);
  }

  async close(ref: TicketRef, msg: TicketMessage): Promise<void> {
    await this.send(msg, ref.ref ? ref : undefined);
  }
}
