import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { stringify } from 'yaml';
import { startInfluxd, PrivateInfluxd } from '../../agent/lab/influxd';
import { parseConfig } from '../../config/load';
import { verifyReportDir } from '../../reports/manifest';
import type { Report } from '../../reports/model';
import { runReport } from '../../reports/run';
import { influxQuery, influxWrite } from '../harness/influx-http';
import { influxEdge } from '../../analytics/influx/client';
import { objectTimelines } from '../../analytics/report/availability';
import { availabilityDailyLines } from '../../analytics/report/daily';
import { alertingDbFile } from '../../alerting';
import { AlertStore } from '../../alerting/store';
import type { Incident, Route } from '../../alerting/types';

/**
 * A generated year (2025, WIB) of 5-minute rollups as the agent's continuous query writes them,
 * with known outages, a maintenance window, a monitoring gap, a link capped below its committed
 * rate and a firmware change. The report's figures must equal the hand-computed ones.
 */
const WIB = 7 * 3600_000;
const at = (iso: string) => Date.parse(`${iso}+07:00`);
const FROM = at('2025-01-01T00:00:00');
const TO = at('2026-01-01T00:00:00');
const STEP = 300_000;
const R1_OUTAGE = [at('2025-07-10T02:00:00'), at('2025-07-10T04:00:00')];
// Over midnight and a month's end: one outage, 30 minutes in March and 60 in April.
const R1_OUTAGE_2 = [at('2025-03-31T23:30:00'), at('2025-04-01T01:00:00')];
const MAINT = [at('2025-06-15T01:00:00'), at('2025-06-15T05:00:00')];
const GAP = [at('2025-08-17T00:00:00'), at('2025-08-18T00:00:00')];
const S1_ADDED = at('2025-05-01T00:00:00');
const FIRMWARE_CHANGE = at('2025-09-01T03:00:00');
const inside = (t: number, w: number[]) => t >= w[0] && t < w[1];
const MIN = 60_000;
const HOUR = 3600_000;

/**
 * The alerting store as the agent leaves it: r1's two outages (the July one with s1's
 * dependent incident), a certificate incident open since before the year, a disk incident on
 * an agency server escalated from its Tier 1, an unrouted custom rule, and two outside 2025.
 */
