import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Sample } from '../../agent/sample';
import { eventToSample } from '../../agent/sample';
import { inventorySamples } from '../../agent/inventory';
import { Agent } from '../../agent/agent';
import { silentLogger } from '../../agent/log';
import { Metrics } from '../../agent/metrics';
import { Pipeline } from '../../agent/pipeline';
import { selfSamples } from '../../agent/self-samples';
import { incidentSample } from '../../alerting/view';
import { MaintenancePoints } from '../../alerting/maintenance-points';
import type { Incident } from '../../alerting/types';
import { capacityFrom, PowerReadings } from '../../analytics/report/capacity';
import { capacityPoints } from '../../analytics/report/capacity-points';
import type { BandwidthRow } from '../../analytics/report/bandwidth';
import { availabilityDailyPoints, bandwidthDailyPoints, capacityLines } from '../../analytics/report/daily';
import { summariseBandwidth } from '../../analytics/bandwidth';
import { bandwidthMonthlyPoints } from '../../analytics/report/monthly';
import { toLines } from '../../analytics/report/points';
import { slaObjects } from '../../analytics/report/inventory';
import { interfaceSample, InterfaceReading } from '../../collectors/common/interface';
import { hostSamples } from '../../collectors/host/parse';
import { httpSample, normaliseCheck, websiteEvent } from '../../collectors/http/parse';
import { pingSample, reachabilityEvent, summarise } from '../../collectors/ping/parse';
import * as ros from '../../collectors/routeros/parse';
import * as rosq from '../../collectors/routeros/parse-queue';
import { parseInterfaces } from '../../collectors/snmp/interfaces';
import { snmpModules } from '../../collectors/snmp/modules';
import { parseSystem, rebootEvent, systemSample } from '../../collectors/snmp/system';
import type { SnmpValue } from '../../collectors/snmp/types';
import { loadConfigFile } from '../../config/load';
import { loadFixture, snmprecFiles } from '../harness/snmprec';
import { parseLine } from './schema';

/**
 * Every writer of noc, run through its pure conversion on the shared recordings and on
 * representative inputs: source name -> the samples it produced. No network.
 */
const T = 1_760_000_000_000;
export const config = loadConfigFile(join(__dirname, '..', '..', 'config', 'noc.example.yaml')).config!;
/** A configured device with a site and an agency, so the pipeline adds every inventory tag. */
const DEV = config.devices.find((d) => d.site && d.agency)!.id;
const ROS_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'routeros');
const rosRows = (name: string) => {
  const v: unknown = JSON.parse(readFileSync(join(ROS_DIR, name), 'utf8'));
  return (Array.isArray(v) ? v : [v]) as Record<string, string>[];
};

/** Two polls a minute apart (traffic in between, on a configured link) so every rate field appears. */
function twoPolls(reading: InterfaceReading, source: 'snmp' | 'routeros'): Sample[] {
  const opts = { device: DEV, agentHost: '127.0.0.1', source, countersReset: false };
  const first = interfaceSample(reading, undefined, { ...opts, time: T });
  const bump = (v: bigint | undefined) => (v === undefined ? v : v + 1000n);
  const later: InterfaceReading = {
    ...reading,
    speedMbps: reading.speedMbps || 1000,
    inOctets: bump(reading.inOctets),
    outOctets: bump(reading.outOctets),
    inUcastPkts: bump(reading.inUcastPkts),
    outUcastPkts: bump(reading.outUcastPkts),
    inErrors: bump(reading.inErrors),
    outErrors: bump(reading.outErrors),
    inDiscards: bump(reading.inDiscards),
    outDiscards: bump(reading.outDiscards),
  };
  const second = interfaceSample(later, first.memory, {
    ...opts,
    time: T + 60_000,
    committedBps: 100e6,
    link: 'isp-1',
  });
  return [first.sample, second.sample];
}

