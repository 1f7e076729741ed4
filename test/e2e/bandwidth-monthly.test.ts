import { Command } from 'commander';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceLevelJobs } from '../../agent/jobs/service-levels';
import { startInfluxd, PrivateInfluxd } from '../../agent/lab/influxd';
import { silentLogger } from '../../agent/log';
import { registerBandwidth } from '../../agent/cli/commands/bandwidth';
import { influxEdge, InfluxEdge } from '../../analytics/influx/client';
import { parsePeriod } from '../../analytics/period';
import { bandwidthReport } from '../../analytics/report/bandwidth';
import { readBandwidthMonthly } from '../../analytics/report/monthly';
import { NocConfig, parseConfig } from '../../config/load';
import { bandwidthTable } from '../../reports/audit/bandwidth';
import type { AuditContext } from '../../reports/audit/context';
import { monthsOf, timelinesFor } from '../../reports/audit/performance';
import type { Table } from '../../reports/model';
import { influxQuery, influxWrite } from '../harness/influx-http';

/**
 * bandwidth_monthly against a real InfluxDB 1.6: three months (August to October 2025, WIB) of
 * 5-minute rollups for two links, the core's pings and an agency queue. The service-level job
 * stores August (catch-up at start) and September (the 1st at 00:30); the audit report's
 * bandwidth table reads those and computes October from the 5-minute data, and every row equals
 * the one computed from the 5-minute data. Then `noc bandwidth --month 2025-10 --write` stores
 * October too.
 *
 * isp-1 (committed 100 Mbit/s, contract 99.9 %, 20 ms, 1 %): 20 Mbit/s in, 40 from 08:00 to
 * 10:00 every day, 60 from 10:00 to 16:00 on the 1st to the 5th of each month; out = in ÷ 2;
 * ifOperStatus 2 on 20 Aug 03:00-03:10 and 10 Sep 00:00-01:00. isp-2: 30 in, 15 out, flat.
 */
const wib = (s: string) => Date.parse(`${s}+07:00`);
const FROM = wib('2025-08-01T00:00:00');
const TO = wib('2025-11-01T00:00:00');
const NOW = wib('2026-01-10T10:00:00');
const STEP = 300_000;
const Mb = 1e6;
const AUG = parsePeriod('2025-08');
const SEP = parsePeriod('2025-09');
const OCT = parsePeriod('2025-10');
const DOWN = [
  [wib('2025-08-20T03:00:00'), wib('2025-08-20T03:10:00')],
  [wib('2025-09-10T00:00:00'), wib('2025-09-10T01:00:00')],
];

function isp1In(t: number): number {
  const local = new Date(t + 7 * 3_600_000);
  const h = local.getUTCHours();
  if (local.getUTCDate() <= 5 && h >= 10 && h < 16) return 60 * Mb;
  return h >= 8 && h < 10 ? 40 * Mb : 20 * Mb;
}

function lines(): string[] {
  const out: string[] = [];
  for (let t = FROM; t < TO; t += STEP) {
    const up = DOWN.some(([a, b]) => t >= a && t < b) ? 2 : 1;
    const i1 = isp1In(t);
    out.push(
      `interface,device=core,link=isp-1,ifName=ether1 last_ifOperStatus=${up},mean_in_bps=${i1},mean_out_bps=${i1 / 2},last_ifHighSpeed=1000 ${t}`,
      `interface,device=core,link=isp-2,ifName=ether2 last_ifOperStatus=1,mean_in_bps=${30 * Mb},mean_out_bps=${15 * Mb},last_ifHighSpeed=1000 ${t}`,
      `ping,device=core last_up=true,mean_rtt_avg_ms=12.5,mean_loss_percent=0.5 ${t}`,
      `queue,queue=dinkes,agency=dinkes mean_in_bps=${5 * Mb},mean_out_bps=${2 * Mb} ${t}`,
    );
  }
  return out;
}