const INFRA: Route = { tier: 2, team: 'infrastruktur', teamName: 'Tim Infrastruktur', notify: [] };
const DC: Route = { tier: 2, team: 'datacenter', teamName: 'Tim Data Center', notify: [] };
const CERT_START = at('2024-12-20T08:00:00');
function incident(id: string, rule: string, device: string, o: Partial<Incident>): Incident {
  return {
    id,
    key: `${rule}|${device}|`,
    rule,
    device,
    subject: '',
    severity: 'kritis',
    state: o.resolvedAt === undefined ? (o.ackedAt === undefined ? 'firing' : 'acknowledged') : 'resolved',
    flapping: false,
    startedAt: 0,
    firedAt: o.startedAt ?? 0,
    value: false,
    threshold: false,
    field: 'up',
    ticketed: true,
    escalationLevel: 0,
    title: `${rule} ${device}`,
    ...o,
  };
}
const INCIDENTS: Incident[] = [
  incident('INC-20241101-0001', 'device-unreachable', 'r1', {
    startedAt: at('2024-11-01T10:00:00'),
    resolvedAt: at('2024-11-01T11:00:00'),
    route: INFRA,
  }),
  incident('INC-20241220-0002', 'tls-certificate-expiring', 'portal', {
    severity: 'sedang',
    startedAt: CERT_START,
    ackedAt: CERT_START + 2 * HOUR,
    ackedBy: 'budi',
    route: DC,
  }),
  incident('INC-20250331-0003', 'device-unreachable', 'r1', {
    startedAt: R1_OUTAGE_2[0],
    firedAt: R1_OUTAGE_2[0] + 5 * MIN,
    ackedAt: R1_OUTAGE_2[0] + 35 * MIN,
    ackedBy: 'budi',
    resolvedAt: R1_OUTAGE_2[1],
    route: INFRA,
  }),
  incident('INC-20250709-0004', 'device-unreachable', 'r1', {
    startedAt: R1_OUTAGE[0],
    firedAt: R1_OUTAGE[0] + 5 * MIN,
    ackedAt: R1_OUTAGE[0] + 20 * MIN,
    ackedBy: 'sari',
    resolvedAt: R1_OUTAGE[1],
    route: INFRA,
    affected: { devices: ['r1', 's1'], agencies: ['dinkes'], services: ['portal'] },
  }),
  incident('INC-20250709-0005', 'device-unreachable', 's1', {
    startedAt: R1_OUTAGE[0],
    resolvedAt: R1_OUTAGE[1],
    suppressed: 'parent',
    parentIncident: 'INC-20250709-0004',
    ticketed: false,
  }),
  // Nobody at the agency acknowledged within 30 minutes: escalated to Tier 2 (the route now).
  incident('INC-20250910-0006', 'disk-high', 's1', {
    severity: 'tinggi',
    startedAt: at('2025-09-10T10:00:00'),
    ackedAt: at('2025-09-10T11:15:00'),
    ackedBy: 'andi',
    resolvedAt: at('2025-09-10T13:00:00'),
    route: DC,
    escalationLevel: 1,
  }),
  incident('INC-20251103-0007', 'latency-high', 'r1', {
    severity: 'rendah',
    startedAt: at('2025-11-03T09:00:00'),
    resolvedAt: at('2025-11-03T09:30:00'),
    ticketed: false,
  }),
  incident('INC-20260102-0008', 'device-unreachable', 'r1', {
    startedAt: at('2026-01-02T10:00:00'),
    route: INFRA,
  }),
];

function writeIncidents(file: string): void {
  const store = AlertStore.open(file);
  for (const i of INCIDENTS) {
    store.saveIncident(i);
    if (i.ackedAt) store.addAck(i.id, i.ackedBy!, undefined, i.ackedAt);
  }
  store.close();
}

const configYaml = stringify({
  organisation: { name: 'Diskominfo Kabupaten Uji' },
  influx: { url: 'http://127.0.0.1:1', database: 'noc' },
  agencies: [{ id: 'dinkes', name: 'Dinas Kesehatan' }],
  sites: [{ id: 'pd', name: 'Pusat Data' }],
  devices: [
    {
      id: 'r1',
      kind: 'router',
      site: 'pd',
      criticality: 'Strategis',
      snmp: { version: '2c', community: 'x' },
    },
    {
      id: 's1',
      kind: 'server',
      site: 'pd',
      agency: 'dinkes',
      parents: ['r1'],
      added: '2025-05-01',
      snmp: { version: '3', auth: { username: 'u', authKey: 'k1234567', privKey: 'p1234567' } },
    },
  ],
  links: [
    {
      id: 'isp-1',
      device: 'r1',
      interface: 'ether1',
      kind: 'isp',
      committedRate: { mbps: 100, source: 'Kontrak ISP 2025' },
      contract: { availabilityPercent: 99.5, source: 'Kontrak ISP 2025' },
    },
  ],
  services: [
    {
      id: 'portal',
      name: 'Portal Kabupaten',
      urls: ['https://portal.uji.go.id/'],
      devices: ['s1'],
      availabilityTarget: { percent: 99.9, source: 'SLA Diskominfo 2025' },
    },
  ],
  alerting: {
    maintenance: [
      {
        id: 'ganti-disk',
        device: 's1',
        from: '2025-06-15 01:00',
        to: '2025-06-15 05:00',
        reason: 'Ganti disk',
      },
    ],
  },
});

