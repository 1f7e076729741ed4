import type { SnmpValue, Varbinds } from './types';
import { compareOids, convertValue, inSubtree, isException, RawVarbind, SnmpType } from './parse';

/**
 * GETBULK subtree reads with adaptive max-repetitions, on top of the few requests a session
 * offers (get, getNext, getBulk). Written here rather than with net-snmp's subtree() so that
 * max-repetitions can change in the middle of a walk, several columns share one request, and a
 * misbehaving agent (OIDs going backwards, a table that never ends) is cut with a clear error.
 */

/** The requests the walker needs; DeviceSession (session.ts) implements them over net-snmp. */
export interface SnmpRequester {
  readonly version: '1' | '2c' | '3';
  get(oids: string[], signal?: AbortSignal): Promise<RawVarbind[]>;
  getNext(oids: string[], signal?: AbortSignal): Promise<RawVarbind[]>;
  /** One list of varbinds per requested OID (net-snmp's grouping, nonRepeaters = 0). */
  getBulk(oids: string[], maxRepetitions: number, signal?: AbortSignal): Promise<RawVarbind[][]>;
}

/** What works for one device, kept between polls: halved on tooBig or a timeout, never grown. */
export interface Tuning {
  maxRepetitions: number;
  /** How many subtrees share one GETBULK; halved when max-repetitions 1 is still too big. */
  maxColumns: number;
}

export const INITIAL_MAX_REPETITIONS = 25;
/**
 * Columns per GETBULK: 5 × 25 repetitions ≈ 125 varbinds, about what agents put in one answer
 * (snmpd caps a GETBULK answer at 100 varbinds). Measured on snmpd: 5 columns × 20 rows took
 * 7 ms, 20 columns × 5 rows 11–22 ms, for the same 100 varbinds.
 */
export const DEFAULT_MAX_COLUMNS = 5;
/** A walk that returns more varbinds than this is an agent looping, not a real table. */
export const DEFAULT_MAX_VARBINDS = 100_000;

const MAX_TIMEOUTS_IN_A_ROW = 3;

export function initialTuning(): Tuning {
  return { maxRepetitions: INITIAL_MAX_REPETITIONS, maxColumns: DEFAULT_MAX_COLUMNS };
}

export class SnmpWalkError extends Error {}

export interface WalkResult {
  varbinds: Varbinds;
  /** Values of a type that cannot be what the OID says (reported, then left out). */
  problems: string[];
  requests: number;
}

export interface WalkOptions {
  signal?: AbortSignal;
  maxVarbinds?: number;
}

/** net-snmp reports tooBig as a RequestFailedError with status 1. */
export function isTooBig(err: unknown): boolean {
  return (err as { status?: number })?.status === 1;
}
export function isTimeout(err: unknown): boolean {
  return (err as Error)?.name === 'RequestTimedOutError';
}
/** SNMPv1 ends a GETNEXT walk with noSuchName (status 2). */
function isNoSuchName(err: unknown): boolean {
  return (err as { status?: number })?.status === 2;
}

interface Column {
  base: string;
  last: string;
  done: boolean;
}

/**
 * Reads every subtree in `bases` (table columns, whole tables or scalar groups), stopping each
 * one where it ends. `tuning` is updated in place so the caller can remember it per device.
 */
