import { routerosCollector } from '../../collectors/routeros';
import { routerConfig, pollOnce } from '../peers/routeros/harness';
import { RouterosPeer, START_UPTIME, TRAFFIC } from '../peers/routeros/server';

/** The collector against the API test peer over plain TCP: what a poll yields, rates, reboots. */

const T0 = Date.UTC(2026, 0, 1);

describe('RouterOS collector vs the API peer (v7, legacy wireless)', () => {
  const peer = new RouterosPeer({ health: 'v7', wireless: 'wireless' });
  const collector = routerosCollector();
  let port: number;
  const config = () =>
    routerConfig(
      [{ id: 'rtr-dinkes', port, queues: [{ name: 'opd-dinkes', agency: 'dinkes', link: 'wan-dinkes' }] }],
      {
        links: [
          {
            id: 'wan-dinkes',
            device: 'rtr-dinkes',
            interface: 'ether1',
            kind: 'intra',
            committedRate: { mbps: 20, source: 'SK Kadis 12/2025' },
          },
        ],
      },
    );

  beforeAll(async () => {
    port = await peer.start();
  });
  afterAll(async () => {
    await collector.close?.();
    await peer.stop();
  });

  it('first poll: interfaces, system, sensors, queues, DHCP, wireless; neighbours kept in memory', async () => {
    const rec = await pollOnce(collector, config(), 'rtr-dinkes', T0);
    expect(rec.errors).toEqual([]);
    const ifs = rec.of('interface');
    expect(ifs.map((s) => [s.tags.ifIndex, s.tags.ifName, s.tags.source, s.tags.agent_host])).toEqual([
      ['1', 'ether1', 'routeros', '127.0.0.1'],
      ['2', 'ether2', 'routeros', '127.0.0.1'],
      ['3', 'ether2', 'routeros', '127.0.0.1'],
    ]);
    expect(ifs[0].tags.link).toBe('wan-dinkes');
    expect(ifs[0].fields).toMatchObject({
      ifHCInOctets: 194632346152n,
      ifHCOutOctets: 15355309685n,
      ifOperStatus: 1,
      ifAdminStatus: 1,
      link_downs: 0n,
    });
    expect(ifs[0].fields.in_bps).toBeUndefined(); // no rate from a single reading

    const [system] = rec.of('system');
    expect(system.fields).toEqual({
      uptime_seconds: START_UPTIME,
      version: '7.16 (stable)',
      board: 'hAP',
      architecture: 'arm',
    });
    expect(rec.of('cpu')[0].fields.load_percent).toBe(0);
    expect(rec.of('memory')[0].fields.used_percent).toBe(62.67);
    expect(rec.of('storage')[0].fields.free_bytes).toBe(1495040n);
    expect(rec.of('storage')[0].tags.path).toBe('system disk');

    const sensors = rec.of('sensor');
    expect(sensors).toHaveLength(10);
    expect(sensors.find((s) => s.tags.name === 'cpu-temperature')?.fields.value).toBe(41);
    expect(sensors.find((s) => s.tags.name === 'fan2-speed')?.tags).toMatchObject({
      type: 'fan',
      unit: 'rpm',
    });
    expect(sensors.filter((s) => s.tags.type === 'psu').map((s) => s.fields.value)).toEqual([1, 1]);

    const queues = rec.of('queue');
    expect(queues.map((q) => [q.tags.queue, q.tags.agency, q.tags.link])).toEqual([
      ['opd-dinkes', 'dinkes', 'wan-dinkes'],
      ['opd-disdik', undefined, undefined],
      ['tamu', undefined, undefined],
    ]);
    expect(queues[0].fields).toMatchObject({
      max_limit_in_bps: 20_000_000,
      bytes_in: 987654321n,
      bytes_out: 123456789n,
    });

    expect(rec.of('dhcp')[0].fields).toMatchObject({ leases_total: 2, leases_bound: 2 });
    expect(rec.of('wireless')[0]).toMatchObject({
      tags: { interface: 'wlan2', driver: 'wireless' },
      fields: { clients: 2 },
    });
    expect(collector.neighbors('rtr-dinkes').map((n) => n.identity)).toEqual(['core-ccr', 'sw-lantai2']);
    expect(peer.received.filter((c) => c === '/interface/print')).toHaveLength(1);
  });

  it('second poll on the same session: rates between the two polls', async () => {
    peer.advance(60);
    const rec = await pollOnce(collector, config(), 'rtr-dinkes', T0 + 60_000);
    expect(rec.errors).toEqual([]);
    const ether1 = rec.of('interface')[0].fields;
    expect(ether1.in_bps).toBe(TRAFFIC.ether1.rx * 8);
    expect(ether1.out_bps).toBe(TRAFFIC.ether1.tx * 8);
    expect(ether1.in_pps).toBe(TRAFFIC.ether1.rxPackets);
    expect(ether1.in_committed_percent).toBe(50); // 10 Mbit/s of a 20 Mbit/s link
    const dinkes = rec.of('queue')[0].fields;
    expect(dinkes.in_bps).toBe(TRAFFIC.queue.download * 8);
    expect(dinkes.out_bps).toBe(TRAFFIC.queue.upload * 8);
    expect(dinkes.in_utilisation_percent).toBe(40);
    expect(dinkes.out_utilisation_percent).toBe(25);
    expect(rec.of('system')[0].fields.uptime_seconds).toBe(START_UPTIME + 60);
    // The wifiwave2/wifi menus are missing on this router: asked once, then no more.
    expect(peer.received.filter((c) => c === '/interface/wifi/registration-table/print')).toHaveLength(1);
    expect(peer.connections).toBe(1);
    expect(peer.logins).toBe(1);
  });

  it('a router restart: reboot event, counters reset give a gap, then rates again', async () => {
    peer.restart();
    const rec = await pollOnce(collector, config(), 'rtr-dinkes', T0 + 120_000);
    expect(rec.errors).toEqual([]);
    expect(rec.events).toHaveLength(1);
    expect(rec.events[0]).toMatchObject({
      type: 'reboot',
      device: 'rtr-dinkes',
      tags: { collector: 'routeros' },
      fields: { uptime_seconds: 42, previous_uptime_seconds: START_UPTIME + 60 },
    });
    expect(rec.events[0].text).toContain('dinyalakan ulang');
    expect(rec.of('interface')[0].fields.in_bps).toBeUndefined();
    expect(rec.of('queue')[0].fields.in_bps).toBeUndefined();

    peer.advance(30);
    const after = await pollOnce(collector, config(), 'rtr-dinkes', T0 + 150_000);
    expect(after.events).toEqual([]);
    expect(after.of('interface')[0].fields.in_bps).toBe(TRAFFIC.ether1.rx * 8);
    expect(after.of('queue')[0].fields.in_bps).toBe(TRAFFIC.queue.download * 8);
  });
});

