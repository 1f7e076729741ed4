import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseConfig } from '../config/load';
import type { Report } from '../reports/model';
import { startInfluxd, PrivateInfluxd } from './lab/influxd';
import { Agent } from './agent';
import type { Logger } from './log';

/**
 * The scheduled reports: the agent's daily 07:00 job, called directly with the instant it would
 * run at, writes the previous year's audit report on the first working day of January and the
 * previous month's monev on the 1st, into reports.outDir/<kind>-<period>, against a real InfluxDB.
 */
const wib = (iso: string) => Date.parse(`${iso}+07:00`);
let influx: PrivateInfluxd;
let dir: string;

const writer = { start: async () => {}, stop: async () => {}, write: () => {}, stats: () => ({}) };

function agentFor(influxUrl: string, extra: Record<string, unknown> = {}) {
  const config = parseConfig(
    stringify({
      organisation: { name: 'Diskominfo Uji' },
      agent: { dataDir: dir, http: { port: 0 }, host: { enabled: false } },
      influx: { url: influxUrl, database: 'noc' },
      devices: [{ id: 'r1', kind: 'router' }],
      reports: { formats: ['pdf', 'json'], ...extra },
    }),
    { baseDir: dir, env: {} },
  );
  expect(config.problems).toEqual([]);
  const logs: string[] = [];
  const log = {
    info: (m: string) => logs.push(`info ${m}`),
    error: (m: string) => logs.push(`error ${m}`),
  } as unknown as Logger;
  return { agent: new Agent({ config: config.config!, collectors: [], writer, logFor: () => log }), logs };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'noc-sched-'));
  influx = await startInfluxd(join(dir, 'influx'));
  await fetch(`${influx.url}/query`, {
    method: 'POST',
    body: new URLSearchParams({ q: 'CREATE DATABASE noc' }),
  });
});

afterAll(async () => {
  await influx?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('scheduled reports', () => {
  it("writes the previous year's audit report on the first working day of January", async () => {
    const { agent, logs } = agentFor(influx.url);
    // 2 and 3 January 2027 are a weekend: Monday the 4th is the first working day.
    expect(await agent.runDueReports(wib('2027-01-03T07:00:00'))).toEqual([]);
    const out = join(dir, 'reports', 'audit-2026');
    expect(await agent.runDueReports(wib('2027-01-04T07:00:00'))).toEqual([out]);
    expect(readdirSync(out).sort()).toEqual([
      'MANIFEST.json',
      'laporan-audit-2026.json',
      'laporan-audit-2026.pdf',
    ]);
    const report = JSON.parse(readFileSync(join(out, 'laporan-audit-2026.json'), 'utf8')) as Report;
    expect(report.meta.title).toBe('Laporan Audit Infrastruktur SPBE — Diskominfo Uji — Tahun 2026');
    expect(logs).toEqual([`info laporan audit 2026 ditulis ke ${out}`]);
  });

  it("writes the previous month's monev on the 1st, and nothing on other days", async () => {
    const { agent } = agentFor(influx.url);
    expect(await agent.runDueReports(wib('2026-11-02T07:00:00'))).toEqual([]);
    const out = join(dir, 'reports', 'monev-2026-10');
    expect(await agent.runDueReports(wib('2026-11-01T07:00:00'))).toEqual([out]);
    const report = JSON.parse(readFileSync(join(out, 'monev-2026-10.json'), 'utf8')) as Report;
    expect(report.meta.kind).toBe('monev');
    expect(report.meta.periodLabel).toBe('Oktober 2026');
  });

  it('follows reports.holidays and reports.schedule, into reports.outDir', async () => {
    const outDir = join(dir, 'elsewhere');
    const { agent } = agentFor(influx.url, {
      outDir,
      holidays: ['2029-01-02'],
      schedule: { monev: false },
    });
    expect(await agent.runDueReports(wib('2029-01-02T07:00:00'))).toEqual([]);
    expect(await agent.runDueReports(wib('2029-01-01T07:00:00'))).toEqual([]);
    expect(await agent.runDueReports(wib('2029-01-03T07:00:00'))).toEqual([join(outDir, 'audit-2028')]);
    expect(existsSync(join(outDir, 'monev-2028-12'))).toBe(false);
  });

  it('logs a failed run with its cause and carries on', async () => {
    const { agent, logs } = agentFor('http://127.0.0.1:1');
    expect(await agent.runDueReports(wib('2027-01-01T07:00:00'))).toEqual([]);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^error laporan monev 2026-12 gagal: .+/);
  });
});
