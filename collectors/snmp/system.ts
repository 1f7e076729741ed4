import type { NocEvent, Sample } from '../../agent/sample';
import type { SnmpValue, SystemInfo } from './types';
import { num, text } from './parse';

/** The SNMPv2-MIB system group (numeric OIDs: Debian ships no IETF MIB files). */
export const SYSTEM_OIDS = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  sysContact: '1.3.6.1.2.1.1.4.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  sysLocation: '1.3.6.1.2.1.1.6.0',
} as const;

export interface SystemReading extends SystemInfo {
  /** sysUpTime in hundredths of a second (TimeTicks), undefined when the agent left it out. */
  uptimeTicks?: number;
  sysName?: string;
  sysContact?: string;
  sysLocation?: string;
}

export function parseSystem(values: Map<string, SnmpValue>): SystemReading {
  const oid = values.get(SYSTEM_OIDS.sysObjectID);
  return {
    sysDescr: text(values.get(SYSTEM_OIDS.sysDescr)) ?? '',
    sysObjectID: typeof oid === 'string' ? oid.replace(/^\./, '') : '',
    uptimeTicks: num(values.get(SYSTEM_OIDS.sysUpTime)),
    sysName: text(values.get(SYSTEM_OIDS.sysName)),
    sysContact: text(values.get(SYSTEM_OIDS.sysContact)),
    sysLocation: text(values.get(SYSTEM_OIDS.sysLocation)),
  };
}

export function systemSample(device: string, agentHost: string, r: SystemReading, time: number): Sample {
  const fields: Sample['fields'] = { sysDescr: r.sysDescr, sysObjectID: r.sysObjectID };
  if (r.uptimeTicks !== undefined) fields.uptime_seconds = r.uptimeTicks / 100;
  if (r.sysName !== undefined) fields.sysName = r.sysName;
  if (r.sysContact !== undefined) fields.sysContact = r.sysContact;
  if (r.sysLocation !== undefined) fields.sysLocation = r.sysLocation;
  return { measurement: 'system', tags: { device, agent_host: agentHost }, fields, time };
}

/** What the previous poll of this device saw. */
export interface UptimePoint {
  ticks: number;
  /** Poll time, ms. */
  time: number;
}

const TICKS_32 = 2 ** 32;
/** Clock skew and agent caching slack, in ticks (hundredths): 30 s plus 5 % of the gap. */
function slack(elapsedTicks: number): number {
  return 3000 + elapsedTicks * 0.05;
}

/**
 * Whether the agent restarted between two polls. sysUpTime is 32-bit TimeTicks, so after
 * ~497 days it wraps to 0: when it went backwards by exactly what the wrap explains, that is
 * no reboot. An uptime shorter than the time since the previous poll is a restart too, even
 * if it is not below the previous value (a long interval).
 */
export function detectRestart(prev: UptimePoint | undefined, cur: UptimePoint): boolean {
  if (!prev) return false;
  const elapsed = ((cur.time - prev.time) / 1000) * 100;
  if (!(elapsed >= 0)) return false;
  const tolerance = slack(elapsed);
  if (cur.ticks < prev.ticks) {
    const expected = prev.ticks + elapsed;
    const wrapped = expected >= TICKS_32 - tolerance;
    if (
      wrapped &&
      Math.abs((((expected % TICKS_32) - cur.ticks + TICKS_32 / 2) % TICKS_32) - TICKS_32 / 2) <= tolerance
    )
      return false;
    return true;
  }
  return cur.ticks + tolerance < elapsed;
}

export function rebootEvent(device: string, prev: UptimePoint, cur: UptimePoint, time: number): NocEvent {
  const seconds = Math.round(cur.ticks / 100);
  return {
    type: 'reboot',
    device,
    time,
    text: `Perangkat ${device} dinyalakan ulang (uptime ${formatUptime(seconds)}, sebelumnya ${formatUptime(Math.round(prev.ticks / 100))})`,
    tags: { collector: 'snmp' },
    fields: { uptime_seconds: cur.ticks / 100, previous_uptime_seconds: prev.ticks / 100 },
  };
}

/** "3 hari 04:05:06" style, for event texts read by NOC staff. */
export function formatUptime(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const rest = seconds % 86400;
  const hms = [Math.floor(rest / 3600), Math.floor((rest % 3600) / 60), rest % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
  return d > 0 ? `${d} hari ${hms}` : hms;
}
