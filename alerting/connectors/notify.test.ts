import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { Secret } from '../../config/secret';
import { renderMessage, TicketView } from '../text';
import { HttpPeer } from '../testing/http-peer';
import { ConnectorError } from './contract';
import { buildOsTicketPayload, OsTicketConnector } from './osticket';
import { RtConnector } from './rt';
import { buildTelegramPayload, TelegramConnector } from './telegram';

const view: TicketView = {
  incidentId: 'INC-20260301-0002',
  rule: 'ups-on-battery',
  title: 'UPS ups-pd1 berjalan dengan baterai',
  severity: 'kritis',
  priority: 1,
  category: 'Gangguan',
  device: 'ups-pd1',
  deviceName: 'ups-pd1',
  kind: 'ups',
  team: 'datacenter',
  teamName: 'Tim Data Center',
  tier: 2,
  evidence: { field: 'on_battery', value: true, threshold: true },
  affected: { devices: ['ups-pd1'], agencies: [], services: [] },
  startedAt: Date.UTC(2026, 2, 1, 2, 0),
  flapping: false,
  test: false,
};
const open = renderMessage('open', view, 'id', 'Asia/Jakarta');
const update = renderMessage('update', view, 'id', 'Asia/Jakarta', 'Pengingat');
const close = renderMessage(
  'close',
  { ...view, resolvedAt: view.startedAt + 600_000, durationSeconds: 600 },
  'id',
  'Asia/Jakarta',
);

describe('Telegram bot against a peer following the Bot API', () => {
  const peer = new HttpPeer();
  beforeAll(() => peer.start());
  afterAll(() => peer.stop());
  const tg = (token = '123:ABC') =>
    new TelegramConnector({
      id: 'tg',
      type: 'telegram',
      role: 'notify',
      timeoutSeconds: 5,
      url: peer.url,
      token: new Secret(token, 'literal'),
      chatId: -100200,
    });

  it('sends, then replies in the thread of the first message', async () => {
    peer.handler = (r) =>
      r.path === '/bot123:ABC/sendMessage'
        ? { status: 200, body: { ok: true, result: { message_id: 55 } } }
        : { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } };
    const c = tg();
    const ref = await c.open(open);
    expect(ref).toEqual({ ref: '55' });
    await c.close(ref, close);
    expect(peer.requests[0].json).toEqual({
      chat_id: -100200,
      text: `🔴 ${open.subject}\n\n${open.body}`,
      disable_web_page_preview: true,
    });
    expect(peer.requests[1].json).toEqual({
      ...(buildTelegramPayload({ chatId: -100200 }, close) as object),
      reply_to_message_id: 55,
      allow_sending_without_reply: true,
    });
    expect((peer.requests[1].json as { text: string }).text.startsWith('✅ [INC-20260301-0002] Pulih:')).toBe(
      true,
    );
    expect(
      (
        (await tg('9:bad')
          .open(open)
          .catch((e) => e)) as ConnectorError
      ).status,
    ).toBe(401);
  });

  it('429 Too Many Requests: retry_after from the body steers the retry', async () => {
    peer.handler = () => ({
      status: 429,
      body: {
        ok: false,
        error_code: 429,
        description: 'Too Many Requests: retry after 7',
        parameters: { retry_after: 7 },
      },
    });
    const err = (await tg()
      .update({ ref: '55' }, update)
      .catch((e) => e)) as ConnectorError;
    expect([err.status, err.retryAfterMs]).toEqual([429, 7000]);
  });
});

