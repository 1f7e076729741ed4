import { hostSamples, HostReading } from './parse';

const reading: HostReading = {
  cpu: { currentLoad: 12.345, cpus: [{ load: 10 }, { load: 14.69 }] },
  mem: { total: 8e9, used: 6e9, available: 3e9, swaptotal: 0, swapused: 0 },
  disks: [
    { fs: '/dev/sda1', mount: '/', type: 'ext4', size: 100e9, used: 40e9, available: 55e9 },
    { fs: 'proc', mount: '/proc', type: 'proc', size: 0, used: 0, available: 0 },
  ],
  nets: [{ iface: 'eth0', rx_bytes: 1000, tx_bytes: 2000, rx_errors: 1, tx_errors: 0, operstate: 'up' }],
  uptimeSeconds: 3600.7,
};

describe('hostSamples', () => {
  const samples = hostSamples('noc-server', reading, 1_000);
  const find = (m: string, tag?: [string, string]) =>
    samples.filter((s) => s.measurement === m && (!tag || s.tags[tag[0]] === tag[1]));

  it('reports total and per-core CPU', () => {
    expect(find('cpu', ['cpu', 'cpu-total'])[0].fields).toEqual({ load_percent: 12.35, cores: 2 });
    expect(find('cpu', ['cpu', 'cpu1'])[0].fields).toEqual({ load_percent: 14.69 });
    expect(find('cpu').map((s) => s.tags.cpu)).toEqual(['cpu-total', 'cpu0', 'cpu1']);
  });

  it('counts memory in use as total minus available (page cache is not "used")', () => {
    expect(find('memory')[0].fields).toEqual({
      total_bytes: 8000000000n,
      used_bytes: 5000000000n,
      free_bytes: 3000000000n,
      used_percent: 62.5,
      swap_total_bytes: 0n,
      swap_used_bytes: 0n,
    });
  });

  it('skips pseudo file systems and computes disk use against used+free', () => {
    const disks = find('storage');
    expect(disks).toHaveLength(1);
    expect(disks[0].tags).toEqual({ device: 'noc-server', path: '/', fstype: 'ext4', fs: '/dev/sda1' });
    expect(disks[0].fields).toEqual({
      total_bytes: 100000000000n,
      used_bytes: 40000000000n,
      free_bytes: 55000000000n,
      used_percent: 42.11,
    });
  });

  it('keeps network counters as integers', () => {
    expect(find('net')[0].fields).toEqual({
      bytes_recv: 1000n,
      bytes_sent: 2000n,
      err_in: 1n,
      err_out: 0n,
      up: true,
    });
    // A float, like the SNMP and RouterOS uptime_seconds (one type per field in InfluxDB).
    expect(find('system')[0].fields).toEqual({ uptime_seconds: 3600 });
  });
});
