import { DeviceMib, scalar, TableDef } from '../mib';
import { wander } from '../waves';
import { Clock, interfaceTables, merge, systemGroup } from './common';

/**
 * A Debian server answering as net-snmp's snmpd does: HOST-RESOURCES-MIB (hrSystem, hrStorage,
 * hrProcessorLoad) and UCD-SNMP-MIB (laTable load averages, memory group), plus lo/ens18/ens19.
 */
export const LINUX = {
  sysObjectID: '1.3.6.1.4.1.8072.3.2.10',
  hrSystemUptime: '1.3.6.1.2.1.25.1.1',
  hrSystemNumUsers: '1.3.6.1.2.1.25.1.5',
  hrSystemProcesses: '1.3.6.1.2.1.25.1.6',
  hrMemorySize: '1.3.6.1.2.1.25.2.2',
  /** hrStorageEntry: index, type (OID), descr, allocationUnits, size, used, allocationFailures. */
  hrStorageEntry: '1.3.6.1.2.1.25.2.3.1',
  hrStorageRam: '1.3.6.1.2.1.25.2.1.2',
  hrStorageVirtualMemory: '1.3.6.1.2.1.25.2.1.3',
  hrStorageOther: '1.3.6.1.2.1.25.2.1.1',
  hrStorageFixedDisk: '1.3.6.1.2.1.25.2.1.4',
  /** hrProcessorEntry: frwID (1), load % over the last minute (2); index = hrDeviceIndex. */
  hrProcessorEntry: '1.3.6.1.2.1.25.3.3.1',
  /** laEntry: index, names, load (string), config, loadInt (x100). */
  laEntry: '1.3.6.1.4.1.2021.10.1',
  /** UCD memory group, kB: memTotalSwap .3, memAvailSwap .4, memTotalReal .5, memAvailReal .6, memTotalFree .11, memBuffer .14, memCached .15. */
  memory: '1.3.6.1.4.1.2021.4',
} as const;

/**
 * hrProcessorLoad of CPU i at lab time t, in %: each core wanders between about 10 and 65 %
 * on its own period. Exported for the rack power model (devices/rack-power.ts).
 */
export const LINUX_CPU_WAVE = (i: number) => ({
  centre: 28 + 6 * i,
  amplitude: 18,
  period: 240 + 37 * i,
  phase: i,
});
export function linuxCpuLoad(i: number, t: number): number {
  const w = LINUX_CPU_WAVE(i);
  return wander(w.centre, w.amplitude, t, w.period, w.phase);
}

const KB = 1024;
const MEM_KB = 16 * 1024 * 1024;
const SWAP_KB = 4 * 1024 * 1024;