function* year(): Generator<string> {
  for (let t = FROM; t < TO; t += STEP) {
    if (inside(t, GAP)) continue;
    const r1up = !inside(t, R1_OUTAGE) && !inside(t, R1_OUTAGE_2);
    yield `ping,device=r1,kind=router,site=pd last_up=${r1up},mean_loss_percent=${r1up ? 0 : 100},mean_rtt_avg_ms=3 ${t}`;
    if (t >= S1_ADDED) {
      const s1up = r1up && !inside(t, MAINT);
      yield `ping,agency=dinkes,device=s1,kind=server,site=pd last_up=${s1up} ${t}`;
    }
    const hour = new Date(t + WIB).getUTCHours();
    const inBps = hour >= 8 && hour < 16 ? 80e6 : 20e6;
    yield `interface,device=r1,ifName=ether1,link=isp-1 last_ifOperStatus=1,last_ifHighSpeed=1000,mean_in_bps=${inBps},mean_out_bps=10e6 ${t}`;
    yield `http,service=portal,url=https://portal.uji.go.id/ last_up=true,last_cert_days_left=20 ${t}`;
    yield `noc_agent last_uptime_seconds=${(t - FROM) / 1000} ${t}`;
    if ((t - FROM) % 3600_000 === 0) {
      // The job's capacity points (hourly here): a server moved in in July, batteries aging in October.
      const july = t >= at('2025-07-01T00:00:00');
      const october = t >= at('2025-10-01T00:00:00');
      yield `capacity,device=R1,rack=R1,scope=rack last_units_used=${july ? 14 : 10}i,last_units_free=${july ? 28 : 32}i ${t}`;
      yield `capacity,device=R1,feed=A,rack=R1,scope=feed last_power_measured_watts=${july ? 1100 : 800},last_power_percent=${july ? 55 : 40} ${t}`;
      yield `capacity,device=ups1,scope=ups last_runtime_minutes=${october ? 22 : 30} ${t}`;
    }
    if ((t + WIB) % 86400_000 === 0) {
      yield `inventory,device=r1,kind=router last_present=true ${t}`;
      if (t >= S1_ADDED) yield `inventory,device=s1,kind=server last_present=true ${t}`;
      const descr = t < FIRMWARE_CHANGE ? 'RouterOS 7.14' : 'RouterOS 7.16';
      yield `system,device=r1 last_sysDescr="${descr}" ${t}`;
    }
  }
  yield `event,device=r1,type=reboot last_text="Perangkat r1 dinyalakan ulang" ${FIRMWARE_CHANGE}`;
}

let influx: PrivateInfluxd;
let dir: string;
let out: string;
let report: Report;
const keys = generateKeyPairSync('ed25519');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'noc-report-'));
  influx = await startInfluxd(join(dir, 'influx'));
  for (const q of [
    'CREATE DATABASE noc',
    'CREATE RETENTION POLICY raw ON noc DURATION 30d REPLICATION 1 DEFAULT',
    'CREATE RETENTION POLICY rollup ON noc DURATION INF REPLICATION 1',
  ])
    await influxQuery(influx.url, 'noc', q);
  let batch: string[] = [];
  for (const line of year()) {
    batch.push(line);
    if (batch.length === 5000) {
      await influxWrite(influx.url, 'noc', batch, 'rollup');
      batch = [];
    }
  }
  await influxWrite(influx.url, 'noc', batch, 'rollup');

  const pem = join(dir, 'report.key');
  writeFileSync(pem, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  const loaded = parseConfig(
    configYaml.replace('http://127.0.0.1:1', influx.url) +
      `reports:\n  signingKey: { file: ${pem} }\nagent:\n  dataDir: ${join(dir, 'data')}\n`,
    { baseDir: dir, env: {} },
  );
  expect(loaded.problems).toEqual([]);
  mkdirSync(join(dir, 'data'));
  writeIncidents(alertingDbFile(loaded.config!));
  out = join(dir, 'out');
  await runReport(loaded.config!, {
    kind: 'audit',
    year: '2025',
    formats: ['pdf', 'xlsx', 'csv', 'json'],
    lang: 'id',
    outDir: out,
    now: Date.parse('2026-12-01T04:00:00Z'),
  });
  report = JSON.parse(readFileSync(join(out, 'laporan-audit-2025.json'), 'utf8')) as Report;
}, 240_000);