const yaml = (url: string) => `
organisation: { name: Diskominfo Uji, timezone: Asia/Jakarta }
influx: { url: "${url}", database: noc }
agencies:
  - { id: dinkes, name: Dinas Kesehatan }
devices:
  - id: core
    kind: router
    routeros: { username: noc, password: lab-only, queues: [{ name: dinkes, agency: dinkes }] }
links:
  - id: isp-1
    device: core
    interface: ether1
    kind: isp
    provider: ISP Satu
    committedRate: { mbps: 100, source: Kontrak ISP 2025 }
    contract: { availabilityPercent: 99.9, latencyMs: 20, lossPercent: 1, source: Kontrak ISP 2025 }
  - { id: isp-2, name: ISP Dua, device: core, interface: ether2, kind: intra, committedRate: { mbps: 100, source: Kontrak } }
`;

let influx: PrivateInfluxd;
let dir: string;
let confFile: string;
let config: NocConfig;
let edge: InfluxEdge;
/** Every query the report sends, to see which months it read 5-minute data for. */
const queries: string[] = [];

const ctxAt = (now: number): AuditContext => ({
  config,
  edge: { ...edge, query: (q: string) => (queries.push(q), edge.query(q)) },
  lang: 'id',
  from: FROM,
  to: TO,
  now,
  periodLabel: 'Agustus-Oktober 2025',
});
const table = async (tl = true) => {
  const ctx = ctxAt(NOW);
  return bandwidthTable(ctx, monthsOf(ctx), tl ? await timelinesFor(ctx) : undefined);
};
const stored = async (time: number) =>
  (
    await influxQuery(
      influx.url,
      'noc',
      `SELECT * FROM "rollup"."bandwidth_monthly" WHERE time = ${time}ms GROUP BY "link", "queue"`,
    )
  ).series ?? [];
const fields = (s: { columns: string[]; values: unknown[][] }) =>
  Object.fromEntries(s.columns.map((c, i) => [c, s.values[0][i]]).filter(([, v]) => v !== null));
/** The 5-minute data's rates queries (in_bps) of a table run, by the start of their range. */
const rateQueryStarts = () =>
  queries.filter((q) => q.includes('"mean_in_bps"')).map((q) => Number(/time >= (\d+)ms/.exec(q)![1]));

let computed: Table;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'noc-bw-monthly-'));
  influx = await startInfluxd(join(dir, 'influxd'));
  for (const q of [
    'CREATE DATABASE noc',
    'CREATE RETENTION POLICY "raw" ON noc DURATION INF REPLICATION 1 DEFAULT',
    'CREATE RETENTION POLICY "rollup" ON noc DURATION INF REPLICATION 1',
  ])
    await influxQuery(influx.url, 'noc', q);
  const all = lines();
  for (let i = 0; i < all.length; i += 20_000)
    await influxWrite(influx.url, 'noc', all.slice(i, i + 20_000), 'rollup');
  confFile = join(dir, 'noc.yaml');
  writeFileSync(confFile, yaml(influx.url));
  config = parseConfig(yaml(influx.url), { baseDir: dir, env: {} }).config!;
  edge = influxEdge(config.influx);
}, 120_000);

