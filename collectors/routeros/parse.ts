import type { NocEvent, Sample } from '../../agent/sample';
import type { InterfaceReading } from '../common/interface';
import type { Row } from './connection';

/**
 * Pure conversion of what RouterOS prints into readings and samples. Attribute names are the
 * same in the API and in the REST recordings of ../shared/fixtures/routeros, so the tests feed
 * the recordings straight in.
 */

const DURATION_UNITS: Record<string, number> = { w: 604800, d: 86400, h: 3600, m: 60, s: 1, ms: 0.001 };

/** RouterOS durations: "1w2d3h4m5s", "1s530ms", and the older "2d03:04:05" / "03:04:05" form. */
export function parseDuration(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const clock = /^(?:(\d+)w)?(?:(\d+)d)?(\d+):(\d{2}):(\d{2})$/.exec(text);
  if (clock) {
    const [, w = '0', d = '0', h, m, s] = clock;
    return Number(w) * 604800 + Number(d) * 86400 + Number(h) * 3600 + Number(m) * 60 + Number(s);
  }
  if (!/^(\d+(ms|w|d|h|m|s))+$/.test(text)) return undefined;
  let total = 0;
  for (const [, n, unit] of text.matchAll(/(\d+)(ms|w|d|h|m|s)/g)) total += Number(n) * DURATION_UNITS[unit];
  return Math.round(total * 1000) / 1000;
}

const RATE_SUFFIX: Record<string, number> = { '': 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9 };

/** A bit rate as RouterOS writes it: "0", "10000000", "512k", "10M", "1.5G". */
export function parseBitRate(text: string | undefined): number | undefined {
  const m = /^(\d+(?:\.\d+)?)([kKMG]?)(?:bps)?$/.exec(text?.trim() ?? '');
  return m ? Math.round(Number(m[1]) * RATE_SUFFIX[m[2]]) : undefined;
}

/** "upload/download" pairs of simple queues ("10M/20M", "123/456"). */
export function parsePair<T>(
  text: string | undefined,
  one: (s: string) => T | undefined,
): { upload: T; download: T } | undefined {
  const parts = text?.split('/');
  if (!parts || parts.length !== 2) return undefined;
  const upload = one(parts[0]);
  const download = one(parts[1]);
  return upload === undefined || download === undefined ? undefined : { upload, download };
}

export function toBigint(text: string | undefined): bigint | undefined {
  return text !== undefined && /^\d+$/.test(text) ? BigInt(text) : undefined;
}

