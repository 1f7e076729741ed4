import { stringify } from 'yaml';
import { silentLogger } from '../../../agent/log';
import type { NocEvent, Sample } from '../../../agent/sample';
import { collectWithDeadline } from '../../../agent/scheduler';
import type { Collector, Sink } from '../../../collectors/contract';
import { NocConfig, parseConfig } from '../../../config/load';

/** Helpers for tests and benchmarks that poll the RouterOS test peer. */

export interface TestRouter {
  id: string;
  port: number;
  password?: string;
  tls?: Record<string, unknown>;
  timeoutSeconds?: number;
  queues?: Record<string, unknown>[];
}

/** A validated configuration with these routers on 127.0.0.1 (user noc-api). */
export function routerConfig(routers: TestRouter[], extra: Record<string, unknown> = {}): NocConfig {
  const raw = {
    organisation: { name: 'Uji RouterOS' },
    agent: { host: { enabled: false }, concurrency: 1000 },
    agencies: [
      { id: 'dinkes', name: 'Dinas Kesehatan' },
      { id: 'disdik', name: 'Dinas Pendidikan' },
    ],
    devices: routers.map((r) => ({
      id: r.id,
      kind: 'router',
      address: '127.0.0.1',
      agency: 'disdik',
      routeros: {
        port: r.port,
        tls: r.tls ?? { enabled: false },
        username: 'noc-api',
        password: r.password ?? 'rahasia',
        timeoutSeconds: r.timeoutSeconds ?? 5,
        queues: r.queues ?? [],
      },
    })),
    ...extra,
  };
  const { config, problems } = parseConfig(stringify(raw, { aliasDuplicateObjects: false }), {
    baseDir: process.cwd(),
    env: {},
  });
  if (!config) throw new Error(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return config;
}

export class Recorder implements Sink {
  readonly samples: Sample[] = [];
  readonly events: NocEvent[] = [];
  readonly errors: { message: string; device: string }[] = [];
  sample(s: Sample): void {
    this.samples.push(s);
  }
  event(e: NocEvent): void {
    this.events.push(e);
  }
  error(err: Error, where: { device: string }): void {
    this.errors.push({ message: err.message, device: where.device });
  }
  of(measurement: string): Sample[] {
    return this.samples.filter((s) => s.measurement === measurement);
  }
}

/** One poll of one device the way the scheduler runs it (deadline included); a throw is an error. */
export async function pollOnce(
  collector: Collector,
  config: NocConfig,
  device: string,
  now: number,
): Promise<Recorder> {
  const rec = new Recorder();
  const target = collector.targets(config).find((t) => t.device === device)!;
  try {
    await collectWithDeadline(collector, target, rec, { config, now: () => now, logFor: () => silentLogger });
  } catch (err) {
    rec.error(err as Error, { device });
  }
  return rec;
}
