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
    expect(find('cpu', ['cpu', 'cpu-total'])[0].fields).toEqual({ usage_percent: 12.35 });
    expect(find('cpu').map((s) => s.tags.cpu)).toEqual(['cpu-total', 'cpu0', 'cpu1']);
  });

  it('counts memory in use as total minus available (page cache is not "used")', () => {
    expect(find('mem')[0].fields).toMatchObject({
      total: 8000000000n,
      available: 3000000000n,
      used_percent: 62.5,
    });
  });

  it('skips pseudo file systems and computes disk use against used+free', () => {
    const disks = find('disk');
    expect(disks).toHaveLength(1);
    expect(disks[0].tags).toEqual({ device: 'noc-server', path: '/', fstype: 'ext4', source: '/dev/sda1' });
    expect(disks[0].fields.used_percent).toBe(42.11);
  });

  it('keeps network counters as integers', () => {
    expect(find('net')[0].fields).toEqual({
      bytes_recv: 1000n,
      bytes_sent: 2000n,
      err_in: 1n,
      err_out: 0n,
      up: true,
    });
    expect(find('system')[0].fields).toEqual({ uptime: 3600n });
  });
});
