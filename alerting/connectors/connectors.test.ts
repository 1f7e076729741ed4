import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { Secret } from '../../config/secret';
import { renderMessage, TicketView } from '../text';
import { HttpPeer } from '../testing/http-peer';
import { ConnectorError } from './contract';
import { buildEmail, EmailConnector } from './email';
import { buildGlpiPayload, GlpiConnector } from './glpi';
import { buildWebhookPayload, signature, WebhookConnector } from './webhook';
import { buildZammadPayload, ZammadConnector } from './zammad';

const start = Date.UTC(2026, 2, 1, 15, 0); // 22.00 WIB
const view: TicketView = {
  incidentId: 'INC-20260301-0007',
  rule: 'device-unreachable',
  title: 'Switch Dinkes tidak dapat dijangkau',
  severity: 'tinggi',
  priority: 2,
  category: 'Gangguan',
  device: 'sw-dinkes',
  deviceName: 'Switch Dinkes',
  kind: 'switch',
  agency: 'dinkes',
  agencyName: 'Dinas Kesehatan',
  team: 'tier1-dinkes',
  teamName: 'Tier 1 Dinas Kesehatan',
  tier: 1,
  contact: { name: 'Teknisi TI DINKES', email: 'ti@dinkes.go.id' },
  evidence: { field: 'up', value: false, threshold: false },
  affected: { devices: ['sw-dinkes'], agencies: ['dinkes'], services: ['simpus'] },
  startedAt: start,
  flapping: false,
  grafanaLink: 'https://grafana.test/d/noc-device/perangkat?var-device=sw-dinkes&from=1&to=now',
  test: false,
};
const openMsg = renderMessage('open', view, 'id', 'Asia/Jakarta');
const updateMsg = renderMessage(
  'update',
  view,
  'id',
  'Asia/Jakarta',
  'Dieskalasi ke Tim Infrastruktur (Tier 2)',
);
const closed = { ...view, resolvedAt: start + 3_900_000, durationSeconds: 3900 };
const closeMsg = renderMessage('close', closed, 'id', 'Asia/Jakarta');

describe('ticket text', () => {
  it('is Bahasa Indonesia with the work-order fields', () => {
    expect(openMsg.subject).toBe(
      '[INC-20260301-0007] Gangguan: Switch Dinkes tidak dapat dijangkau sejak 1 Maret 2026 22.00 WIB',
    );
    expect(openMsg.body).toBe(
      [
        'Kategori: Gangguan',
        'Tingkat keparahan: tinggi (prioritas 2)',
        'Perangkat: Switch Dinkes (sw-dinkes), switch',
        'Perangkat Daerah: Dinas Kesehatan',
        'Ditangani oleh: Tier 1 Dinas Kesehatan (Tier 1)',
        'Kontak: Teknisi TI DINKES, ti@dinkes.go.id',
        'Mulai: 1 Maret 2026 22.00 WIB',
        'Bukti: up = tidak (ambang tidak)',
        'OPD terdampak: dinkes',
        'Layanan terdampak: simpus',
        'Grafik: https://grafana.test/d/noc-device/perangkat?var-device=sw-dinkes&from=1&to=now',
        'Nomor insiden: INC-20260301-0007',
        '',
      ].join('\n'),
    );
    expect(closeMsg.subject).toBe(
      '[INC-20260301-0007] Pulih: Switch Dinkes tidak dapat dijangkau sejak 1 Maret 2026 22.00 WIB',
    );
    expect(closeMsg.body).toContain('Pulih pada: 1 Maret 2026 23.05 WIB\nLama gangguan: 1 jam 5 menit\n');
    const en = renderMessage('close', closed, 'en', 'Asia/Makassar');
    expect(en.subject).toBe(
      '[INC-20260301-0007] Recovered: Switch Dinkes tidak dapat dijangkau since 1 March 2026 23:00 WITA',
    );
    expect(en.body).toContain('Outage duration: 1 h 5 min');
  });
});

