import { pingSettings, PingSettings } from '../../config/schema/ping';
import type { Collector, CollectTarget } from '../contract';
import { choosePinger } from './collect';
import { MAX_BATCH, Pinger } from './fping';
import { pingSample, reachabilityEvent } from './parse';

export interface PingTarget extends CollectTarget {
  address: string;
  name?: string;
  settings: PingSettings;
}

/** Slack on top of the ping itself for batching and process start, before the scheduler gives up. */
const DEADLINE_SLACK_SECONDS = 2;

/**
 * ICMP reachability of every device with an address (unless `ping.enabled: false`): `up`, loss
 * and RTT into the `ping` measurement, and a `reachability` event whenever `up` changes.
 * Independent of SNMP, so a dead device is known within one ping interval.
 */
export function pingCollector(pinger?: () => Promise<Pinger>): Collector<PingTarget> {
  const open = pinger ?? choosePinger;
  let chosen: Promise<Pinger> | undefined;
  const lastUp = new Map<string, boolean>();
  return {
    name: 'ping',
    targets(config): PingTarget[] {
      const targets: PingTarget[] = [];
      for (const d of config.devices) {
        const settings = d.ping ?? pingSettings.parse({});
        if (!d.address || !settings.enabled) continue;
        // The ping itself, plus fping's 1 ms spacing across a full batch.
        const seconds =
          ((settings.count - 1) * settings.periodMs) / 1000 +
          settings.timeoutSeconds +
          (settings.count * MAX_BATCH) / 1000;
        targets.push({
          key: d.id,
          device: d.id,
          name: d.name,
          address: d.address,
          settings,
          intervalSeconds: settings.intervalSeconds,
          timeoutSeconds: Math.ceil(seconds + DEADLINE_SLACK_SECONDS),
        });
      }
      return targets;
    },
    async collect(target, ctx, sink) {
      chosen ??= open();
      const p = await chosen;
      const { count, periodMs, timeoutSeconds } = target.settings;
      const result = await p.ping(
        { address: target.address, count, periodMs, timeoutMs: Math.round(timeoutSeconds * 1000) },
        ctx.signal,
      );
      const time = ctx.now();
      sink.sample(pingSample(target.device, target.address, result, time));
      const event = reachabilityEvent(
        lastUp.get(target.key),
        result,
        { id: target.device, name: target.name, address: target.address },
        time,
        ctx.config.organisation.language,
      );
      lastUp.set(target.key, result.up);
      if (event) sink.event(event);
    },
    async close() {
      const p = chosen;
      chosen = undefined;
      if (p) await (await p).close();
    },
  };
}
