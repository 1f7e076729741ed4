import * as snmp from 'net-snmp';

/**
 * GETNEXT/GETBULK answers as RFC 3416 (4.2.2, 4.2.3) defines them, replacing net-snmp's Agent
 * code for the two places where it departs from it:
 *
 * - its GETBULK fills the answer up to max-repetitions varbinds in all (not repetitions), and
 *   once one requested OID reaches the end of the MIB it keeps repeating that endOfMibView. A
 *   manager regroups a GETBULK answer by position (varbind i belongs to requested OID
 *   i mod R), so every repetition must hold exactly one varbind per repeating OID, and the answer
 *   may only stop after a repetition that is endOfMibView throughout. An earlier wrapper here
 *   removed the repeated endOfMibViews and so shifted every later column: a collector walking
 *   rPDU2 device status beside an absent bank table read the phase table as device status.
 * - it answers endOfMibView as noSuchObject when the start OID is not an instance of the MIB
 *   (its response step looks the OID up as if for GET). endOfMibView is restored here.
 */

interface Varbind {
  oid: string;
  type: number;
  value?: unknown;
}

interface Message {
  pdu: { type: number; varbinds: Varbind[]; nonRepeaters: number; maxRepetitions: number };
}

export interface BulkCapableAgent {
  request(socket: unknown, message: Message, rinfo: unknown): void;
  addGetNextVarbind(target: Varbind[], startOid: string): { oid: string } | undefined | null;
  getBulkRequest(socket: unknown, message: Message, rinfo: unknown): void;
  getNextRequest(socket: unknown, message: Message, rinfo: unknown): void;
  sendResponse(socket: unknown, rinfo: unknown, message: Message, responsePdu: { varbinds: Varbind[] }): void;
}

/**
 * Most varbinds in one GETBULK answer, as snmpd's default (net-snmp `maxGetbulkResponses` is
 * unlimited but its answers are cut to the message size; 100 keeps answers well under 64 KiB).
 * Whole repetitions only; at least one repetition is always sent.
 */
export const MAX_BULK_VARBINDS = 100;

const END = snmp.ObjectType.EndOfMibView;

/** The varbinds of a GETBULK answer, built with `next` (one GETNEXT step, undefined at the end). */
export function bulkVarbinds(
  requested: string[],
  nonRepeaters: number,
  maxRepetitions: number,
  next: (oid: string) => Varbind | undefined,
  maxVarbinds = MAX_BULK_VARBINDS,
): Varbind[] {
  const n = Math.max(0, Math.min(nonRepeaters, requested.length));
  const r = requested.length - n;
  const out: Varbind[] = [];
  const step = (oid: string): Varbind => next(oid) ?? { oid, type: END, value: null };
  for (let i = 0; i < n; i++) out.push(step(requested[i]));
  if (r === 0) return out;
  const reps = Math.min(Math.max(0, maxRepetitions), Math.max(1, Math.floor((maxVarbinds - n) / r)));
  const last = requested.slice(n);
  for (let rep = 0; rep < reps; rep++) {
    let allEnded = true;
    for (let j = 0; j < r; j++) {
      const vb = step(last[j]);
      out.push(vb);
      last[j] = vb.oid;
      if (vb.type !== END) allEnded = false;
    }
    if (allEnded) break;
  }
  return out;
}

export function installRfcBulk(agent: BulkCapableAgent): void {
  const ends = new WeakMap<Message, number[]>();
  const next = (oid: string): Varbind | undefined => {
    const got: Varbind[] = [];
    const node = agent.addGetNextVarbind(got, oid);
    return node ? got[0] : undefined;
  };
  const answer = (socket: unknown, message: Message, rinfo: unknown, varbinds: Varbind[]) => {
    message.pdu.varbinds = varbinds;
    const at = varbinds.flatMap((vb, i) => (vb.type === END ? [i] : []));
    if (at.length) ends.set(message, at);
    agent.request(socket, message, rinfo);
  };
  agent.getBulkRequest = (socket, message, rinfo) => {
    const { pdu } = message;
    const oids = pdu.varbinds.map((vb) => vb.oid);
    answer(socket, message, rinfo, bulkVarbinds(oids, pdu.nonRepeaters, pdu.maxRepetitions, next));
  };
  agent.getNextRequest = (socket, message, rinfo) => {
    const varbinds = message.pdu.varbinds.map(
      (vb) => next(vb.oid) ?? { oid: vb.oid, type: END, value: null },
    );
    answer(socket, message, rinfo, varbinds);
  };
  const send = agent.sendResponse.bind(agent);
  agent.sendResponse = (socket, rinfo, message, responsePdu) => {
    for (const i of ends.get(message) ?? []) {
      const vb = responsePdu.varbinds[i];
      if (vb) Object.assign(vb, { type: END, value: null });
    }
    send(socket, rinfo, message, responsePdu);
  };
}
