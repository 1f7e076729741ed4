import { stringify } from 'yaml';
import { silentLogger } from '../../agent/log';
import type { NocEvent, Sample } from '../../agent/sample';
import { collectWithDeadline } from '../../agent/scheduler';
import type { Collector, CollectTarget } from '../../collectors/contract';
import { NocConfig, parseConfig } from '../../config/load';

/** A config with these devices (and links), validated by the real schema like a YAML file. */
export function configWith(devices: object[], links: object[] = []): NocConfig {
  const raw = { organisation: { name: 'test' }, agent: { host: { enabled: false } }, devices, links };
  const { config, problems } = parseConfig(stringify(raw), { baseDir: process.cwd(), env: {} });
  if (!config) throw new Error(`test config invalid: ${JSON.stringify(problems)}`);
  return config;
}

export interface PollResult {
  samples: Sample[];
  events: NocEvent[];
  errors: { device: string; message: string }[];
  /** The error the poll itself ended with (what the scheduler would report), if any. */
  failure?: Error;
}

/** One poll of one device through the scheduler's deadline wrapper, with a given clock. */
export async function pollOnce(
  collector: Collector,
  config: NocConfig,
  device: string,
  now: () => number = Date.now,
): Promise<PollResult> {
  const out: PollResult = { samples: [], events: [], errors: [] };
  const target = collector.targets(config).find((t: CollectTarget) => t.device === device);
  if (!target) throw new Error(`no target for ${device}`);
  try {
    await collectWithDeadline(
      collector,
      target,
      {
        sample: (s) => out.samples.push(s),
        event: (e) => out.events.push(e),
        error: (err, where) => out.errors.push({ device: where.device, message: err.message }),
      },
      { config, now, logFor: () => silentLogger },
    );
  } catch (err) {
    out.failure = err as Error;
  }
  return out;
}

export function ofMeasurement(samples: Sample[], measurement: string): Sample[] {
  return samples.filter((s) => s.measurement === measurement);
}
