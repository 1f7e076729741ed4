import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, PrivateInfluxd, startInfluxd } from '../../agent/lab/influxd';
import { noc } from '../harness/cli';
import { configYaml, yearLines } from './analytics-fixture';

/**
 * noc availability / bandwidth / capacity / colocation against a real InfluxDB 1.6 loaded with
 * the generated year 2025 (analytics-fixture.ts). Every expected figure is worked out by hand in
 * the comments from the events of the fixture; minutes (m) are of the period.
 */
let db: PrivateInfluxd;
let dir: string;
let conf: string;
let confEn: string;

const q = async (s: string) => {
  const res = await fetch(`${db.url}/query`, {
    method: 'POST',
    body: new URLSearchParams({ q: s, db: 'noc', epoch: 'ms' }),
  });
  return (await res.json()) as {
    results: { series?: { columns: string[]; values: unknown[][]; tags?: Record<string, string> }[] }[];
  };
};
const write = async (lines: string[], rp: string) => {
  const res = await fetch(`${db.url}/write?db=noc&rp=${rp}&precision=ms`, {
    method: 'POST',
    body: lines.join('\n'),
  });
  if (!res.ok) throw new Error(await res.text());
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'noc-analytics-'));
  db = await startInfluxd(join(dir, 'influxd'));
  await q('CREATE DATABASE noc');
  await q('CREATE RETENTION POLICY "raw" ON noc DURATION INF REPLICATION 1 DEFAULT');
  await q('CREATE RETENTION POLICY "rollup" ON noc DURATION INF REPLICATION 1');
  let batch: string[] = [];
  for (const l of yearLines()) {
    batch.push(l);
    if (batch.length === 50_000) {
      await write(batch, 'rollup');
      batch = [];
    }
  }
  await write(batch, 'rollup');
  // The last readings of the PDUs and the UPS, five minutes ago (raw samples).
  const t = Date.now() - 300_000;
  await write(
    [
      `pdu,device=pdu-a,scope=device power_watts=500 ${t}`,
      `pdu,device=pdu-b,scope=device power_watts=700 ${t}`,
      `pdu,device=pdu-b,scope=outlet,index=1 power_watts=9999 ${t}`,
      `ups,device=ups-1 load_percent=45,runtime_minutes=12 ${t}`,
    ],
    'raw',
  );
  conf = join(dir, 'noc.yaml');
  confEn = join(dir, 'noc-en.yaml');
  writeFileSync(conf, configYaml(db.url));
  writeFileSync(confEn, configYaml(db.url, 'en'));
}, 120_000);