afterAll(async () => {
  await influx?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const table = (id: string) => report.sections.flatMap((s) => s.tables).find((t) => t.id === id)!;
const rowOf = (id: string, key: string, value: string) => table(id).rows.find((r) => r[key] === value)!;

// Hand-computed: 2025 has 105,120 five-minute slots; the monitoring gap takes 288 of them; r1
// is down 24 + 18 of them.
const R1_MONITORED = 105_120 - 288;
const R1_AVAILABILITY = (100 * (R1_MONITORED - 42)) / R1_MONITORED;

describe('audit report of a generated year', () => {
  it('is titled for the organisation and the year, with the four audit domains', () => {
    expect(report.meta.title).toBe(
      'Laporan Audit Infrastruktur SPBE — Diskominfo Kabupaten Uji — Tahun 2025',
    );
    expect(report.sections.map((s) => s.id)).toEqual([
      'a-tata-kelola',
      'b-fungsionalitas',
      'c-kinerja',
      'd-aspek-lain',
    ]);
  });

  it('availability per device equals the hand-computed figure (outages 2 h and 1,5 h, gap 24 h excluded)', () => {
    const r1 = rowOf('ketersediaan-device', 'id', 'r1');
    expect(r1.availability).toBeCloseTo(R1_AVAILABILITY, 9);
    expect(r1.outages).toBe(2);
    expect(r1.downtime).toBe(3.5 * 3600_000);
    // 99,96 % is at least tier II (99,741 %) and below tier III (99,982 %).
    expect(r1.tier).toBe('II');
    expect(rowOf('gangguan', 'id', 'r1')).toMatchObject({
      outages: 2,
      mttr: 1.75 * 3600_000,
      longest: 2 * 3600_000,
    });
  });

  it('the monthly table is each month on its own (the outage over midnight split at the month end)', () => {
    const monthly = table('ketersediaan-bulanan').rows;
    expect(monthly).toHaveLength(12);
    // Only r1 is in the inventory until May: March lost 6 slots, April 12.
    expect(monthly[1]).toMatchObject({ month: 'Feb 2025', devices: 100, outages: 0 });
    expect(monthly[2].devices).toBeCloseTo((100 * (31 * 288 - 6)) / (31 * 288), 12);
    expect(monthly[3].devices).toBeCloseTo((100 * (30 * 288 - 12)) / (30 * 288), 12);
    expect([monthly[2].outages, monthly[3].outages, monthly[6].outages]).toEqual([1, 1, 1]);
  });

  it("the child is not charged for its parent's outage nor for maintenance, and is clipped to its added date", () => {
    const s1 = rowOf('ketersediaan-device', 'id', 's1');
    expect(s1.availability).toBe(100);
    expect(s1.outages).toBe(0);
    // Its own measurements cover the time since it was added, less maintenance, less the 24 h
    // gap and less the 2 h its parent was down (that time is the parent's).
    const sinceAdded = (TO - S1_ADDED) / STEP - 48;
    expect(s1.coverage).toBeCloseTo((100 * (sinceAdded - 288 - 24)) / sinceAdded, 9);
  });

  it('service and link availability, against their targets', () => {
    expect(rowOf('ketersediaan-service', 'id', 'portal')).toMatchObject({
      availability: 100,
      target: 99.9,
      met: 'ya',
    });
    expect(rowOf('ketersediaan-link', 'id', 'isp-1')).toMatchObject({
      availability: 100,
      target: 99.5,
      met: 'ya',
    });
  });

  it('bandwidth: p95 and the link capped below its committed rate, every month', () => {
    const rows = table('bandwidth').rows.filter((r) => r.link === 'isp-1');
    expect(rows).toHaveLength(12);
    for (const r of rows) {
      expect(r.p95in).toBe(80e6);
      expect(r.p95out).toBe(10e6);
      expect(r.committed).toBe(100e6);
    }
  });

  it('capacity trend: the month-end values, month by month', () => {
    const rows = table('kapasitas-tren').rows;
    expect(rows).toHaveLength(12);
    const jan = { used: 10, free: 32, measured: 800, feed: 40, runtime: 30 };
    expect(rows[0]).toEqual({ month: 'Jan 2025', ...jan });
    expect(rows[5]).toEqual({ month: 'Jun 2025', ...jan });
    expect(rows[6]).toEqual({ month: 'Jul 2025', used: 14, free: 28, measured: 1100, feed: 55, runtime: 30 });
    expect(rows[11]).toEqual({
      month: 'Des 2025',
      used: 14,
      free: 28,
      measured: 1100,
      feed: 55,
      runtime: 22,
    });
  });

  it('governance: inventory first/last seen, the firmware change, the reboot and the maintenance window', () => {
    expect(rowOf('inventaris', 'id', 's1').firstSeen).toBe(S1_ADDED);
    const changes = table('perubahan').rows;
    expect(changes).toContainEqual(
      expect.objectContaining({
        device: 'r1',
        change: 'OS/firmware berubah',
        detail: 'RouterOS 7.14 → RouterOS 7.16',
      }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ device: 'r1', change: 'Restart terdeteksi', detail: '1' }),
    );
    expect(changes).toContainEqual(
      expect.objectContaining({ device: 's1', change: 'Perangkat ditambahkan', time: S1_ADDED }),
    );
    expect(table('pemeliharaan').rows).toEqual([
      {
        scope: 'device=s1',
        from: MAINT[0],
        to: MAINT[1],
        duration: 4 * 3600_000,
        reason: 'Ganti disk',
        by: 'config',
      },
    ]);
  });

  it('other aspects: SNMPv2c flagged, the expiring certificate, the monitoring gap stated', () => {
    expect(table('keamanan').rows).toEqual([
      { device: 'r1', observation: 'SNMPv2c (community tanpa enkripsi)' },
    ]);
    expect(table('sertifikat').rows).toEqual([{ url: 'https://portal.uji.go.id/', daysLeft: 20 }]);
    expect(table('kesenjangan-data').rows).toEqual([{ from: GAP[0], to: GAP[1], duration: 86400_000 }]);
    const findings = report.sections.find((s) => s.id === 'd-aspek-lain')!.findings!;
    expect(findings.map((f) => f.text)).toEqual([
      '1 perangkat masih memakai SNMP v1/v2c.',
      '1 sertifikat situs berakhir dalam 30 hari.',
      'Pemantauan terhenti total 24 jam.',
    ]);
  });

  it('governance: work orders by category × team × tier, the dependent incident counted apart', () => {
    expect(table('tiket').rows).toEqual([
      // r1's two outages: acknowledged after 15 and 30 minutes, resolved after 2 h and 1,5 h.
      {
        category: 'Jaringan',
        team: 'Tim Infrastruktur',
        tier: 2,
        count: 2,
        ticketed: 2,
        response: 22.5 * MIN,
        resolution: 1.75 * HOUR,
        open: 0,
        escalated: 0,
      },
      {
        category: 'Server',
        team: 'Tim Data Center',
        tier: 2,
        count: 1,
        ticketed: 1,
        response: 75 * MIN,
        resolution: 3 * HOUR,
        open: 0,
        escalated: 1,
      },
      // Open since December 2024, acknowledged then (2 h).
      {
        category: 'Layanan/situs',
        team: 'Tim Data Center',
        tier: 2,
        count: 1,
        ticketed: 1,
        response: 2 * HOUR,
        resolution: null,
        open: 1,
        escalated: 0,
      },
      {
        category: 'Lainnya',
        team: '-',
        tier: null,
        count: 1,
        ticketed: 0,
        response: null,
        resolution: 30 * MIN,
        open: 0,
        escalated: 0,
      },
    ]);
    const a = report.sections.find((x) => x.id === 'a-tata-kelola')!;
    expect(a.paragraphs).toContain(
      'Tiket / perintah kerja: 5 insiden, 4 di antaranya dikirim sebagai tiket ke helpdesk. 1 insiden turunan (akibat gangguan induk, pemeliharaan atau perangkat yang sudah padam) tidak membuat tiket sendiri dan tidak dihitung dalam tabel.',
    );
    expect(table('tiket').provenance.source).toBe(`alerting.db (SQLite) ${join(dir, 'data', 'alerting.db')}`);
  });

  it('performance: incidents per severity (count, MTTR, longest) and the top causes; the escalation is a finding', () => {
    // The certificate incident runs from 20 December 2024 to the end of 2025 (still open).
    const certOpen = TO - CERT_START;
    expect(table('insiden').rows).toEqual([
      {
        severity: 'kritis',
        count: 2,
        resolved: 2,
        open: 0,
        mttr: 1.75 * HOUR,
        longest: 2 * HOUR,
        longestId: 'INC-20250709-0004',
        suppressed: 1,
      },
      {
        severity: 'tinggi',
        count: 1,
        resolved: 1,
        open: 0,
        mttr: 3 * HOUR,
        longest: 3 * HOUR,
        longestId: 'INC-20250910-0006',
        suppressed: 0,
      },
      {
        severity: 'sedang',
        count: 1,
        resolved: 0,
        open: 1,
        mttr: null,
        longest: certOpen,
        longestId: 'INC-20241220-0002',
        suppressed: 0,
      },
      {
        severity: 'rendah',
        count: 1,
        resolved: 1,
        open: 0,
        mttr: 30 * MIN,
        longest: 30 * MIN,
        longestId: 'INC-20251103-0007',
        suppressed: 0,
      },
      {
        severity: 'Jumlah',
        count: 5,
        resolved: 4,
        open: 1,
        // (2 h + 1,5 h + 3 h + 0,5 h) / 4
        mttr: 1.75 * HOUR,
        longest: certOpen,
        longestId: 'INC-20241220-0002',
        suppressed: 1,
      },
    ]);
    expect(certOpen).toBe(9040 * HOUR);
    expect(table('insiden-penyebab').rows).toEqual([
      { rule: 'device-unreachable', category: 'Jaringan', count: 2, share: 40, mttr: 1.75 * HOUR },
      { rule: 'disk-high', category: 'Server', count: 1, share: 20, mttr: 3 * HOUR },
      { rule: 'latency-high', category: 'Lainnya', count: 1, share: 20, mttr: 30 * MIN },
      { rule: 'tls-certificate-expiring', category: 'Layanan/situs', count: 1, share: 20, mttr: null },
    ]);
    expect(report.sections.find((x) => x.id === 'c-kinerja')!.findings).toEqual([
      {
        severity: 'sedang',
        text: '1 insiden tidak diakui dalam batas waktu eskalasi dan dieskalasi (terlama INC-20250910-0006: 1 j 15 m tanpa tanggapan).',
        followUp: 'Tinjau jadwal piket dan kontak Tier 1/Tier 2; pastikan tiket diakui (noc ack) segera.',
      },
    ]);
    expect(report.summary).toContain('Insiden: 5 (MTTR 1 j 45 m); 1 masih terbuka di akhir periode.');
    expect(report.summary).toContain('Jumlah temuan: 4.');
  });

  it('the PDF reads back with its sections and Indonesian figures', () => {
    const text = execFileSync('pdftotext', ['-layout', join(out, 'laporan-audit-2025.pdf'), '-'], {
      encoding: 'utf8',
    });
    for (const heading of [
      'Ringkasan eksekutif',
      '(a) Tata kelola dan manajemen TIK',
      '(b) Fungsionalitas',
      '(c) Kinerja',
      '(d) Aspek lain',
      'Lampiran: sumber setiap angka',
      'Tiket / perintah kerja',
      'Penyebab insiden terbanyak (5 aturan teratas)',
      'INC-20241220-0002',
    ])
      expect(text).toContain(heading);
    expect(text).toContain(`${R1_AVAILABILITY.toFixed(3).replace('.', ',')} %`);
    expect(text).toContain('1 Mei 2025');
    expect(text).toMatch(/Halaman 2 \/ \d+/);
  });

  it('the XLSX reads back with numbers as numbers', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(out, 'laporan-audit-2025.xlsx'));
    const sheet = book.worksheets.find((w) => w.name.startsWith('(c) Kinerja'))!;
    let found: unknown;
    let inTable = false;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === 'Ketersediaan per perangkat') inTable = true;
      if (inTable && row.getCell(1).value === 'r1' && found === undefined) found = row.getCell(3).value;
    });
    expect(found).toBeCloseTo(R1_AVAILABILITY, 9);
  });

  it('writes one CSV per table', () => {
    const csv = readFileSync(join(out, 'csv', 'c-kinerja-ketersediaan-device.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffID,Nama,Ketersediaan,Target,Memenuhi,TIA-942,Cakupan data,Gangguan,Total padam,Sumber target',
    );
    expect(csv).toContain(`r1,r1,${R1_AVAILABILITY}`);
  });

  it('the manifest verifies, signed; a changed byte or a forged manifest is detected', () => {
    const pub = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const ok = verifyReportDir(out, pub);
    expect(ok).toMatchObject({ ok: true, signed: true });
    expect(ok.files).toBeGreaterThan(20);

    const csvPath = join(out, 'csv', 'c-kinerja-ketersediaan-device.csv');
    const original = readFileSync(csvPath);
    const changed = Buffer.from(original);
    changed[10] ^= 1;
    writeFileSync(csvPath, changed);
    const bad = verifyReportDir(out, pub);
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toContain('csv/c-kinerja-ketersediaan-device.csv: SHA-256 berbeda');
    writeFileSync(csvPath, original);

    const manifestPath = join(out, 'MANIFEST.json');
    const manifest = readFileSync(manifestPath, 'utf8');
    writeFileSync(manifestPath, manifest.replace('"lang": "id"', '"lang": "en"'));
    expect(verifyReportDir(out, pub).problems).toContain(
      'MANIFEST.json.sig: tanda tangan tidak cocok / signature does not match',
    );
    writeFileSync(manifestPath, manifest);
  });

  it('noc report verify is the same check from the command line', () => {
    expect(existsSync(join(__dirname, '..', '..', 'dist', 'bin'))).toBe(false);
    const cli = spawnSync(
      process.execPath,
      [join(__dirname, '..', '..', 'bin', 'noc.js'), 'report', 'verify', out],
      { encoding: 'utf8' },
    );
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/^OK \d+ berkas utuh; tanda tangan cocok/);
  });
});

