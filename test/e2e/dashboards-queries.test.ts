import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Panel } from '@grafana/schema';
import { Agent } from '../../agent/agent';
import { startInfluxd, PrivateInfluxd } from '../../agent/lab/influxd';
import { silentLogger } from '../../agent/log';
import { Pipeline } from '../../agent/pipeline';
import type { Incident } from '../../alerting/types';
import { incidentSample } from '../../alerting/view';
import { MaintenancePoints } from '../../alerting/maintenance-points';
import { capacityFrom } from '../../analytics/report/capacity';
import { capacityPoints } from '../../analytics/report/capacity-points';
import { availabilityDailyLines } from '../../analytics/report/daily';
import { slaObjects } from '../../analytics/report/inventory';
import { hostSamples, HostReading } from '../../collectors/host/parse';
import { pingSample, summarise } from '../../collectors/ping/parse';
import { parseHealth, sensorSamples } from '../../collectors/routeros/parse';
import { apcPduModule } from '../../collectors/snmp/modules/pdu-apc';
import { upsModule } from '../../collectors/snmp/modules/ups';
import { loadFixture } from '../harness/snmprec';
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
 * collectors write (built by the writers' own code). Each must parse and return at least one series.
 */
const config = loadConfigFile(join(__dirname, '..', '..', 'config', 'noc.example.yaml')).config!;
const now = Date.now();
const start = now - 3600_000;
let influx: PrivateInfluxd;
let dir: string;
const listing: string[] = [];

/** One hour of data, built through the writers' own code (collectors, alerting, analytics, agent). */
function dataset(): { lines: string[]; daily: string[] } {
  const out: Sample[] = [];
  const link = config.links.find((l) => l.committedRate)!;
  const router = config.devices.find((d) => d.id === link.device)!;
  const ups = config.devices.filter((d) => d.kind === 'ups');
  const pdu = config.devices.filter((d) => d.kind === 'pdu');
  const upsVb = loadFixture('ups-rfc1628-riello.snmprec');
  const pduVb = loadFixture('pdu-apc_ap8959eu3.snmprec');
  const pipeline = new Pipeline(config, { write: (s) => out.push(...s) }, new Metrics(), silentLogger);
  const sink = pipeline.sinkFor('test');
  // The first twelve devices, and a few agency devices so the per-agency status tile has rows.
  const polled = [
    ...new Set([...config.devices.slice(0, 12), ...config.devices.filter((d) => d.agency).slice(0, 3)]),
  ];
  let memory;
  for (let t = start; t <= now; t += 60_000) {
    const i = (t - start) / 60_000;
    for (const d of polled) {
      const down = d.id === config.devices[3].id && i > 30 && i < 40;
      const rtts = down ? [null, null, null] : [1, 2 + (i % 5), 9];
      sink.sample(pingSample(d.id, d.address ?? '127.0.0.1', summarise(rtts), t));
      const host: HostReading = {
        cpu: { currentLoad: 20 + (i % 7), cpus: [{ load: 20 }] },
        mem: { total: 8e9, used: 4e9, available: 4e9, swaptotal: 0, swapused: 0 },
        disks: [{ fs: '/dev/sda1', mount: '/', type: 'ext4', size: 1e11, used: 6.1e10, available: 3.9e10 }],
        nets: [],
        uptimeSeconds: 86400 + i * 60,
      };
      for (const s of hostSamples(d.id, host, t)) sink.sample(s);
      const health = parseHealth([{ name: 'board-temperature', value: '41', type: 'C' }]);
      for (const s of sensorSamples(health, { device: d.id, source: 'routeros' }, t)) sink.sample(s);
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
    sink.sample(built.sample);
    for (const u of ups)
      for (const s of upsModule.parse(upsVb, { device: u.id, time: t, state: new Map() })) sink.sample(s);
    for (const p of pdu)
      for (const s of apcPduModule.parse(pduVb, { device: p.id, time: t, state: new Map() })) sink.sample(s);
    // Capacity as the agent's service-level job publishes it (through the pipeline), every
    // PDU and UPS feed measured so rack, feed and agency points carry measured power.
    const readings = {
      pdu: new Map(pdu.map((p) => [p.id, { power_watts: 1500 }])),
      ups: new Map(ups.map((u) => [u.id, { output_watts: 1500, load_percent: 40, runtime_minutes: 30 }])),
    };
    for (const s of capacityPoints(capacityFrom(config, readings), config, t)) sink.sample(s);
  }
  // Daily availability as `noc availability --write` writes it: three days, one 10-minute outage
  // each, stamped at each day's start; the last day starts in the queried hour. They go to the
  // `rollup` retention policy, as the agent's daily job and --write put them.
  const day = 86_400_000;
  const from = now - 2 * day - 1800_000;
  const segments = (d: number) => [
    { from: from + d * day, to: from + d * day + 600_000, state: 'up' as const },
    { from: from + d * day + 600_000, to: from + d * day + 1200_000, state: 'down' as const },
    { from: from + d * day + 1200_000, to: Math.min(from + (d + 1) * day, now - 1000), state: 'up' as const },
  ];
  const objects = slaObjects(config);
  const final = new Map(objects.map((o) => [`${o.kind}:${o.id}`, [0, 1, 2].flatMap(segments)]));
  const daily = availabilityDailyLines({
    objects,
    final,
    from,
    to: now - 1000,
    source: { kind: 'raw', from: '' },
  });
  const incident: Incident = {
    id: 'INC-1',
    key: 'k',
    rule: 'device-unreachable',
    device: config.devices[3].id,
    subject: '',
    severity: 'kritis',
    state: 'firing',
    flapping: false,
    startedAt: start + 31 * 60_000,
    firedAt: start + 31 * 60_000,
    value: false,
    threshold: false,
    field: 'up',
    ticketed: false,
    escalationLevel: 0,
    title: 'Perangkat tidak dapat dijangkau',
  };
  out.push(incidentSample(incident, config, incident.firedAt));
  // A maintenance window over the first site with devices, as alerting writes it each minute.
  const site = config.devices.find((d) => d.site)!.site!;
  const points = new MaintenancePoints(config);
  const window = { id: 'uji', site, from: start, to: now + 3600_000, reason: 'Uji', createdBy: 'test' };
  for (let t = start; t <= now; t += 60_000) out.push(...points.update([window], t));
  // The agent's own metrics as the running agent writes them (writer gauges from its stats()).
  let written = 1000;
  const writer = {
    start: async () => undefined,
    stop: async () => undefined,
    write: (s: Sample[]) => out.push(...s),
    stats: () => ({ queueDepth: 0, spoolBytes: 0, spoolPoints: 0, pointsWritten: written, retries: 0 }),
  };
  const agent = new Agent({ config, collectors: [], writer, logFor: () => silentLogger });
  const snmp = agent.pipeline.sinkFor('snmp');
  for (let t = start; t <= now; t += 60_000) {
    snmp.sample({ measurement: 'probe', tags: { device: 'x' }, fields: { v: 1 }, time: t });
    snmp.error(new Error('timeout'), { device: 'x', collector: 'snmp' });
    agent.metrics.observe('noc_poll_duration_seconds', 'd', { collector: 'snmp' }, 0.2);
    written += 600;
    agent.renderMetrics();
    out.push(...selfSamples(agent.metrics, t));
  }
  out.push(...inventorySamples(config, now - 1000));
  return { lines: out.filter((s) => s.measurement !== 'probe').map(toLineProtocol), daily };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'noc-dash-'));
  influx = await startInfluxd(join(dir, 'influx'));
  await influxQuery(influx.url, 'noc', 'CREATE DATABASE noc');
  // The daily summaries are kept in `rollup` (analytics/report/daily.ts dailyRetentionPolicy).
  await influxQuery(influx.url, 'noc', 'CREATE RETENTION POLICY "rollup" ON noc DURATION 400d REPLICATION 1');
  const { lines, daily } = dataset();
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
