import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Panel } from '@grafana/schema';
import { startInfluxd, PrivateInfluxd } from '../../agent/lab/influxd';
import { inventorySamples } from '../../agent/inventory';
import { Metrics } from '../../agent/metrics';
import type { Sample } from '../../agent/sample';
import { selfSamples } from '../../agent/self-samples';
import { interfaceSample } from '../../collectors/common/interface';
import { loadConfigFile } from '../../config/load';
import { buildDashboards } from '../../dashboards';
import { expandMacros } from '../harness/grafana';
import { influxQuery, influxWrite } from '../harness/influx-http';
import { toLineProtocol } from '../harness/line';

/**
 * Grafana cannot run here, so every query of every panel, variable and annotation is run the
 * way Grafana would run it against a real InfluxDB holding one hour of data in the shapes the
 * collectors write. Each must parse and return at least one series.
 */
const config = loadConfigFile(join(__dirname, '..', '..', 'config', 'noc.example.yaml')).config!;
const now = Date.now();
const start = now - 3600_000;
let influx: PrivateInfluxd;
let dir: string;
const listing: string[] = [];

function dataset(): Sample[] {
  const out: Sample[] = [];
  const link = config.links.find((l) => l.committedRate)!;
  const router = config.devices.find((d) => d.id === link.device)!;
  const ups = config.devices.filter((d) => d.kind === 'ups');
  const pdu = config.devices.filter((d) => d.kind === 'pdu');
  const inv = (id: string) => {
    const d = config.devices.find((x) => x.id === id)!;
    return { kind: d.kind, ...(d.site ? { site: d.site } : {}), ...(d.agency ? { agency: d.agency } : {}) };
  };
  let memory;
  for (let t = start; t <= now; t += 60_000) {
    const i = (t - start) / 60_000;
    for (const d of config.devices.slice(0, 12)) {
      const down = d.id === config.devices[3].id && i > 30 && i < 40;
      out.push({
        measurement: 'ping',
        tags: { device: d.id, ...inv(d.id) },
        fields: {
          up: !down,
          loss_percent: down ? 100 : 0,
          rtt_min_ms: 1,
          rtt_avg_ms: 2 + (i % 5),
          rtt_max_ms: 9,
        },
        time: t,
      });
      out.push({
        measurement: 'system',
        tags: { device: d.id, ...inv(d.id) },
        fields: { uptime_seconds: 86400 + i * 60 },
        time: t,
      });
      out.push({
        measurement: 'cpu',
        tags: { device: d.id, ...inv(d.id) },
        fields: { load_percent: 20 + (i % 7) },
        time: t,
      });
      out.push({
        measurement: 'memory',
        tags: { device: d.id, ...inv(d.id) },
        fields: { used_percent: 50 },
        time: t,
      });
      out.push({
        measurement: 'storage',
        tags: { device: d.id, name: '/', ...inv(d.id) },
        fields: { used_percent: 61 },
        time: t,
      });
      out.push({
        measurement: 'sensor',
        tags: { device: d.id, type: 'temperature', name: 'board', unit: 'C', ...inv(d.id) },
        fields: { value: 41 },
        time: t,
      });
    }
    const reading = {
      ifIndex: '1',
      ifName: link.interface,
      operStatus: 1,
      adminStatus: 1,
      speedMbps: 1000,
      counterBits: 64 as const,
      inOctets: BigInt(i) * 6_000_000_000n,
      outOctets: BigInt(i) * 1_000_000_000n,
      inErrors: BigInt(i),
      outErrors: 0n,
      inDiscards: 0n,
      outDiscards: 0n,
    };
    const built = interfaceSample(reading, memory, {
      device: router.id,
      agentHost: router.address ?? '',
      source: 'snmp',
      time: t,
      countersReset: false,
      committedBps: link.committedRate!.mbps * 1e6,
      link: link.id,
    });
    memory = built.memory;
    out.push({ ...built.sample, tags: { ...built.sample.tags, ...inv(router.id) } });
    for (const u of ups)
      out.push({
        measurement: 'ups',
        tags: { device: u.id, ...inv(u.id) },
        fields: {
          on_battery: i > 50,
          charge_percent: 100 - Math.max(0, i - 50),
          runtime_minutes: 40,
          load_percent: 35,
          input_voltage: i > 50 ? 0 : 221,
        },
        time: t,
      });
    for (const p of pdu)
      out.push({
        measurement: 'pdu',
        tags: { device: p.id, scope: 'device', index: '0', ...inv(p.id) },
        fields: { power_watts: 2100, current_amps: 9.1 },
        time: t,
      });
    for (const r of config.racks) {
      const rackTags = { rack: r.id, site: r.site };
      out.push({
        measurement: 'capacity',
        tags: { scope: 'rack', ...rackTags },
        fields: {
          units_used: 20,
          units_free: 22,
          units_used_percent: 47.6,
          largest_free_block_u: 12,
          failover_percent: 64,
        },
        time: t,
      });
      for (const f of r.feeds)
        out.push({
          measurement: 'capacity',
          tags: { scope: 'feed', feed: f.id, side: f.side, ...rackTags },
          fields: {
            power_allocated_watts: 2400,
            power_measured_watts: 1500,
            power_available_watts: 2944,
            power_percent: 51,
          },
          time: t,
        });
    }
    for (const a of config.agencies.slice(0, 3))
      out.push({
        measurement: 'capacity',
        tags: { scope: 'agency', agency: a.id },
        fields: { power_measured_watts: 300 },
        time: t,
      });
  }
  for (const kind of ['agency', 'service', 'link'])
    for (let day = 0; day < 3; day++)
      out.push({
        measurement: 'availability_daily',
        tags: { object_kind: kind, object: `${kind}-1` },
        fields: { downtime_seconds: 60 * day, monitored_seconds: 86400, outages: day, target_percent: 99.5 },
        time: now - day * 86400_000 - 1000,
      });
  out.push({
    measurement: 'incident',
    tags: { device: config.devices[3].id, rule: 'device-unreachable', incident_id: 'INC-1' },
    fields: {
      state: 'firing',
      severity: 'kritis',
      team: 'Infrastruktur',
      device_id: config.devices[3].id,
      text: 'Perangkat tidak dapat dijangkau',
    },
    time: start + 31 * 60_000,
  });
  const metrics = new Metrics();
  metrics.counter('noc_collector_errors_total', 'e', { collector: 'snmp' }, 3);
  metrics.counter('noc_collector_samples_total', 's', { collector: 'snmp' }, 100);
  metrics.observe('noc_poll_duration_seconds', 'd', { collector: 'snmp' }, 0.2);
  metrics.gauge('noc_writer_spool_bytes', 'w', {}, 0);
  metrics.gauge('noc_writer_written', 'w', {}, 1000);
  metrics.gauge('noc_uptime_seconds', 'u', {}, 3600);
  for (let t = start; t <= now; t += 60_000) {
    metrics.counter('noc_collector_samples_total', 's', { collector: 'snmp' }, 100);
    metrics.observe('noc_poll_duration_seconds', 'd', { collector: 'snmp' }, 0.2);
    metrics.gauge('noc_writer_written', 'w', {}, 1000 + (t - start) / 100);
    out.push(...selfSamples(metrics, t));
  }
  out.push(...inventorySamples(config, now - 1000));
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'noc-dash-'));
  influx = await startInfluxd(join(dir, 'influx'));
  await influxQuery(influx.url, 'noc', 'CREATE DATABASE noc');
  // The daily summaries are kept in `rollup` (analytics/report/daily.ts dailyRetentionPolicy).
  await influxQuery(influx.url, 'noc', 'CREATE RETENTION POLICY "rollup" ON noc DURATION 400d REPLICATION 1');
  const data = dataset();
  const daily = data.filter((s) => s.measurement === 'availability_daily').map(toLineProtocol);
  const lines = data.filter((s) => s.measurement !== 'availability_daily').map(toLineProtocol);
  for (let i = 0; i < lines.length; i += 5000) await influxWrite(influx.url, 'noc', lines.slice(i, i + 5000));
  await influxWrite(influx.url, 'noc', daily, 'rollup');
});

