/**
 * The configuration the demo lab runs with: a small Pusat Data whose devices are the simulated
 * ones. Written to the lab directory as YAML so a visitor can read a working configuration.
 */

export interface LabDevice {
  id: string;
  kind: 'router' | 'switch' | 'server' | 'ups' | 'pdu' | 'sensor' | 'other';
  name?: string;
  port: number;
  community: string;
}

export interface DemoConfigInput {
  dataDir: string;
  influxUrl: string;
  statusPort: number;
  devices: LabDevice[];
  routeros?: { id: string; port: number; username: string; password: string };
}

export function demoConfig(input: DemoConfigInput): Record<string, unknown> {
  // Router, switch and server share rack R01 (one above the other from U30), powered by feeds A
  // and B; the PDU is a 0U strip at the back of R01 and measures feed A. R02 is still empty:
  // free space for the next colocation request.
  let nextU = 30;
  const pdu = input.devices.find((d) => d.kind === 'pdu');
  const router = input.devices.find((d) => d.kind === 'router');
  const devices: Record<string, unknown>[] = input.devices.map((d) => {
    const entry: Record<string, unknown> = {
      id: d.id,
      name: d.name ?? d.id,
      kind: d.kind,
      address: '127.0.0.1',
      site: 'pusatdata',
      criticality: d.kind === 'router' || d.kind === 'ups' ? 'Strategis' : 'Tinggi',
      snmp: { version: '2c', community: d.community, port: d.port, intervalSeconds: 10, timeoutSeconds: 2 },
      ping: { intervalSeconds: 10 },
    };
    if (router && d.id !== router.id && d.kind !== 'ups' && d.kind !== 'pdu') entry.parents = [router.id];
    if (d.kind === 'router' || d.kind === 'switch' || d.kind === 'server') {
      const height = d.kind === 'server' ? 2 : 1;
      entry.position = { rack: 'R01', u: nextU, heightU: height };
      entry.feeds = ['A', 'B'];
      nextU += height;
      entry.watts = { nameplate: d.kind === 'server' ? 450 : 60 };
    }
    if (d.kind === 'server') entry.agency = 'dinkes';
    return entry;
  });
  if (input.routeros) {
    devices.push({
      id: input.routeros.id,
      name: 'Router OPD (RouterOS API)',
      kind: 'router',
      address: '127.0.0.1',
      agency: 'dinkes',
      site: 'kantor',
      parents: router ? [router.id] : [],
      responsibility: 'dinas',
      routeros: {
        port: input.routeros.port,
        tls: { enabled: false },
        username: input.routeros.username,
        password: input.routeros.password,
        intervalSeconds: 10,
      },
      ping: { enabled: false },
    });
  }
  return {
    organisation: { name: 'Dinas Komunikasi dan Informatika Kabupaten Demo', agencyLabel: 'OPD' },
    agent: {
      dataDir: input.dataDir,
      http: { listen: '127.0.0.1', port: input.statusPort },
      intervalSeconds: 10,
      jitterPercent: 10,
      host: { enabled: true, intervalSeconds: 10 },
    },
    influx: { version: 1, url: input.influxUrl, database: 'noc' },
    agencies: [
      { id: 'diskominfo', name: 'Dinas Komunikasi dan Informatika', mandiriTik: true },
      {
        id: 'dinkes',
        name: 'Dinas Kesehatan',
        tier1: { name: 'Teknisi TI Dinkes', email: 'ti@dinkes.demo.go.id' },
      },
    ],
    sites: [
      { id: 'pusatdata', name: 'Pusat Data Diskominfo', rooms: [{ id: 'server1', name: 'Ruang Server 1' }] },
      { id: 'kantor', name: 'Kompleks Perkantoran Pemda' },
    ],
    racks: ['R01', 'R02'].map((id) => ({
      id,
      site: 'pusatdata',
      room: 'server1',
      heightU: 42,
      feeds: [
        {
          id: 'A',
          side: 'A',
          voltage: 230,
          amperage: 16,
          maxUtilisationPercent: 80,
          ...(id === 'R01' && pdu ? { device: pdu.id } : {}),
          source: 'SOP Penitipan Aplikasi',
        },
        {
          id: 'B',
          side: 'B',
          voltage: 230,
          amperage: 16,
          maxUtilisationPercent: 80,
          source: 'SOP Penitipan Aplikasi',
        },
      ],
    })),
    devices,
    links: router
      ? [
          {
            id: 'isp-demo',
            name: 'Internet ISP (demo)',
            device: router.id,
            interface: 'ether1',
            kind: 'isp',
            provider: 'PT ISP Demo',
            committedRate: { mbps: 100, source: 'Kontrak Layanan Internet (demo)' },
            utilisation: { warningPercent: 70, criticalPercent: 90, source: 'SLA Diskominfo (demo)' },
            contract: { availabilityPercent: 99.5, latencyMs: 20, source: 'Kontrak Layanan Internet (demo)' },
          },
        ]
      : [],
    services: [
      {
        id: 'portal-demo',
        name: 'Portal demo (status agen)',
        urls: [`http://127.0.0.1:${input.statusPort}/healthz`],
        agency: 'diskominfo',
        availabilityTarget: { percent: 99.5, source: 'SLA Diskominfo (demo)' },
      },
    ],
  };
}
