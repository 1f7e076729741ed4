import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { snmpCollector } from '../../collectors/snmp';
import { configWith, ofMeasurement, pollOnce } from '../harness/snmp-poll';
import { Snmpsim, SNMPREC_DIR, startSnmpsim } from '../harness/snmpsim';

/**
 * Every real-device recording in ../shared/fixtures/snmprec served by snmpsimd, polled by the
 * real collector. Expected values are read from each .snmprec file by the small reader below
 * (independent of the collector's parser), and the interface counts are also hard-coded as
 * verified by reading the files.
 */

interface RecLine {
  type: string;
  value: string;
}

function readRecording(file: string): Map<string, RecLine> {
  const out = new Map<string, RecLine>();
  for (const line of readFileSync(join(SNMPREC_DIR, file), 'utf8').split('\n')) {
    if (!line) continue;
    const [oid, type, ...rest] = line.split('|');
    out.set(oid, { type, value: rest.join('|') });
  }
  return out;
}

function recText(l: RecLine | undefined): string | undefined {
  if (!l) return undefined;
  const raw = l.type === '4x' ? Buffer.from(l.value, 'hex').toString('utf8') : l.value;
  return raw.replace(/\0/g, '').trim();
}

function column(rec: Map<string, RecLine>, base: string): Map<string, RecLine> {
  const out = new Map<string, RecLine>();
  for (const [oid, l] of rec) if (oid.startsWith(base + '.')) out.set(oid.slice(base.length + 1), l);
  return out;
}

/** Interface counts verified by reading each file (rows of ifDescr, 1.3.6.1.2.1.2.2.1.2). */
const INTERFACE_COUNTS: Record<string, number> = {
  'pdu-apc_ap8959eu3': 2,
  'routeros-routeros': 12,
  'routeros-routeros_ccr2004-7.24': 17,
  'sensor-apc_emu': 2,
  'server-truenas-scale_24.04.2.2': 2,
  'switch-dlink_dgs-3000-28x': 30,
  'switch-ios_nac': 12,
  'switch-jetstream': 55,
  'switch-swos': 6,
  'ups-apc-apc_smt750x-nmc2': 2,
  'ups-rfc1628-riello': 2,
  'ups-xups-eatonups': 1,
};

const files = readdirSync(SNMPREC_DIR).filter((f) => f.endsWith('.snmprec'));
let sim: Snmpsim;

beforeAll(async () => {
  sim = await startSnmpsim();
}, 60_000);
afterAll(async () => {
  await sim?.stop();
});

test('every recording in the fixtures has a verified interface count', () => {
  expect(files.map((f) => f.replace(/\.snmprec$/, '')).sort()).toEqual(Object.keys(INTERFACE_COUNTS).sort());
});

describe.each(files)('%s served by snmpsim', (file) => {
  const community = file.replace(/\.snmprec$/, '');
  const rec = readRecording(file);

  test('system group and every interface with name, status and counters', async () => {
    const collector = snmpCollector({ modules: [] });
    const config = configWith([
      { id: 'dev', kind: 'other', address: '127.0.0.1', snmp: { version: '2c', port: sim.port, community } },
    ]);
    const result = await pollOnce(collector, config, 'dev', () => 1_700_000_000_000);
    await collector.close?.();
    expect(result.failure).toBeUndefined();
    expect(result.errors).toEqual([]);

    const [system] = ofMeasurement(result.samples, 'system');
    expect(system.tags).toEqual({ device: 'dev', agent_host: '127.0.0.1' });
    expect(system.fields.sysObjectID).toBe(rec.get('1.3.6.1.2.1.1.2.0')!.value);
    expect(system.fields.sysName).toBe(recText(rec.get('1.3.6.1.2.1.1.5.0')));
    expect(system.fields.sysDescr).toBe(recText(rec.get('1.3.6.1.2.1.1.1.0')));
    // Two recordings (APC AP8959, AP9340) have no sysUpTime: the field is then left out.
    const uptime = rec.get('1.3.6.1.2.1.1.3.0');
    expect(system.fields.uptime_seconds).toBe(uptime ? Number(uptime.value) / 100 : undefined);

    const interfaces = ofMeasurement(result.samples, 'interface');
    expect(interfaces).toHaveLength(INTERFACE_COUNTS[community]);
    const descr = column(rec, '1.3.6.1.2.1.2.2.1.2');
    const names = column(rec, '1.3.6.1.2.1.31.1.1.1.1');
    const oper = column(rec, '1.3.6.1.2.1.2.2.1.8');
    const admin = column(rec, '1.3.6.1.2.1.2.2.1.7');
    const hcIn = column(rec, '1.3.6.1.2.1.31.1.1.1.6');
    const in32 = column(rec, '1.3.6.1.2.1.2.2.1.10');
    expect(interfaces.map((s) => s.tags.ifIndex).sort()).toEqual([...descr.keys()].sort());
    for (const s of interfaces) {
      const i = s.tags.ifIndex;
      expect(s.tags.ifName).toBe(recText(names.get(i)) || recText(descr.get(i)));
      expect(s.fields.ifOperStatus).toBe(Number(oper.get(i)!.value));
      expect(s.fields.ifAdminStatus).toBe(Number(admin.get(i)!.value));
      if (hcIn.has(i)) {
        expect(s.fields.ifHCInOctets).toBe(BigInt(hcIn.get(i)!.value));
        expect(s.fields.ifInOctets).toBeUndefined();
      } else if (in32.has(i)) {
        expect(s.fields.ifInOctets).toBe(BigInt(in32.get(i)!.value));
        expect(s.fields.ifHCInOctets).toBeUndefined();
      }
      // One poll: no previous reading, so no rate yet (a gap, not a guess).
      expect(s.fields.in_bps).toBeUndefined();
    }
  });
});

test('hard-coded spot checks: names and statuses as read from the files', async () => {
  const collector = snmpCollector({ modules: [] });
  const config = configWith(
    ['routeros-routeros', 'switch-ios_nac', 'switch-jetstream'].map((c) => ({
      id: c,
      kind: 'switch',
      address: '127.0.0.1',
      snmp: { version: '2c', port: sim.port, community: c },
    })),
  );
  const ros = ofMeasurement((await pollOnce(collector, config, 'routeros-routeros')).samples, 'interface');
  expect(ros.slice(0, 4).map((s) => s.tags.ifName)).toEqual(['wlan1', 'wlan2', 'WAN', 'ether2']);
  const ios = await pollOnce(collector, config, 'switch-ios_nac');
  const [sys] = ofMeasurement(ios.samples, 'system');
  expect(sys.fields.sysObjectID).toBe('1.3.6.1.4.1.9.1.1006');
  expect(String(sys.fields.sysDescr)).toMatch(/^Cisco IOS Software, C2960 Software/);
  const iosIf = ofMeasurement(ios.samples, 'interface');
  expect(iosIf.find((s) => s.tags.ifIndex === '10001')?.tags.ifName).toBe('Fa0/1');
  // One Cisco interface has ifName but no ifHC counters: it falls back to 32-bit for itself only.
  expect(iosIf.filter((s) => s.fields.ifHCInOctets !== undefined)).toHaveLength(11);
  const jet = ofMeasurement((await pollOnce(collector, config, 'switch-jetstream')).samples, 'interface');
  expect(jet).toHaveLength(55);
  expect(
    jet.every((s) => s.fields.ifHCInOctets === undefined && typeof s.fields.ifInOctets === 'bigint'),
  ).toBe(true);
  await collector.close?.();
});
