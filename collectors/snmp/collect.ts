import type { CollectContext, CollectTarget, Sink } from '../contract';
import { InterfaceMemory, interfaceSample, linkFor } from '../common/interface';
import { getScalars, initialTuning, isTimeout, SnmpRequester, Tuning, walkSubtrees } from './engine';
import { discontinuityChanged, INTERFACE_WALK, parseInterfaces } from './interfaces';
import type { ResolvedSnmp, SessionPool } from './session';
import { detectRestart, parseSystem, rebootEvent, SYSTEM_OIDS, systemSample, UptimePoint } from './system';
import type { SnmpModule, SystemInfo } from './types';

/** The built-in part that can be left out through `snmp.modules` (system is always read). */
export const INTERFACES_MODULE = 'interfaces';

export interface SnmpTarget extends CollectTarget {
  address: string;
  snmp: ResolvedSnmp;
}

/** What the collector remembers per device between polls. */
export interface DeviceState {
  tuning: Tuning;
  uptime?: UptimePoint;
  interfaces: Map<string, { memory: InterfaceMemory; discontinuity?: number }>;
  /** Per module, the state map handed to its parse(). */
  modules: Map<string, Map<string, unknown>>;
}

/** Counts the collector keeps about itself (the benchmark and self-metrics read them). */
export interface SnmpStats {
  varbinds: number;
  requests: number;
}

export interface PollDeps {
  pool: SessionPool;
  modules: SnmpModule[];
  state: Map<string, DeviceState>;
  maxVarbinds?: number;
  stats: SnmpStats;
}

const COLLECTOR = 'snmp';

/**
 * One poll of one device: system group (reboot detection), interfaces, then every module that
 * applies. A failing module or interface walk is reported for this device and the rest of the
 * poll goes on; no answer at all to the system group ends the poll with a clear error.
 */
export async function pollDevice(
  target: SnmpTarget,
  ctx: CollectContext,
  sink: Sink,
  deps: PollDeps,
): Promise<void> {
  const { device } = target;
  let state = deps.state.get(device);
  if (!state)
    deps.state.set(device, (state = { tuning: initialTuning(), interfaces: new Map(), modules: new Map() }));
  const session = deps.pool.acquire(device, target.address, target.snmp);
  const report = (err: Error) => sink.error(err, { device, collector: COLLECTOR });
  try {
    const values = await getScalars(session, Object.values(SYSTEM_OIDS), ctx.signal).catch((err: unknown) => {
      throw describeError(err, target);
    });
    deps.stats.requests++;
    deps.stats.varbinds += values.size;
    if (values.size === 0)
      throw new Error(`${where(target)}: the agent answered but has no system group (SNMPv2-MIB)`);
    const time = ctx.now();
    const system = parseSystem(values);
    sink.sample(systemSample(device, target.address, system, time));

    let restarted = false;
    if (system.uptimeTicks !== undefined) {
      const cur = { ticks: system.uptimeTicks, time };
      restarted = detectRestart(state.uptime, cur);
      if (restarted) sink.event(rebootEvent(device, state.uptime!, cur, time));
      state.uptime = cur;
    }

    const wanted = target.snmp.modules;
    if (!wanted || wanted.includes(INTERFACES_MODULE)) {
      try {
        await pollInterfaces(session, target, ctx, sink, state, restarted, time, deps);
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        report(prefixed(`interfaces: `, describeError(err, target)));
      }
    }

    const identity = {
      sysObjectID: system.sysObjectID,
      sysDescr: system.sysDescr,
      profile: target.snmp.profile,
    };
    for (const mod of selectModules(deps.modules, wanted, identity, report, target)) {
      ctx.signal.throwIfAborted();
      try {
        const walked = await walkSubtrees(session, mod.walk, state.tuning, {
          signal: ctx.signal,
          maxVarbinds: deps.maxVarbinds,
        });
        deps.stats.requests += walked.requests;
        deps.stats.varbinds += walked.varbinds.size;
        if (walked.problems.length)
          report(new Error(`${where(target)} module ${mod.name}: ${summary(walked.problems)}`));
        if (walked.varbinds.size === 0) continue;
        let modState = state.modules.get(mod.name);
        if (!modState) state.modules.set(mod.name, (modState = new Map()));
        for (const s of mod.parse(walked.varbinds, { device, time, state: modState })) sink.sample(s);
      } catch (err) {
        if (ctx.signal.aborted) throw err;
        report(prefixed(`module ${mod.name}: `, describeError(err, target)));
      }
    }
  } finally {
    deps.pool.release(device, session);
  }
}

