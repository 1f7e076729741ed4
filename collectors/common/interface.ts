import type { FieldValue, Sample } from '../../agent/sample';
import type { NocConfig } from '../../config/load';
import { CounterPoint, counterRate } from './counters';

/**
 * One `interface` sample shape for every source, so dashboards and rules do not care whether
 * the numbers came over SNMP or the RouterOS API. Field names follow IF-MIB as Telegraf's SNMP
 * input names them; computed rates are added beside the raw counters.
 */

export interface InterfaceReading {
  ifIndex: string;
  ifName: string;
  ifAlias?: string;
  /** 1 up, 2 down, 3 testing (IF-MIB values). */
  adminStatus?: number;
  operStatus?: number;
  /** Mbit/s (ifHighSpeed); 0 or undefined when unknown. */
  speedMbps?: number;
  /** 64 when the octet/packet counters are ifHC* (or RouterOS), 32 for ifInOctets. */
  counterBits: 32 | 64;
  inOctets?: bigint;
  outOctets?: bigint;
  inUcastPkts?: bigint;
  outUcastPkts?: bigint;
  inErrors?: bigint;
  outErrors?: bigint;
  inDiscards?: bigint;
  outDiscards?: bigint;
}

/** What the previous poll saw, kept per device+ifIndex by the collector. */
export type InterfaceMemory = Partial<Record<CounterName, CounterPoint>>;

const COUNTERS = {
  inOctets: { field: 'ifHCInOctets', rate: 'in_bps', bitsPerUnit: 8, errorBits: 32 },
  outOctets: { field: 'ifHCOutOctets', rate: 'out_bps', bitsPerUnit: 8, errorBits: 32 },
  inUcastPkts: { field: 'ifHCInUcastPkts', rate: 'in_pps', bitsPerUnit: 1, errorBits: 32 },
  outUcastPkts: { field: 'ifHCOutUcastPkts', rate: 'out_pps', bitsPerUnit: 1, errorBits: 32 },
  inErrors: { field: 'ifInErrors', rate: 'in_errors_per_s', bitsPerUnit: 1, errorBits: 32 },
  outErrors: { field: 'ifOutErrors', rate: 'out_errors_per_s', bitsPerUnit: 1, errorBits: 32 },
  inDiscards: { field: 'ifInDiscards', rate: 'in_discards_per_s', bitsPerUnit: 1, errorBits: 32 },
  outDiscards: { field: 'ifOutDiscards', rate: 'out_discards_per_s', bitsPerUnit: 1, errorBits: 32 },
} as const;
type CounterName = keyof typeof COUNTERS;

/** 32-bit octet counters keep their IF-MIB names so nobody mistakes them for 64-bit ones. */
const FIELD_32: Partial<Record<CounterName, string>> = {
  inOctets: 'ifInOctets',
  outOctets: 'ifOutOctets',
  inUcastPkts: 'ifInUcastPkts',
  outUcastPkts: 'ifOutUcastPkts',
};

export interface InterfaceSampleOptions {
  device: string;
  agentHost: string;
  source: 'snmp' | 'routeros';
  time: number;
  /** The device restarted or said its counters are discontinuous: no rates this poll. */
  countersReset: boolean;
  /** Committed rate of the configured link on this interface, bit/s. */
  committedBps?: number;
  link?: string;
}

/**
 * Builds the sample for one interface and the memory for the next poll. Rates are computed only
 * from two readings of the same counter epoch; above the interface speed they are dropped.
 */
export function interfaceSample(
  reading: InterfaceReading,
  previous: InterfaceMemory | undefined,
  opts: InterfaceSampleOptions,
): { sample: Sample; memory: InterfaceMemory } {
  const fields: Record<string, FieldValue> = {};
  const memory: InterfaceMemory = {};
  const speedBps = reading.speedMbps ? reading.speedMbps * 1e6 : undefined;

  if (reading.adminStatus !== undefined) fields.ifAdminStatus = reading.adminStatus;
  if (reading.operStatus !== undefined) fields.ifOperStatus = reading.operStatus;
  if (reading.speedMbps !== undefined) fields.ifHighSpeed = reading.speedMbps;
  if (reading.ifAlias) fields.ifAlias = reading.ifAlias;

  for (const name of Object.keys(COUNTERS) as CounterName[]) {
    const value = reading[name];
    if (value === undefined) continue;
    const spec = COUNTERS[name];
    const octetsOrPackets = name.endsWith('Octets') || name.endsWith('Pkts');
    const bits: 32 | 64 = octetsOrPackets ? reading.counterBits : spec.errorBits;
    fields[bits === 32 && FIELD_32[name] ? FIELD_32[name]! : spec.field] = value;
    const point = { value, time: opts.time };
    memory[name] = point;
    if (opts.countersReset) continue;
    // An octet rate above line speed is a reset the device did not report.
    const maxPerSecond = spec.bitsPerUnit === 8 && speedBps ? speedBps / 8 : undefined;
    const rate = counterRate(previous?.[name], point, bits, maxPerSecond);
    if (rate !== undefined) fields[spec.rate] = rate * spec.bitsPerUnit;
  }

  for (const dir of ['in', 'out'] as const) {
    const bps = fields[`${dir}_bps`];
    if (typeof bps !== 'number') continue;
    if (speedBps) fields[`${dir}_utilisation_percent`] = (bps / speedBps) * 100;
    if (opts.committedBps) fields[`${dir}_committed_percent`] = (bps / opts.committedBps) * 100;
  }

  const tags: Record<string, string> = {
    device: opts.device,
    agent_host: opts.agentHost,
    ifName: reading.ifName,
    ifIndex: reading.ifIndex,
    source: opts.source,
  };
  if (opts.link) tags.link = opts.link;
  return { sample: { measurement: 'interface', tags, fields, time: opts.time }, memory };
}

/** The configured link on this device's interface (matched by ifName, then ifDescr/alias), if any. */
export function linkFor(
  config: NocConfig,
  device: string,
  names: (string | undefined)[],
): { id: string; committedBps?: number } | undefined {
  const link = config.links.find((l) => l.device === device && names.includes(l.interface));
  if (!link) return undefined;
  return { id: link.id, committedBps: link.committedRate ? link.committedRate.mbps * 1e6 : undefined };
}
