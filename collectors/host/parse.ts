import type { Sample } from '../../agent/sample';

/** What systeminformation reports, reduced to the fields noc reads (kept small so tests can build it). */
export interface HostReading {
  cpu: { currentLoad: number; cpus: { load: number }[] };
  mem: { total: number; used: number; available: number; swaptotal: number; swapused: number };
  disks: { fs: string; mount: string; type: string; size: number; used: number; available: number }[];
  nets: {
    iface: string;
    rx_bytes: number;
    tx_bytes: number;
    rx_errors: number;
    tx_errors: number;
    operstate: string;
  }[];
  uptimeSeconds: number;
}

/**
 * Turns one reading of the NOC server into the samples every other device gets (docs/metrics.md):
 * `cpu`, `memory`, `storage` and `system` named and typed as the SNMP host-resources module
 * writes them, so the same rules and panels work for the NOC server; `net` for its own NICs.
 */
export function hostSamples(device: string, reading: HostReading, time: number): Sample[] {
  const tags = { device };
  const samples: Sample[] = [
    {
      measurement: 'cpu',
      tags: { ...tags, cpu: 'cpu-total' },
      fields: { load_percent: round(reading.cpu.currentLoad), cores: reading.cpu.cpus.length },
      time,
    },
    {
      measurement: 'memory',
      tags,
      fields: {
        total_bytes: BigInt(reading.mem.total),
        // Used as `free` counts it (page cache is not used), like the SNMP modules.
        used_bytes: BigInt(reading.mem.total - reading.mem.available),
        free_bytes: BigInt(reading.mem.available),
        used_percent: percentOf(reading.mem.total - reading.mem.available, reading.mem.total),
        swap_total_bytes: BigInt(reading.mem.swaptotal),
        swap_used_bytes: BigInt(reading.mem.swapused),
      },
      time,
    },
    { measurement: 'system', tags, fields: { uptime_seconds: Math.floor(reading.uptimeSeconds) }, time },
  ];
  reading.cpu.cpus.forEach((core, i) =>
    samples.push({
      measurement: 'cpu',
      tags: { ...tags, cpu: `cpu${i}` },
      fields: { load_percent: round(core.load) },
      time,
    }),
  );
  for (const disk of reading.disks) {
    if (!(disk.size > 0)) continue; // pseudo file systems report no size
    samples.push({
      measurement: 'storage',
      tags: { ...tags, path: disk.mount, fstype: disk.type, fs: disk.fs },
      fields: {
        total_bytes: BigInt(Math.round(disk.size)),
        used_bytes: BigInt(Math.round(disk.used)),
        free_bytes: BigInt(Math.round(disk.available)),
        used_percent: percentOf(disk.used, disk.used + disk.available),
      },
      time,
    });
  }
  for (const net of reading.nets) {
    samples.push({
      measurement: 'net',
      tags: { ...tags, interface: net.iface },
      fields: {
        bytes_recv: BigInt(net.rx_bytes),
        bytes_sent: BigInt(net.tx_bytes),
        err_in: BigInt(net.rx_errors),
        err_out: BigInt(net.tx_errors),
        up: net.operstate === 'up',
      },
      time,
    });
  }
  return samples;
}

function percentOf(part: number, whole: number): number {
  return whole > 0 ? round((part / whole) * 100) : 0;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
