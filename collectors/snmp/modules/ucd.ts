import type { Sample } from '../../../agent/sample';
import { detectProfile } from '../profiles';
import type { ModuleContext, SnmpModule, SystemInfo, Varbinds } from '../types';
import { bytes, compact, num, round, sample, table } from './util';

/**
 * UCD-SNMP-MIB (net-snmp's own MIB, 1.3.6.1.4.1.2021): load averages and memory in kB.
 * When HOST-RESOURCES already gave the RAM totals (one `memory` series per device), this
 * module adds only what HOST-RESOURCES lacks (free memory); on agents without hrStorage it
 * gives the whole memory picture.
 */

export const UCD = {
  laEntry: '1.3.6.1.4.1.2021.10.1',
  mem: '1.3.6.1.4.1.2021.4',
  memTotalSwap: '1.3.6.1.4.1.2021.4.3.0',
  memAvailSwap: '1.3.6.1.4.1.2021.4.4.0',
  memTotalReal: '1.3.6.1.4.1.2021.4.5.0',
  memAvailReal: '1.3.6.1.4.1.2021.4.6.0',
  memBuffer: '1.3.6.1.4.1.2021.4.14.0',
  memCached: '1.3.6.1.4.1.2021.4.15.0',
  /** hrStorageType column, read only to learn whether HOST-RESOURCES reports RAM. */
  hrStorageType: '1.3.6.1.2.1.25.2.3.1.2',
} as const;

const KB = 1024;
const HR_RAM = '1.3.6.1.2.1.25.2.1.2';

/** laLoad is text ("0.17"); laLoadInt is the same ×100 (used when the text column is missing). */
function loadAverages(vb: Varbinds): (number | undefined)[] {
  const rows = table(vb, UCD.laEntry);
  return ['1', '2', '3'].map((i) => {
    const row = rows.get(i);
    const fromText = num(row?.get(3));
    if (fromText !== undefined && fromText >= 0) return fromText;
    const fromInt = num(row?.get(5));
    return fromInt !== undefined && fromInt >= 0 ? round(fromInt / 100) : undefined;
  });
}

function kb(vb: Varbinds, oid: string): number | undefined {
  const v = num(vb.get(oid));
  return v !== undefined && v >= 0 ? v * KB : undefined;
}

function memorySample(vb: Varbinds, ctx: ModuleContext): Sample | undefined {
  const free = kb(vb, UCD.memAvailReal);
  const hasHrRam = [...vb].some(([oid, v]) => oid.startsWith(UCD.hrStorageType + '.') && v === HR_RAM);
  if (hasHrRam) return sample('memory', ctx, {}, { free_bytes: bytes(free) });
  const total = kb(vb, UCD.memTotalReal);
  const buffers = kb(vb, UCD.memBuffer) ?? 0;
  const cached = kb(vb, UCD.memCached) ?? 0;
  const used =
    total !== undefined && free !== undefined ? Math.max(0, total - free - buffers - cached) : undefined;
  const swapTotal = kb(vb, UCD.memTotalSwap);
  const swapFree = kb(vb, UCD.memAvailSwap);
  return sample(
    'memory',
    ctx,
    {},
    {
      total_bytes: bytes(total),
      used_bytes: bytes(used),
      used_percent: used !== undefined && total ? round((used / total) * 100) : undefined,
      free_bytes: bytes(free),
      buffers_bytes: bytes(buffers || undefined),
      cached_bytes: bytes(cached || undefined),
      swap_total_bytes: bytes(swapTotal),
      swap_used_bytes: bytes(
        swapTotal !== undefined && swapFree !== undefined ? Math.max(0, swapTotal - swapFree) : undefined,
      ),
    },
  );
}

export function parseUcd(vb: Varbinds, ctx: ModuleContext): Sample[] {
  const [load1, load5, load15] = loadAverages(vb);
  return compact([sample('cpu', ctx, { cpu: 'cpu-total' }, { load1, load5, load15 }), memorySample(vb, ctx)]);
}

export const ucdModule: SnmpModule = {
  name: 'ucd-snmp',
  walk: [UCD.laEntry, UCD.mem, UCD.hrStorageType],
  applies: (system: SystemInfo) => {
    const p = detectProfile(system);
    return (
      p.kind === 'server' || p.vendor === 'net-snmp' || p.vendor === 'mikrotik' || p.vendor === 'generic'
    );
  },
  parse: parseUcd,
};
