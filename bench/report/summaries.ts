import { gzipSync } from 'node:zlib';
import type { Sample } from '../../agent/sample';
import { influxEdge } from '../../analytics/influx/client';
import { objectTimelines } from '../../analytics/report/availability';
import { bandwidthReport } from '../../analytics/report/bandwidth';
import { availabilityDailyPoints } from '../../analytics/report/daily';
import { bandwidthMonthlyPoints, monthOf } from '../../analytics/report/monthly';
import { toLines } from '../../analytics/report/points';
import type { NocConfig } from '../../config/load';
import { Fleet, loadFleet, slotLines } from './fleet';

const DAY = 86_400_000;
const STEP = 300_000;

/**
 * A year as a running agent leaves it: the daily summaries (`availability_daily`) for every day,
 * and a year of the small 5-minute series the report reads over the whole period (website
 * probes, the agent's own heartbeat, the daily inventory and system snapshots), and the monthly
 * bandwidth bills (`bandwidth_monthly`).
 *
 * The summaries are made by the agent's own code (objectTimelines + availabilityDailyPoints,
 * what its 00:15 job runs) from `patternDays` days of full 5-minute rollups loaded first, then
 * repeated over the year with the timestamps shifted by whole days: loading 265 M rows to
 * summarise them would take over two hours, and the report does not read them once the days
 * are summarised.
 */
export async function loadSummarisedYear(
  url: string,
  f: Fleet,
  config: NocConfig,
  from: number,
  yearDays: number,
  patternDays: number,
  onProgress?: (what: string) => void,
): Promise<{ lines: number; gzBytes: number; dailyPoints: number }> {
  const full = await loadFleet(url, f, from, from + patternDays * DAY, { batchLines: 100_000, parallel: 2 });
  onProgress?.(`${patternDays} days of 5-minute rollups loaded`);
  const edge = influxEdge(config.influx);
  const t = await objectTimelines(edge, config, {
    from,
    to: from + patternDays * DAY,
    now: from + yearDays * DAY,
    by: 'device',
  });
  const pattern = availabilityDailyPoints(t);
  onProgress?.(`${pattern.length} daily points summarised from them`);

  let lines = full.lines;
  let gzBytes = full.gzBytes;
  const send = async (batch: string[], rp = 'rollup') => {
    const body = gzipSync(batch.join('\n'), { level: 1 });
    const res = await fetch(`${url}/write?db=noc&rp=${rp}&precision=ms`, {
      method: 'POST',
      headers: { 'Content-Encoding': 'gzip' },
      body,
    });
    if (res.status !== 204) throw new Error(`InfluxDB write ${res.status}: ${await res.text()}`);
    lines += batch.length;
    gzBytes += body.length;
  };

  // Day k of the year is pattern day k mod patternDays, shifted.
  let batch: string[] = [];
  let dailyPoints = 0;
  for (let k = 0; k < yearDays; k++) {
    const shift = (k - (k % patternDays)) * DAY;
    const day = from + (k % patternDays) * DAY;
    const points: Sample[] = pattern
      .filter((p) => p.time === day)
      .map((p) => ({ ...p, time: p.time + shift }));
    dailyPoints += points.length;
    // The pattern days themselves are already summarised in InfluxDB only if written: write all.
    batch.push(...toLines(points));
    if (batch.length >= 100_000) {
      await send(batch);
      batch = [];
    }
  }
  if (batch.length) await send(batch);
  onProgress?.(`${dailyPoints} daily points written for ${yearDays} days`);

  // The monthly bills (`bandwidth_monthly`, written by the job when each month closes): the
  // pattern days' figures, per month.
  const bw = await bandwidthReport(edge, config, {
    from,
    to: from + patternDays * DAY,
    now: from + yearDays * DAY,
  });
  const bills: string[] = [];
  const tz = config.organisation.timezone;
  for (let m = monthOf(from, tz); m.from < from + yearDays * DAY; m = monthOf(m.to, tz))
    bills.push(...toLines(bandwidthMonthlyPoints(bw.rows, config, m.from)));
  await send(bills);
  onProgress?.(`${bills.length} monthly bandwidth points written`);

  // The small series, for the days after the pattern (the pattern days have them already).
  for (let t0 = from + patternDays * DAY; t0 < from + yearDays * DAY;) {
    const out: string[] = [];
    for (; out.length < 100_000 && t0 < from + yearDays * DAY; t0 += STEP)
      slotLines(f, t0, from, patternDays, out, { small: true });
    await send(out);
  }
  onProgress?.('a year of the small series loaded');
  return { lines, gzBytes, dailyPoints };
}
