import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceLevelJobs, yesterday } from '../../agent/jobs/service-levels';
import { startInfluxd, PrivateInfluxd } from '../../agent/lab/influxd';
import { silentLogger } from '../../agent/log';
import { Metrics } from '../../agent/metrics';
import { Pipeline } from '../../agent/pipeline';
import type { Sample } from '../../agent/sample';
import { createWriter, InfluxWriter } from '../../agent/writer';
import { ensureRetention } from '../../agent/writer/retention';
import { Alerting } from '../../alerting';
import { AlertStore } from '../../alerting/store';
import { NocConfig, parseConfig } from '../../config/load';
import { influxQuery, influxWrite } from '../harness/influx-http';

/**
 * The agent's service-level job against a real InfluxDB 1.6: the writer prepares the database
 * (raw and rollup policies), PDU readings and a day of 1-minute pings and interface rates are
 * loaded, the job functions are called directly (the schedule is tested with fake timers in
 * agent/jobs/service-levels.test.ts) and what they wrote is read back.
 */
const MIN = 60_000;
let influx: PrivateInfluxd;
let dir: string;
let config: NocConfig;
let writer: InfluxWriter;
let alerting: Alerting;
let pipeline: Pipeline;
let jobs: ServiceLevelJobs;
let clock = 0;
const written: Sample[] = [];
const day = yesterday(Date.now(), 'Asia/Jakarta');
const at = (hh: number, mm = 0) => day.from + (hh * 60 + mm) * MIN;

function yaml(url: string, dataDir: string): string {
  return `
organisation: { name: Diskominfo Uji, timezone: Asia/Jakarta }
agent: { dataDir: "${dataDir}" }
influx: { url: "${url}", database: noc, flushIntervalMs: 100 }
agencies:
  - { id: setda, name: Sekretariat Daerah }
  - { id: rsud, name: RSUD Kabupaten }
sites:
  - { id: pusatdata, name: Pusat Data }
  - { id: kantor, name: Kantor Pemda }
racks:
  - id: R1
    site: pusatdata
    feeds:
      - { id: A, side: A, voltage: 230, amperage: 16, device: pdu-a }
      - { id: B, side: B, voltage: 230, amperage: 16, device: pdu-b }
devices:
  - { id: core, kind: router, site: pusatdata }
  - { id: rtr-setda, kind: router, agency: setda, site: kantor, parents: [core] }
  - id: srv-rsud
    kind: server
    agency: rsud
    site: pusatdata
    position: { rack: R1, u: 10, heightU: 2 }
    feeds: [A, B]
    watts: { allocated: 400 }
  - { id: pdu-a, kind: pdu, site: pusatdata, position: { rack: R1, u: 1 } }
  - { id: pdu-b, kind: pdu, site: pusatdata, position: { rack: R1, u: 2 } }
links:
  - id: isp-1
    device: core
    interface: ether1
    kind: isp
    committedRate: { mbps: 100, source: Kontrak ISP }
    contract: { availabilityPercent: 99.9, source: Kontrak ISP }
`;
}

/** Yesterday, one sample a minute (WIB): the outages and the gap every expectation below uses. */
function dayLines(): string[] {
  const out: string[] = [];
  const inside = (t: number, a: number, b: number) => t >= a && t < b;
  for (let t = day.from; t < day.to; t += MIN) {
    // core down 02:00-02:30; rtr-setda (child of core) down 02:00-02:45; srv-rsud silent 10-12.
    out.push(`ping,device=core up=${!inside(t, at(2), at(2, 30))} ${t}`);
    out.push(`ping,device=rtr-setda up=${!inside(t, at(2), at(2, 45))} ${t}`);
    if (!inside(t, at(10), at(12))) out.push(`ping,device=srv-rsud up=true ${t}`);
    // isp-1: 20 Mbit/s in, 60 from 10:00 to 12:00; out half of in.
    const bps = inside(t, at(10), at(12)) ? 60e6 : 20e6;
    out.push(
      `interface,device=core,ifName=ether1,link=isp-1 ifOperStatus=1,in_bps=${bps},out_bps=${bps / 2} ${t}`,
    );
  }
  return out;
}

/** Waits until the writer has written `n` more points (it flushes every 100 ms here). */
let seen = 0;
async function flushed(n: number) {
  const want = seen + n;
  for (let i = 0; i < 200 && (writer.stats().pointsWritten as number) < want; i++)
    await new Promise((r) => setTimeout(r, 25));
  seen = writer.stats().pointsWritten as number;
  expect(seen).toBeGreaterThanOrEqual(want);
}