export async function walkSubtrees(
  session: SnmpRequester,
  bases: string[],
  tuning: Tuning,
  opts: WalkOptions = {},
): Promise<WalkResult> {
  const maxVarbinds = opts.maxVarbinds ?? DEFAULT_MAX_VARBINDS;
  const result: WalkResult = { varbinds: new Map(), problems: [], requests: 0 };
  const columns: Column[] = bases.map((b) => ({ base: b, last: b, done: false }));
  let count = 0;
  // A run of timeouts means the device went away, not that the answers are too big: give up
  // after a few and keep what worked before, so one outage does not pin max-repetitions at 1.
  let timeouts = 0;
  const before = tuning.maxRepetitions;

  for (;;) {
    opts.signal?.throwIfAborted();
    const active = columns.filter((c) => !c.done);
    if (active.length === 0) return result;
    const width = session.version === '1' ? 1 : Math.max(1, tuning.maxColumns);
    const group = active.slice(0, width);
    let rows: RawVarbind[][];
    try {
      result.requests++;
      rows = await fetchRows(session, group, tuning, opts.signal);
    } catch (err) {
      if (session.version === '1' && isNoSuchName(err)) {
        group[0].done = true;
        continue;
      }
      if (isTimeout(err) && ++timeouts > MAX_TIMEOUTS_IN_A_ROW) {
        tuning.maxRepetitions = before;
        throw err;
      }
      if (!adapt(err, tuning, group.length)) throw err;
      continue;
    }
    timeouts = 0;
    let progressed = false;
    group.forEach((col, i) => {
      for (const vb of rows[i] ?? []) {
        if (vb.type === SnmpType.EndOfMibView || isException(vb.type) || !inSubtree(col.base, vb.oid)) {
          col.done = true;
          break;
        }
        if (compareOids(vb.oid, col.last) <= 0)
          throw new SnmpWalkError(
            `agent returned ${vb.oid} after ${col.last} while walking ${col.base}: OIDs not increasing (agent loop)`,
          );
        col.last = vb.oid;
        progressed = true;
        if (++count > maxVarbinds)
          throw new SnmpWalkError(
            `walk of ${col.base} cut after ${maxVarbinds} varbinds: the table never ends (agent bug or loop)`,
          );
        const value = convertValue(vb);
        if (value !== undefined) result.varbinds.set(vb.oid, value);
        else if (vb.type !== SnmpType.Null) result.problems.push(badValue(vb));
      }
    });
    if (!progressed && group.some((c) => !c.done))
      throw new SnmpWalkError(`agent answered a GETBULK for ${group[0].base} with no usable varbind`);
  }
}

async function fetchRows(
  session: SnmpRequester,
  group: Column[],
  tuning: Tuning,
  signal?: AbortSignal,
): Promise<RawVarbind[][]> {
  const oids = group.map((c) => c.last);
  if (session.version === '1') return (await session.getNext(oids, signal)).map((vb) => [vb]);
  return session.getBulk(oids, Math.max(1, tuning.maxRepetitions), signal);
}

/**
 * After tooBig or a timeout: ask for less and try again (true), or give up (false). Fewer
 * repetitions first; when one repetition is still too big, fewer columns per request.
 */
export function adapt(err: unknown, tuning: Tuning, groupSize: number): boolean {
  if (!isTooBig(err) && !isTimeout(err)) return false;
  if (tuning.maxRepetitions > 1) {
    tuning.maxRepetitions = Math.max(1, Math.floor(tuning.maxRepetitions / 2));
    return true;
  }
  if (isTooBig(err) && groupSize > 1) {
    tuning.maxColumns = Math.max(1, Math.ceil(groupSize / 2));
    return true;
  }
  return false;
}

function badValue(vb: RawVarbind): string {
  const shown = Buffer.isBuffer(vb.value) ? `0x${vb.value.toString('hex')}` : String(vb.value);
  return `${vb.oid}: unusable value ${shown.slice(0, 40)} of type ${vb.type}`;
}

/**
 * GET of scalars; absent objects (noSuchObject/noSuchInstance) are left out. An SNMPv1 agent
 * fails the whole request with noSuchName when one object is missing, and an agent with a tiny
 * message size answers tooBig: ask one by one then.
 */
export async function getScalars(
  session: SnmpRequester,
  oids: string[],
  signal?: AbortSignal,
): Promise<Map<string, SnmpValue>> {
  const out = new Map<string, SnmpValue>();
  let vbs: RawVarbind[];
  try {
    vbs = await session.get(oids, signal);
  } catch (err) {
    const oneByOne = (session.version === '1' && isNoSuchName(err)) || isTooBig(err);
    if (!oneByOne || oids.length < 2) throw err;
    vbs = [];
    for (const oid of oids) {
      try {
        vbs.push(...(await session.get([oid], signal)));
      } catch (e) {
        if (!isNoSuchName(e)) throw e;
      }
    }
  }
  for (const vb of vbs) {
    if (isException(vb.type)) continue;
    const v = convertValue(vb);
    if (v !== undefined) out.set(vb.oid, v);
  }
  return out;
}
