import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { freePort, PrivateInfluxd, startInfluxd } from '../../agent/lab/influxd';
import { HttpPeer, Recorded } from './http-peer';
import { REPO, until } from './netlab';

export { LabNet, until } from './netlab';

export interface Accepted {
  event: 'open' | 'update' | 'close';
  incident: string;
  ref: string | null;
  at: number;
  body: {
    subject: string;
    body: string;
    note: string | null;
    incident: {
      rule: string;
      device: string;
      severity: string;
      team: string;
      teamName: string;
      affected: { devices: string[]; agencies: string[]; services: string[] };
      durationSeconds: number | null;
      resolvedAt: number | null;
    };
  };
}

/** The helpdesk: a webhook peer that can be "down" (503) and keeps what it accepted. */
export class Helpdesk {
  readonly peer = new HttpPeer();
  up = true;
  readonly accepted: Accepted[] = [];
  private tickets = 0;

  async start(): Promise<void> {
    await this.peer.start();
    this.peer.handler = (r: Recorded) => {
      if (!this.up) return { status: 503, body: { error: 'helpdesk sedang pemeliharaan' } };
      const body = r.json as Accepted['body'] & {
        event: Accepted['event'];
        incident_id: string;
        ticket_ref: string | null;
      };
      this.accepted.push({
        event: body.event,
        incident: body.incident_id,
        ref: body.ticket_ref,
        at: Date.now(),
        body,
      });
      return body.event === 'open'
        ? { status: 201, body: { id: `WO-${++this.tickets}` } }
        : { status: 200, body: {} };
    };
  }

  get url(): string {
    return `${this.peer.url}/noc`;
  }

  /** Requests that were refused or accepted, of this event type. */
  attempts(event: string): number {
    return this.peer.requests.filter((r) => (r.json as { event?: string })?.event === event).length;
  }

  of(incident: string, event?: string): Accepted[] {
    return this.accepted.filter((a) => a.incident === incident && (!event || a.event === event));
  }

  opens(device?: string): Accepted[] {
    return this.accepted.filter((a) => a.event === 'open' && (!device || a.body.incident.device === device));
  }

  stop(): Promise<void> {
    return this.peer.stop();
  }
}

/** `noc run` as a child process, exactly as an operator starts it. */
export class Daemon {
  out = '';
  proc?: ChildProcess;

  constructor(
    readonly configFile: string,
    readonly statusPort: number,
  ) {}

  start(): void {
    if (!existsSync(join(REPO, 'dist', 'agent', 'cli', 'main.js')))
      throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
    this.out = '';
    this.proc = spawn(process.execPath, [join(REPO, 'bin', 'noc.js'), 'run', '--config', this.configFile], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.proc.stdout!.on('data', (d: Buffer) => (this.out += d.toString()));
    this.proc.stderr!.on('data', (d: Buffer) => (this.out += d.toString()));
  }

  /** A counter from the daemon's /metrics (summed over the label sets that match `labels`). */
  async metric(name: string, labels = ''): Promise<number> {
    try {
      const text = await (await fetch(`http://127.0.0.1:${this.statusPort}/metrics`)).text();
      return text
        .split('\n')
        .filter((l) => l.startsWith(name) && l.includes(labels))
        .reduce((s, l) => s + Number(l.split(' ').pop()), 0);
    } catch {
      return 0;
    }
  }

  /** Waits until `n` more ping polls have run (from now), i.e. the daemon has seen fresh samples. */
  async pingPolls(n: number): Promise<void> {
    const start = await this.metric('noc_polls_total', 'collector="ping"');
    await until(
      async () => (await this.metric('noc_polls_total', 'collector="ping"')) >= start + n,
      `${n} ping polls`,
    );
  }

  async kill9(): Promise<void> {
    const p = this.proc!;
    if (p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const p = this.proc;
    if (!p || p.exitCode !== null || p.signalCode) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
  }
}

/**
 * The built `noc` command, without blocking this process: the helpdesk peer (and a lab) live
 * here, and must keep answering while the command runs.
 */
export function nocAsync(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(REPO, 'bin', 'noc.js'), ...args], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export interface IncidentRow {
  id: string;
  device: string;
  rule: string;
  state: string;
  suppressed?: string;
  tickets: { connector: string; ref: string }[];
}

/** Incidents as `noc incidents --format json` prints them (with their recorded tickets). */
export async function incidents(configFile: string): Promise<IncidentRow[]> {
  const r = await nocAsync(['incidents', '--config', configFile, '--format', 'json', '--limit', '500']);
  if (r.status !== 0) throw new Error(`noc incidents failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as IncidentRow[];
}

export interface LabDeviceSpec {
  id: string;
  name?: string;
  kind: 'router' | 'switch' | 'server' | 'ups';
  address: string;
  snmpPort?: number;
  parents?: string[];
  agency?: string;
}

/** A working directory with influxd and the configuration file the daemon runs with. */
export class Workspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'noc-alerte2e-'));
  influx?: PrivateInfluxd;
  statusPort = 0;
  readonly configFile = join(this.dir, 'noc.yaml');

  async start(): Promise<void> {
    this.influx = await startInfluxd(join(this.dir, 'influxd'));
    this.statusPort = await freePort();
  }

  /** Writes the configuration: ping every 2 s, SNMP every 5 s, alerting into `helpdeskUrl`. */
  write(devices: LabDeviceSpec[], helpdeskUrl: string, alerting: Record<string, unknown> = {}): void {
    const config = {
      organisation: { name: 'Diskominfo Kabupaten Uji E2E' },
      agent: {
        dataDir: join(this.dir, 'data'),
        http: { listen: '127.0.0.1', port: this.statusPort },
        intervalSeconds: 5,
        jitterPercent: 0,
        log: { level: 'info' },
        host: { enabled: false },
      },
      influx: { version: 1, url: this.influx!.url, database: 'noc' },
      agencies: [{ id: 'dinkes', name: 'Dinas Kesehatan' }],
      sites: [{ id: 'pusatdata', name: 'Pusat Data Diskominfo' }],
      devices: devices.map((d) => ({
        id: d.id,
        name: d.name ?? d.id,
        kind: d.kind,
        address: d.address,
        site: 'pusatdata',
        ...(d.agency ? { agency: d.agency } : {}),
        ...(d.parents ? { parents: d.parents } : {}),
        snmp: {
          version: '2c',
          community: 'demo-lab',
          port: d.snmpPort ?? 161,
          intervalSeconds: 5,
          timeoutSeconds: 1,
          retries: 0,
        },
        ping: { intervalSeconds: 2, count: 2, periodMs: 200, timeoutSeconds: 0.5 },
      })),
      alerting: {
        tickSeconds: 1,
        outbox: { retryBaseSeconds: 0.5, retryMaxSeconds: 2 },
        connectors: [{ id: 'helpdesk', type: 'webhook', url: helpdeskUrl, secret: 'rahasia-e2e' }],
        ...alerting,
      },
    };
    writeFileSync(this.configFile, stringify(config));
  }

  async stop(): Promise<void> {
    await this.influx?.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