async function pollInterfaces(
  session: SnmpRequester,
  target: SnmpTarget,
  ctx: CollectContext,
  sink: Sink,
  state: DeviceState,
  restarted: boolean,
  time: number,
  deps: PollDeps,
): Promise<void> {
  const walked = await walkSubtrees(session, INTERFACE_WALK, state.tuning, {
    signal: ctx.signal,
    maxVarbinds: deps.maxVarbinds,
  });
  deps.stats.requests += walked.requests;
  deps.stats.varbinds += walked.varbinds.size;
  const parsed = parseInterfaces(walked.varbinds);
  const problems = [...walked.problems, ...parsed.problems];
  const next = new Map<string, { memory: InterfaceMemory; discontinuity?: number }>();
  for (const reading of parsed.interfaces) {
    const prev = state.interfaces.get(reading.ifIndex);
    const reset = restarted || discontinuityChanged(prev?.discontinuity, reading.discontinuity);
    const link = linkFor(ctx.config, target.device, [reading.ifName, reading.ifDescr, reading.ifAlias]);
    const { sample, memory } = interfaceSample(reading, prev?.memory, {
      device: target.device,
      agentHost: target.address,
      source: 'snmp',
      time,
      countersReset: reset,
      committedBps: link?.committedBps,
      link: link?.id,
    });
    next.set(reading.ifIndex, { memory, discontinuity: reading.discontinuity });
    sink.sample(sample);
  }
  state.interfaces = next;
  if (problems.length) throw new Error(`${where(target)}: ${summary(problems)}`);
}

/** Modules named in `snmp.modules`, or else those whose applies() says yes. */
function selectModules(
  all: SnmpModule[],
  wanted: string[] | undefined,
  system: SystemInfo,
  report: (err: Error) => void,
  target: SnmpTarget,
): SnmpModule[] {
  if (!wanted) return all.filter((m) => m.walk.length > 0 && safeApplies(m, system));
  const unknown = wanted.filter((n) => n !== INTERFACES_MODULE && !all.some((m) => m.name === n));
  if (unknown.length)
    report(
      new Error(
        `${where(target)}: unknown SNMP module(s) ${unknown.join(', ')} in snmp.modules (known: ${[INTERFACES_MODULE, ...all.map((m) => m.name)].join(', ')})`,
      ),
    );
  return all.filter((m) => wanted.includes(m.name) && m.walk.length > 0);
}

function safeApplies(m: SnmpModule, system: SystemInfo): boolean {
  try {
    return m.applies(system);
  } catch {
    return false;
  }
}

function where(t: SnmpTarget): string {
  return `SNMPv${t.snmp.version} ${t.address}:${t.snmp.port}`;
}

function summary(problems: string[]): string {
  const shown = problems.slice(0, 5).join('; ');
  return problems.length > 5 ? `${shown}; … ${problems.length - 5} more wrong values` : shown;
}

function prefixed(prefix: string, err: Error): Error {
  const e = new Error(prefix + err.message);
  e.name = err.name;
  return e;
}

/** Errors that name the target and the likely cause. */
export function describeError(err: unknown, t: SnmpTarget): Error {
  const e = err instanceof Error ? err : new Error(String(err));
  const msg = e.message;
  let out: string;
  if (isTimeout(e)) {
    const cred = t.snmp.version === '3' ? `v3 user "${t.snmp.auth?.username}"` : 'community';
    out = `${where(t)}: no answer within ${t.snmp.timeoutSeconds} s × ${t.snmp.retries + 1} tries (device down, wrong port, ${cred} or ACL?)`;
  } else if (/authentication|digest|wrongDigest|decrypt/i.test(msg)) {
    out = `${where(t)}: SNMPv3 authentication failed for user "${t.snmp.auth?.username}" (wrong authKey/privKey or protocol?): ${msg}`;
  } else if (/unknown ?user|usmStatsUnknownUserNames/i.test(msg)) {
    out = `${where(t)}: SNMPv3 user "${t.snmp.auth?.username}" unknown to the agent: ${msg}`;
  } else if (msg.startsWith(where(t))) {
    out = msg;
  } else {
    out = `${where(t)}: ${msg}`;
  }
  const wrapped = new Error(out);
  wrapped.name = e.name;
  return wrapped;
}