describe('webhook connector', () => {
  const peer = new HttpPeer();
  beforeAll(() => peer.start());
  afterAll(() => peer.stop());
  beforeEach(() => (peer.requests.length = 0));
  const hook = () =>
    new WebhookConnector({
      id: 'hook',
      type: 'webhook',
      role: 'ticket',
      url: `${peer.url}/in`,
      secret: new Secret('k3y', 'literal'),
      headers: { 'X-Tenant': 'kab' },
      timeoutSeconds: 5,
    });

  it('builds the documented JSON', () => {
    expect(buildWebhookPayload(updateMsg, { ref: 'T-9' })).toEqual({
      version: 1,
      event: 'update',
      incident_id: 'INC-20260301-0007',
      ticket_ref: 'T-9',
      subject: updateMsg.subject,
      body: updateMsg.body,
      note: 'Dieskalasi ke Tim Infrastruktur (Tier 2)',
      incident: { ...view, resolvedAt: null, durationSeconds: null },
    });
    // On the wire (JSON drops undefined): both keys are there, null until the close.
    const wire = (m: typeof openMsg) =>
      (JSON.parse(JSON.stringify(buildWebhookPayload(m))) as { incident: object }).incident;
    expect(wire(openMsg)).toMatchObject({ resolvedAt: null, durationSeconds: null });
    expect(wire(closeMsg)).toMatchObject({ resolvedAt: closed.resolvedAt, durationSeconds: 3900 });
  });

  it('signs the exact body, keeps the returned id as the ticket ref, and reports 401/404/5xx', async () => {
    peer.handler = () => ({ status: 201, body: { id: 'T-9' } });
    const c = hook();
    await expect(c.open(openMsg)).resolves.toEqual({ ref: 'T-9' });
    const r = peer.requests[0];
    expect([
      r.method,
      r.path,
      r.headers['content-type'],
      r.headers['x-tenant'],
      r.headers['x-noc-event'],
    ]).toEqual(['POST', '/in', 'application/json', 'kab', 'open']);
    expect(r.body).toBe(JSON.stringify(buildWebhookPayload(openMsg)));
    expect(r.headers['x-noc-signature']).toBe(signature('k3y', r.body));
    for (const status of [401, 404, 502]) {
      peer.handler = () => ({ status, body: { error: 'nope' } });
      const err = await c.close({ ref: 'T-9' }, closeMsg).catch((e: ConnectorError) => e);
      expect(err).toBeInstanceOf(ConnectorError);
      expect((err as ConnectorError).status).toBe(status);
      expect((err as Error).message).toContain(`answered ${status}`);
    }
    // A receiver that answers without an id: the incident id is the reference.
    peer.handler = () => ({ status: 204 });
    await expect(c.open(openMsg)).resolves.toEqual({ ref: 'INC-20260301-0007' });
  });
});

