import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Sample } from '../../agent/sample';
import { NocConfig, parseConfig } from '../../config/load';
import { formatProblem } from '../../config/problems';
import { Alerting } from '..';
import type { Connector } from '../connectors/contract';

/** A small kabupaten for alerting tests: core -> dist -> agency switch, a server, a service. */
export function labConfig(
  webhookUrl: string,
  alerting: Record<string, unknown> = {},
  dataDir = '/tmp/unused',
): NocConfig {
  const raw = {
    organisation: { name: 'Diskominfo Kabupaten Uji' },
    agent: { dataDir },
    agencies: [
      {
        id: 'dinkes',
        name: 'Dinas Kesehatan',
        tier1: { name: 'Teknisi TI DINKES', email: 'ti@dinkes.go.id' },
      },
      { id: 'disdik', name: 'Dinas Pendidikan' },
    ],
    sites: [{ id: 'pd', name: 'Pusat Data' }],
    devices: [
      { id: 'core', name: 'Router Inti', kind: 'router', site: 'pd', address: '127.0.0.1' },
      { id: 'dist', kind: 'switch', site: 'pd', parents: ['core'] },
      { id: 'sw-dinkes', kind: 'switch', agency: 'dinkes', responsibility: 'opd', parents: ['dist'] },
      { id: 'sw-disdik', kind: 'switch', agency: 'disdik', parents: ['dist'] },
      { id: 'srv', kind: 'server', site: 'pd', agency: 'dinkes', parents: ['core'] },
    ],
    services: [{ id: 'simpus', name: 'SIMPUS', devices: ['srv'], agency: 'dinkes' }],
    alerting: {
      grafanaUrl: 'https://grafana.noc.test',
      tickSeconds: 3600,
      connectors: [{ id: 'hook', type: 'webhook', url: `${webhookUrl}/noc`, secret: 'rahasia' }],
      ...alerting,
    },
  };
  const { config, problems } = parseConfig(stringify(raw), { baseDir: tmpdir(), env: {} });
  if (!config) throw new Error(problems.map(formatProblem).join('\n'));
  return config;
}

export const ping = (device: string, up: boolean, time: number): Sample => ({
  measurement: 'ping',
  tags: { device },
  fields: { up, loss_percent: up ? 0 : 100 },
  time,
});

/** Alerting on a temp database with a fake clock; written samples are kept. */
export class AlertingLab {
  t = Date.UTC(2026, 2, 1, 3, 0, 0);
  readonly written: Sample[] = [];
  /** Errors alerting logged (it never throws into the pipeline); cleanup() fails on any. */
  readonly errors: string[] = [];
  readonly dir = mkdtempSync(join(tmpdir(), 'noc-alerting-'));
  alerting!: Alerting;

  constructor(
    readonly config: NocConfig,
    private readonly connectors?: Connector[],
  ) {}

  get db(): string {
    return join(this.dir, 'alerting.db');
  }

  start(): this {
    this.alerting = new Alerting({
      config: this.config,
      writer: { write: (s) => this.written.push(...s) },
      now: () => this.t,
      dbFile: this.db,
      connectors: this.connectors,
      log: {
        error: (m: string) => this.errors.push(m),
        warn: () => undefined,
        info: () => undefined,
      } as never,
    });
    this.alerting.start();
    return this;
  }

  /** Advances the clock by `seconds`, then sends the samples at that time. */
  at(seconds: number, ...samples: ((t: number) => Sample)[]): void {
    this.t += seconds * 1000;
    for (const s of samples) this.alerting.onSample(s(this.t));
  }

  down = (device: string) => (t: number) => ping(device, false, t);
  up = (device: string) => (t: number) => ping(device, true, t);

  incidents(): Sample[] {
    return this.written.filter((s) => s.measurement === 'incident');
  }

  async cleanup(): Promise<void> {
    await this.alerting.stop().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
    if (this.errors.length) throw new Error(`alerting logged errors: ${this.errors.join('; ')}`);
  }
}