describe('the same year from the stored daily summaries', () => {
  const JULY = [at('2025-07-01T00:00:00'), at('2025-08-01T00:00:00')];
  let fromDaily: Report;

  beforeAll(async () => {
    // What the agent's job writes each night (availability_daily), for the whole year; then
    // July is removed, as if the agent had been down those nights: July comes from the rollups.
    // An agent whose alerting never ran: no alerting.db in its data directory.
    const loaded = parseConfig(
      configYaml.replace('http://127.0.0.1:1', influx.url) + `agent:\n  dataDir: ${join(dir, 'no-data')}\n`,
      { baseDir: dir, env: {} },
    );
    const config = loaded.config!;
    const edge = influxEdge(config.influx);
    const t = await objectTimelines(edge, config, { from: FROM, to: TO, now: TO, by: 'device' });
    await edge.write(availabilityDailyLines(t), 'rollup');
    await influxQuery(
      influx.url,
      'noc',
      `DELETE FROM "availability_daily" WHERE time >= ${JULY[0]}ms AND time < ${JULY[1]}ms`,
    );
    const out2 = join(dir, 'out-daily');
    await runReport(config, {
      kind: 'audit',
      year: '2025',
      formats: ['json'],
      lang: 'id',
      outDir: out2,
      now: Date.parse('2026-12-01T04:00:00Z'),
    });
    fromDaily = JSON.parse(readFileSync(join(out2, 'laporan-audit-2025.json'), 'utf8')) as Report;
  }, 120_000);

  const tableOf = (r: Report, id: string) => r.sections.flatMap((s) => s.tables).find((x) => x.id === id)!;

  it.each([
    'ketersediaan-agency',
    'ketersediaan-service',
    'ketersediaan-link',
    'ketersediaan-device',
    'ketersediaan-bulanan',
    'gangguan',
    'jaringan-intra',
    'layanan',
    'cakupan',
  ])('%s: the same rows as from the 5-minute rollups', (id) => {
    expect(tableOf(fromDaily, id).rows).toEqual(tableOf(report, id).rows);
    expect(tableOf(fromDaily, id).rows.length).toBeGreaterThan(0);
  });

  it('without an incident store the incident tables say so, with the missing file as their source', () => {
    for (const id of ['tiket', 'insiden', 'insiden-penyebab']) {
      const x = tableOf(fromDaily, id);
      expect(x.rows).toEqual([]);
      expect(x.emptyText).toBe(
        'Tidak ada insiden tercatat: penyimpanan insiden (alerting.db) tidak ditemukan.',
      );
      expect(x.provenance.source).toBe(
        `alerting.db (SQLite) ${join(dir, 'no-data', 'alerting.db')} — berkas tidak ada: alerting agen belum pernah berjalan`,
      );
    }
    expect(fromDaily.summary).toContain('Insiden: penyimpanan insiden (alerting.db) tidak ditemukan.');
    expect(existsSync(join(dir, 'no-data'))).toBe(false);
  });

  it('says where its figures came from: 334 stored days, July from the rollups', () => {
    expect(tableOf(fromDaily, 'ketersediaan-device').provenance.source).toBe(
      'InfluxDB availability_daily (334 d) + rollup (31 d) (ping.up, interface.ifOperStatus, http.up)',
    );
    expect(tableOf(report, 'ketersediaan-device').provenance.source).toBe(
      'InfluxDB availability_daily (0 d) + rollup (365 d) (ping.up, interface.ifOperStatus, http.up)',
    );
  });
});

