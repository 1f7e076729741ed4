import si from 'systeminformation';
import type { HostReading } from './parse';

/** Reads the NOC server through systeminformation (the only I/O of this collector). */
export async function readHost(): Promise<HostReading> {
  const [load, mem, disks, nets, time] = await Promise.all([
    si.currentLoad(),
    si.mem(),
    si.fsSize(),
    si.networkStats('*'),
    Promise.resolve(si.time()),
  ]);
  return {
    cpu: { currentLoad: load.currentLoad, cpus: load.cpus.map((c) => ({ load: c.load })) },
    mem: {
      total: mem.total,
      used: mem.used,
      available: mem.available,
      swaptotal: mem.swaptotal,
      swapused: mem.swapused,
    },
    disks: disks.map((d) => ({
      fs: d.fs,
      mount: d.mount,
      type: d.type,
      size: d.size,
      used: d.used,
      available: d.available,
    })),
    nets: nets.map((n) => ({
      iface: n.iface,
      rx_bytes: n.rx_bytes,
      tx_bytes: n.tx_bytes,
      rx_errors: n.rx_errors,
      tx_errors: n.tx_errors,
      operstate: n.operstate,
    })),
    uptimeSeconds: Number(time.uptime),
  };
}