afterAll(async () => {
  await influx?.stop();
  rmSync(dir, { recursive: true, force: true });
  console.log(`panel queries and the series each returned:\n${listing.join('\n')}`);
});

const boards = buildDashboards({ config, lang: 'id' });
const cases: [string, string][] = [];
for (const [name, board] of Object.entries(boards)) {
  for (const v of board.templating?.list ?? []) cases.push([`${name} variable ${v.name}`, String(v.query)]);
  for (const a of board.annotations?.list ?? [])
    cases.push([`${name} annotation ${a.name}`, String((a.target as unknown as { query: string }).query)]);
  for (const panel of (board.panels ?? []) as Panel[])
    for (const t of panel.targets ?? []) cases.push([`${name} "${panel.title}" ${t.refId}`, String(t.query)]);
}

describe('every dashboard query against a real InfluxDB', () => {
  it('has queries to run', () => expect(cases.length).toBeGreaterThan(40));

  it.each(cases)('%s', async (label, query) => {
    const q = expandMacros(query, { fromMs: start, toMs: now, interval: '1m' });
    const result = await influxQuery(influx.url, 'noc', q);
    expect(result.error).toBeUndefined();
    const series = result.series?.length ?? 0;
    listing.push(`${String(series).padStart(4)}  ${label}`);
    expect(series).toBeGreaterThan(0);
  });
});
