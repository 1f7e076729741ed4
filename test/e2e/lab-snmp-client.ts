import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * net-snmp's C tools (Debian package snmp) as the SNMP client for the lab tests: what they
 * accept, any real poller accepts. Values come back parsed: numbers as bigint, strings unquoted.
 */
const run = promisify(execFile);

export interface Read {
  type: string;
  value: string;
}

function parse(stdout: string): Map<string, Read> {
  const out = new Map<string, Read>();
  for (const line of stdout.split('\n')) {
    const m = /^\.?([\d.]+) = (?:([\w-]+): )?(.*)$/.exec(line.trim());
    if (!m) continue;
    let value = m[3];
    if (value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    out.set(m[1], { type: m[2] ?? '', value });
  }
  return out;
}

const common = (community: string) => ['-v2c', '-c', community, '-On', '-Ot', '-r', '1', '-t', '2'];

export async function snmpget(port: number, community: string, oids: string[]): Promise<Map<string, Read>> {
  const { stdout } = await run('snmpget', [...common(community), `127.0.0.1:${port}`, ...oids]);
  return parse(stdout);
}

export async function snmpbulkwalk(port: number, community: string, oid: string): Promise<Map<string, Read>> {
  const { stdout } = await run('snmpbulkwalk', [...common(community), `127.0.0.1:${port}`, oid]);
  return parse(stdout);
}

/** The numeric value of one OID, as bigint (Counter64 needs it). */
export function num(reads: Map<string, Read>, oid: string): bigint {
  const r = reads.get(oid);
  if (!r) throw new Error(`${oid} missing from the answer`);
  return BigInt(r.value.split(' ')[0]);
}
