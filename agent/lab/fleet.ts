import type { LabDevice } from './demo-config';
import { Clock } from './devices/common';
import { linuxServer } from './devices/linux';
import { mikrotikRouter } from './devices/mikrotik';
import { apcPdu } from './devices/pdu';
import { catalystSwitch } from './devices/switch';
import { SimulatedUps } from './devices/ups';
import { DeviceMib } from './mib';
import { serveMib, SnmpAgentServer } from './snmp-agent';

/**
 * Thousands of simulated devices for the memory benchmark, cheaply: one net-snmp Agent per
 * device model, each accepting one community per device (`fleet-0001`, ...). The agent under
 * test cannot tell: it has one configured device, one SNMP session and one poll schedule per
 * community, exactly as with separate boxes. The mix follows a kabupaten network: mostly
 * agency edge routers, then switches, servers, UPS and PDUs.
 */
const MIX: { kind: LabDevice['kind']; share: number; build: (clock: Clock) => DeviceMib }[] = [
  { kind: 'router', share: 0.55, build: (c) => mikrotikRouter(c, 'fleet-router') },
  { kind: 'switch', share: 0.2, build: (c) => catalystSwitch(c, 'fleet-switch') },
  { kind: 'server', share: 0.15, build: (c) => linuxServer(c, 'fleet-server') },
  { kind: 'ups', share: 0.05, build: (c) => new SimulatedUps(c, 'fleet-ups').mibDefinition() },
  { kind: 'pdu', share: 0.05, build: (c) => apcPdu(c, 'fleet-pdu') },
];

export interface Fleet {
  devices: LabDevice[];
  /** SNMP messages the fleet received. */
  requests(): number;
  stop(): Promise<void>;
}

/** Which kind the i-th of n devices is, following MIX (deterministic). */
export function fleetKinds(n: number): LabDevice['kind'][] {
  const kinds: LabDevice['kind'][] = [];
  for (const m of MIX) for (let i = 0; i < Math.round(n * m.share); i++) kinds.push(m.kind);
  while (kinds.length < n) kinds.push('router');
  return kinds.slice(0, n);
}

export async function startFleet(n: number): Promise<Fleet> {
  const t0 = Date.now();
  const clock: Clock = () => (Date.now() - t0) / 1000;
  const kinds = fleetKinds(n);
  const devices: LabDevice[] = [];
  const agents: SnmpAgentServer[] = [];
  for (const m of MIX) {
    const communities: string[] = [];
    kinds.forEach((k, i) => {
      if (k === m.kind) communities.push(`fleet-${String(i + 1).padStart(4, '0')}`);
    });
    if (!communities.length) continue;
    const agent = await serveMib(m.build(clock), { communities });
    agents.push(agent);
    for (const community of communities)
      devices.push({
        id: community.replace('fleet-', `${m.kind}-`),
        kind: m.kind,
        port: agent.port,
        community,
      });
  }
  return {
    devices,
    requests: () => agents.reduce((s, a) => s + a.requests(), 0),
    stop: async () => {
      await Promise.all(agents.map((a) => a.close()));
    },
  };
}

/** A configuration with every fleet device polled over SNMP every `intervalSeconds`. */
export function fleetConfig(input: {
  devices: LabDevice[];
  influxUrl: string;
  dataDir: string;
  statusPort: number;
  intervalSeconds: number;
}): Record<string, unknown> {
  return {
    organisation: { name: 'Benchmark: armada perangkat simulasi' },
    agent: {
      dataDir: input.dataDir,
      http: { listen: '127.0.0.1', port: input.statusPort },
      intervalSeconds: input.intervalSeconds,
      jitterPercent: 10,
      log: { level: 'warn' },
      host: { enabled: true, intervalSeconds: input.intervalSeconds },
    },
    influx: { version: 1, url: input.influxUrl, database: 'noc' },
    devices: input.devices.map((d) => ({
      id: d.id,
      kind: d.kind,
      address: '127.0.0.1',
      snmp: { version: '2c', community: d.community, port: d.port, intervalSeconds: input.intervalSeconds },
      ping: { enabled: false },
    })),
  };
}