const q = async (s: string) => influxQuery(influx.url, 'noc', s);
const rows = async (s: string) => {
  const r = await q(s);
  return (r.series ?? []).map((x) => ({
    tags: x.tags ?? {},
    v: Object.fromEntries(x.columns.map((c, i) => [c, x.values[0][i]])),
  }));
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'noc-sl-job-'));
  influx = await startInfluxd(join(dir, 'influxd'));
  config = parseConfig(yaml(influx.url, join(dir, 'data')), { baseDir: dir, env: {} }).config!;
  writer = createWriter(config, () => silentLogger);
  await writer.start();
  // What the writer's retention step does before its first write: the database, `raw` (default), `rollup`.
  await ensureRetention(
    'noc',
    config.influx.retention,
    async (s) => ({ results: [await q(s)] }),
    silentLogger,
  );
  const lines = dayLines();
  for (let i = 0; i < lines.length; i += 5000)
    await influxWrite(influx.url, 'noc', lines.slice(i, i + 5000), 'raw');
  clock = Date.now();
  const pdu = (id: string, w: number) => `pdu,device=${id},scope=device power_watts=${w} ${clock - MIN}`;
  // 3,100 W on feed A (84.24 % of 3,680 W), 2,900 W on B (78.80 %); a per-outlet reading is ignored.
  await influxWrite(
    influx.url,
    'noc',
    [
      pdu('pdu-a', 3100),
      pdu('pdu-b', 2900),
      `pdu,device=pdu-a,scope=outlet,index=1 power_watts=9999 ${clock - MIN}`,
    ],
    'raw',
  );
  const tee = { write: (s: Sample[]) => (written.push(...s), writer.write(s)) };
  alerting = new Alerting({ config, writer: tee, now: () => clock });
  alerting.start();
  pipeline = new Pipeline(config, tee, new Metrics(), silentLogger);
  pipeline.listen(alerting);
  const sink = pipeline.sinkFor('service-levels');
  jobs = new ServiceLevelJobs({
    config,
    publish: (ss) => ss.forEach((s) => sink.sample(s)),
    log: silentLogger,
    now: () => clock,
  });
}, 60_000);

