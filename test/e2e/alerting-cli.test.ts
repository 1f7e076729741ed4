import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { Alerting } from '../../alerting';
import { HttpPeer } from '../../alerting/testing/http-peer';
import { ping } from '../../alerting/testing/lab';
import { loadConfigOrThrow } from '../../config/load';
import { noc, REPO } from '../harness/cli';

/** The alerting commands, run as the built `noc` binary on a temp data directory. */
describe('noc incidents / ack / maintenance / test-ticket', () => {
  const dir = mkdtempSync(join(tmpdir(), 'noc-alert-cli-'));
  const file = join(dir, 'noc.yaml');
  const peer = new HttpPeer();

  beforeAll(async () => {
    await peer.start();
    peer.handler = (r) =>
      (r.json as { event: string }).event === 'open'
        ? { status: 201, body: { id: 'T-1' } }
        : { status: 200, body: {} };
    writeFileSync(
      file,
      stringify({
        organisation: { name: 'Uji' },
        agent: { dataDir: dir },
        agencies: [{ id: 'dinkes', name: 'Dinas Kesehatan' }],
        devices: [{ id: 'core', name: 'Router Inti', kind: 'router' }],
        alerting: {
          tickSeconds: 3600,
          connectors: [{ id: 'hook', type: 'webhook', url: `${peer.url}/noc`, secret: '${HOOK_SECRET}' }],
        },
      }),
    );
  });
  afterAll(async () => {
    await peer.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists an open incident, acknowledges it once, and keeps who did it', async () => {
    const config = loadConfigOrThrow(file, { HOOK_SECRET: 's' });
    const alerting = new Alerting({ config, writer: { write: () => undefined }, connectors: [] });
    alerting.start();
    const t = Date.UTC(2026, 2, 1, 1, 0);
    alerting.onSample(ping('core', false, t));
    alerting.onSample(ping('core', false, t + 30_000));
    await alerting.stop();

    const list = noc(['incidents', '--open', '--format', 'json', '-c', file]);
    expect(list.status).toBe(0);
    const [inc] = JSON.parse(list.stdout);
    expect(inc).toMatchObject({
      id: 'INC-20260301-0001',
      device: 'core',
      rule: 'device-unreachable',
      state: 'firing',
    });
    const table = noc(['incidents', '-c', file]);
    expect(table.stdout.split('\n')[0]).toMatch(/^ID +STATUS +KEPARAHAN +PERANGKAT +ATURAN/);
    expect(table.stdout).toContain('1 Maret 2026 08.00 WIB');

    expect(noc(['ack', inc.id, '--by', 'Budi', '--note', 'ke lokasi', '-c', file]).status).toBe(0);
    const again = noc(['ack', inc.id, '--by', 'Budi', '-c', file]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('sudah acknowledged');
    expect(noc(['ack', 'INC-nope', '--by', 'Budi', '-c', file]).stderr).toContain('tidak ada');
    const after = JSON.parse(noc(['incidents', '--format', 'json', '-c', file]).stdout);
    expect(after[0]).toMatchObject({ state: 'acknowledged', ackedBy: 'Budi' });
  });

  it('adds, lists and removes maintenance windows; refuses bad targets and times', () => {
    const add = noc([
      'maintenance',
      'add',
      '--device',
      'core',
      '--from',
      '2026-03-01 22:00',
      '--to',
      '2026-03-02 02:00',
      '--reason',
      'ganti modul',
      '--recurrence',
      'FREQ=WEEKLY;BYDAY=SU',
      '--by',
      'Sari',
      '-c',
      file,
    ]);
    expect(add.status).toBe(0);
    const id = add.stdout.split(':')[0];
    expect(add.stdout).toContain('1 Maret 2026 22.00 WIB - 2 Maret 2026 02.00 WIB (FREQ=WEEKLY;BYDAY=SU)');
    const list = JSON.parse(noc(['maintenance', 'list', '--format', 'json', '-c', file]).stdout);
    expect(list).toEqual([
      {
        id,
        device: 'core',
        from: Date.UTC(2026, 2, 1, 15),
        to: Date.UTC(2026, 2, 1, 19),
        reason: 'ganti modul',
        recurrence: 'FREQ=WEEKLY;BYDAY=SU',
        createdBy: 'Sari',
      },
    ]);
    expect(
      noc([
        'maintenance',
        'add',
        '--device',
        'nope',
        '--from',
        '2026-03-01 22:00',
        '--to',
        '2026-03-02 02:00',
        '--reason',
        'x',
        '-c',
        file,
      ]).stderr,
    ).toContain('device "nope" is not in the configuration');
    expect(
      noc([
        'maintenance',
        'add',
        '--site',
        'x',
        '--agency',
        'dinkes',
        '--from',
        '2026-03-01 22:00',
        '--to',
        '2026-03-02 02:00',
        '--reason',
        'x',
        '-c',
        file,
      ]).stderr,
    ).toContain('exactly one of');
    expect(
      noc([
        'maintenance',
        'add',
        '--agency',
        'dinkes',
        '--from',
        '2026-03-02 22:00',
        '--to',
        '2026-03-02 02:00',
        '--reason',
        'x',
        '-c',
        file,
      ]).stderr,
    ).toContain('--to must be after --from');
    expect(noc(['maintenance', 'remove', id, '--by', 'Sari', '-c', file]).status).toBe(0);
    expect(JSON.parse(noc(['maintenance', 'list', '--format', 'json', '-c', file]).stdout)).toEqual([]);
    expect(noc(['maintenance', 'remove', id, '-c', file]).status).toBe(1);
    const audit = JSON.parse(noc(['incidents', '--audit', '--format', 'json', '-c', file]).stdout) as {
      actor: string;
      action: string;
      object: string;
    }[];
    expect(audit.slice(0, 2).map((a) => `${a.actor} ${a.action} ${a.object}`)).toEqual([
      `Sari maintenance-remove ${id}`,
      `Sari maintenance-add ${id}`,
    ]);
  });

  it('test-ticket opens a marked test ticket and closes it', async () => {
    const child = spawn(
      process.execPath,
      [join(REPO, 'bin', 'noc.js'), 'test-ticket', '--connector', 'hook', '-c', file],
      {
        env: { PATH: process.env.PATH, HOOK_SECRET: 's' },
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise((r) => child.once('exit', r));
    expect(code).toBe(0);
    expect(out).toContain('hook: tiket uji T-1 ditutup');
    const [open, close] = peer.requests.map(
      (r) => r.json as { event: string; subject: string; ticket_ref: string | null },
    );
    expect(open.event).toBe('open');
    expect(open.subject).toMatch(
      /^\[UJI COBA\] \[TEST-\d{14}\] Gangguan: Uji coba koneksi helpdesk noc sejak /,
    );
    expect(close).toMatchObject({ event: 'close', ticket_ref: 'T-1' });
  });
});