describe('osTicket: API to create, mail for follow-ups', () => {
  const peer = new HttpPeer();
  let smtp: SMTPServer;
  let port = 0;
  const mails: string[] = [];
  beforeAll(async () => {
    await peer.start();
    peer.handler = (r) =>
      r.headers['x-api-key'] === 'K1' && r.path === '/api/tickets.json'
        ? { status: 201, body: '123456' }
        : { status: 401, body: 'API key not authorized' };
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _s, cb) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString()));
        stream.on('end', () => {
          mails.push(raw);
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    port = (smtp.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await peer.stop();
    await new Promise<void>((r) => smtp.close(() => r()));
  });
  const os = (key = 'K1') =>
    new OsTicketConnector({
      id: 'ost',
      type: 'osticket',
      role: 'ticket',
      timeoutSeconds: 5,
      url: `${peer.url}/`,
      apiKey: new Secret(key, 'literal'),
      name: 'NOC Diskominfo',
      email: 'noc@kominfo.test',
      topicId: 4,
      mail: {
        smtp: { host: '127.0.0.1', port, secure: false, insecure: false },
        to: 'helpdesk@kominfo.test',
      },
    });

  it('creates the ticket with the documented JSON and threads follow-ups by [#number]', async () => {
    const c = os();
    const ref = await c.open(open);
    expect(ref).toEqual({ ref: '123456' });
    expect(peer.requests[0].json).toEqual({
      alert: true,
      autorespond: false,
      source: 'API',
      name: 'NOC Diskominfo',
      email: 'noc@kominfo.test',
      subject: open.subject,
      message: `data:text/plain;charset=utf-8,${encodeURIComponent(open.body)}`,
      priority: 1,
      topicId: 4,
    });
    expect(buildOsTicketPayload({ name: 'n', email: 'e@x.id' }, open)).not.toHaveProperty('topicId');
    await c.update(ref, update);
    await c.close(ref, close);
    await c.stop();
    expect(mails).toHaveLength(2);
    expect(mails[0]).toMatch(/^Subject: Re: \[#123456\] \[INC-20260301-0002\] Gangguan: UPS ups-pd1/m);
    expect(mails[0]).toMatch(/^To: helpdesk@kominfo\.test/m);
    expect(mails[0]).toMatch(/^From: noc@kominfo\.test/m);
    expect(mails[1]).toContain('Lama gangguan: 10 menit');
  });

  it('a wrong API key is a 401', async () => {
    expect(
      (
        (await os('bad')
          .open(open)
          .catch((e) => e)) as ConnectorError
      ).status,
    ).toBe(401);
  });
});

describe('Request Tracker REST2 against a peer following /REST/2.0', () => {
  const peer = new HttpPeer();
  beforeAll(() => peer.start());
  afterAll(() => peer.stop());
  it('creates, comments, corresponds and resolves; 401 without a valid token', async () => {
    peer.handler = (r) => {
      if (r.headers.authorization !== 'token rt-tok')
        return { status: 401, body: { message: 'Unauthorized' } };
      if (r.method === 'POST' && r.path === '/REST/2.0/ticket')
        return { status: 201, body: { type: 'ticket', id: '20', _url: `${peer.url}/REST/2.0/ticket/20` } };
      if (r.path === '/REST/2.0/ticket/20/comment') return { status: 201, body: ['Comments added'] };
      if (r.path === '/REST/2.0/ticket/20/correspond') return { status: 201, body: ['Correspondence added'] };
      if (r.method === 'PUT' && r.path === '/REST/2.0/ticket/20')
        return { status: 200, body: ["Ticket 20: Status changed from 'open' to 'resolved'"] };
      return { status: 404, body: { message: 'Not Found' } };
    };
    const rt = (token = 'rt-tok') =>
      new RtConnector({
        id: 'rt',
        type: 'rt',
        role: 'ticket',
        timeoutSeconds: 5,
        url: peer.url,
        token: new Secret(token, 'literal'),
        queue: 'NOC',
        requestor: 'noc@kominfo.test',
      });
    const c = rt();
    const ref = await c.open(open);
    expect(ref).toEqual({ ref: '20' });
    await c.update(ref, update);
    await c.close(ref, close);
    expect(peer.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /REST/2.0/ticket',
      'POST /REST/2.0/ticket/20/comment',
      'POST /REST/2.0/ticket/20/correspond',
      'PUT /REST/2.0/ticket/20',
    ]);
    expect(peer.requests[0].json).toEqual({
      Queue: 'NOC',
      Subject: open.subject,
      Content: open.body,
      ContentType: 'text/plain',
      Priority: 90,
      Requestor: 'noc@kominfo.test',
    });
    expect(peer.requests[1].json).toEqual({
      Subject: update.subject,
      Content: `Pengingat\n\n${update.body}`,
      ContentType: 'text/plain',
    });
    expect(peer.requests[3].json).toEqual({ Status: 'resolved' });
    expect(
      (
        (await rt('x')
          .open(open)
          .catch((e) => e)) as ConnectorError
      ).status,
    ).toBe(401);
    expect(((await c.update({ ref: '21' }, update).catch((e) => e)) as ConnectorError).status).toBe(404);
  });
});