function snmpEngine(file: string): Sample[] {
  const vb = loadFixture(file);
  const out: Sample[] = [];
  const system = parseSystem(vb);
  out.push(systemSample(DEV, '127.0.0.1', system, T));
  if (system.uptimeTicks !== undefined)
    out.push(eventToSample(rebootEvent(DEV, { ticks: 9e6, time: T - 60_000 }, { ticks: 100, time: T }, T)));
  for (const reading of parseInterfaces(vb).interfaces) out.push(...twoPolls(reading, 'snmp'));
  return out;
}

function snmpModuleSamples(file: string): Record<string, Sample[]> {
  const vb = loadFixture(file);
  const out: Record<string, Sample[]> = {};
  for (const m of snmpModules) {
    // Every module that finds its objects, whatever applies() says: the engine runs a module
    // named in `snmp.modules` on any device.
    const samples = m.parse(vb, { device: DEV, time: T, state: new Map() });
    if (samples.length) out[`snmp module ${m.name} (${file})`] = samples;
  }
  return out;
}

/** Objects no shared recording has (UCD memory, ENTITY-SENSOR, Raritan, UPS-MIB alarms on battery). */
function snmpRepresentative(): Record<string, Sample[]> {
  const U = '1.3.6.1.4.1.2021';
  const E = '1.3.6.1.2.1.99.1.1.1';
  const P = '1.3.6.1.4.1.13742.6';
  const entity = (i: number, type: number, value: number) => ({
    [`${E}.1.${i}`]: type,
    [`${E}.2.${i}`]: 9,
    [`${E}.3.${i}`]: 0,
    [`${E}.4.${i}`]: value,
    [`${E}.5.${i}`]: 1,
  });
  const vb: Record<string, SnmpValue> = {
    [`${U}.4.3.0`]: 2097148,
    [`${U}.4.4.0`]: 2097148,
    [`${U}.4.5.0`]: 8000000,
    [`${U}.4.6.0`]: 1000000,
    [`${U}.4.14.0`]: 500000,
    [`${U}.4.15.0`]: 2500000,
    ...Object.assign({}, ...[3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((t) => entity(t, t, t === 12 ? 1 : 42))),
    [`${P}.5.2.3.1.4.1.1.1`]: 734,
    [`${P}.5.2.3.1.4.1.1.4`]: 2301,
    [`${P}.5.2.3.1.4.1.1.5`]: 1650,
    [`${P}.5.2.3.1.4.1.1.7`]: 97,
    [`${P}.5.2.3.1.4.1.1.8`]: 9876543,
    [`${P}.5.3.3.1.4.1.2.1`]: 51,
    [`${P}.5.4.3.1.4.1.5.1`]: 420,
    [`${P}.3.5.3.1.3.1.5`]: Buffer.from('web-02'),
    '1.3.6.1.2.1.33.1.4.1.0': 5,
    '1.3.6.1.2.1.33.1.6.1.0': 1,
  };
  const out: Record<string, Sample[]> = {};
  const ctx = { device: DEV, time: T, state: new Map() };
  for (const m of snmpModules) {
    const samples = m.parse(new Map(Object.entries(vb)), ctx);
    if (samples.length) out[`snmp module ${m.name} (representative)`] = samples;
  }
  return out;
}

function routeros(): Record<string, Sample[]> {
  const tags = { device: DEV, source: 'routeros' };
  const ifs = ros.parseInterfaces(rosRows('interface.json')).flatMap(({ reading, linkDowns }) =>
    twoPolls(reading, 'routeros').map((s) => {
      if (linkDowns !== undefined) s.fields.link_downs = linkDowns;
      return s;
    }),
  );
  const health = [
    ...ros.parseHealth([
      { name: 'cpu-temperature', value: '41', type: 'C' },
      { name: 'fan1-speed', value: '3825', type: 'RPM' },
      { name: 'psu1-state', value: 'ok', type: '' },
      { name: 'voltage', value: '24.1', type: 'V' },
      { name: 'power-consumption', value: '38.5', type: 'W' },
      { name: 'board-current', value: '1.2', type: 'A' },
    ]),
    ...ros.parseHealth([{ temperature: '40', 'fan2-speed': '5160', 'psu2-state': 'fail', current: '1104' }]),
  ];
  const queue = rosq.parseQueues([
    { name: 'dinkes', target: '10.1.0.0/24', 'max-limit': '10M/20M', rate: '1M/2M', bytes: '100/200' },
  ])[0];
  const q1 = rosq.queueSample(queue, undefined, { tags, time: T, countersReset: false });
  const q2 = rosq.queueSample({ ...queue, bytes: { upload: 1_000_000n, download: 2_000_000n } }, q1.memory, {
    tags,
    time: T + 60_000,
    countersReset: false,
    binding: { name: 'dinkes', agency: 'dinkes', link: 'l' },
  });
  return {
    'routeros interface': ifs,
    'routeros resource': ros.resourceSamples(ros.parseResource(rosRows('system_resourses.json')[0]), tags, T),
    'routeros health': ros.sensorSamples(health, tags, T),
    'routeros queue': [q1.sample, q2.sample],
    'routeros dhcp': rosq.dhcpSamples(rosRows('ip_dhcp_server_lease.json'), tags, T),
    'routeros wireless': rosq.wirelessSamples(
      rosRows('interface_wireless_registration.json'),
      'wireless',
      tags,
      T,
    ),
    'routeros reboot event': [eventToSample(ros.rebootEvent(DEV, 5000, 100, T))],
  };
}

function probes(): Record<string, Sample[]> {
  const up = summarise([1.2, 1.5, null]);
  const down = summarise([null, null]);
  const dev = { id: DEV, address: '127.0.0.1' };
  const check = { ...normaliseCheck('https://example.go.id/'), keyword: 'Selamat' };
  const result = {
    url: check.url,
    finalUrl: check.url,
    redirects: 1,
    statusCode: 200,
    latencyMs: 120.5,
    dnsMs: 1,
    connectMs: 2,
    tlsMs: 3,
    firstByteMs: 4,
    resolvedAddresses: ['127.0.0.1'],
    cert: { validTo: T + 40 * 86_400_000, issuer: 'CN=ca', subject: 'CN=x', authorized: true },
    keywordFound: true,
  };
  const owner = { kind: 'service' as const, id: 'web' };
  const failed = { ...result, statusCode: undefined, error: 'ECONNREFUSED', cert: undefined };
  return {
    ping: [pingSample(DEV, '127.0.0.1', up, T), pingSample(DEV, '127.0.0.1', down, T)],
    'ping reachability event': [
      eventToSample(reachabilityEvent(undefined, up, dev, T)!),
      eventToSample(reachabilityEvent(true, down, dev, T)!),
    ],
    http: [
      httpSample(owner, check, result, { up: true }, T),
      httpSample({ kind: 'device', id: DEV }, check, failed, { up: false, reason: 'x' }, T),
    ],
    'http website event': [
      eventToSample(websiteEvent(undefined, { up: false, reason: 'x' }, owner, check.url, T)!),
    ],
  };
}

function host(): Sample[] {
  return hostSamples(
    'noc-server',
    {
      cpu: { currentLoad: 12.345, cpus: [{ load: 10 }, { load: 14.7 }] },
      mem: { total: 8e9, used: 5e9, available: 3e9, swaptotal: 2e9, swapused: 1e8 },
      disks: [{ fs: '/dev/sda1', mount: '/', type: 'ext4', size: 1e11, used: 4e10, available: 6e10 }],
      nets: [{ iface: 'eth0', rx_bytes: 1e9, tx_bytes: 2e9, rx_errors: 0, tx_errors: 1, operstate: 'up' }],
      uptimeSeconds: 12345.67,
    },
    T,
  );
}

/** The agent's own metrics, as the running agent fills them (writer gauges from its stats()). */
function agentSelf(): Sample[] {
  // The writer's stats() keys (agent/writer/writer.ts, WriterStats): gauges noc_writer_<key>.
  const writer = {
    start: async () => undefined,
    stop: async () => undefined,
    write: () => undefined,
    stats: () => ({
      queueDepth: 0,
      spoolBytes: 0,
      spoolPoints: 0,
      pointsAccepted: 10,
      pointsWritten: 10,
      pointsDropped: { rejected: 0, spoolFull: 0 },
      fieldsDropped: 0,
      retries: 0,
    }),
  };
  const agent = new Agent({ config, collectors: [], writer, logFor: () => silentLogger });
  agent.pipeline
    .sinkFor('snmp')
    .sample({ measurement: 'x', tags: { device: DEV }, fields: { v: 1 }, time: T });
  agent.pipeline.sinkFor('snmp').event({ type: 'reboot', device: DEV, time: T, text: 'x' });
  agent.pipeline.sinkFor('snmp').error(new Error('x'), { device: DEV, collector: 'snmp' });
  agent.metrics.observe('noc_poll_duration_seconds', 'help', { collector: 'snmp' }, 0.2);
  agent.metrics.counter('noc_polls_total', 'p', { collector: 'snmp' });
  agent.metrics.gauge('noc_targets', 't', {}, 3);
  agent.renderMetrics();
  return selfSamples(agent.metrics, T);
}

function incidents(): Sample[] {
  const device = config.devices[0].id;
  const base: Incident = {
    id: 'INC-20251009-0001',
    key: `device-unreachable|${device}|`,
    rule: 'device-unreachable',
    device,
    subject: '',
    severity: 'tinggi',
    state: 'firing',
    flapping: false,
    startedAt: T - 120_000,
    firedAt: T,
    value: false,
    threshold: false,
    field: 'up',
    ticketed: false,
    escalationLevel: 0,
    title: 'x tidak dapat dijangkau',
  };
  return [
    incidentSample(base, config, T),
    incidentSample({ ...base, state: 'acknowledged', ackedBy: 'budi', suppressed: 'parent' }, config, T),
    incidentSample({ ...base, state: 'resolved', resolvedAt: T + 600_000 }, config, T + 600_000),
    incidentSample({ ...base, rule: 'interface-down', subject: 'ether1', severity: 'kritis' }, config, T),
  ];
}

/** Alerting's `maintenance` points: a site window starting, repeating a minute later, ending. */
function maintenance(): Sample[] {
  const site = config.devices.find((d) => d.site && d.agency)!.site!;
  const window = { id: 'uji', site, from: T, to: T + 120_000, reason: 'Uji', createdBy: 'config' };
  const points = new MaintenancePoints(config);
  return [T, T + 60_000, T + 120_000].flatMap((t) => points.update([window], t));
}

function analytics(): Record<string, Sample[]> {
  const day = 86_400_000;
  const from = T - (T % day) - 7 * 3600_000;
  const objects = slaObjects(config);
  const final = new Map(
    objects.map((o) => [
      `${o.kind}:${o.id}`,
      [
        { from, to: from + 3600_000, state: 'up' as const },
        { from: from + 3600_000, to: from + 3660_000, state: 'down' as const },
        { from: from + 3660_000, to: from + day, state: 'up' as const },
      ],
    ]),
  );
  const source = { kind: 'raw' as const, from: '' };
  const times = Array.from({ length: 288 }, (_, i) => from + i * 300_000);
  const rates = times.map((_, i) => 1e6 + i);
  // Every PDU and UPS of the example measured, so rack, feed, UPS and agency points carry all fields.
  const readings: PowerReadings = {
    pdu: new Map(config.devices.filter((d) => d.kind === 'pdu').map((d) => [d.id, { power_watts: 700 }])),
    ups: new Map(
      config.devices
        .filter((d) => d.kind === 'ups')
        .map((d) => [d.id, { output_watts: 900, load_percent: 45, runtime_minutes: 12 }]),
    ),
  };
  const capacity = capacityFrom(config, readings);
  return {
    // The agent's daily job writes these points as they are; `noc availability|bandwidth --write`
    // writes the same points as line protocol.
    'analytics availability_daily': availabilityDailyPoints({ objects, final, from, to: from + day, source }),
    'analytics bandwidth_daily': [
      ...bandwidthDailyPoints('isp-1', { kind: 'link' }, times, rates, rates, from, from + day, 100e6),
      ...bandwidthDailyPoints(
        'dinkes',
        { kind: 'queue', agency: 'dinkes' },
        times,
        rates,
        rates,
        from,
        from + day,
      ),
    ],
    // `noc capacity --write`: line protocol, read back with InfluxDB's typing.
    'analytics capacity': capacityLines(capacity, config, T).map(parseLine),
    // The agent's monthly job and `noc bandwidth --month M --write`: line protocol.
    'analytics bandwidth_monthly': toLines(bandwidthMonthlyPoints(monthlyRows(), config, from)).map(
      parseLine,
    ),
  };
}

/** A saturated ISP link with every SLA clause measured, and an agency queue. */
function monthlyRows(): BandwidthRow[] {
  const link = config.links.find((l) => l.contract && l.committedRate)!;
  const inBps = Array.from({ length: 100 }, (_, i) => (i < 90 ? 10e6 : 150e6));
  const summary = (committedBps?: number) =>
    summariseBandwidth({
      inBps,
      outBps: inBps,
      intervalSeconds: 300,
      capacityBps: committedBps,
      committedBps,
    });
  return [
    {
      kind: 'link',
      id: link.id,
      name: link.id,
      committedBps: 200e6,
      capacityBps: 200e6,
      summary: summary(200e6),
      availabilityPercent: 99.9,
      sla: [
        { metric: 'availability', contract: 99.5, measured: 99.9, met: true },
        { metric: 'latency', contract: 20, measured: 12.5, met: true },
        { metric: 'loss', contract: 1, measured: 1.5, met: false },
      ],
    },
    {
      kind: 'queue',
      id: 'dinkes',
      name: 'dinkes',
      agency: 'dinkes',
      summary: summary(),
      availabilityPercent: null,
      sla: [],
    },
  ];
}

/** The agent's service-level job publishes capacity through the pipeline (inventory tags added). */
function capacityJob(): Sample[] {
  const readings: PowerReadings = {
    pdu: new Map(config.devices.filter((d) => d.kind === 'pdu').map((d) => [d.id, { power_watts: 700 }])),
    ups: new Map(config.devices.filter((d) => d.kind === 'ups').map((d) => [d.id, { load_percent: 45 }])),
  };
  return capacityPoints(capacityFrom(config, readings), config, T);
}

/** Collector samples go through the real pipeline, which adds the inventory tags (kind, site, agency). */
function throughPipeline(samples: Sample[]): Sample[] {
  const written: Sample[] = [];
  const pipeline = new Pipeline(config, { write: (s) => written.push(...s) }, new Metrics(), silentLogger);
  const sink = pipeline.sinkFor('test');
  for (const s of samples) sink.sample(s);
  return written;
}

export function allSources(): Record<string, Sample[]> {
  const out: Record<string, Sample[]> = {};
  for (const file of snmprecFiles()) {
    out[`snmp engine (${file})`] = snmpEngine(file);
    Object.assign(out, snmpModuleSamples(file));
  }
  Object.assign(out, snmpRepresentative(), routeros(), probes());
  out.host = host();
  out['agent service-levels capacity'] = capacityJob();
  for (const [name, samples] of Object.entries(out)) out[name] = throughPipeline(samples);
  out['agent noc_agent'] = agentSelf();
  out['agent inventory'] = inventorySamples(config, T);
  out['alerting incident'] = incidents();
  out['alerting maintenance'] = maintenance();
  Object.assign(out, analytics());
  return out;
}
