import type { NocConfig } from '../../config/load';
import type { Collector, CollectTarget, Sink } from '../contract';
import { InterfaceMemory, interfaceSample, linkFor } from '../common/interface';
import { ReadName, readRouter, RouterRead } from './collect';
import { ConnectOptions, TrapError } from './connection';
import {
  parseHealth,
  parseInterfaces,
  parseResource,
  rebootEvent,
  resourceSamples,
  sensorSamples,
} from './parse';
import {
  bindingFor,
  dhcpSamples,
  Neighbor,
  parseNeighbors,
  parseQueues,
  QueueMemory,
  queueSample,
  WirelessDriver,
  wirelessSamples,
} from './parse-queue';
import { RouterosSessions } from './session';

export const ROUTEROS = 'routeros';

type Device = NocConfig['devices'][number];

/** What one router's previous poll left for this one. */
interface RouterState {
  uptime?: { seconds: number; time: number };
  interfaces: Map<string, InterfaceMemory>;
  queues: Map<string, QueueMemory>;
  missing: Set<ReadName>;
  neighbors: Neighbor[];
}

export interface RouterosCollector extends Collector {
  /** The routers' LLDP/CDP/MNDP neighbours from the last poll (kept in memory for `noc discover`). */
  neighbors(device: string): Neighbor[];
}

export function connectOptions(device: Device): ConnectOptions {
  const s = device.routeros!;
  const tls = s.tls?.enabled ? s.tls : undefined;
  return {
    host: device.address!,
    port: s.port ?? (tls ? 8729 : 8728),
    username: s.username,
    password: s.password.reveal(),
    tls: tls && { caFile: tls.caFile, fingerprint: tls.fingerprint, insecure: tls.insecure },
    timeoutMs: s.timeoutSeconds * 1000,
  };
}

/** MikroTik routers over the RouterOS API (8728, or API-SSL on 8729). */
export function routerosCollector(sessions = new RouterosSessions()): RouterosCollector {
  const states = new Map<string, RouterState>();
  return {
    name: ROUTEROS,
    targets(config): CollectTarget[] {
      return config.devices
        .filter((d) => d.routeros?.enabled && d.address)
        .map((d) => ({
          key: d.id,
          device: d.id,
          intervalSeconds: d.routeros!.intervalSeconds ?? config.agent.intervalSeconds,
          // Connect, log in, then the reads, each with its own deadline.
          timeoutSeconds: d.routeros!.timeoutSeconds * 3 + 1,
        }));
    },
    async collect(target, ctx, sink) {
      const device = ctx.config.devices.find((d) => d.id === target.device);
      if (!device?.routeros || !device.address) throw new Error(`no routeros settings for ${target.device}`);
      const conn = await sessions.get(target.key, connectOptions(device), ctx.now(), ctx.signal);
      const state = states.get(device.id) ?? {
        interfaces: new Map(),
        queues: new Map(),
        missing: new Set<ReadName>(),
        neighbors: [],
      };
      states.set(device.id, state);
      const read = await readRouter(conn, state.missing, ctx.signal);
      // A lost session fails every read still waiting with the same error: report it once.
      const sessionErrors = [
        ...new Set(read.errors.filter((e) => !(e.error instanceof TrapError)).map((e) => e.error.message)),
      ];
      if (Object.keys(read.rows).length === 0 && read.errors.length)
        throw new Error([...new Set(read.errors.map((e) => e.error.message))].join('; '));
      emit(device, read, state, ctx.config, ctx.now(), sink);
      const where = { device: device.id, collector: ROUTEROS };
      // A !trap names its command ("/queue/simple/print: router says ...").
      for (const { error } of read.errors) if (error instanceof TrapError) sink.error(error, where);
      for (const message of sessionErrors) sink.error(new Error(message), where);
    },
    async close() {
      sessions.closeAll();
    },
    neighbors(device) {
      return states.get(device)?.neighbors ?? [];
    },
  };
}

function emit(
  device: Device,
  read: RouterRead,
  state: RouterState,
  config: NocConfig,
  time: number,
  sink: Sink,
) {
  const tags = { device: device.id, source: ROUTEROS };
  const { rows } = read;
  let countersReset = false;

  if (rows.resource) {
    const res = parseResource(rows.resource[0]);
    if (res.uptimeSeconds !== undefined) {
      const prev = state.uptime;
      if (prev && res.uptimeSeconds < prev.seconds) {
        countersReset = true;
        // A reboot may be an upgrade: ask again for menus that were missing.
        state.missing.clear();
        sink.event(rebootEvent(device.id, prev.seconds, res.uptimeSeconds, time));
      }
      state.uptime = { seconds: res.uptimeSeconds, time };
    }
    for (const s of resourceSamples(res, tags, time)) sink.sample(s);
  }

  if (rows.interfaces) {
    const next = new Map<string, InterfaceMemory>();
    for (const { reading, linkDowns } of parseInterfaces(rows.interfaces)) {
      const link = linkFor(config, device.id, [reading.ifName, reading.ifAlias]);
      const { sample, memory } = interfaceSample(reading, state.interfaces.get(reading.ifIndex), {
        device: device.id,
        agentHost: device.address!,
        source: 'routeros',
        time,
        countersReset,
        committedBps: link?.committedBps,
        link: link?.id,
      });
      if (linkDowns !== undefined) sample.fields.link_downs = linkDowns;
      next.set(reading.ifIndex, memory);
      sink.sample(sample);
    }
    state.interfaces = next;
  }

  if (rows.health) for (const s of sensorSamples(parseHealth(rows.health), tags, time)) sink.sample(s);

  if (rows.queues) {
    const next = new Map<string, QueueMemory>();
    const bindings = device.routeros!.queues;
    for (const q of parseQueues(rows.queues)) {
      const { sample, memory } = queueSample(q, state.queues.get(q.name), {
        tags,
        time,
        countersReset,
        binding: bindingFor(q, bindings),
      });
      next.set(q.name, memory);
      sink.sample(sample);
    }
    state.queues = next;
  }

  if (rows.leases) for (const s of dhcpSamples(rows.leases, tags, time)) sink.sample(s);
  for (const driver of ['wireless', 'wifiwave2', 'wifi'] as WirelessDriver[]) {
    const r = rows[driver];
    if (r) for (const s of wirelessSamples(r, driver, tags, time)) sink.sample(s);
  }
  if (rows.neighbors) state.neighbors = parseNeighbors(rows.neighbors);
}
