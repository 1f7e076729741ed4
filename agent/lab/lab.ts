import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabDevice } from './demo-config';
import { startControl, ControlServer } from './control';
import { Clock } from './devices/common';
import { linuxServer } from './devices/linux';
import { mikrotikRouter } from './devices/mikrotik';
import { apcEmu } from './devices/emu';
import { apcPdu } from './devices/pdu';
import { demoRackPower } from './devices/rack-power';
import { catalystSwitch } from './devices/switch';
import { SimulatedUps } from './devices/ups';
import { UpsBattery, UpsMode } from './devices/ups-state';
import { DeviceMib } from './mib';
import { serveMib, SnmpAgentServer } from './snmp-agent';

/**
 * The demo lab's simulated devices: one net-snmp Agent per device on its own loopback UDP port
 * (SNMP v2c), plus a loopback HTTP control channel whose address is written to DIR/lab.json so
 * `noc lab ups battery ID --dir DIR` can reach the running lab from another process.
 */
export interface LabDeviceInfo extends LabDevice {
  name: string;
  sysObjectID: string;
}

export interface LabInfo {
  pid: number;
  controlUrl: string;
  startedAt: string;
  devices: LabDeviceInfo[];
}

export const LAB_FILE = 'lab.json';
export const LAB_COMMUNITY = 'demo-lab';

interface RosterEntry {
  id: string;
  kind: LabDevice['kind'];
  name: string;
  sysObjectID: string;
}

/** What the lab contains (docs/lab.md describes the same list). */
export const LAB_ROSTER: RosterEntry[] = [
  {
    id: 'core-router',
    kind: 'router',
    name: 'Router inti MikroTik CCR2004',
    sysObjectID: '1.3.6.1.4.1.14988.1',
  },
  {
    id: 'dist-switch',
    kind: 'switch',
    name: 'Switch distribusi Catalyst 2960-X',
    sysObjectID: '1.3.6.1.4.1.9.1.1208',
  },
  { id: 'srv-web01', kind: 'server', name: 'Server web Debian', sysObjectID: '1.3.6.1.4.1.8072.3.2.10' },
  { id: 'ups-demo', kind: 'ups', name: 'UPS A Ruang Server 1', sysObjectID: '1.3.6.1.4.1.5491.304' },
  { id: 'pdu-r01-a', kind: 'pdu', name: 'PDU Rak R01 jalur A', sysObjectID: '1.3.6.1.4.1.318.1.3.4.6' },
  {
    id: 'sensor-ruang1',
    kind: 'sensor',
    name: 'Sensor suhu & kelembapan Ruang Server 1',
    sysObjectID: '1.3.6.1.4.1.318.1.3.8.4',
  },
];

export interface LabOptions {
  /** Where lab.json goes; omit to run without a control file (tests that hold the Lab object). */
  dir?: string;
  /** First UDP port (devices take consecutive ports); omitted = free ports chosen by the system. */
  basePort?: number;
  community?: string;
  /** Wall clock in ms; tests may pass their own. */
  now?: () => number;
}

export class Lab {
  private agents: SnmpAgentServer[] = [];
  private ups = new Map<string, SimulatedUps>();
  private control?: ControlServer;
  private info?: LabInfo;

  constructor(private readonly opts: LabOptions = {}) {}

  async start(): Promise<LabInfo> {
    const now = this.opts.now ?? Date.now;
    const t0 = now();
    const clock: Clock = () => (now() - t0) / 1000;
    const community = this.opts.community ?? LAB_COMMUNITY;
    const devices: LabDeviceInfo[] = [];
    try {
      for (const [i, entry] of LAB_ROSTER.entries()) {
        const mib = this.build(entry, clock);
        const port = this.opts.basePort ? this.opts.basePort + i : undefined;
        const agent = await serveMib(mib, { port, communities: [community] });
        this.agents.push(agent);
        devices.push({ ...entry, port: agent.port, community });
      }
      for (const u of this.ups.values()) u.start();
      this.control = await startControl({
        devices: () => devices,
        setUps: (id, mode) => this.setUps(id, mode),
        upsIds: () => [...this.ups.keys()],
      });
    } catch (err) {
      await this.stop();
      throw err;
    }
    this.info = {
      pid: process.pid,
      controlUrl: this.control.url,
      startedAt: new Date(t0).toISOString(),
      devices,
    };
    if (this.opts.dir) {
      mkdirSync(this.opts.dir, { recursive: true });
      writeFileSync(join(this.opts.dir, LAB_FILE), JSON.stringify(this.info, null, 2) + '\n');
    }
    return this.info;
  }

  /** Switches a simulated UPS to battery or back to mains; throws for an unknown id. */
  setUps(id: string, mode: UpsMode): UpsBattery {
    const ups = this.ups.get(id);
    if (!ups)
      throw new Error(`no simulated UPS "${id}" (UPS in this lab: ${[...this.ups.keys()].join(', ')})`);
    return ups.setMode(mode);
  }

  /** SNMP messages the simulated devices received, all together. */
  requests(): number {
    return this.agents.reduce((n, a) => n + a.requests(), 0);
  }

  async stop(): Promise<void> {
    for (const u of this.ups.values()) u.stop();
    await Promise.all(this.agents.map((a) => a.close()));
    this.agents = [];
    await this.control?.close();
    this.control = undefined;
    if (this.opts.dir && this.info) rmSync(join(this.opts.dir, LAB_FILE), { force: true });
  }

  private build(entry: RosterEntry, clock: Clock): DeviceMib {
    switch (entry.kind) {
      case 'router':
        return mikrotikRouter(clock, entry.id);
      case 'switch':
        return catalystSwitch(clock, entry.id);
      case 'server':
        return linuxServer(clock, entry.id);
      case 'ups': {
        const ups = new SimulatedUps(clock, entry.id);
        this.ups.set(entry.id, ups);
        return ups.mibDefinition();
      }
      case 'pdu':
        // Feed A of rack R01, where the demo puts the router, the switch and the server.
        return apcPdu(clock, entry.id, demoRackPower());
      case 'sensor':
        return apcEmu(clock, entry.id);
      default:
        throw new Error(`no simulation for kind ${entry.kind}`);
    }
  }
}
