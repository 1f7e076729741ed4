import type { Sample } from '../../../agent/sample';
import { detectProfile } from '../profiles';
import type { ModuleContext, SnmpModule, SystemInfo, Varbinds } from '../types';
import { compact, num, sample, scaled, table, text } from './util';

/**
 * APC Rack PDUs: PowerNet rPDU2 (1.3.6.1.4.1.318.1.1.26, AP8xxx "2G" PDUs) and the older rPDU
 * (…318.1.1.12, AP78xx/79xx). A 2G PDU answers both; rPDU2 is read when it has data, rPDU
 * only otherwise, so each phase appears once. Units per PowerNet-MIB: currents 0.1 A,
 * rPDU2 device/phase power 0.01 kW, apparent power 0.01 kVA, energy 0.1 kWh, outlet power W,
 * power factor 0.01.
 */

const R2 = '1.3.6.1.4.1.318.1.1.26';
const R1 = '1.3.6.1.4.1.318.1.1.12';
export const APC_PDU = {
  rpdu2: R2,
  deviceStatusEntry: R2 + '.4.3.1',
  phaseStatusEntry: R2 + '.6.3.1',
  bankStatusEntry: R2 + '.8.3.1',
  outletMeteredStatusEntry: R2 + '.9.4.3.1',
  rpdu: R1,
  identDevicePowerWatts: R1 + '.1.16.0',
  loadStatusEntry: R1 + '.2.3.1.1',
} as const;

/** Readings below zero are the card's "not available". */
function pos(v: number | undefined): number | undefined {
  return v !== undefined && v >= 0 ? v : undefined;
}

function rpdu2(vb: Varbinds, ctx: ModuleContext): (Sample | undefined)[] {
  const out: (Sample | undefined)[] = [];
  for (const [index, row] of table(vb, APC_PDU.deviceStatusEntry)) {
    out.push(
      sample(
        'pdu',
        ctx,
        { scope: 'device', index },
        {
          power_watts: scaled(pos(num(row.get(5))), 10),
          energy_kwh: scaled(pos(num(row.get(9))), 0.1),
          apparent_power_va: scaled(pos(num(row.get(16))), 10),
          power_factor: scaled(pos(num(row.get(17))), 0.01),
          load_state: num(row.get(4)),
        },
      ),
    );
  }
  for (const [index, row] of table(vb, APC_PDU.phaseStatusEntry)) {
    out.push(
      sample(
        'pdu',
        ctx,
        { scope: 'phase', index: String(num(row.get(3)) ?? index) },
        {
          current_amps: scaled(pos(num(row.get(5))), 0.1),
          voltage: pos(num(row.get(6))),
          power_watts: scaled(pos(num(row.get(7))), 10),
          apparent_power_va: scaled(pos(num(row.get(8))), 10),
          power_factor: scaled(pos(num(row.get(9))), 0.01),
          load_state: num(row.get(4)),
        },
      ),
    );
  }
  for (const [index, row] of table(vb, APC_PDU.bankStatusEntry)) {
    out.push(
      sample(
        'pdu',
        ctx,
        { scope: 'bank', index: String(num(row.get(3)) ?? index) },
        { current_amps: scaled(pos(num(row.get(5))), 0.1), load_state: num(row.get(4)) },
      ),
    );
  }
  for (const [index, row] of table(vb, APC_PDU.outletMeteredStatusEntry)) {
    const name = text(row.get(3));
    out.push(
      sample(
        'pdu',
        ctx,
        { scope: 'outlet', index: String(num(row.get(4)) ?? index), ...(name ? { name } : {}) },
        {
          current_amps: scaled(pos(num(row.get(6))), 0.1),
          power_watts: pos(num(row.get(7))),
          energy_kwh: scaled(pos(num(row.get(11))), 0.1),
        },
      ),
    );
  }
  return out;
}

/** rPDULoadStatusTable rows are per phase (rPDULoadStatusPhaseNumber) or per bank (rPDULoadStatusBankNumber > 0). */
function rpdu(vb: Varbinds, ctx: ModuleContext): (Sample | undefined)[] {
  const out: (Sample | undefined)[] = [
    sample(
      'pdu',
      ctx,
      { scope: 'device', index: '1' },
      { power_watts: pos(num(vb.get(APC_PDU.identDevicePowerWatts))) },
    ),
  ];
  for (const [index, row] of table(vb, APC_PDU.loadStatusEntry)) {
    const bank = num(row.get(5)) ?? 0;
    const phase = num(row.get(4));
    const scope = bank > 0 ? 'bank' : 'phase';
    const id = bank > 0 ? String(bank) : String(phase ?? index);
    out.push(
      sample(
        'pdu',
        ctx,
        { scope, index: id },
        { current_amps: scaled(pos(num(row.get(2))), 0.1), load_state: num(row.get(3)) },
      ),
    );
  }
  return out;
}

export function parseApcPdu(vb: Varbinds, ctx: ModuleContext): Sample[] {
  const modern = compact(rpdu2(vb, ctx));
  if (modern.length > 0) return modern;
  return compact(rpdu(vb, ctx));
}

export const apcPduModule: SnmpModule = {
  name: 'pdu-apc',
  walk: [
    APC_PDU.deviceStatusEntry,
    APC_PDU.phaseStatusEntry,
    APC_PDU.bankStatusEntry,
    APC_PDU.outletMeteredStatusEntry,
    APC_PDU.identDevicePowerWatts.replace(/\.0$/, ''),
    APC_PDU.loadStatusEntry,
  ],
  applies: (system: SystemInfo) => detectProfile(system).vendor === 'apc',
  parse: parseApcPdu,
};