describe('email connector against a real SMTP server', () => {
  let server: SMTPServer;
  let port = 0;
  const received: { from: string; rcpt: string[]; raw: string }[] = [];
  let reject = false;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, cb) {
        if (reject) return cb(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
        cb();
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            rcpt: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const header = (raw: string, name: string) =>
    new RegExp(`^${name}: (.*(?:\\r\\n[ \\t].*)*)`, 'mi').exec(raw)?.[1].replace(/\r\n[ \t]/g, ' ');
  const settings = {
    id: 'mail',
    type: 'email' as const,
    role: 'ticket' as const,
    timeoutSeconds: 5,
    smtp: { host: '127.0.0.1', port, secure: false, insecure: false },
    from: 'noc@kominfo.test',
    to: ['helpdesk@kominfo.test'],
    copyTier1: true,
    messageIdDomain: 'noc.kominfo.test',
  };

  it('opens, follows up and closes in one thread (Message-ID / In-Reply-To / References)', async () => {
    const c = new EmailConnector({ ...settings, smtp: { ...settings.smtp, port } });
    const ref = await c.open(openMsg);
    expect(ref).toEqual({ ref: '<INC-20260301-0007@noc.kominfo.test>' });
    await c.update(ref, updateMsg);
    await c.close(ref, closeMsg);
    await c.stop();
    expect(received).toHaveLength(3);
    const [first, second, third] = received;
    expect(first.from).toBe('noc@kominfo.test');
    // Agency gear: the Tier-1 technician is copied.
    expect(first.rcpt).toEqual(['helpdesk@kominfo.test', 'ti@dinkes.go.id']);
    expect(header(first.raw, 'Message-ID')).toBe('<INC-20260301-0007@noc.kominfo.test>');
    expect(header(first.raw, 'Subject')).toBe(openMsg.subject);
    expect(header(first.raw, 'X-Noc-Incident')).toBe('INC-20260301-0007');
    expect(header(first.raw, 'In-Reply-To')).toBeUndefined();
    for (const m of [second, third]) {
      expect(header(m.raw, 'In-Reply-To')).toBe('<INC-20260301-0007@noc.kominfo.test>');
      expect(header(m.raw, 'References')).toBe('<INC-20260301-0007@noc.kominfo.test>');
      expect(header(m.raw, 'Message-ID')).toMatch(
        /^<INC-20260301-0007\.(update|close)\.\d+@noc\.kominfo\.test>$/,
      );
    }
    expect(header(second.raw, 'Subject')).toBe(`Re: ${updateMsg.subject}`);
    expect(third.raw).toContain('Lama gangguan: 1 jam 5 menit');
  });

  it('builds the same fields purely, and reports an SMTP refusal with its code', async () => {
    expect(buildEmail(settings, closeMsg, 3, { ref: '<root@x>' })).toMatchObject({
      cc: ['ti@dinkes.go.id'],
      subject: `Re: ${closeMsg.subject}`,
      messageId: '<INC-20260301-0007.close.3@noc.kominfo.test>',
      inReplyTo: '<root@x>',
      references: ['<root@x>'],
      headers: { 'X-Noc-Event': 'close', 'X-Noc-Severity': 'tinggi', 'X-Priority': '2' },
    });
    reject = true;
    const c = new EmailConnector({ ...settings, smtp: { ...settings.smtp, port } });
    const err = await c.open(openMsg).catch((e: ConnectorError) => e);
    await c.stop();
    reject = false;
    expect(err).toBeInstanceOf(ConnectorError);
    expect((err as ConnectorError).status).toBe(550);
  });
});

describe('GLPI connector against a peer following apirest.php', () => {
  const peer = new HttpPeer();
  beforeAll(() => peer.start());
  afterAll(() => peer.stop());
  beforeEach(() => {
    peer.requests.length = 0;
    peer.handler = (r) => {
      if (r.path === '/apirest.php/initSession')
        return r.headers.authorization === 'user_token u-tok' && r.headers['app-token'] === 'a-tok'
          ? { status: 200, body: { session_token: 'sess1' } }
          : { status: 401, body: ['ERROR_GLPI_LOGIN_USER_TOKEN', 'parameter user_token seems invalid'] };
      if (r.headers['session-token'] !== 'sess1')
        return { status: 401, body: ['ERROR_SESSION_TOKEN_INVALID', 'session_token seems invalid'] };
      if (r.path === '/apirest.php/killSession') return { status: 200, body: true };
      if (r.method === 'POST' && r.path === '/apirest.php/Ticket')
        return { status: 201, body: { id: 42, message: '' } };
      if (!r.path.startsWith('/apirest.php/Ticket/42'))
        return { status: 404, body: ['ERROR_ITEM_NOT_FOUND', 'Item not found'] };
      if (r.method === 'PUT') return { status: 200, body: [{ 42: true, message: '' }] };
      return { status: 201, body: { id: 5, message: '' } };
    };
  });
  const glpi = (userToken = 'u-tok') =>
    new GlpiConnector({
      id: 'glpi',
      type: 'glpi',
      role: 'ticket',
      timeoutSeconds: 5,
      url: `${peer.url}/apirest.php`,
      appToken: new Secret('a-tok', 'literal'),
      userToken: new Secret(userToken, 'literal'),
      categoryId: 12,
    });

  it('opens a Ticket, adds an ITILFollowup, solves and closes, each in its own session', async () => {
    const c = glpi();
    const ref = await c.open({ ...openMsg, view: { ...view, helpdeskGroup: 3 } });
    expect(ref).toEqual({ ref: '42' });
    await c.update(ref, updateMsg);
    await c.close(ref, closeMsg);
    expect(peer.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /apirest.php/initSession',
      'POST /apirest.php/Ticket',
      'GET /apirest.php/killSession',
      'GET /apirest.php/initSession',
      'POST /apirest.php/Ticket/42/ITILFollowup',
      'GET /apirest.php/killSession',
      'GET /apirest.php/initSession',
      'POST /apirest.php/Ticket/42/ITILSolution',
      'PUT /apirest.php/Ticket/42',
      'GET /apirest.php/killSession',
    ]);
    expect(peer.requests[1].json).toEqual({
      input: {
        name: openMsg.subject,
        content: openMsg.body,
        type: 1,
        urgency: 4,
        impact: 4,
        priority: 4,
        itilcategories_id: 12,
        _groups_id_assign: 3,
      },
    });
    expect(peer.requests[4].json).toEqual({
      input: {
        itemtype: 'Ticket',
        items_id: 42,
        content: `Dieskalasi ke Tim Infrastruktur (Tier 2)\n\n${updateMsg.body}`.trim(),
      },
    });
    expect(peer.requests[7].json).toEqual(buildGlpiPayload({ categoryId: 12 }, closeMsg, 42));
    expect(peer.requests[8].json).toEqual({ input: { id: 42, status: 6 } });
  });

  it('a wrong user token is a 401 naming the credentials; an unknown ticket a 404; the session is still killed', async () => {
    const bad = await glpi('wrong')
      .open(openMsg)
      .catch((e: ConnectorError) => e);
    expect((bad as ConnectorError).status).toBe(401);
    expect((bad as Error).message).toMatch(
      /initSession answered 401 \(check the credentials\/token\).*ERROR_GLPI_LOGIN_USER_TOKEN/,
    );
    peer.requests.length = 0;
    const missing = await glpi()
      .update({ ref: '99' }, updateMsg)
      .catch((e: ConnectorError) => e);
    expect((missing as ConnectorError).status).toBe(404);
    expect(peer.requests.map((r) => r.path)).toEqual([
      '/apirest.php/initSession',
      '/apirest.php/Ticket/99/ITILFollowup',
      '/apirest.php/killSession',
    ]);
  });
});