afterAll(async () => {
  await influx?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('nothing stored yet: the audit table from the 5-minute data', () => {
  it('computes every month and says so', async () => {
    queries.length = 0;
    computed = await table();
    expect(computed.rows.map((r) => `${r.month} ${r.link}`)).toEqual([
      'Agu 2025 isp-1',
      'Agu 2025 isp-2',
      'Sep 2025 isp-1',
      'Sep 2025 isp-2',
      'Okt 2025 isp-1',
      'Okt 2025 isp-2',
    ]);
    expect(computed.provenance!.source).toBe(
      'InfluxDB: dihitung dari interface.in_bps/out_bps (rollup 5 menit) (Agu 2025, Sep 2025, Okt 2025)',
    );
    expect(new Set(rateQueryStarts())).toEqual(new Set([AUG.from, SEP.from, OCT.from]));
    // Each month's SLA availability is that month's: September's hour down misses 99.9 %.
    expect(computed.rows.map((r) => r.sla)).toEqual([
      'availability:ok latency:ok loss:ok',
      '-',
      'availability:X latency:ok loss:ok',
      '-',
      'availability:ok latency:ok loss:ok',
      '-',
    ]);
  });
});

describe('the service-level job stores the closed month', () => {
  it('at start on 3 September (down on the night of the 1st) catches up August, exactly', async () => {
    const jobs = new ServiceLevelJobs({
      config,
      publish: () => undefined,
      log: silentLogger,
      now: () => wib('2025-09-03T09:00:00'),
    });
    const monthly = jest.spyOn(jobs, 'runMonthly');
    jobs.start();
    await jobs.stop();
    expect(monthly.mock.calls).toEqual([[AUG.from]]);
    const points = await stored(AUG.from);
    expect(points.map((p) => p.tags)).toEqual([
      { link: '', queue: 'dinkes' },
      { link: 'isp-1', queue: '' },
      { link: 'isp-2', queue: '' },
    ]);
    // 8,928 samples: 7,824 at 20 Mbit/s, 744 (08-10 daily) at 40, 360 (10-16 on 1-5 Aug) at 60.
    // Rank ⌈0.95 × 8,928⌉ = 8,482 lies among the 40s (7,825-8,568): p95 in 40 Mbit/s. The p95 of
    // the daily p95s would be 60 (5 of 31 days at 60, rank 30): why the month is stored.
    const sum = (7824 * 20 + 744 * 40 + 360 * 60) * Mb;
    expect(fields(points[1])).toEqual({
      time: AUG.from,
      agency: undefined,
      kind: 'isp',
      p95_in_bps: 40 * Mb,
      p95_out_bps: 20 * Mb,
      p95_max_bps: 40 * Mb,
      p95_aggregate_bps: 60 * Mb,
      p95_utilisation_percent: 40,
      avg_in_bps: sum / 8928,
      avg_out_bps: sum / 2 / 8928,
      peak_in_bps: 60 * Mb,
      peak_out_bps: 30 * Mb,
      volume_in_bytes: 7.794e12, // 207,840 Mbit/s × 300 s ÷ 8
      volume_out_bytes: 3.897e12,
      avg_utilisation_percent: (100 * sum) / 8928 / (100 * Mb),
      peak_utilisation_percent: 60,
      samples: 8928,
      committed_bps: 100 * Mb,
      capacity_bps: 100 * Mb,
      // 360 samples at 60 Mbit/s plateau: 40 % under the committed 100.
      committed_check: 'below',
      committed_direction: 'in',
      ceiling_bps: 60 * Mb,
      saturated_samples: 360,
      shortfall_percent: 40,
      // 10 minutes down of 31 days.
      availability_percent: 100 * (1 - 600 / (31 * 86400)),
      latency_ms: 12.5,
      loss_percent: 0.5,
      sla_availability_contract_percent: 99.9,
      sla_availability_met: true,
      sla_latency_contract_ms: 20,
      sla_latency_met: true,
      sla_loss_contract_percent: 1,
      sla_loss_met: true,
    });
    expect(fields(points[2])).toMatchObject({
      kind: 'intra',
      p95_in_bps: 30 * Mb,
      volume_in_bytes: (8928 * 30 * Mb * 300) / 8,
      committed_check: 'not-saturated',
      samples: 8928,
    });
    expect(fields(points[0])).toMatchObject({ agency: 'dinkes', p95_in_bps: 5 * Mb, samples: 8928 });
    // September is not over yet: nothing stored for it.
    expect(await stored(SEP.from)).toEqual([]);
  });

  it('a second start finds August stored and does not read the month again', async () => {
    const jobs = new ServiceLevelJobs({
      config,
      publish: () => undefined,
      log: silentLogger,
      now: () => wib('2025-09-03T09:05:00'),
    });
    const monthly = jest.spyOn(jobs, 'runMonthly');
    jobs.start();
    await jobs.stop();
    expect(monthly).not.toHaveBeenCalled();
  });

  it('on 1 October at 00:30 stores September: 1 hour down, the availability clause missed', async () => {
    const jobs = new ServiceLevelJobs({
      config,
      publish: () => undefined,
      log: silentLogger,
      now: () => wib('2025-10-01T00:30:00'),
    });
    await jobs.onMonthly();
    const [, isp1] = await stored(SEP.from);
    // 8,640 samples: 7,560 at 20, 720 at 40, 360 at 60; rank 8,208 among the 40s (7,561-8,280).
    expect(fields(isp1)).toMatchObject({
      p95_in_bps: 40 * Mb,
      samples: 8640,
      volume_in_bytes: ((7560 * 20 + 720 * 40 + 360 * 60) * Mb * 300) / 8,
      availability_percent: 100 * (1 - 3600 / (30 * 86400)),
      sla_availability_met: false,
      sla_latency_met: true,
    });
  });
});

describe('the audit table reads the stored months', () => {
  it('the reader gives the rows the 5-minute path computes, link by link and queue', async () => {
    const read = await readBandwidthMonthly(edge, config, [AUG, SEP, OCT], NOW);
    expect([...read.keys()]).toEqual([AUG.from, SEP.from]);
    for (const m of [AUG, SEP]) {
      const report = await bandwidthReport(edge, config, { from: m.from, to: m.to, now: NOW });
      expect(read.get(m.from)).toEqual(report.rows);
    }
    expect(read.get(SEP.from)!.map((r) => `${r.kind}:${r.id}`)).toEqual([
      'link:isp-1',
      'link:isp-2',
      'queue:dinkes',
    ]);
  });

  it('a database the agent has not prepared (no rollup policy) has nothing stored, and no error', async () => {
    await influxQuery(influx.url, 'fresh', 'CREATE DATABASE fresh');
    const fresh = influxEdge({ ...config.influx, database: 'fresh' });
    expect(await readBandwidthMonthly(fresh, config, [AUG, SEP], NOW)).toEqual(new Map());
  });

  it('closed months from bandwidth_monthly, October from the 5-minute data; rows equal', async () => {
    queries.length = 0;
    const mixed = await table();
    expect(mixed.rows).toEqual(computed.rows);
    expect(mixed.rows[2]).toMatchObject({
      month: 'Sep 2025',
      link: 'isp-1',
      sla: 'availability:X latency:ok loss:ok',
    });
    expect(mixed.provenance!.source).toBe(
      'InfluxDB: ringkasan bulanan tersimpan bandwidth_monthly (Agu 2025, Sep 2025); dihitung dari interface.in_bps/out_bps (rollup 5 menit) (Okt 2025)',
    );
    // Only October's 5-minute rates were read.
    expect(new Set(rateQueryStarts())).toEqual(new Set([OCT.from]));
    // Without the period's timelines the stored months need none, October reads its own.
    expect((await table(false)).rows).toEqual(computed.rows);
  });

  it('noc bandwidth --month 2025-10 --write stores October; the table then reads no 5-minute rates', async () => {
    const out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const program = new Command();
      registerBandwidth(program);
      await program.parseAsync(['bandwidth', '--month', '2025-10', '--write', '-c', confFile], {
        from: 'user',
      });
      expect(err).not.toHaveBeenCalled();
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect((await stored(OCT.from)).map((p) => p.tags!.link || p.tags!.queue)).toEqual([
      'dinkes',
      'isp-1',
      'isp-2',
    ]);
    queries.length = 0;
    const all = await table();
    expect(all.rows).toEqual(computed.rows);
    expect(rateQueryStarts()).toEqual([]);
    expect(all.provenance!.source).toBe(
      'InfluxDB: ringkasan bulanan tersimpan bandwidth_monthly (Agu 2025, Sep 2025, Okt 2025)',
    );
  });

  it('a bill written for one link (--link) does not make the month stored for the report', async () => {
    const nov = parsePeriod('2025-11');
    const out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const program = new Command();
      registerBandwidth(program);
      await program.parseAsync(
        ['bandwidth', '--month', '2025-11', '--link', 'isp-1', '--write', '-c', confFile],
        {
          from: 'user',
        },
      );
    } finally {
      out.mockRestore();
    }
    expect((await stored(nov.from)).map((p) => p.tags!.link)).toEqual(['isp-1']);
    expect(await readBandwidthMonthly(edge, config, [nov], NOW)).toEqual(new Map());
  });

  it('--write for a month not yet over writes the daily summaries but no bill', async () => {
    const err = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const out = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    const month = parsePeriod(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7));
    try {
      const program = new Command();
      registerBandwidth(program);
      await program.parseAsync(['bandwidth', '--write', '-c', confFile], { from: 'user' });
      expect(err.mock.calls).toEqual([
        [`bandwidth_monthly tidak ditulis: bulan ${month.label} belum berakhir`],
      ]);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    expect(await stored(month.from)).toEqual([]);
  });
});
