import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertStore } from './store';
import { labConfig } from './testing/lab';
import { allMaintenanceWindows } from './windows';
import { affectedBy, Reach, rootCause, topologyOf, waitForParents } from './dependencies';
import { maintenanceCovers, MaintenanceWindow, occurrenceAt, parseWhen } from './maintenance';
import { dueEscalation, escalationLadder, routeFor } from './routing';
import { alertingSchema } from '../config/schema/alerting';

describe('dependencies: root cause first, children get no ticket', () => {
  // core -> dist -> (sw-dinkes, sw-disdik); srv has two parents (dist, dist2).
  const topo = topologyOf({
    devices: [
      { id: 'core', parents: [] },
      { id: 'dist', parents: ['core'] },
      { id: 'dist2', parents: ['core'] },
      { id: 'sw-dinkes', parents: ['dist'], agency: 'dinkes' },
      { id: 'sw-disdik', parents: ['dist'], agency: 'disdik' },
      { id: 'srv', parents: ['dist', 'dist2'], agency: 'dinkes' },
    ],
    services: [
      { id: 'simpeg', devices: ['srv'] },
      { id: 'web', devices: ['other'] },
    ],
  });
  const reachOf =
    (down: string[], pending: string[] = []) =>
    (d: string): Reach =>
      down.includes(d) ? 'down' : pending.includes(d) ? 'pending' : 'up';

  it('blames the topmost down ancestor', () => {
    const reach = reachOf(['core', 'dist', 'sw-dinkes']);
    expect(rootCause('sw-dinkes', reach, topo)).toBe('core');
    expect(rootCause('dist', reach, topo)).toBe('core');
    expect(rootCause('core', reach, topo)).toBeUndefined();
  });

  it('a device with one of two parents up is down on its own', () => {
    expect(rootCause('srv', reachOf(['dist', 'srv']), topo)).toBeUndefined();
    expect(rootCause('srv', reachOf(['dist', 'dist2', 'srv']), topo)).toBe('dist');
  });

  it('waits while a parent is still pending', () => {
    expect(waitForParents('sw-dinkes', reachOf(['sw-dinkes'], ['dist']), topo)).toBe(true);
    expect(waitForParents('srv', reachOf([], ['dist']), topo)).toBe(false); // dist2 is up
    expect(waitForParents('core', reachOf([]), topo)).toBe(false);
  });

  it('lists affected devices (root first), agencies and services', () => {
    expect(affectedBy('dist', ['sw-disdik', 'srv', 'sw-dinkes'], topo)).toEqual({
      devices: ['dist', 'srv', 'sw-dinkes', 'sw-disdik'],
      agencies: ['dinkes', 'disdik'],
      services: ['simpeg'],
    });
  });
});