export function linuxServer(clock: Clock, name = 'srv-web01', cpus = 4): DeviceMib {
  const t = clock;
  const upBefore = 23 * 86400 + 7 * 3600;
  const cpuLoad = (i: number) => () => linuxCpuLoad(i, t());
  const meanLoad = () =>
    Array.from({ length: cpus }, (_, i) => cpuLoad(i)()).reduce((a, b) => a + b, 0) / 100;
  const usedKb = () => Math.round(wander(MEM_KB * 0.58, MEM_KB * 0.06, t(), 1800));
  const buffersKb = 412_000;
  const cachedKb = 3_900_000;
  const availKb = () => MEM_KB - usedKb() - buffersKb - cachedKb;
  // The log volume fills slowly (about 1 MB a minute), as it does on a real web server.
  const varUsed = () => Math.round(9_200_000 + (t() * 1024 * 1024) / 60 / 4096);
  const storage: TableDef = {
    name: 'hrStorageTable',
    oid: LINUX.hrStorageEntry,
    columns: [
      [1, 'hrStorageIndex', 'int'],
      [2, 'hrStorageType', 'oid'],
      [3, 'hrStorageDescr', 'str'],
      [4, 'hrStorageAllocationUnits', 'int'],
      [5, 'hrStorageSize', 'int'],
      [6, 'hrStorageUsed', 'int'],
      [7, 'hrStorageAllocationFailures', 'c32'],
    ],
    rows: [
      [1, LINUX.hrStorageRam, 'Physical memory', KB, MEM_KB, () => usedKb() + buffersKb + cachedKb, 0],
      [
        3,
        LINUX.hrStorageVirtualMemory,
        'Virtual memory',
        KB,
        MEM_KB + SWAP_KB,
        () => usedKb() + buffersKb + cachedKb + 120_000,
        0,
      ],
      [6, LINUX.hrStorageOther, 'Memory buffers', KB, MEM_KB, buffersKb, 0],
      [7, LINUX.hrStorageOther, 'Cached memory', KB, cachedKb, cachedKb, 0],
      [10, LINUX.hrStorageVirtualMemory, 'Swap space', KB, SWAP_KB, 120_000, 0],
      [31, LINUX.hrStorageFixedDisk, '/', 4096, 12_800_000, 5_100_000, 0],
      [35, LINUX.hrStorageFixedDisk, '/var', 4096, 25_600_000, varUsed, 0],
      [36, LINUX.hrStorageFixedDisk, '/boot', 1024, 480_000, 98_000, 0],
    ],
  };
  const processors: TableDef = {
    name: 'hrProcessorTable',
    oid: LINUX.hrProcessorEntry,
    columns: [
      [0, 'hrDeviceIndex', 'int', true],
      [1, 'hrProcessorFrwID', 'oid'],
      [2, 'hrProcessorLoad', 'int'],
    ],
    rows: Array.from({ length: cpus }, (_, i) => [196608 + i, '0.0', cpuLoad(i)]),
  };
  // Longer averages lag and smooth the 1-minute figure.
  const la = (minutes: number) => () =>
    meanLoad() * (1.05 - 0.05 * Math.sqrt(minutes)) * (1 + 0.1 * Math.sin(t() / (60 * minutes)));
  const load: TableDef = {
    name: 'laTable',
    oid: LINUX.laEntry,
    columns: [
      [1, 'laIndex', 'int'],
      [2, 'laNames', 'str'],
      [3, 'laLoad', 'str'],
      [4, 'laConfig', 'str'],
      [5, 'laLoadInt', 'int'],
    ],
    rows: [1, 5, 15].map((m, i) => [
      i + 1,
      `Load-${m}`,
      () => la(m)().toFixed(2),
      '12.00',
      () => Math.round(la(m)() * 100),
    ]),
  };
  const mem = (n: number, objName: string, type: 'int' | 'str', value: number | string | (() => number)) =>
    scalar(objName, `${LINUX.memory}.${n}`, type, value);
  return merge(
    {
      scalars: [
        ...systemGroup(clock, {
          descr: `Linux ${name} 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC Debian 6.1.119-1 (2024-11-22) x86_64`,
          objectID: LINUX.sysObjectID,
          name,
          location: 'Pusat Data Diskominfo, Ruang Server 1, Rak R02',
          upBeforeSeconds: upBefore,
          services: 72,
        }),
        scalar('hrSystemUptime', LINUX.hrSystemUptime, 'ticks', () => Math.floor((upBefore + t()) * 100)),
        scalar('hrSystemNumUsers', LINUX.hrSystemNumUsers, 'gauge', 1),
        scalar('hrSystemProcesses', LINUX.hrSystemProcesses, 'gauge', () => wander(212, 15, t(), 300)),
        scalar('hrMemorySize', LINUX.hrMemorySize, 'int', MEM_KB),
        mem(1, 'memIndex', 'int', 0),
        mem(2, 'memErrorName', 'str', 'swap'),
        mem(3, 'memTotalSwap', 'int', SWAP_KB),
        mem(4, 'memAvailSwap', 'int', SWAP_KB - 120_000),
        mem(5, 'memTotalReal', 'int', MEM_KB),
        mem(6, 'memAvailReal', 'int', availKb),
        mem(11, 'memTotalFree', 'int', () => availKb() + SWAP_KB - 120_000),
        mem(12, 'memMinimumSwap', 'int', 16000),
        mem(13, 'memShared', 'int', 88_000),
        mem(14, 'memBuffer', 'int', buffersKb),
        mem(15, 'memCached', 'int', cachedKb),
        mem(100, 'memSwapError', 'int', 0),
      ],
      tables: [storage, processors, load],
    },
    interfaceTables(
      clock,
      [
        { name: 'lo', speedMbps: 10, inLoad: 0.05, outLoad: 0.05, ifType: 24 },
        { name: 'ens18', alias: 'LAN Pusat Data', speedMbps: 1000, inLoad: 0.03, outLoad: 0.11 },
        { name: 'ens19', alias: 'Backup', speedMbps: 1000, inLoad: 0.002, outLoad: 0.02 },
      ],
      0x525400120000,
      upBefore,
    ),
  );
}