afterAll(async () => {
  await db?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The cells of the table row that starts with `id` (columns are separated by 2+ spaces). */
function row(stdout: string, id: string): string[] {
  const line = stdout.split('\n').find((l) => l.split(/\s{2,}/)[0] === id);
  if (!line) throw new Error(`no row "${id}" in:\n${stdout}`);
  return line.split(/\s{2,}/);
}

describe('noc availability over the generated year 2025', () => {
  it('per device: outages, parent-caused and maintenance time excluded, added date, tidak terpantau', () => {
    const r = noc(['availability', '--period', '2025', '--by', 'device', '-c', conf]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Ketersediaan 1 Januari 2025 – 31 Desember 2025 (WIB)');
    // core: 525,600 m in 2025, down 30 m: 100 × 525,570 / 525,600 = 99.99429 % (Tier III).
    expect(row(r.stdout, 'core')).toEqual([
      'core',
      'core',
      '99,994 %',
      '-',
      '-',
      'III',
      '1',
      '30 m',
      '30 m',
      '8759 j 30 m',
      '30 m',
      '0 d',
      '0 d',
    ]);
    // rtr-setda: 60 m maintenance, 30 m parent-caused, down 15 m + 60 m = 75 m;
    // up = 525,600 − 60 − 30 − 75 = 525,435; 100 × 525,435 / 525,510 = 99.98573 %.
    // MTTR 75/2 = 37 m 30 s; MTBF 525,435/2 m = 4378 h 37.5 m.
    expect(row(r.stdout, 'rtr-setda')).toEqual([
      'rtr-setda',
      'rtr-setda',
      '99,986 %',
      '-',
      '-',
      'III',
      '2',
      '1 j 15 m',
      '37 m 30 d',
      '4378 j 37 m',
      '1 j 0 m',
      '0 d',
      '1 j 0 m',
    ]);
    // srv-rsud: added 1 July: 184 days = 264,960 m; 120 m not monitored; down 20 m (the May outage
    // is before it was added); 100 × 264,820 / 264,840 = 99.99245 %.
    expect(row(r.stdout, 'srv-rsud')).toEqual([
      'srv-rsud',
      'srv-rsud',
      '99,992 %',
      '-',
      '-',
      'III',
      '1',
      '20 m',
      '20 m',
      '4413 j 40 m',
      '20 m',
      '2 j 0 m',
      '0 d',
    ]);
    // No data at all for the PDUs: never silently up.
    expect(row(r.stdout, 'pdu-a').slice(2, 4)).toEqual(['tidak terpantau', '-']);
    expect(row(r.stdout, 'pdu-a')[11]).toBe('8760 j 0 m');
  });

  it('per link and per service, against their targets', () => {
    const links = noc(['availability', '--period', '2025', '--by', 'link', '-c', conf]);
    // isp-1: 30 m without SNMP data while the core was down, down 10 m:
    // 100 × (525,600 − 30 − 10) / (525,600 − 30) = 99.99810 % ≥ 99.9 (its contract).
    expect(row(links.stdout, 'isp-1').slice(2, 8)).toEqual(['99,998 %', '99,900 %', 'ya', 'IV', '1', '10 m']);
    expect(row(links.stdout, 'isp-2').slice(2, 8)).toEqual(['100,000 %', '-', '-', 'IV', '0', '0 d']);
    const services = noc(['availability', '--period', '2025', '--by', 'service', '-c', conf]);
    // portal: from 1 July (its device's date), 264,960 m; both URLs together down 12:00-12:30 on
    // 1 Aug = 30 m; on 3 Nov 20 m while srv-rsud was down = parent-caused.
    // 100 × (264,960 − 20 − 30) / (264,960 − 20) = 99.98868 %.
    expect(row(services.stdout, 'portal').slice(1, 8)).toEqual([
      'Portal Pemda',
      '99,989 %',
      '99,500 %',
      'ya',
      'III',
      '1',
      '30 m',
    ]);
  });

  it('per agency and site (devices added up by time) and for one month', () => {
    // November 2025 (43,200 m): core up throughout, srv-rsud down 20 m (the PDUs and UPS are not
    // monitored): up 43,200 + 43,180 of 86,400 monitored = 99.97685 %.
    const sites = noc(['availability', '--period', '2025-11', '--by', 'site', '-c', conf]);
    expect(row(sites.stdout, 'pusatdata').slice(1, 8)).toEqual([
      'Pusat Data',
      '99,977 %',
      '-',
      '-',
      'II',
      '1',
      '20 m',
    ]);
    // October 2025: 44,640 m, rtr-setda down 60 m: 100 × 44,580 / 44,640 = 99.86559 % (Tier II).
    const agencies = noc(['availability', '--period', '2025-10', '--by', 'agency', '-c', conf]);
    expect(agencies.stdout).toContain('Ketersediaan 1 Oktober 2025 – 31 Oktober 2025 (WIB)');
    expect(row(agencies.stdout, 'setda').slice(1, 8)).toEqual([
      'Sekretariat Daerah',
      '99,866 %',
      '-',
      '-',
      'II',
      '1',
      '1 j 0 m',
    ]);
  });

  it('json carries the same figures unformatted, csv for spreadsheets, English on request', () => {
    const json = JSON.parse(noc(['availability', '--period', '2025', '--format', 'json', '-c', conf]).stdout);
    const setda = json.rows.find((x: { id: string }) => x.id === 'rtr-setda');
    expect(setda).toMatchObject({
      outages: 2,
      downtimeSeconds: 4500,
      maintenanceSeconds: 3600,
      parentCausedSeconds: 1800,
      tier: 'III',
    });
    expect(setda.availabilityPercent).toBeCloseTo((100 * 525435) / 525510, 9);
    expect(setda.outageList[1]).toEqual({
      from: '2025-10-12T01:00:00.000Z',
      to: '2025-10-12T02:00:00.000Z',
      seconds: 3600,
    });
    // February 2025: 40,320 m; core down 30 m: 99.92560 % (Tier II); MTBF 40,290 m = 2,417,400 s.
    const csv = noc(['availability', '--period', '2025-02', '--format', 'csv', '-c', conf]).stdout.split(
      '\n',
    );
    expect(csv[0]).toBe(
      'kind,id,availability_percent,target_percent,meets_target,tier,outages,downtime_s,mttr_s,mtbf_s,longest_s,not_monitored_s,maintenance_s,parent_s',
    );
    expect(csv.find((l) => l.startsWith('device,core,'))).toBe(
      `device,core,${(100 * 40290) / 40320},,,II,1,1800,1800,2417400,1800,0,0,0`,
    );
    // rtr-setda in February: 30 m parent-caused, 15 m its own: 100 × 40,275 / 40,290 = 99.96277 %.
    const en = noc(['availability', '--period', '2025-02', '-c', confEn]);
    expect(en.stdout).toContain('Availability 1 February 2025 – 28 February 2025 (WIB)');
    expect(row(en.stdout, 'rtr-setda').slice(2, 10)).toEqual([
      '99.963 %',
      '-',
      '-',
      'II',
      '1',
      '15 min',
      '15 min',
      '671 h 15 min',
    ]);
  });

  it('--write stores availability_daily', async () => {
    expect(noc(['availability', '--period', '2025-10', '--write', '-c', conf]).status).toBe(0);
    const r = await q(
      `SELECT * FROM "rollup".availability_daily WHERE "object" = 'rtr-setda' AND time = ${Date.parse('2025-10-11T17:00:00Z')}ms`,
    );
    const s = r.results[0].series![0];
    const v = Object.fromEntries(s.columns.map((c, i) => [c, s.values[0][i]]));
    // 12 Oct: 1,440 m, down 60 m: 95.8333 %.
    expect(v).toMatchObject({
      downtime_seconds: 3600,
      monitored_seconds: 86400,
      up_seconds: 82800,
      outages: 1,
      object_kind: 'device',
      agency: 'setda',
    });
    expect(v.availability_percent).toBeCloseTo((100 * 1380) / 1440, 9);
    const days = await q(`SELECT count(up_seconds) FROM "rollup".availability_daily WHERE "object" = 'core'`);
    expect(days.results[0].series![0].values[0][1]).toBe(31);
  });
});

describe('noc bandwidth for October 2025 (8,928 five-minute samples per link)', () => {
  it('bill-style table: 95th percentiles, utilisation, volume, committed-rate check', () => {
    const r = noc(['bandwidth', '--month', '2025-10', '-c', conf]);
    expect(r.status).toBe(0);
    // isp-1 in: 2 × 0, 7,798 × 20, 1,104 × 60 (10-13 h daily but 15 Oct 9-11 h), 24 × 98 Mbps.
    // Rank ceil(0.95 × 8,928) = 8,482 falls in the 60s. Out is half of in; aggregate 1.5 × in.
    // Average in = (7,798·20 + 1,104·60 + 24·98)/8,928 = 25.151 Mbps = 25.2 % of 100; peak 98 %.
    // Volume in = 224,552 Mbit/s·samples × 300 s / 8 = 8,420.70 GB; out half of it.
    // Saturated 24 samples at 98 Mbps: 2 % short of 100, within 5 %: reached.
    expect(row(r.stdout, 'isp-1')).toEqual([
      'isp-1',
      '100,00 Mbps',
      '60,00 Mbps',
      '30,00 Mbps',
      '60,00 Mbps',
      '90,00 Mbps',
      '25,2 %',
      '98,0 %',
      '8.420,70 GB',
      '4.210,35 GB',
      'tercapai',
    ]);
    // isp-2: 7,812 × 30 and 1,116 × 80 Mbps (flat, every day 10-13 h): p95 80, average 36.25 Mbps,
    // volume in 323,640 × 37.5 = 12,136.50 GB; tops out at 80 of 100 Mbps: a finding.
    expect(row(r.stdout, 'isp-2')).toEqual([
      'isp-2',
      '100,00 Mbps',
      '80,00 Mbps',
      '40,00 Mbps',
      '80,00 Mbps',
      '120,00 Mbps',
      '36,3 %',
      '80,0 %',
      '12.136,50 GB',
      '6.068,25 GB',
      'TEMUAN: di bawah komitmen',
    ]);
    expect(r.stdout).toContain(
      'Temuan isp-2: saat jenuh (1116 sampel 5 menit) throughput hanya 80,00 Mbps, 20,0 % di bawah laju komitmen 100,00 Mbps.',
    );
    // ISP SLA of isp-1: October availability 100 × 44,630 / 44,640 = 99.97760 %, latency 12.5 ms, loss 0.5 %.
    expect(row(r.stdout, 'ketersediaan')).toEqual(['ketersediaan', '99,900 %', '99,978 %', 'ya']);
    expect(row(r.stdout, 'latensi')).toEqual(['latensi', '20,0 ms', '12,5 ms', 'ya']);
    expect(row(r.stdout, 'kehilangan paket')).toEqual(['kehilangan paket', '1,00 %', '0,50 %', 'ya']);
  });

  it('--link, json and --write bandwidth_daily', async () => {
    const r = JSON.parse(
      noc(['bandwidth', '--link', 'isp-2', '--month', '2025-10', '--format', 'json', '--write', '-c', conf])
        .stdout,
    );
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0].summary).toMatchObject({
      samples: 8928,
      p95InBps: 80e6,
      avgInBps: 36.25e6,
      committed: { verdict: 'below', ceilingBps: 80e6, saturatedSamples: 1116 },
    });
    const d = await q(
      `SELECT p95_in_bps, volume_in_bytes, samples FROM "rollup".bandwidth_daily WHERE "link" = 'isp-2' AND time = ${Date.parse('2025-10-14T17:00:00Z')}ms`,
    );
    // 15 Oct: 252 × 30 + 36 × 80 Mbps; rank ceil(0.95 × 288) = 274 > 252: 80 Mbps.
    expect(d.results[0].series![0].values[0].slice(1)).toEqual([
      80e6,
      ((252 * 30 + 36 * 80) * 1e6 * 300) / 8,
      288,
    ]);
    expect(noc(['bandwidth', '--link', 'nope', '-c', conf]).status).toBe(1);
  });
});

describe('noc capacity and noc colocation check', () => {
  it('rack space, feed power (allocated, measured, available), redundancy, UPS headroom', async () => {
    const r = noc(['capacity', '--write', '-c', conf]);
    expect(r.status).toBe(0);
    // R1: PDUs in U1-2, srv-rsud U10-11: 4 U used, 38 free, largest block U12-42 = 31 U.
    // Allocated 400 W (200 W per feed), measured 500 + 700 W; 2,944 W available per side.
    expect(row(r.stdout, 'R1')).toEqual([
      'R1',
      'pusatdata',
      '4 U',
      '38 U',
      '31 U',
      '400 W',
      '1.200 W',
      '2.944 W',
      '2.944 W',
      'ya',
    ]);
    expect(row(r.stdout, 'R2')).toEqual([
      'R2',
      'pusatdata',
      '0 U',
      '4 U',
      '4 U',
      '0 W',
      '-',
      '1.840 W',
      '0 W',
      '-',
    ]);
    // Feed B: load max(200, 700) = 700 W = 19.0 % of 3,680 W; headroom 2,944 − 700 = 2,244 W.
    const feedB = r.stdout.split('\n').find((l) => /^R1\s+B\s+B\s/.test(l))!;
    expect(feedB.split(/\s{2,}/)).toEqual([
      'R1',
      'B',
      'B',
      '3.680 W',
      '2.944 W',
      '200 W',
      '700 W',
      '700 W',
      '19,0 %',
      '80 %',
      '2.244 W',
    ]);
    expect(row(r.stdout, 'ups-1')).toEqual(['ups-1', '45 %', '55 %', '12 menit', '-3 menit', 'tidak']);
    expect(row(r.stdout, 'RSUD Kabupaten')).toEqual(['RSUD Kabupaten', '1', '2 U', '400 W']);
    const c = await q(
      `SELECT units_free, largest_free_block_u, power_measured_watts, redundant, power_percent FROM capacity WHERE "scope" = 'rack' AND "rack" = 'R1'`,
    );
    // power_percent (what rack-power-high reads): measured 1,200 W of 2 × 3,680 W rated.
    expect(c.results[0].series![0].values[0].slice(1)).toEqual([38, 31, 1200, true, (100 * 1200) / 7360]);
    const feed = await q(
      `SELECT power_percent FROM capacity WHERE "scope" = 'feed' AND "rack" = 'R1' AND "feed" = 'B'`,
    );
    expect(feed.results[0].series![0].values[0][1]).toBe((100 * 700) / 3680);
  });

  it('lists the racks that fit and why the others do not; exit 0 / 1', () => {
    const ok = noc([
      'colocation',
      'check',
      '--units',
      '2',
      '--watts',
      '450',
      '--redundant',
      '--agency',
      'rsud',
      '-c',
      conf,
    ]);
    expect(ok.status).toBe(0);
    expect(ok.stdout.split('\n')).toEqual([
      'Cek colocation: 2 U, 450 W, redundan A/B untuk RSUD Kabupaten',
      '  BISA   R1: mulai U3, catu daya A+B',
      '  TIDAK  R2: tidak ada pasangan catu daya A/B',
      '',
    ]);
    // 1,200 W measured + 1,800 W = 3,000 W > 2,944 W on either side alone.
    const none = noc(['colocation', 'check', '--units', '2', '--watts', '1800', '--redundant', '-c', conf]);
    expect(none.status).toBe(1);
    expect(none.stdout).toContain(
      'TIDAK  R1: jika sisi B padam, sisi A menanggung 3.000 W (tersedia 2.944 W); jika sisi A padam, sisi B menanggung 3.000 W (tersedia 2.944 W)',
    );
    expect(none.stdout).toContain('Tidak ada rak yang dapat menampung server ini.');
    // Single-corded 1,900 W: R1 feed A has 2,444 W headroom; R2's only feed 1,840 W: 1,900/2,300 = 82.6 %.
    const single = noc(['colocation', 'check', '--units', '5', '--watts', '1900', '-c', conf]);
    expect(single.status).toBe(0);
    expect(single.stdout).toContain('BISA   R1: mulai U3, catu daya A');
    expect(single.stdout).toContain(
      'TIDAK  R2: tidak ada ruang kontigu: terbesar 4 U, perlu 5 U; catu daya A akan mencapai 82,6 % (maks 80 %)',
    );
  });

  it('without InfluxDB the check still runs on allocated watts and says so', async () => {
    const offline = join(dir, 'offline.yaml');
    writeFileSync(offline, configYaml(`http://127.0.0.1:${await freePort()}`));
    // Allocated only: 400 W in R1, so 2,500 W redundant fits (2,900 W ≤ 2,944 W per side).
    const r = noc(['colocation', 'check', '--units', '2', '--watts', '2500', '--redundant', '-c', offline]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /^peringatan: daya terukur tidak tersedia \(InfluxDB at http:\/\/127\.0\.0\.1:\d+ is not reachable \(ECONNREFUSED\); check influx\.url\); hanya daya teralokasi yang dihitung\n$/,
    );
    expect(r.stdout).toContain('BISA   R1: mulai U3, catu daya A+B');
  });
});