function toNumber(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * `.id` "*1A" -> "26": the number behind the API's internal id, which is also the ifIndex
 * RouterOS gives the interface over SNMP, so both sources tag an interface alike.
 */
export function ifIndexFromId(id: string): string | undefined {
  const m = /^\*([0-9A-Fa-f]+)$/.exec(id);
  return m ? String(parseInt(m[1], 16)) : undefined;
}

export interface RouterosInterface {
  reading: InterfaceReading;
  linkDowns?: bigint;
  type?: string;
}

/** `/interface/print` rows (with stats) -> readings for the shared interface sample. */
export function parseInterfaces(rows: Row[]): RouterosInterface[] {
  const out: RouterosInterface[] = [];
  for (const row of rows) {
    const ifIndex = row['.id'] ? ifIndexFromId(row['.id']) : undefined;
    if (!ifIndex || !row.name) continue; // the REST recording ends with an empty object
    out.push({
      reading: {
        ifIndex,
        ifName: row.name,
        ifAlias: row.comment || undefined,
        adminStatus: row.disabled === 'true' ? 2 : 1,
        operStatus: row.running === 'true' ? 1 : 2,
        counterBits: 64,
        inOctets: toBigint(row['rx-byte']),
        outOctets: toBigint(row['tx-byte']),
        // RouterOS counts all packets, not only unicast; the field names stay IF-MIB's.
        inUcastPkts: toBigint(row['rx-packet']),
        outUcastPkts: toBigint(row['tx-packet']),
        inErrors: toBigint(row['rx-error']),
        outErrors: toBigint(row['tx-error']),
        inDiscards: toBigint(row['rx-drop']),
        outDiscards: toBigint(row['tx-drop']),
      },
      linkDowns: toBigint(row['link-downs']),
      type: row.type,
    });
  }
  return out;
}

export interface RouterosResource {
  uptimeSeconds?: number;
  version?: string;
  board?: string;
  architecture?: string;
  cpuLoadPercent?: number;
  cpuCount?: number;
  freeMemory?: bigint;
  totalMemory?: bigint;
  freeHdd?: bigint;
  totalHdd?: bigint;
}

export function parseResource(row: Row | undefined): RouterosResource {
  if (!row) return {};
  return {
    uptimeSeconds: parseDuration(row.uptime),
    version: row.version,
    board: row['board-name'],
    architecture: row['architecture-name'],
    cpuLoadPercent: toNumber(row['cpu-load']),
    cpuCount: toNumber(row['cpu-count']),
    freeMemory: toBigint(row['free-memory']),
    totalMemory: toBigint(row['total-memory']),
    freeHdd: toBigint(row['free-hdd-space']),
    totalHdd: toBigint(row['total-hdd-space']),
  };
}

function usage(free: bigint, total: bigint): Record<string, bigint | number> {
  const used = total - free;
  return {
    total_bytes: total,
    used_bytes: used,
    free_bytes: free,
    used_percent: total > 0n ? Math.round((Number(used) / Number(total)) * 10000) / 100 : 0,
  };
}

/** `/system/resource` -> system, cpu, memory and storage samples (metrics.md names). */
export function resourceSamples(res: RouterosResource, tags: Record<string, string>, time: number): Sample[] {
  const out: Sample[] = [];
  const system: Sample['fields'] = {};
  if (res.uptimeSeconds !== undefined) system.uptime_seconds = res.uptimeSeconds;
  if (res.version) system.version = res.version;
  if (res.board) system.board = res.board;
  if (res.architecture) system.architecture = res.architecture;
  if (Object.keys(system).length) out.push({ measurement: 'system', tags, fields: system, time });
  if (res.cpuLoadPercent !== undefined) {
    // Named as HOST-RESOURCES names the whole-device figure (`cpu=cpu-total`, `cores`).
    const fields: Sample['fields'] = { load_percent: res.cpuLoadPercent };
    if (res.cpuCount !== undefined) fields.cores = res.cpuCount;
    out.push({ measurement: 'cpu', tags: { ...tags, cpu: 'cpu-total' }, fields, time });
  }
  if (res.freeMemory !== undefined && res.totalMemory !== undefined)
    out.push({ measurement: 'memory', tags, fields: usage(res.freeMemory, res.totalMemory), time });
  if (res.freeHdd !== undefined && res.totalHdd !== undefined)
    out.push({
      measurement: 'storage',
      // `path` as the SNMP host-resources module tags storage, with the name RouterOS itself
      // gives this storage in HOST-RESOURCES-MIB hrStorageDescr.
      tags: { ...tags, path: 'system disk' },
      fields: usage(res.freeHdd, res.totalHdd),
      time,
    });
  return out;
}

export interface SensorReading {
  name: string;
  type: string;
  unit: string;
  value: number;
}

/**
 * v7 `type` column -> unit, in the vocabulary the SNMP modules use for `sensor` (C, V, A, W,
 * rpm, %, ok), so a rule or panel never has to know which source a sensor came from.
 */
const V7_UNITS: Record<string, string> = { C: 'C', V: 'V', A: 'A', W: 'W', RPM: 'rpm', '%': '%' };

/** RouterOS v6 reports current in mA; written in A like every other source. */
const MILLIAMPS = 'mA';

function classify(name: string): { type: string; unit: string } | undefined {
  if (/temperature/.test(name)) return { type: 'temperature', unit: 'C' };
  if (/voltage/.test(name)) return { type: 'voltage', unit: 'V' };
  // RouterOS v6 reports current in mA (e.g. current=142); v7 rows carry their own unit.
  if (/current/.test(name)) return { type: 'current', unit: MILLIAMPS };
  if (/power/.test(name)) return { type: 'power', unit: 'W' };
  if (/^fan.*speed$/.test(name)) return { type: 'fan', unit: 'rpm' };
  if (/^psu.*state$/.test(name)) return { type: 'psu', unit: 'ok' };
  if (/^fan.*state$/.test(name)) return { type: 'fan', unit: 'ok' };
  return undefined;
}

function unitOf(unit: string): string {
  return unit === MILLIAMPS ? 'A' : unit;
}

/** States are written as 1 (ok) / 0 (anything else) so rules can compare numbers. */
function sensorValue(text: string, unit: string): number | undefined {
  if (unit === 'ok') return text === 'ok' ? 1 : 0;
  const n = toNumber(text);
  return n !== undefined && unit === MILLIAMPS ? n / 1000 : n;
}

/**
 * `/system/health/print` in both forms: RouterOS v6 answers one row of key=value
 * (voltage=24.1 temperature=40 fan1-speed=...), v7 one row per sensor (name, value, type).
 */
export function parseHealth(rows: Row[]): SensorReading[] {
  const out: SensorReading[] = [];
  const v7 = rows.some((r) => r.name !== undefined && r.value !== undefined);
  if (v7) {
    for (const row of rows) {
      if (row.name === undefined || row.value === undefined) continue;
      const kind = classify(row.name);
      if (!kind) continue;
      const unit = V7_UNITS[row.type ?? ''] ?? kind.unit;
      const value = sensorValue(row.value, unit);
      if (value !== undefined) out.push({ name: row.name, type: kind.type, unit: unitOf(unit), value });
    }
    return out;
  }
  for (const row of rows)
    for (const [name, text] of Object.entries(row)) {
      const kind = classify(name);
      const value = kind && sensorValue(text, kind.unit);
      if (kind && value !== undefined) out.push({ name, type: kind.type, unit: unitOf(kind.unit), value });
    }
  return out;
}

export function sensorSamples(
  sensors: SensorReading[],
  tags: Record<string, string>,
  time: number,
): Sample[] {
  return sensors.map((s) => ({
    measurement: 'sensor',
    tags: { ...tags, type: s.type, name: s.name, unit: s.unit },
    fields: { value: s.value },
    time,
  }));
}

/** The `reboot` event when /system/resource's uptime went backwards between two polls. */
export function rebootEvent(
  device: string,
  previousSeconds: number,
  uptimeSeconds: number,
  time: number,
): NocEvent {
  return {
    type: 'reboot',
    device,
    time,
    text: `Perangkat ${device} dinyalakan ulang (uptime ${Math.round(uptimeSeconds)} detik, sebelumnya ${Math.round(previousSeconds)} detik)`,
    // `collector`, as the SNMP reboot event tags it.
    tags: { collector: 'routeros' },
    fields: { uptime_seconds: uptimeSeconds, previous_uptime_seconds: previousSeconds },
  };
}