describe('maintenance windows', () => {
  const w = (extra: Partial<MaintenanceWindow>): MaintenanceWindow => ({
    id: 'm',
    from: parseWhen('2026-03-01 22:00'),
    to: parseWhen('2026-03-02 02:00'),
    reason: 'ganti switch',
    createdBy: 'test',
    ...extra,
  });

  it('parses local WIB times and ISO with offset', () => {
    expect(parseWhen('2026-03-01 22:00')).toBe(Date.UTC(2026, 2, 1, 15, 0));
    expect(parseWhen('2026-03-01 22:00', 'Asia/Makassar')).toBe(Date.UTC(2026, 2, 1, 14, 0));
    expect(parseWhen('2026-03-01T22:00:00+07:00')).toBe(Date.UTC(2026, 2, 1, 15, 0));
    expect(() => parseWhen('besok')).toThrow('not a date-time');
  });

  it('covers a device directly, by site or by agency, only inside the window', () => {
    const obj = { device: 'sw1', site: 'pd', agency: 'dinkes' };
    const inside = parseWhen('2026-03-01 23:30');
    expect(maintenanceCovers([w({ device: 'sw1' })], obj, inside)?.id).toBe('m');
    expect(maintenanceCovers([w({ site: 'pd' })], obj, inside)?.id).toBe('m');
    expect(maintenanceCovers([w({ agency: 'dinkes' })], obj, inside)?.id).toBe('m');
    expect(maintenanceCovers([w({ agency: 'disdik' })], obj, inside)).toBeUndefined();
    expect(maintenanceCovers([w({ device: 'sw1' })], obj, parseWhen('2026-03-02 02:00'))).toBeUndefined();
    expect(maintenanceCovers([w({ device: 'sw1' })], obj, parseWhen('2026-03-01 21:59'))).toBeUndefined();
  });

  it('weekly on Sundays 22:00-02:00 WIB, crossing midnight, until a date', () => {
    // 2026-03-01 is a Sunday.
    const weekly = w({ device: 'sw1', recurrence: 'FREQ=WEEKLY;BYDAY=SU;UNTIL=2026-03-31' });
    const occ = (t: string) => occurrenceAt(weekly, parseWhen(t));
    expect(occ('2026-03-09 01:00')).toEqual({
      start: parseWhen('2026-03-08 22:00'),
      end: parseWhen('2026-03-09 02:00'),
    });
    expect(occ('2026-03-10 01:00')).toBeUndefined(); // Monday night
    expect(occ('2026-03-29 23:00')).toBeDefined();
    expect(occ('2026-04-05 23:00')).toBeUndefined(); // after UNTIL
    expect(occ('2026-02-22 23:00')).toBeUndefined(); // before the first
  });

  it('every other week, several days; daily; monthly', () => {
    const biweekly = w({ device: 'x', recurrence: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,WE' });
    // Weeks start on Monday (RFC 5545 WKST=MO): Sun 1 March is in week 0, Wed 4 March in week 1.
    expect(occurrenceAt(biweekly, parseWhen('2026-03-04 23:00'))).toBeUndefined();
    expect(occurrenceAt(biweekly, parseWhen('2026-03-11 23:00'))).toBeDefined(); // Wed, week 2
    expect(occurrenceAt(biweekly, parseWhen('2026-03-15 23:00'))).toBeDefined(); // Sun, week 2
    expect(occurrenceAt(biweekly, parseWhen('2026-03-18 23:00'))).toBeUndefined(); // Wed, week 3
    const daily = w({ device: 'x', recurrence: 'FREQ=DAILY' });
    expect(occurrenceAt(daily, parseWhen('2026-06-17 00:30'))).toBeDefined();
    expect(occurrenceAt(daily, parseWhen('2026-06-17 12:00'))).toBeUndefined();
    const monthly = w({ device: 'x', recurrence: 'FREQ=MONTHLY' });
    expect(occurrenceAt(monthly, parseWhen('2026-05-01 23:00'))).toBeDefined();
    expect(occurrenceAt(monthly, parseWhen('2026-05-02 23:00'))).toBeUndefined();
  });
});

describe('routing and escalation', () => {
  const routing = alertingSchema.parse({
    routing: {
      teams: [
        { id: 'infrastruktur', name: 'Tim Infrastruktur', helpdeskGroup: 3, notify: ['tg'] },
        { id: 'datacenter', name: 'Tim Data Center', helpdeskGroup: 4 },
        { id: 'kabid', name: 'Kepala Bidang' },
      ],
      tier1AckMinutes: 30,
      steps: [{ afterMinutes: 120, team: 'kabid' }],
      repeatMinutes: 60,
    },
  }).routing;
  const dinkes = {
    id: 'dinkes',
    name: 'Dinas Kesehatan',
    tier1: { name: 'Teknisi TI DINKES', email: 'ti@dinkes.go.id' },
  };

  it.each([
    [{ kind: 'router', responsibility: 'dinas' as const }, undefined, 2, 'infrastruktur'],
    [{ kind: 'switch', responsibility: 'dinas' as const }, undefined, 2, 'infrastruktur'],
    [{ kind: 'ups', responsibility: 'dinas' as const }, undefined, 2, 'datacenter'],
    [{ kind: 'server', responsibility: 'dinas' as const }, undefined, 2, 'datacenter'],
    [{ kind: 'switch', responsibility: 'opd' as const, agency: 'dinkes' }, dinkes, 1, 'tier1-dinkes'],
    // An agency without a Tier-1 contact: straight to Tier 2.
    [
      { kind: 'switch', responsibility: 'opd' as const, agency: 'x' },
      { id: 'x', name: 'X' },
      2,
      'infrastruktur',
    ],
  ])('%j -> tier %s team %s', (device, agency, tier, team) => {
    expect(routeFor(device, agency, routing)).toMatchObject({ tier, team });
  });

  it('Tier 1 unacknowledged for 30 min -> Tier 2, then the next step; reminders every hour', () => {
    const device = { kind: 'switch', responsibility: 'opd' as const, agency: 'dinkes' };
    const first = routeFor(device, dinkes, routing);
    expect(first.contact?.email).toBe('ti@dinkes.go.id');
    const ladder = escalationLadder(first, device, routing);
    expect(ladder.map((l) => [l.afterMs / 60_000, l.step.route.team, l.step.level])).toEqual([
      [30, 'infrastruktur', 1],
      [120, 'kabid', 2],
    ]);
    const inc = { state: 'firing' as const, firedAt: 0, escalationLevel: 0, ticketed: true };
    const min = 60_000;
    expect(dueEscalation(inc, ladder, 60, 29 * min)).toBeUndefined();
    expect(dueEscalation(inc, ladder, 60, 30 * min)).toMatchObject({ type: 'escalate', step: { level: 1 } });
    const l1 = { ...inc, escalationLevel: 1 };
    expect(dueEscalation(l1, ladder, 60, 60 * min)).toEqual({ type: 'remind' });
    expect(dueEscalation({ ...l1, lastReminderAt: 60 * min }, ladder, 60, 119 * min)).toBeUndefined();
    expect(dueEscalation({ ...l1, lastReminderAt: 60 * min }, ladder, 60, 120 * min)).toMatchObject({
      type: 'escalate',
      step: { level: 2 },
    });
    // Acknowledged: nothing more.
    expect(dueEscalation({ ...inc, state: 'acknowledged' }, ladder, 60, 500 * min)).toBeUndefined();
  });
});

describe('allMaintenanceWindows (for availability)', () => {
  it('merges the configured windows with the CLI ones from the store', () => {
    const dir = mkdtempSync(join(tmpdir(), 'noc-win-'));
    const config = labConfig(
      'http://127.0.0.1:9',
      {
        maintenance: [
          { id: 'cfg', site: 'pd', from: '2026-03-01 22:00', to: '2026-03-01 23:00', reason: 'x' },
        ],
      },
      dir,
    );
    expect(allMaintenanceWindows(config).map((w) => w.id)).toEqual(['cfg']);
    const store = AlertStore.open(`${dir}/alerting.db`);
    store.addMaintenance({ id: 'cli', agency: 'dinkes', from: 1, to: 2, reason: 'y', createdBy: 'Sari' }, 0);
    store.close();
    expect(allMaintenanceWindows(config).map((w) => `${w.id}:${w.createdBy}`)).toEqual([
      'cfg:config',
      'cli:Sari',
    ]);
    rmSync(dir, { recursive: true, force: true });
  });
});