describe('Zammad connector against a peer following /api/v1', () => {
  const peer = new HttpPeer();
  beforeAll(() => peer.start());
  afterAll(() => peer.stop());
  beforeEach(() => {
    peer.requests.length = 0;
    peer.handler = (r) => {
      if (r.headers.authorization !== 'Token token=z-tok')
        return { status: 401, body: { error: 'Invalid token!' } };
      if (r.method === 'POST' && r.path === '/api/v1/tickets')
        return { status: 201, body: { id: 7, number: '31007', title: 'x' } };
      if (r.method === 'POST' && r.path === '/api/v1/ticket_articles')
        return { status: 201, body: { id: 70 } };
      if (r.method === 'PUT' && r.path === '/api/v1/tickets/7')
        return { status: 200, body: { id: 7, state_id: 4 } };
      return { status: 500, body: { error: 'internal' } };
    };
  });
  const zammad = (token = 'z-tok') =>
    new ZammadConnector({
      id: 'z',
      type: 'zammad',
      role: 'ticket',
      timeoutSeconds: 5,
      url: peer.url,
      token: new Secret(token, 'literal'),
      group: 'Helpdesk',
      customer: 'noc@kominfo.test',
    });

  it('creates a ticket with its first article, adds a note, and closes it', async () => {
    const c = zammad();
    const ref = await c.open(openMsg);
    expect(ref).toEqual({ ref: '7', thread: '31007' });
    await c.update(ref, updateMsg);
    await c.close(ref, closeMsg);
    expect(peer.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/v1/tickets',
      'POST /api/v1/ticket_articles',
      'PUT /api/v1/tickets/7',
    ]);
    expect(peer.requests[0].json).toEqual({
      title: openMsg.subject,
      group: 'Helpdesk',
      customer: 'noc@kominfo.test',
      priority: '3 high',
      article: {
        subject: openMsg.subject,
        body: openMsg.body,
        type: 'note',
        internal: false,
        content_type: 'text/plain',
      },
    });
    expect(peer.requests[1].json).toEqual(
      buildZammadPayload({ group: 'Helpdesk', customer: 'x' }, updateMsg, 7),
    );
    expect(peer.requests[2].json).toMatchObject({ state: 'closed', article: { body: closeMsg.body } });
  });

  it('401 and 5xx become ConnectorErrors with the status', async () => {
    expect(
      (
        (await zammad('bad')
          .open(openMsg)
          .catch((e) => e)) as ConnectorError
      ).status,
    ).toBe(401);
    expect(
      (
        (await zammad()
          .close({ ref: '8' }, closeMsg)
          .catch((e) => e)) as ConnectorError
      ).status,
    ).toBe(500);
  });
});
