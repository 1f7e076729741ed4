import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Sample } from '../agent/sample';
import { parseConfig } from '../config/load';
import { Alerting } from '.';
import { MaintenanceWindow, parseWhen } from './maintenance';
import { activeCoverage, MaintenancePoints, scopeIndex, windowDevices } from './maintenance-points';
import { AlertStore } from './store';

/** Scope -> devices, and the exact `maintenance` points written as windows start, go on and end. */
const MIN = 60_000;
const at = (text: string) => parseWhen(text, 'Asia/Jakarta');

function configFor(dataDir: string, maintenance: unknown[] = []) {
  return parseConfig(
    stringify({
      organisation: { name: 'Uji' },
      agent: { dataDir },
      agencies: [
        { id: 'dinkes', name: 'Dinas Kesehatan' },
        { id: 'setda', name: 'Sekretariat Daerah' },
      ],
      sites: [
        { id: 'pusatdata', name: 'Pusat Data' },
        { id: 'kantor', name: 'Kantor Pemda' },
      ],
      devices: [
        { id: 'core', kind: 'router', site: 'pusatdata' },
        { id: 'sw-dc', kind: 'switch', site: 'pusatdata' },
        { id: 'srv-dinkes', kind: 'server', site: 'pusatdata', agency: 'dinkes' },
        { id: 'rtr-dinkes', kind: 'router', site: 'kantor', agency: 'dinkes' },
        { id: 'rtr-setda', kind: 'router', site: 'kantor', agency: 'setda' },
        { id: 'lonely', kind: 'other' },
      ],
      alerting: { tickSeconds: 3600, maintenance },
    }),
    { baseDir: '.', env: {} },
  );
}

const config = configFor('/nonexistent').config!;
const index = scopeIndex(config.devices);
const win = (w: Partial<MaintenanceWindow>): MaintenanceWindow => ({
  id: 'w',
  from: at('2026-03-01 22:00'),
  to: at('2026-03-02 02:00'),
  reason: 'Penggantian modul SFP',
  createdBy: 'config',
  ...w,
});
const ids = (w: Partial<MaintenanceWindow>) => windowDevices(win(w), index).map((d) => d.id);

describe('maintenance scope -> devices', () => {
  it.each([
    ['a device', { device: 'core' }, ['core']],
    ['a site: every device placed there', { site: 'pusatdata' }, ['core', 'sw-dc', 'srv-dinkes']],
    ['another site', { site: 'kantor' }, ['rtr-dinkes', 'rtr-setda']],
    ['an agency: its devices on every site', { agency: 'dinkes' }, ['srv-dinkes', 'rtr-dinkes']],
    ['a site with no devices', { site: 'gudang' }, []],
    ['no scope at all (rejected by config checks): nothing', {}, []],
  ])('%s', (_, scope, expected) => expect(ids(scope)).toEqual(expected));

  it('keeps a device removed from the configuration (CLI window) without inventory tags', () => {
    expect(windowDevices(win({ device: 'gone' }), index)).toEqual([{ id: 'gone', kind: 'other' }]);
  });

  it('only windows in force at `now` count, recurring ones by their occurrence', () => {
    const windows = [
      win({ id: 'once', device: 'core' }),
      win({
        id: 'weekly',
        agency: 'setda',
        from: at('2026-03-01 01:00'),
        to: at('2026-03-01 03:00'),
        recurrence: 'FREQ=WEEKLY',
      }),
      win({ id: 'later', site: 'kantor', from: at('2026-03-05 01:00'), to: at('2026-03-05 02:00') }),
    ];
    const keysAt = (t: string) => [...activeCoverage(windows, index, at(t), 'Asia/Jakarta').keys()];
    expect(keysAt('2026-03-01 21:59')).toEqual([]);
    expect(keysAt('2026-03-01 22:00')).toEqual(['once|core']);
    // Sunday 8 March 01:30 WIB: the second weekly occurrence; the one-off is over.
    expect(keysAt('2026-03-08 01:30')).toEqual(['weekly|rtr-setda']);
    expect(keysAt('2026-03-08 03:00')).toEqual([]);
  });
});

