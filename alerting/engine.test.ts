import { createHmac } from 'node:crypto';
import { acknowledge } from './view';
import { AlertStore } from './store';
import { HttpPeer, Recorded } from './testing/http-peer';
import { AlertingLab, labConfig } from './testing/lab';

/**
 * The engine end to end against a local webhook peer and a real SQLite file, with a fake clock:
 * one ticket per real problem, children listed not ticketed, helpdesk outages, restarts,
 * maintenance, escalation and acknowledgement.
 */
describe('alerting engine -> outbox -> webhook', () => {
  let peer: HttpPeer;
  let lab: AlertingLab;
  let nextId = 100;
  const events = () =>
    peer.requests.map(
      (r) =>
        `${(r.json as { event: string }).event}:${(r.json as { incident: { device: string } }).incident.device}`,
    );
  const body = (r: Recorded) => r.json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

  beforeEach(async () => {
    nextId = 100;
    peer = new HttpPeer();
    await peer.start();
    peer.handler = (r) =>
      (r.json as { event?: string })?.event === 'open'
        ? { status: 201, body: { id: nextId++ } }
        : { status: 200, body: {} };
  });
  afterEach(async () => {
    await lab?.cleanup();
    await peer.stop();
  });

  it('a device going down gives exactly one ticket, closed with the outage duration on recovery', async () => {
    lab = new AlertingLab(labConfig(peer.url)).start();
    lab.at(0, lab.down('core'));
    await lab.alerting.flush();
    expect(peer.requests).toHaveLength(0); // pending: one failed poll is not an outage
    lab.at(30, lab.down('core'));
    lab.at(30, lab.down('core'));
    await lab.alerting.flush();
    expect(events()).toEqual(['open:core']);
    const open = peer.requests[0];
    expect(open.path).toBe('/noc');
    expect(open.headers['x-noc-signature']).toBe(
      `sha256=${createHmac('sha256', 'rahasia').update(open.body).digest('hex')}`,
    );
    expect(body(open)).toMatchObject({
      version: 1,
      event: 'open',
      ticket_ref: null,
      subject: '[INC-20260301-0001] Gangguan: Router Inti tidak dapat dijangkau sejak 1 Maret 2026 10.00 WIB',
      incident: {
        category: 'Gangguan',
        severity: 'tinggi',
        priority: 2,
        team: 'infrastruktur',
        tier: 2,
        evidence: { field: 'up', value: false, threshold: false },
        grafanaLink: `https://grafana.noc.test/d/noc-device/perangkat?var-device=core&from=${lab.t - 60_000 - 3_600_000}&to=now`,
      },
    });
    lab.at(60, lab.up('core'));
    await lab.alerting.flush();
    expect(events()).toEqual(['open:core', 'close:core']);
    expect(body(peer.requests[1])).toMatchObject({
      event: 'close',
      ticket_ref: '100',
      incident: { durationSeconds: 120 },
    });
    expect(body(peer.requests[1]).body).toContain('Lama gangguan: 2 menit');
    // Incident samples for Grafana/availability: firing then resolved with the duration.
    expect(lab.incidents().map((s) => [s.fields.state, s.fields.duration_seconds ?? null])).toEqual([
      ['firing', null],
      ['resolved', 120],
    ]);
  });

  it('a parent outage: one ticket for the root cause listing the children, agencies and services', async () => {
    lab = new AlertingLab(labConfig(peer.url)).start();
    // The agency switch and the server notice first, then their parents.
    lab.at(0, lab.down('sw-dinkes'), lab.down('srv'), lab.down('sw-disdik'));
    lab.at(10, lab.down('sw-dinkes'), lab.down('srv'), lab.down('sw-disdik'));
    lab.at(10, lab.down('dist'), lab.down('core'));
    lab.at(20, lab.down('dist'), lab.down('core'));
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(events()).toEqual(['open:core']);
    expect(body(peer.requests[0]).incident.affected).toEqual({
      devices: ['core', 'dist', 'srv', 'sw-dinkes', 'sw-disdik'],
      agencies: ['dinkes', 'disdik'],
      services: ['simpus'],
    });
    // Hours later: still no ticket for any child.
    lab.at(3600);
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(events().filter((e) => e.startsWith('open'))).toEqual(['open:core']);
    // Everything comes back: one close.
    lab.at(10, lab.up('core'), lab.up('dist'), lab.up('sw-dinkes'), lab.up('srv'), lab.up('sw-disdik'));
    await lab.alerting.flush();
    expect(events().filter((e) => e.startsWith('close'))).toEqual(['close:core']);
    const store = lab.alerting.incidentStore!;
    const child = store.incidents().find((i) => i.device === 'sw-dinkes')!;
    expect(child).toMatchObject({ suppressed: 'parent', ticketed: false, state: 'resolved' });
  });

  it('a child down on its own (parents up) gets its ticket after the dependency hold, to its Tier-1 contact', async () => {
    lab = new AlertingLab(labConfig(peer.url)).start();
    lab.at(0, lab.up('dist'), lab.up('core'), lab.down('sw-dinkes'));
    lab.at(10, lab.down('sw-dinkes'));
    await lab.alerting.flush();
    expect(peer.requests).toHaveLength(0); // holding for the parents' verdict (30 s)
    lab.at(30);
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(events()).toEqual(['open:sw-dinkes']);
    expect(body(peer.requests[0]).incident).toMatchObject({
      tier: 1,
      team: 'tier1-dinkes',
      teamName: 'Tier 1 Dinas Kesehatan',
      contact: { name: 'Teknisi TI DINKES', email: 'ti@dinkes.go.id' },
      agencyName: 'Dinas Kesehatan',
    });
    // Not acknowledged within 30 min: escalated to Tier 2 (Infrastruktur for a switch).
    lab.at(29 * 60);
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(events()).toHaveLength(1);
    lab.at(60);
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(events()).toEqual(['open:sw-dinkes', 'update:sw-dinkes']);
    expect(body(peer.requests[1])).toMatchObject({
      ticket_ref: '100',
      incident: { tier: 2, team: 'infrastruktur' },
    });
    expect(body(peer.requests[1]).note).toMatch(
      /^Dieskalasi ke Tim Infrastruktur \(Tier 2\): belum diterima setelah 31 menit$/,
    );
    // Acknowledged (as `noc ack` does, through the database): a follow-up, then no reminders.
    const store = lab.alerting.incidentStore!;
    const id = store.incidents({ open: true })[0].id;
    expect(acknowledge(store, lab.config, id, 'Budi', 'menuju lokasi', lab.t)).toEqual({ ok: true });
    expect(acknowledge(store, lab.config, id, 'Budi', undefined, lab.t).ok).toBe(false);
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(body(peer.requests[2]).note).toBe('Diterima oleh Budi: menuju lokasi');
    lab.at(5 * 3600);
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(peer.requests).toHaveLength(3);
    expect(lab.incidents().map((s) => s.fields.state)).toEqual(['firing', 'acknowledged']);
    expect(store.auditTrail().map((a) => `${a.actor}:${a.action}`)).toEqual(['Budi:ack', 'noc:fire']);
  });

  it('the helpdesk down for the whole incident: open and close both arrive after it returns, once each, in order', async () => {
    peer.handler = () => ({ status: 503, body: { error: 'maintenance' } });
    lab = new AlertingLab(labConfig(peer.url)).start();
    lab.at(0, lab.down('core'));
    lab.at(30, lab.down('core'));
    await lab.alerting.flush();
    lab.at(600, lab.up('core'));
    await lab.alerting.flush();
    expect(peer.requests.length).toBeGreaterThanOrEqual(1);
    expect(lab.alerting.stats()).toEqual({ pending: 2, failing: 1, delivered: 0 });
    // Back after an hour; retries follow the backoff (5 s, doubling, at most 600 s).
    peer.requests.length = 0;
    peer.handler = (r) =>
      (r.json as { event: string }).event === 'open' ? { status: 201, body: { id: 7 } } : { status: 200 };
    lab.at(3600);
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(events()).toEqual(['open:core', 'close:core']);
    expect(body(peer.requests[1])).toMatchObject({ ticket_ref: '7', incident: { durationSeconds: 630 } });
    lab.at(3600);
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(peer.requests).toHaveLength(2);
    expect(lab.alerting.stats()).toEqual({ pending: 0, failing: 0, delivered: 2 });
  });

  it('429 with Retry-After: the next attempt waits as long as asked', async () => {
    peer.handler = () => ({ status: 429, headers: { 'Retry-After': '120' }, body: {} });
    lab = new AlertingLab(labConfig(peer.url)).start();
    lab.at(0, lab.down('core'));
    lab.at(30, lab.down('core'));
    await lab.alerting.flush();
    const store = lab.alerting.incidentStore!;
    expect(store.dueOutbox(lab.t + 119_000)).toHaveLength(0);
    expect(store.dueOutbox(lab.t + 120_000)).toHaveLength(1);
    expect(store.dueOutbox(lab.t + 120_000)[0].lastError).toMatch(/answered 429/);
  });

  it('a crash mid-incident (no clean stop): the restarted agent sends no duplicate and still closes', async () => {
    lab = new AlertingLab(labConfig(peer.url)).start();
    lab.at(0, lab.down('core'));
    lab.at(30, lab.down('core'));
    await lab.alerting.flush();
    expect(events()).toEqual(['open:core']);
    // A second process on the same database, as after kill -9 (the first never stopped).
    const first = lab.alerting;
    lab.start();
    lab.at(30, lab.down('core'));
    lab.alerting.tick();
    lab.at(30, lab.up('core'));
    await lab.alerting.flush();
    expect(events()).toEqual(['open:core', 'close:core']);
    expect(body(peer.requests[1]).ticket_ref).toBe('100');
    await first.stop();
  });

  it('a maintenance window: no ticket, and the incident is recorded as in maintenance', async () => {
    const config = labConfig(peer.url, {
      maintenance: [
        {
          id: 'ganti-router',
          device: 'core',
          from: '2026-03-01 09:00',
          to: '2026-03-01 12:00',
          reason: 'ganti router',
        },
      ],
    });
    lab = new AlertingLab(config).start();
    lab.at(0, lab.down('core'));
    lab.at(30, lab.down('core'));
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(peer.requests).toHaveLength(0);
    expect(lab.alerting.incidentStore!.incidents()[0]).toMatchObject({
      suppressed: 'maintenance',
      ticketed: false,
    });
    // Still down when the window ends (12:00 WIB = 05:00 UTC): now it is a real outage.
    lab.at(2 * 3600);
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(events()).toEqual(['open:core']);
  });

  it('maintenance notice: announced when the window starts and when it ends, once each', async () => {
    const config = labConfig(peer.url, {
      maintenance: [
        {
          id: 'ganti-router',
          device: 'core',
          from: '2026-03-01 10:30',
          to: '2026-03-01 11:00',
          reason: 'ganti router',
        },
      ],
      maintenanceNotice: ['hook'],
    });
    lab = new AlertingLab(config).start(); // 10.00 WIB: before the window
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(peer.requests).toHaveLength(0);
    lab.at(31 * 60);
    lab.alerting.tick();
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(peer.requests).toHaveLength(1);
    expect(body(peer.requests[0])).toMatchObject({
      event: 'open',
      subject: `[MAINT-ganti-router-${Date.UTC(2026, 2, 1, 3, 30)}] Pemeliharaan: Router Inti: ganti router sejak 1 Maret 2026 10.30 WIB`,
      incident: { category: 'Pemeliharaan' },
    });
    lab.at(30 * 60);
    lab.alerting.tick();
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(peer.requests.map((r) => body(r).event)).toEqual(['open', 'close']);
    expect(body(peer.requests[1]).subject).toMatch(/Pemeliharaan selesai: Router Inti: ganti router/);
    expect(body(peer.requests[1]).body).toContain('Lama gangguan: 30 menit');
  });

  it('flapping: a link bouncing every minute gives one incident marked flapping, not one per bounce', async () => {
    lab = new AlertingLab(labConfig(peer.url, { rules: [{ id: 'device-unreachable', count: 1 }] })).start();
    for (let i = 0; i < 20; i++) lab.at(60, i % 2 === 0 ? lab.down('core') : lab.up('core'));
    lab.alerting.tick();
    await lab.alerting.flush();
    // Per ticket (different tickets are delivered in parallel): the first opened and closed,
    // the second opened and then marked flapping.
    const perIncident = (n: number) =>
      peer.requests.filter((r) => body(r).incident_id === `INC-20260301-000${n}`).map((r) => body(r).event);
    expect(perIncident(1)).toEqual(['open', 'close']);
    expect(perIncident(2)).toEqual(['open', 'update']);
    expect(peer.requests).toHaveLength(4);
    expect(body(peer.requests.find((r) => body(r).event === 'update')!).incident.flapping).toBe(true);
    // Quiet for the 30-minute window: closed once.
    lab.at(31 * 60, lab.up('core'));
    lab.alerting.tick();
    await lab.alerting.flush();
    expect(events().slice(4)).toEqual(['close:core']);
    expect(body(peer.requests[4]).incident_id).toBe('INC-20260301-0002');
  });

  it('keeps incidents, tickets and the outbox in the database across reopen', async () => {
    lab = new AlertingLab(labConfig(peer.url)).start();
    lab.at(0, lab.down('core'));
    lab.at(30, lab.down('core'));
    await lab.alerting.flush();
    await lab.alerting.stop();
    const store = AlertStore.open(lab.db);
    const [i] = store.incidents();
    expect(i).toMatchObject({ device: 'core', rule: 'device-unreachable', state: 'firing', ticketed: true });
    expect(store.tickets(i.id)).toEqual([{ connector: 'hook', ref: '100' }]);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    store.close();
  });
});
