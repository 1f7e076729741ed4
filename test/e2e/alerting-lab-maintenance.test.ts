import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabInfo } from '../../agent/lab/lab';
import { REPO } from '../harness/cli';
import {
  Daemon,
  Helpdesk,
  incidents,
  LabDeviceSpec,
  LabNet,
  nocAsync as noc,
  until,
  Workspace,
} from '../../alerting/testing/e2e-lab';

/**
 * Issue 5 end to end, continued: a maintenance window added with `noc maintenance add` while
 * the real daemon runs (no ticket for the device down inside it; `noc availability` excludes
 * the window), and the demo lab's UPS switched to battery with `noc lab ups battery`.
 */
jest.setTimeout(180_000);

/** "YYYY-MM-DD HH:MM:SS" in WIB (the organisation's default time zone), as an operator types it. */
const wib = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

interface AvailabilityRow {
  id: string;
  availabilityPercent: number | null;
  outages: number;
  downtimeSeconds: number;
  maintenanceSeconds: number;
}

describe('maintenance window and UPS on battery, against the simulated lab', () => {
  const net = new LabNet();
  const ws = new Workspace();
  const helpdesk = new Helpdesk();
  const labDir = join(ws.dir, 'lab');
  let lab: ChildProcess | undefined;
  let devicesProc: ChildProcess | undefined;
  let daemon: Daemon;
  let devices: LabDeviceSpec[] = [];

  beforeAll(async () => {
    net.create(2);
    // Two independent devices behind the same link: only the router is in maintenance.
    devices = [
      { id: 'core-router', name: 'Router inti', kind: 'router', address: net.address(1) },
      { id: 'srv-web01', kind: 'server', address: net.address(2), agency: 'dinkes' },
    ];
    devicesProc = await net.startDevices(devices);
    // The demo lab as an operator runs it (its UPS answers SNMP on loopback), in its own process.
    lab = spawn(process.execPath, [join(REPO, 'bin', 'noc.js'), 'lab', 'start', '--dir', labDir], {
      stdio: 'ignore',
    });
    await until(() => existsSync(join(labDir, 'lab.json')), 'the lab to start');
    const info = JSON.parse(readFileSync(join(labDir, 'lab.json'), 'utf8')) as LabInfo;
    const ups = info.devices.find((d) => d.id === 'ups-demo')!;
    devices.push({
      id: 'ups-demo',
      name: 'UPS A Ruang Server 1',
      kind: 'ups',
      address: '127.0.0.1',
      snmpPort: ups.port,
    });
    await helpdesk.start();
    await ws.start();
    ws.write(devices, helpdesk.url);
    daemon = new Daemon(ws.configFile, ws.statusPort);
    daemon.start();
    await daemon.pingPolls(devices.length * 3);
    await until(async () => (await daemon.metric('noc_polls_total', 'collector="snmp"')) >= 3, 'SNMP polls');
  });

  afterAll(async () => {
    if (process.env.NOC_E2E_DEBUG) console.log(daemon?.out);
    await daemon?.stop();
    devicesProc?.kill('SIGTERM');
    net.remove();
    if (lab && lab.exitCode === null) {
      const exited = new Promise((r) => lab!.once('exit', r));
      lab.kill('SIGTERM');
      await exited;
    }
    await helpdesk.stop();
    await ws.stop();
  });

  it('a window from `noc maintenance add`: the router down inside it gets no ticket (the server beside it does), and availability excludes the window', async () => {
    const now = Date.now();
    const added = await noc([
      'maintenance',
      'add',
      '--config',
      ws.configFile,
      '--device',
      'core-router',
      '--from',
      // From now: the router was up (monitored) before, so its availability has a basis.
      wib(now),
      '--to',
      wib(now + 30 * 60_000),
      '--reason',
      'Penggantian modul SFP',
      '--by',
      'Budi (NOC)',
    ]);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);

    net.cut();
    await until(() => helpdesk.opens('srv-web01').length === 1, 'the server ticket');
    // By the time the server's ticket is out, the router's incident is recorded, suppressed.
    await until(
      async () =>
        (await incidents(ws.configFile)).some((i) => i.device === 'core-router' && i.state === 'firing'),
      'the router incident',
    );
    expect((await incidents(ws.configFile)).find((i) => i.device === 'core-router')).toMatchObject({
      rule: 'device-unreachable',
      suppressed: 'maintenance',
    });
    net.restore();
    await until(
      () => helpdesk.of(helpdesk.opens('srv-web01')[0].incident, 'close').length === 1,
      'the server close',
    );
    await until(
      async () => (await incidents(ws.configFile)).every((i) => i.state === 'resolved'),
      'every incident to resolve',
    );
    expect(helpdesk.opens().map((o) => o.body.incident.device)).toEqual(['srv-web01']);

    // Availability today: the server's outage counts, the router's is maintenance time.
    const period = wib(now).slice(0, 10);
    const rows = async () => {
      const r = await noc([
        'availability',
        '--config',
        ws.configFile,
        '--period',
        period,
        '--format',
        'json',
      ]);
      if (r.status !== 0) throw new Error(r.stderr);
      return (JSON.parse(r.stdout) as { rows: AvailabilityRow[] }).rows;
    };
    // The writer flushes to InfluxDB in batches: wait for the server's recovery to be there.
    await until(
      async () => (await rows()).find((r) => r.id === 'srv-web01')?.outages === 1,
      'the outage in InfluxDB',
    );
    const all = await rows();
    const s = all.find((x) => x.id === 'srv-web01')!;
    const r = all.find((x) => x.id === 'core-router')!;
    expect(s.downtimeSeconds).toBeGreaterThan(0);
    expect(s.availabilityPercent).toBeLessThan(100);
    expect(r).toMatchObject({ outages: 0, downtimeSeconds: 0, availabilityPercent: 100 });
    // The window is counted as maintenance: at least as long as the server's outage.
    expect(r.maintenanceSeconds).toBeGreaterThanOrEqual(s.downtimeSeconds);

    const table = await noc(['availability', '--config', ws.configFile, '--period', period]);
    expect(table.status).toBe(0);
    const line = table.stdout.split('\n').find((l) => l.includes('core-router'))!;
    expect(line).toMatch(/^core-router\s+Router inti\s+100,000 %/);
    // The last column, pemeliharaan: the window's time so far (it runs on: at least the JSON's).
    const cell = line
      .trimEnd()
      .split(/\s{2,}/)
      .at(-1)!; // "34 d", "1 m 5 d", "2 m"
    const unit: Record<string, number> = { j: 3600, m: 60, d: 1 };
    const shown = [...cell.matchAll(/(\d+) ([jmd])/g)].reduce((t, [, n, u]) => t + Number(n) * unit[u], 0);
    expect(shown).toBeGreaterThanOrEqual(Math.floor(r.maintenanceSeconds));
    expect(r.maintenanceSeconds).toBeGreaterThan(0);
  });

  it('`noc lab ups battery`: one "UPS on battery" ticket, severity and team from routing (Data Center); back to mains: closed', async () => {
    const before = helpdesk.opens().length;
    const battery = await noc(['lab', 'ups', 'battery', 'ups-demo', '--dir', labDir]);
    expect(battery.status).toBe(0);
    expect(battery.stdout).toContain('ups-demo: berjalan dengan baterai');
    await until(() => helpdesk.opens().length > before, 'the UPS ticket');
    const [open] = helpdesk.opens().slice(before);
    expect(open.body.incident).toMatchObject({
      rule: 'ups-on-battery',
      device: 'ups-demo',
      severity: 'tinggi',
      team: 'datacenter',
      teamName: 'Tim Data Center',
    });
    expect(open.body.subject).toContain('UPS UPS A Ruang Server 1 berjalan dengan baterai');

    const normal = await noc(['lab', 'ups', 'normal', 'ups-demo', '--dir', labDir]);
    expect(normal.status).toBe(0);
    await until(() => helpdesk.of(open.incident, 'close').length === 1, 'the close');
    expect(helpdesk.of(open.incident).map((a) => a.event)).toEqual(['open', 'close']);
    expect(helpdesk.opens().slice(before)).toHaveLength(1);
  });
});