describe('MaintenancePoints', () => {
  const windows = [
    win({ id: 'ganti-sfp', site: 'kantor' }),
    win({ id: 'core-os', device: 'core', to: at('2026-03-01 23:00') }),
  ];
  const line = (s: Sample) => ({ ...s, time: s.time });

  it('writes every covered device at the start, again each minute, and active=0 at each end', () => {
    const points = new MaintenancePoints(config);
    expect(points.update(windows, at('2026-03-01 21:59'))).toEqual([]);
    const start = at('2026-03-01 22:00');
    const first = points.update(windows, start).map(line);
    const end = { kantor: at('2026-03-02 02:00'), core: at('2026-03-01 23:00') };
    expect(first).toEqual([
      {
        measurement: 'maintenance',
        tags: { device: 'rtr-dinkes', window: 'ganti-sfp', kind: 'router', site: 'kantor', agency: 'dinkes' },
        fields: { active: 1n, reason: 'Penggantian modul SFP', end_ms: end.kantor },
        time: start,
      },
      {
        measurement: 'maintenance',
        tags: { device: 'rtr-setda', window: 'ganti-sfp', kind: 'router', site: 'kantor', agency: 'setda' },
        fields: { active: 1n, reason: 'Penggantian modul SFP', end_ms: end.kantor },
        time: start,
      },
      {
        measurement: 'maintenance',
        tags: { device: 'core', window: 'core-os', kind: 'router', site: 'pusatdata' },
        fields: { active: 1n, reason: 'Penggantian modul SFP', end_ms: end.core },
        time: start,
      },
    ]);
    // Ticks in between the minute write nothing.
    expect(points.update(windows, start + 5_000)).toEqual([]);
    expect(points.update(windows, start + MIN - 1)).toEqual([]);
    const again = points.update(windows, start + MIN);
    expect(again.map((s) => `${s.tags.device} ${s.fields.active}`)).toEqual([
      'rtr-dinkes 1',
      'rtr-setda 1',
      'core 1',
    ]);
    expect(points.covered()).toEqual(['ganti-sfp|rtr-dinkes', 'ganti-sfp|rtr-setda', 'core-os|core']);
    // core-os ends at 23:00: its device gets active=0 on the first tick after (the others are
    // due for their minute write too, an hour having passed).
    const ended = points.update(windows, end.core + 5_000);
    expect(ended.map((s) => `${s.tags.device} ${s.fields.active}`)).toEqual([
      'core 0',
      'rtr-dinkes 1',
      'rtr-setda 1',
    ]);
    expect(ended[0]).toEqual({
      measurement: 'maintenance',
      tags: { device: 'core', window: 'core-os', kind: 'router', site: 'pusatdata' },
      fields: { active: 0n, reason: 'Penggantian modul SFP', end_ms: end.core },
      time: end.core + 5_000,
    });
    // A tick a few seconds later: nothing due.
    expect(points.update(windows, end.core + 10_000)).toEqual([]);
    expect(points.update(windows, end.kantor).map((s) => `${s.tags.device} ${s.fields.active}`)).toEqual([
      'rtr-dinkes 0',
      'rtr-setda 0',
    ]);
    expect(points.update(windows, end.kantor + 2 * MIN)).toEqual([]);
    expect(points.covered()).toEqual([]);
  });

  it('a window added while others run is written at once', () => {
    const points = new MaintenancePoints(config);
    const start = at('2026-03-01 22:00');
    points.update(windows.slice(0, 1), start);
    const added = points.update(windows, start + 5_000);
    expect(added.map((s) => `${s.tags.window} ${s.tags.device} ${s.fields.active}`)).toEqual([
      'core-os core 1',
    ]);
  });

  it('costs nothing without maintenance, and little for 2,000 devices with one site in it', () => {
    const devices = Array.from({ length: 2000 }, (_, i) => ({
      ...config.devices[0],
      id: `d${i}`,
      site: `s${i % 100}`,
    }));
    const big = { ...config, devices };
    const points = new MaintenancePoints(big);
    const start = at('2026-03-01 22:00');
    expect(points.update([], start)).toEqual([]);
    const written = points.update([win({ site: 's7' })], start + MIN);
    expect(written).toHaveLength(20);
    expect(written.every((s) => s.tags.site === 's7' && s.fields.active === 1n)).toBe(true);
  });
});

describe('Alerting writes the points through its writer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'noc-maint-points-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('on start and on each tick, for windows from the config and from `noc maintenance add`', async () => {
    let now = at('2026-03-01 22:00');
    const config = configFor(dir, [
      {
        id: 'ganti-sfp',
        site: 'kantor',
        from: '2026-03-01 22:00',
        to: '2026-03-01 23:00',
        reason: 'Ganti SFP',
      },
    ]).config!;
    // A window added from the CLI goes to the store the daemon reads on every tick.
    const store = AlertStore.open(join(dir, 'alerting.db'));
    const cli = win({
      id: 'm-cli',
      device: 'lonely',
      from: now + 10 * MIN,
      to: now + 20 * MIN,
      reason: 'Ganti disk',
    });
    store.addMaintenance({ ...cli, createdBy: 'budi' }, now);
    store.close();
    const written: Sample[] = [];
    const alerting = new Alerting({
      config,
      writer: { write: (s) => void written.push(...s) },
      connectors: [],
      now: () => now,
    });
    alerting.start();
    try {
      expect(written.map((s) => `${s.tags.window} ${s.tags.device} ${s.fields.active}`)).toEqual([
        'ganti-sfp rtr-dinkes 1',
        'ganti-sfp rtr-setda 1',
      ]);
      written.length = 0;
      now += 10 * MIN;
      alerting.tick();
      expect(written.map((s) => `${s.tags.window} ${s.tags.device} ${s.fields.active}`)).toEqual([
        'ganti-sfp rtr-dinkes 1',
        'ganti-sfp rtr-setda 1',
        'm-cli lonely 1',
      ]);
      expect(written[2]).toEqual({
        measurement: 'maintenance',
        tags: { device: 'lonely', window: 'm-cli', kind: 'other' },
        fields: { active: 1n, reason: 'Ganti disk', end_ms: now + 10 * MIN },
        time: now,
      });
      written.length = 0;
      now += 50 * MIN;
      alerting.tick();
      expect(written.map((s) => `${s.tags.window} ${s.tags.device} ${s.fields.active}`)).toEqual([
        'ganti-sfp rtr-dinkes 0',
        'ganti-sfp rtr-setda 0',
        'm-cli lonely 0',
      ]);
    } finally {
      await alerting.stop();
    }
  });
});
