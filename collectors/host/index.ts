import type { Collector, CollectTarget } from '../contract';
import { readHost } from './collect';
import { hostSamples } from './parse';

/** The device id under which the NOC server's own metrics are stored. */
export const HOST_DEVICE = 'noc-server';

/** The NOC server itself: CPU, memory, disks, network (systeminformation). */
export function hostCollector(read = readHost): Collector {
  return {
    name: 'host',
    targets(config): CollectTarget[] {
      const { host } = config.agent;
      if (!host.enabled) return [];
      return [
        { key: HOST_DEVICE, device: HOST_DEVICE, intervalSeconds: host.intervalSeconds, timeoutSeconds: 20 },
      ];
    },
    async collect(target, ctx, sink) {
      const reading = await read();
      for (const sample of hostSamples(target.device, reading, ctx.now())) sink.sample(sample);
    },
  };
}