describe('the monev of July 2025 carries the incidents of its month', () => {
  let monev: Report;

  beforeAll(async () => {
    const loaded = parseConfig(
      configYaml.replace('http://127.0.0.1:1', influx.url) + `agent:\n  dataDir: ${join(dir, 'data')}\n`,
      { baseDir: dir, env: {} },
    );
    const out3 = join(dir, 'out-monev');
    await runReport(loaded.config!, {
      kind: 'monev',
      month: '2025-07',
      formats: ['json'],
      lang: 'id',
      outDir: out3,
      now: Date.parse('2026-12-01T04:00:00Z'),
    });
    monev = JSON.parse(readFileSync(join(out3, 'monev-2025-07.json'), 'utf8')) as Report;
  }, 60_000);

  it("r1's July outage with its dependent incident, and the certificate incident still open", () => {
    const section = monev.sections.find((s) => s.id === 'insiden')!;
    const rows = section.tables.find((x) => x.id === 'insiden')!.rows;
    expect(rows.map((r) => [r.severity, r.count, r.suppressed])).toEqual([
      ['kritis', 1, 1],
      ['tinggi', 0, 0],
      ['sedang', 1, 0],
      ['rendah', 0, 0],
      ['Jumlah', 2, 1],
    ]);
    // Open at the end of July: counted up to 1 August.
    expect(rows[4]).toMatchObject({
      resolved: 1,
      open: 1,
      mttr: 2 * HOUR,
      longest: at('2025-08-01T00:00:00') - CERT_START,
      longestId: 'INC-20241220-0002',
    });
    expect(section.tables.find((x) => x.id === 'insiden-penyebab')!.rows.map((r) => r.rule)).toEqual([
      'device-unreachable',
      'tls-certificate-expiring',
    ]);
  });
});
