import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  bindingFor,
  dhcpSamples,
  parseNeighbors,
  parseQueues,
  parseSignal,
  queueSample,
  wirelessSamples,
} from './parse-queue';

const FIX = resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'routeros');
const rows = (name: string) =>
  JSON.parse(readFileSync(resolve(FIX, name), 'utf8')) as Record<string, string>[];
const tags = { device: 'r1', source: 'routeros' };

describe('/queue/simple', () => {
  const [dinkes, disdik, tamu] = parseQueues([
    {
      name: 'opd-dinkes',
      target: '10.20.5.0/24',
      'max-limit': '10000000/20000000',
      rate: '2500000/8000000',
      bytes: '1000/2000',
      disabled: 'false',
    },
    {
      name: 'opd-disdik',
      target: '10.20.6.0/24',
      'max-limit': '5M/5M',
      rate: '0/0',
      bytes: '5/7',
      disabled: 'false',
    },
    {
      name: 'tamu',
      target: '10.20.9.0/24,10.20.10.0/24',
      'max-limit': '0/0',
      rate: '0/0',
      bytes: '0/0',
      disabled: 'true',
    },
  ]);

  it('parses max-limit with and without suffixes, rate and bytes as upload/download', () => {
    expect(dinkes).toEqual({
      name: 'opd-dinkes',
      target: '10.20.5.0/24',
      disabled: false,
      maxLimit: { upload: 10_000_000, download: 20_000_000 },
      rate: { upload: 2_500_000, download: 8_000_000 },
      bytes: { upload: 1000n, download: 2000n },
    });
    expect(disdik.maxLimit).toEqual({ upload: 5_000_000, download: 5_000_000 });
    expect(tamu.disabled).toBe(true);
  });

  it('binds by name, and by target when the binding names one', () => {
    const bindings = [
      { name: 'opd-dinkes', agency: 'dinkes', link: 'wan-dinkes' },
      { name: 'tamu', agency: 'setda', target: '10.20.10.0/24' },
      { name: 'opd-disdik', agency: 'disdik', target: '10.99.0.0/24' },
    ];
    expect(bindingFor(dinkes, bindings)?.agency).toBe('dinkes');
    expect(bindingFor(tamu, bindings)?.agency).toBe('setda');
    expect(bindingFor(disdik, bindings)).toBeUndefined();
  });

  it('computes in/out rates from bytes between two polls and utilisation against max-limit', () => {
    const first = queueSample(dinkes, undefined, { tags, time: 0, countersReset: false });
    expect(first.sample.fields).toEqual({
      max_limit_in_bps: 20_000_000,
      max_limit_out_bps: 10_000_000,
      rate_in_bps: 8_000_000,
      rate_out_bps: 2_500_000,
      bytes_in: 2000n,
      bytes_out: 1000n,
      disabled: false,
    });
    const later = { ...dinkes, bytes: { upload: 1000n + 12_500_000n, download: 2000n + 75_000_000n } };
    const second = queueSample(later, first.memory, {
      tags,
      time: 60_000,
      countersReset: false,
      binding: { name: 'opd-dinkes', agency: 'dinkes', link: 'wan-dinkes' },
    });
    expect(second.sample.fields.in_bps).toBe(10_000_000);
    expect(second.sample.fields.out_bps).toBe(1_666_666.6666666667);
    expect(second.sample.fields.in_utilisation_percent).toBe(50);
    expect(second.sample.fields.out_utilisation_percent).toBeCloseTo(16.6667, 4);
    expect(second.sample.tags).toEqual({
      ...tags,
      queue: 'opd-dinkes',
      target: '10.20.5.0/24',
      agency: 'dinkes',
      link: 'wan-dinkes',
    });
  });

  it('gives no rate after a reset and no utilisation for an unlimited queue', () => {
    const prev = queueSample(tamu, undefined, { tags, time: 0, countersReset: false }).memory;
    const moved = { ...tamu, bytes: { upload: 100n, download: 100n } };
    const s = queueSample(moved, prev, { tags, time: 10_000, countersReset: false }).sample.fields;
    expect(s.in_bps).toBe(80);
    expect(s.in_utilisation_percent).toBeUndefined();
    const reset = queueSample(moved, prev, { tags, time: 10_000, countersReset: true }).sample.fields;
    expect(reset.in_bps).toBeUndefined();
  });
});

describe('DHCP leases (recorded)', () => {
  it('counts leases per server by status', () => {
    const samples = dhcpSamples(rows('ip_dhcp_server_lease.json'), tags, 5);
    expect(samples).toEqual([
      {
        measurement: 'dhcp',
        tags: { ...tags, server: 'lan_dhcp' },
        fields: { leases_total: 2, leases_bound: 2, leases_waiting: 0, leases_offered: 0, leases_busy: 0 },
        time: 5,
      },
    ]);
  });

  it('leaves out disabled leases and counts waiting ones', () => {
    const s = dhcpSamples(
      [
        { server: 'a', status: 'waiting', disabled: 'false' },
        { server: 'a', status: 'bound', disabled: 'true' },
        { server: 'b', status: 'bound', disabled: 'false' },
      ],
      tags,
      0,
    );
    expect(s.map((x) => [x.tags.server, x.fields.leases_total, x.fields.leases_waiting])).toEqual([
      ['a', 1, 1],
      ['b', 1, 0],
    ]);
  });
});

describe('wireless registration tables', () => {
  it('reads legacy wireless (recorded): 2 clients on wlan2, signal from signal-strength', () => {
    expect(parseSignal('-62@6Mbps')).toBe(-62);
    const [s] = wirelessSamples(rows('interface_wireless_registration.json'), 'wireless', tags, 0);
    expect(s.tags).toEqual({ ...tags, interface: 'wlan2', driver: 'wireless' });
    expect(s.fields).toEqual({ clients: 2, signal_avg_dbm: -59, signal_min_dbm: -62, signal_max_dbm: -56 });
  });

  it('reads wifiwave2 / wifi rows (signal attribute), per interface', () => {
    const s = wirelessSamples(
      [
        { interface: 'wifi1', signal: '-58' },
        { interface: 'wifi1', signal: '-71' },
        { interface: 'wifi2', signal: '-49' },
      ],
      'wifi',
      tags,
      0,
    );
    expect(s.map((x) => [x.tags.interface, x.fields.clients, x.fields.signal_avg_dbm])).toEqual([
      ['wifi1', 2, -64.5],
      ['wifi2', 1, -49],
    ]);
  });
});

describe('/ip/neighbor', () => {
  it('keeps what discovery needs', () => {
    expect(
      parseNeighbors([
        {
          interface: 'ether1',
          address: '10.10.0.1',
          'mac-address': 'AA',
          identity: 'core',
          'interface-name': 'sfp2',
        },
        { address: 'no-interface' },
      ]),
    ).toEqual([
      {
        interface: 'ether1',
        address: '10.10.0.1',
        macAddress: 'AA',
        identity: 'core',
        platform: undefined,
        board: undefined,
        version: undefined,
        remoteInterface: 'sfp2',
      },
    ]);
  });
});