describe('RouterOS collector vs the API peer (v6 health, wifiwave2, !empty)', () => {
  const peer = new RouterosPeer({ health: 'v6', wireless: 'wifiwave2', emptyReply: true });
  const collector = routerosCollector();
  afterAll(async () => {
    await collector.close?.();
    await peer.stop();
  });

  it('reads the v6 health row and wifiwave2 clients; an empty print is no error', async () => {
    const port = await peer.start();
    peer.interfaces = [];
    const rec = await pollOnce(collector, routerConfig([{ id: 'rtr-v6', port }]), 'rtr-v6', T0);
    expect(rec.errors).toEqual([]);
    expect(rec.of('interface')).toEqual([]);
    expect(rec.of('sensor').map((s) => [s.tags.name, s.tags.unit, s.fields.value])).toEqual([
      ['voltage', 'V', 15.4],
      ['temperature', 'C', 33],
      ['cpu-temperature', 'C', 52],
      ['fan1-speed', 'rpm', 5160],
      ['fan2-speed', 'rpm', 5280],
      ['psu1-state', 'ok', 1],
      ['psu2-state', 'ok', 0],
      ['power-consumption', 'W', 38.5],
      ['current', 'A', 1.104], // v6 says 1104 mA
    ]);
    expect(rec.of('wireless').map((s) => [s.tags.driver, s.tags.interface, s.fields.clients])).toEqual([
      ['wifiwave2', 'wifi1', 2],
      ['wifiwave2', 'wifi2', 1],
    ]);
  });
});
