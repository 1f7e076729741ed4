import type { Collector } from '../contract';
import type { NocConfig } from '../../config/load';
import { DeviceState, pollDevice, SnmpStats, SnmpTarget } from './collect';
import { snmpModules } from './modules';
import { DEFAULT_MAX_OPEN_SESSIONS, ResolvedSnmp, SessionPool } from './session';
import type { SnmpModule } from './types';

export interface SnmpCollectorOptions {
  /** The device modules to consider (default: every module in modules/index.ts). */
  modules?: SnmpModule[];
  /** Sockets kept open at most (one per device); see README "File descriptors". */
  maxOpenSessions?: number;
  /** Varbinds one walk may return before it is cut as a table that never ends. */
  maxVarbinds?: number;
  /** Incremented with every request and varbind read (for the benchmark). */
  stats?: SnmpStats;
}

/** Longest a poll may run, whatever the interval: a slow device must not hold a slot forever. */
const MAX_DEADLINE_SECONDS = 120;

/**
 * SNMP devices: system group and reboots, interfaces (IF-MIB) and the device modules (host
 * resources, UPS, PDU, sensors). One session per device, reused across polls.
 */
export function snmpCollector(opts: SnmpCollectorOptions = {}): Collector<SnmpTarget> {
  const pool = new SessionPool(opts.maxOpenSessions ?? DEFAULT_MAX_OPEN_SESSIONS);
  const state = new Map<string, DeviceState>();
  const modules = opts.modules ?? snmpModules;
  const stats = opts.stats ?? { varbinds: 0, requests: 0 };
  return {
    name: 'snmp',
    targets(config: NocConfig): SnmpTarget[] {
      const out: SnmpTarget[] = [];
      for (const d of config.devices) {
        if (!d.snmp?.enabled || !d.address) continue;
        const intervalSeconds = d.snmp.intervalSeconds ?? config.agent.intervalSeconds;
        out.push({
          key: d.id,
          device: d.id,
          address: d.address,
          snmp: d.snmp as ResolvedSnmp,
          intervalSeconds,
          timeoutSeconds: Math.min(
            MAX_DEADLINE_SECONDS,
            Math.max(d.snmp.timeoutSeconds, intervalSeconds * 0.9),
          ),
        });
      }
      return out;
    },
    collect: (target, ctx, sink) =>
      pollDevice(target, ctx, sink, { pool, modules, state, stats, maxVarbinds: opts.maxVarbinds }),
    close() {
      pool.closeAll();
      return Promise.resolve();
    },
  };
}
