import type { NocEvent, Sample } from '../../agent/sample';

/**
 * Pure conversion for the ping collector: fping and iputils ping output -> round-trip times ->
 * the `ping` sample and `reachability` events. No I/O here, so every format is table-tested.
 */

/** One round-trip time per echo request sent, in ms; null for a request that got no reply. */
export type Rtts = (number | null)[];

export interface PingResult {
  /** At least one reply came back. */
  up: boolean;
  lossPercent: number;
  rttMinMs?: number;
  rttAvgMs?: number;
  rttMaxMs?: number;
}

const NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * One per-reply line that fping prints on stdout in -C mode without -q:
 *   "127.0.0.1  : [0], 64 bytes, 0.050 ms (0.050 avg, 0% loss)"
 *   "10.250.0.2 : [1], timed out (NaN avg, 100% loss)"
 */
export function parseFpingReplyLine(
  line: string,
): { target: string; seq: number; rtt: number | null } | undefined {
  const m = /^(\S+)\s+:\s+\[(\d+)\],\s+(?:\d+ bytes, ([\d.]+) ms|(timed out))/.exec(line);
  if (!m) return undefined;
  return { target: m[1], seq: Number(m[2]), rtt: m[4] ? null : Number(m[3]) };
}

/**
 * The summary fping prints on stderr at the end in -C mode ("127.0.0.1 : 0.05 0.04 -"), and
 * the per-target errors it prints there ("no.such.host: Name or service not known").
 */
export function parseFpingSummary(text: string): { results: Map<string, Rtts>; errors: Map<string, string> } {
  const results = new Map<string, Rtts>();
  const errors = new Map<string, string>();
  for (const line of text.split('\n')) {
    const summary = /^(\S+)\s+:\s+(.*\S)\s*$/.exec(line);
    if (summary) {
      const cells = summary[2].split(/\s+/);
      if (cells.every((c) => c === '-' || NUMBER.test(c))) {
        results.set(
          summary[1],
          cells.map((c) => (c === '-' ? null : Number(c))),
        );
        continue;
      }
    }
    const error = /^(\S+?):\s+(.+)$/.exec(line);
    if (error && !error[2].startsWith('[')) errors.set(error[1], error[2].trim());
  }
  return { results, errors };
}

/** What iputils ping prints after "--- host ping statistics ---". */
export interface IputilsSummary {
  transmitted: number;
  received: number;
  lossPercent: number;
  rtt?: { min: number; avg: number; max: number };
}

/**
 * Reads the two summary lines of iputils ping:
 *   "3 packets transmitted, 3 received, 0% packet loss, time 406ms"
 *   "3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2030ms"
 *   "rtt min/avg/max/mdev = 0.040/0.050/0.056/0.007 ms"
 */
export function parseIputilsSummary(text: string): IputilsSummary | undefined {
  const counts = /(\d+) packets transmitted, (\d+) (?:packets )?received,.*?([\d.]+)% packet loss/.exec(text);
  if (!counts) return undefined;
  const summary: IputilsSummary = {
    transmitted: Number(counts[1]),
    received: Number(counts[2]),
    lossPercent: Number(counts[3]),
  };
  const rtt = /(?:rtt|round-trip) min\/avg\/max(?:\/mdev|\/stddev)? = ([\d.]+)\/([\d.]+)\/([\d.]+)/.exec(
    text,
  );
  if (rtt) summary.rtt = { min: Number(rtt[1]), avg: Number(rtt[2]), max: Number(rtt[3]) };
  return summary;
}

/** Reachability, loss and RTT statistics from the round-trip times of one poll. */
export function summarise(rtts: Rtts): PingResult {
  const got = rtts.filter((r): r is number => r !== null);
  const lossPercent = rtts.length ? round(((rtts.length - got.length) / rtts.length) * 100) : 100;
  if (got.length === 0) return { up: false, lossPercent: 100 };
  return {
    up: true,
    lossPercent,
    rttMinMs: round(Math.min(...got)),
    rttAvgMs: round(got.reduce((a, b) => a + b, 0) / got.length),
    rttMaxMs: round(Math.max(...got)),
  };
}

/** The same result from an iputils summary (the fallback when fping is not installed). */
export function fromIputils(summary: IputilsSummary): PingResult {
  if (summary.received === 0 || !summary.rtt) return { up: false, lossPercent: 100 };
  return {
    up: true,
    lossPercent: round(summary.lossPercent),
    rttMinMs: summary.rtt.min,
    rttAvgMs: summary.rtt.avg,
    rttMaxMs: summary.rtt.max,
  };
}

/** The `ping` point; RTT fields are left out when nothing answered (no value, not zero). */
export function pingSample(device: string, address: string, result: PingResult, time: number): Sample {
  const fields: Sample['fields'] = { up: result.up, loss_percent: result.lossPercent };
  if (result.rttMinMs !== undefined) fields.rtt_min_ms = result.rttMinMs;
  if (result.rttAvgMs !== undefined) fields.rtt_avg_ms = result.rttAvgMs;
  if (result.rttMaxMs !== undefined) fields.rtt_max_ms = result.rttMaxMs;
  return { measurement: 'ping', tags: { device, address }, fields, time };
}

export type Language = 'id' | 'en';

/**
 * The `reachability` event when the state changes (and on the first poll, so every series
 * starts with a known state); undefined when nothing changed.
 */
export function reachabilityEvent(
  previous: boolean | undefined,
  result: PingResult,
  device: { id: string; name?: string; address: string },
  time: number,
  language: Language = 'id',
): NocEvent | undefined {
  if (previous === result.up) return undefined;
  const name = device.name ?? device.id;
  const text = reachabilityText(name, previous, result.up, language);
  return {
    type: 'reachability',
    device: device.id,
    time,
    text,
    tags: { collector: 'ping', address: device.address },
    fields: {
      up: result.up,
      loss_percent: result.lossPercent,
      change: previous === undefined ? 'first' : result.up ? 'recovered' : 'lost',
    },
  };
}

function reachabilityText(
  name: string,
  previous: boolean | undefined,
  up: boolean,
  language: Language,
): string {
  if (language === 'en') {
    if (!up) return `Device ${name} is unreachable`;
    return previous === undefined ? `Device ${name} is reachable` : `Device ${name} is reachable again`;
  }
  if (!up) return `Perangkat ${name} tidak dapat dijangkau`;
  return previous === undefined
    ? `Perangkat ${name} dapat dijangkau`
    : `Perangkat ${name} kembali dapat dijangkau`;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
