import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Panel } from '@grafana/schema';
import { startInfluxd, PrivateInfluxd } from '../../agent/lab/influxd';
import { silentLogger } from '../../agent/log';
import { Metrics } from '../../agent/metrics';
import { Pipeline } from '../../agent/pipeline';
import { createWriter, InfluxWriter } from '../../agent/writer';
import { Alerting } from '../../alerting';
import { pingSample, summarise } from '../../collectors/ping/parse';
import { NocConfig, parseConfig } from '../../config/load';
import { buildDashboards } from '../../dashboards';
import { influxQuery, InfluxResult } from '../harness/influx-http';

/**
 * Issue #7's "maintenance" tile state end to end: alerting (started as the agent starts it)
 * writes the `maintenance` points of an active window through the real writer into a real
 * InfluxDB 1.6, pings go in through the pipeline, and the wallboard's status tiles are
 * evaluated as Grafana would: both queries of each tile run against InfluxDB, then the
 * panel's own transformations (merge, groupBy, groupBy, organize) are applied by a small
 * re-implementation of those Grafana 10 transformers, and the per-site/agency state is checked.
 */
let influx: PrivateInfluxd;
let dir: string;
let config: NocConfig;
let writer: InfluxWriter;
let alerting: Alerting;
const now = Date.now();
const wib = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

function yaml(url: string, dataDir: string): string {
  return `
organisation: { name: Diskominfo Uji, timezone: Asia/Jakarta }
agent: { dataDir: "${dataDir}" }
influx: { url: "${url}", database: noc, flushIntervalMs: 50, retention: { manage: false } }
agencies:
  - { id: dinkes, name: Dinas Kesehatan }
  - { id: setda, name: Sekretariat Daerah }
  - { id: bappeda, name: Bappeda }
sites:
  - { id: pusatdata, name: Pusat Data }
  - { id: kantor, name: Kantor Pemda }
  - { id: puskesmas, name: Puskesmas }
  - { id: gudang, name: Gudang }
devices:
  - { id: core, kind: router, site: pusatdata, agency: setda }
  - { id: sw-dc, kind: switch, site: pusatdata, agency: setda }
  - { id: rtr-setda, kind: router, site: kantor, agency: setda }
  - { id: rtr-bappeda, kind: router, site: kantor, agency: bappeda }
  - { id: rtr-pkm, kind: router, site: puskesmas, agency: dinkes }
  - { id: ap-pkm, kind: other, site: puskesmas, agency: dinkes }
  - { id: rtr-gudang, kind: router, site: gudang, agency: bappeda }
alerting:
  tickSeconds: 3600
  maintenance:
    # The whole Puskesmas site is being rewired: both its devices are down, planned.
    - { id: rewiring, site: puskesmas, from: "${wib(now - 3_600_000)}", to: "${wib(now + 3_600_000)}", reason: Penataan kabel }
    # The core router's OS upgrade: it is down, but sw-dc beside it is fine.
    - { id: core-os, device: core, from: "${wib(now - 3_600_000)}", to: "${wib(now + 3_600_000)}", reason: Pembaruan RouterOS }
    # Over: rtr-gudang's loss is not excused any more.
    - { id: old, device: rtr-gudang, from: "${wib(now - 7_200_000)}", to: "${wib(now - 3_600_000)}", reason: Lama }
`;
}

/** Ping loss per device in the last poll: 100 = down. */
const LOSS: Record<string, number> = {
  core: 100,
  'sw-dc': 0,
  'rtr-setda': 0,
  'rtr-bappeda': 50,
  'rtr-pkm': 100,
  'ap-pkm': 100,
  'rtr-gudang': 100,
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'noc-wall-maint-'));
  influx = await startInfluxd(join(dir, 'influxd'));
  await influxQuery(influx.url, 'noc', 'CREATE DATABASE noc');
  config = parseConfig(yaml(influx.url, join(dir, 'data')), { baseDir: dir, env: {} }).config!;
  writer = createWriter(config, () => silentLogger);
  await writer.start();
  const pipeline = new Pipeline(config, writer, new Metrics(), silentLogger);
  const sink = pipeline.sinkFor('ping');
  for (const [device, loss] of Object.entries(LOSS)) {
    const rtts = [0, 1, 2, 3].map((i) => (i < (loss / 100) * 4 ? null : 1.5));
    sink.sample(pingSample(device, '127.0.0.1', summarise(rtts), now - 30_000));
  }
  alerting = new Alerting({ config, writer, connectors: [], now: () => now - 20_000 });
  alerting.start();
  for (let i = 0; i < 200 && (writer.stats().pointsWritten as number) < 7 + 3; i++)
    await new Promise((r) => setTimeout(r, 25));
}, 30_000);