afterAll(async () => {
  await alerting?.stop();
  await writer?.stop();
  await influx?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('capacity every 5 minutes', () => {
  it('writes the rack and feed points through the writer with the exact figures', async () => {
    const samples = await jobs.runCapacity();
    expect(samples.map((s) => `${s.tags.scope}:${s.tags.feed ?? s.tags.rack ?? s.tags.agency}`)).toEqual([
      'rack:R1',
      'feed:A',
      'feed:B',
      'agency:rsud',
    ]);
    await flushed(4);
    const rack = await rows(`SELECT * FROM "raw"."capacity" WHERE "scope" = 'rack'`);
    expect(rack).toHaveLength(1);
    // 4 U used of 42 (server 2 U, PDUs 1 U each), largest free U12-42; 6,000 W of 7,360 W.
    expect(rack[0].v).toEqual({
      time: clock,
      scope: 'rack',
      device: 'R1',
      rack: 'R1',
      site: 'pusatdata',
      feed: null,
      side: null,
      agency: null,
      units_total: 42,
      units_used: 4,
      units_free: 38,
      units_used_percent: (100 * 4) / 42,
      largest_free_block_u: 31,
      power_rated_watts: 7360,
      power_available_watts: 5888,
      power_allocated_watts: 400,
      power_measured_watts: 6000,
      power_load_watts: 6000,
      power_percent: (100 * 6000) / 7360, // 81.52 %
      failover_percent: (100 * 6000) / 2944, // 203.80 %: one side cannot carry the rack
      side_a_available_watts: 2944,
      side_b_available_watts: 2944,
      redundant: false,
      power_headroom_watts: null,
      load_percent: null,
      max_percent: null,
      devices: null,
    });
    const feeds = await rows(
      `SELECT power_measured_watts, power_percent, power_allocated_watts, power_available_watts, power_headroom_watts FROM "raw"."capacity" WHERE "scope" = 'feed' GROUP BY "feed", "side"`,
    );
    expect(feeds.map((f) => [f.tags, f.v])).toEqual([
      [
        { feed: 'A', side: 'A' },
        {
          time: clock,
          power_measured_watts: 3100,
          power_percent: (100 * 3100) / 3680,
          power_allocated_watts: 200,
          power_available_watts: 2944,
          power_headroom_watts: 2944 - 3100,
        },
      ],
      [
        { feed: 'B', side: 'B' },
        {
          time: clock,
          power_measured_watts: 2900,
          power_percent: (100 * 2900) / 3680,
          power_allocated_watts: 200,
          power_available_watts: 2944,
          power_headroom_watts: 2944 - 2900,
        },
      ],
    ]);
    const agency = await rows(
      `SELECT units_used, power_measured_watts FROM "raw"."capacity" WHERE "scope" = 'agency'`,
    );
    expect(agency.map((a) => a.v)).toEqual([{ time: clock, units_used: 2, power_measured_watts: 6000 }]);
  });

  it('five minutes later alerting fires rack-power-high and feed-power-high (not for feed B at 78.8 %)', async () => {
    clock += 5 * MIN;
    await jobs.runCapacity();
    const incidents = written.filter((s) => s.measurement === 'incident');
    expect(incidents.map((s) => [s.tags.rule, s.tags.device, s.tags.subject, s.fields.state]).sort()).toEqual(
      [
        ['feed-power-high', 'R1', 'R1/A', 'firing'],
        ['rack-power-high', 'R1', 'R1', 'firing'],
      ],
    );
    const store = AlertStore.open(join(config.agent.dataDir, 'alerting.db'));
    try {
      expect(
        store
          .incidents()
          .map((i) => `${i.rule} ${i.title}`)
          .sort(),
      ).toEqual([
        'feed-power-high Daya catu R1/A 84,24 % dari kapasitas',
        'rack-power-high Daya rak R1 81,52 % dari kapasitas',
      ]);
    } finally {
      store.close();
    }
  });
});

describe("yesterday's availability_daily and bandwidth_daily", () => {
  it('writes one point per object, agency and site at the day start into the rollup policy', async () => {
    const n = await jobs.runDaily(day.from);
    const pts = await rows(
      `SELECT * FROM "rollup"."availability_daily" WHERE time = ${day.from}ms GROUP BY "object_kind", "object"`,
    );
    expect(n).toBe(pts.length + 1); // + bandwidth_daily of isp-1
    const by = Object.fromEntries(pts.map((p) => [`${p.tags.object_kind}:${p.tags.object}`, p.v]));
    expect(Object.keys(by).sort()).toEqual([
      'agency:rsud',
      'agency:setda',
      'device:core',
      'device:pdu-a',
      'device:pdu-b',
      'device:rtr-setda',
      'device:srv-rsud',
      'link:isp-1',
      'site:kantor',
      'site:pusatdata',
    ]);
    const pick = (v: Record<string, unknown>) => ({
      monitored: v.monitored_seconds,
      down: v.downtime_seconds,
      up: v.up_seconds,
      unknown: v.unknown_seconds,
      parent: v.parent_seconds,
      outages: v.outages,
      longest: v.longest_outage_seconds,
      percent: v.availability_percent,
    });
    // core: 30 min down of 1,440 min.
    expect(pick(by['device:core'])).toEqual({
      monitored: 86400,
      down: 1800,
      up: 84600,
      unknown: 0,
      parent: 0,
      outages: 1,
      longest: 1800,
      percent: (100 * 84600) / 86400,
    });
    // rtr-setda: 45 min down, the first 30 while its parent was: 15 min count, 30 excluded.
    const setda = {
      monitored: 84600,
      down: 900,
      up: 83700,
      unknown: 0,
      parent: 1800,
      outages: 1,
      longest: 900,
      percent: (100 * 83700) / 84600,
    };
    expect(pick(by['device:rtr-setda'])).toEqual(setda);
    expect(pick(by['agency:setda'])).toEqual(setda);
    // srv-rsud: the 09:59 ping holds one minute, then 10:00-12:00 is tidak terpantau.
    const rsud = {
      monitored: 79200,
      down: 0,
      up: 79200,
      unknown: 7200,
      parent: 0,
      outages: 0,
      longest: 0,
      percent: 100,
    };
    expect(pick(by['device:srv-rsud'])).toEqual(rsud);
    // PDUs are not pinged: all day unknown, no availability figure at all.
    expect(pick(by['device:pdu-a'])).toEqual({ ...rsud, monitored: 0, up: 0, unknown: 86400, percent: null });
    // Pusat Data: core + srv-rsud + 2 PDUs, time added up.
    expect(pick(by['site:pusatdata'])).toEqual({
      monitored: 86400 + 79200,
      down: 1800,
      up: 84600 + 79200,
      unknown: 7200 + 2 * 86400,
      parent: 0,
      outages: 1,
      longest: 1800,
      percent: (100 * (84600 + 79200)) / (86400 + 79200),
    });
    // The link kept ifOperStatus 1 all day; its target is the contract's.
    expect(pick(by['link:isp-1'])).toMatchObject({ monitored: 86400, down: 0, percent: 100 });
    expect(by['link:isp-1']).toMatchObject({ site: 'pusatdata', target_percent: 99.9 });
    expect(by['device:core']).toMatchObject({ site: 'pusatdata', target_percent: null });
    expect(by['agency:setda']).toMatchObject({ agency: 'setda' });
    // Not in the raw policy, where rawDays would delete it.
    expect((await q(`SELECT count(*) FROM "raw"."availability_daily"`)).series).toBeUndefined();
  });

  it('bandwidth_daily of isp-1: 95th percentile, volume, utilisation against the committed 100 Mbit/s', async () => {
    const [b] = await rows(`SELECT * FROM "rollup"."bandwidth_daily" WHERE "link" = 'isp-1'`);
    // 288 five-minute means: 264 at 20 Mbit/s, 24 (10:00-12:00) at 60; rank ceil(0.95 × 288) =
    // 274 > 264: 60 Mbit/s. Volume in = (264·20 + 24·60) Mbit/s × 300 s / 8 = 252 GB.
    expect(b.v).toMatchObject({
      time: day.from,
      p95_in_bps: 60e6,
      p95_out_bps: 30e6,
      p95_max_bps: 60e6,
      p95_aggregate_bps: 90e6,
      avg_in_bps: (264 * 20e6 + 24 * 60e6) / 288,
      peak_in_bps: 60e6,
      volume_in_bytes: 252e9,
      volume_out_bytes: 126e9,
      peak_utilisation_percent: 60,
      samples: 288,
    });
  });
});