afterAll(async () => {
  await alerting?.stop();
  await writer?.stop();
  await influx?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const q = (s: string) => influxQuery(influx.url, 'noc', s);

describe('the maintenance measurement in a real InfluxDB', () => {
  it('holds one active point per device covered by a window in force, with its tags', async () => {
    const r = await q(
      'SELECT "active", "reason", "end_ms", "site", "agency", "kind" FROM "maintenance" GROUP BY "device", "window"',
    );
    const rows = (r.series ?? []).map((s) => [s.tags!.device, s.tags!.window, ...s.values[0].slice(1)]);
    const end = now + 3_600_000 - ((now + 3_600_000) % 60_000);
    expect(rows).toEqual([
      ['ap-pkm', 'rewiring', 1, 'Penataan kabel', end, 'puskesmas', 'dinkes', 'other'],
      ['core', 'core-os', 1, 'Pembaruan RouterOS', end, 'pusatdata', 'setda', 'router'],
      ['rtr-pkm', 'rewiring', 1, 'Penataan kabel', end, 'puskesmas', 'dinkes', 'router'],
    ]);
    // `active` is an integer field (1i), as docs/metrics.md says.
    const types = await q('SHOW FIELD KEYS FROM "maintenance"');
    expect(types.series![0].values).toEqual([
      ['active', 'integer'],
      ['end_ms', 'float'],
      ['reason', 'string'],
    ]);
  });
});

/** A table as Grafana's InfluxQL data source makes it of a `format: table` result. */
type Row = Record<string, string | number | null>;
function toTable(r: InfluxResult): Row[] {
  return (r.series ?? []).flatMap((s) =>
    s.values.map((v) => ({
      ...s.tags,
      ...Object.fromEntries(s.columns.map((c, i) => [c === 'time' ? 'Time' : c, v[i] as number])),
    })),
  );
}

interface GroupByField {
  operation: 'groupby' | 'aggregate';
  aggregations: ('min' | 'max')[];
}

/**
 * Grafana 10's merge (one table of every row; rows equal in every common field become one),
 * groupBy (rows grouped on the `groupby` fields, each `aggregate` field reduced and named
 * "field (calc)", other fields dropped) and organize (renameByName).
 */
function transform(tables: Row[][], steps: { id: string; options: unknown }[]): Row[] {
  let rows: Row[] = [];
  for (const step of steps) {
    if (step.id === 'merge') {
      const seen = new Set<string>();
      rows = tables.flat().filter((row) => {
        const key = JSON.stringify(Object.entries(row).sort());
        return !seen.has(key) && !!seen.add(key);
      });
    } else if (step.id === 'groupBy') {
      const fields = (step.options as { fields: Record<string, GroupByField> }).fields;
      const keys = Object.keys(fields).filter((f) => fields[f].operation === 'groupby');
      const groups = new Map<string, Row[]>();
      for (const row of rows) {
        const k = JSON.stringify(keys.map((f) => row[f]));
        groups.set(k, [...(groups.get(k) ?? []), row]);
      }
      rows = [...groups.values()].map((group) => {
        const out: Row = Object.fromEntries(keys.map((f) => [f, group[0][f]]));
        for (const [f, spec] of Object.entries(fields))
          if (spec.operation === 'aggregate')
            for (const calc of spec.aggregations) {
              const values = group.map((r) => r[f]).filter((v): v is number => typeof v === 'number');
              out[`${f} (${calc})`] = calc === 'min' ? Math.min(...values) : Math.max(...values);
            }
        return out;
      });
    } else if (step.id === 'organize') {
      const rename = (step.options as { renameByName: Record<string, string> }).renameByName;
      rows = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [rename[k] ?? k, v])));
    } else throw new Error(`transformation ${step.id} not emulated`);
  }
  return rows;
}

/** What a value mapping of the tile shows for a value. */
function shown(panel: Panel, value: number): string {
  for (const m of panel.fieldConfig!.defaults.mappings ?? []) {
    if (m.type === 'value' && m.options[String(value)]) return m.options[String(value)].text!;
    if (m.type === 'range' && value >= m.options.from! && value <= m.options.to!)
      return m.options.result.text!;
  }
  return String(value);
}

describe.each([
  [
    'id',
    'Status lokasi',
    'site',
    { kantor: 'TERGANGGU', gudang: 'PADAM', puskesmas: 'PEMELIHARAAN', pusatdata: 'NORMAL' },
  ],
  ['en', 'Agency status', 'agency', { setda: 'UP', bappeda: 'DOWN', dinkes: 'MAINTENANCE' }],
] as const)('wallboard tile (%s) "%s"', (lang, title, by, expected) => {
  it('shows maintenance only where every device is in a window, and ignores the loss of devices in one', async () => {
    const board = buildDashboards({ config, lang })['noc-wallboard'];
    const panel = (board.panels as Panel[]).find((p) => p.title === title)!;
    expect(panel.targets!.map((t) => t.refId)).toEqual(['A', 'B']);
    const tables = [];
    for (const t of panel.targets!) {
      const r = await q(String((t as { query?: string }).query));
      expect(r.error).toBeUndefined();
      expect(r.series?.length).toBeGreaterThan(0);
      tables.push(toTable(r));
    }
    const rows = transform(tables, panel.transformations as { id: string; options: unknown }[]);
    const tiles = Object.fromEntries(rows.map((r) => [r[by] as string, shown(panel, r.status as number)]));
    expect(tiles).toEqual(expected);
  });
});
