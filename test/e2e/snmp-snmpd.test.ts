import { networkInterfaces } from 'node:os';
import { snmpCollector } from '../../collectors/snmp';
import { configWith, ofMeasurement, pollOnce } from '../harness/snmp-poll';
import { Snmpd, startSnmpd } from '../harness/snmpd';

/** Debian's snmpd on a loopback port: v2c, v3 authPriv (SHA-256 + AES), and a wrong v3 password. */

let snmpd: Snmpd;
beforeAll(async () => {
  snmpd = await startSnmpd();
}, 30_000);
afterAll(async () => {
  await snmpd?.stop();
});

/** The machine's own interfaces, which snmpd reports in IF-MIB (names as the kernel has them). */
const kernelInterfaces = Object.keys(networkInterfaces());

function device(id: string, snmp: object) {
  return {
    id,
    kind: 'server',
    address: '127.0.0.1',
    snmp: { port: snmpd.port, timeoutSeconds: 1, retries: 0, ...snmp },
  };
}

test('SNMPv2c: system group and this machine’s interfaces with 64-bit counters', async () => {
  const collector = snmpCollector({ modules: [] });
  const config = configWith([device('v2', { version: '2c', community: snmpd.community })]);
  const r = await pollOnce(collector, config, 'v2');
  await collector.close?.();
  expect(r.failure).toBeUndefined();
  expect(r.errors).toEqual([]);
  const [sys] = ofMeasurement(r.samples, 'system');
  expect(sys.fields.sysObjectID).toBe('1.3.6.1.4.1.8072.3.2.10'); // net-snmp on Linux
  expect(String(sys.fields.sysDescr)).toMatch(/^Linux /);
  const ifs = ofMeasurement(r.samples, 'interface');
  const names = ifs.map((s) => s.tags.ifName);
  expect(names).toContain('lo');
  for (const n of kernelInterfaces) expect(names).toContain(n);
  const lo = ifs.find((s) => s.tags.ifName === 'lo')!;
  expect(lo.fields.ifOperStatus).toBe(1);
  expect(typeof lo.fields.ifHCInOctets).toBe('bigint');
});

test('SNMPv1 (GETNEXT, no Counter64): same interfaces, 32-bit counters', async () => {
  const collector = snmpCollector({ modules: [] });
  const config = configWith([
    device('v1', { version: '1', community: snmpd.community }),
    device('v2', { version: '2c', community: snmpd.community }),
  ]);
  const v1 = await pollOnce(collector, config, 'v1');
  const v2 = await pollOnce(collector, config, 'v2');
  await collector.close?.();
  expect(v1.failure).toBeUndefined();
  expect(v1.errors).toEqual([]);
  const names = (r: typeof v1) => ofMeasurement(r.samples, 'interface').map((s) => s.tags.ifName);
  expect(names(v1)).toEqual(names(v2));
  const lo = ofMeasurement(v1.samples, 'interface').find((s) => s.tags.ifName === 'lo')!;
  // snmpd hides Counter64 from SNMPv1 managers (RFC 2576), so 32-bit ifInOctets is used.
  expect(lo.fields.ifHCInOctets).toBeUndefined();
  expect(typeof lo.fields.ifInOctets).toBe('bigint');
});

test('SNMPv3 authPriv (SHA-256, AES) reads the same device', async () => {
  const collector = snmpCollector({ modules: [] });
  const { v3 } = snmpd;
  const config = configWith([
    device('v3', {
      version: '3',
      auth: {
        username: v3.user,
        authProtocol: 'sha256',
        authKey: v3.authKey,
        privProtocol: 'aes',
        privKey: v3.privKey,
        level: 'authPriv',
      },
    }),
  ]);
  const first = await pollOnce(collector, config, 'v3', () => 1_000_000);
  const second = await pollOnce(collector, config, 'v3', () => 1_010_000);
  await collector.close?.();
  expect(first.failure).toBeUndefined();
  expect(second.errors).toEqual([]);
  expect(ofMeasurement(second.samples, 'system')[0].fields.sysObjectID).toBe('1.3.6.1.4.1.8072.3.2.10');
  const lo = ofMeasurement(second.samples, 'interface').find((s) => s.tags.ifName === 'lo')!;
  const lo1 = ofMeasurement(first.samples, 'interface').find((s) => s.tags.ifName === 'lo')!;
  // Second poll through the same session: a rate exists (snmpd may serve cached counters: >= 0).
  expect(typeof lo.fields.in_bps).toBe('number');
  expect(lo.fields.in_bps as number).toBeGreaterThanOrEqual(0);
  expect(lo.fields.ifHCInOctets as bigint).toBeGreaterThanOrEqual(lo1.fields.ifHCInOctets as bigint);
});

test('SNMPv3 with a wrong password: a clear per-device error naming the user, nothing else breaks', async () => {
  const collector = snmpCollector({ modules: [] });
  const { v3 } = snmpd;
  const config = configWith([
    device('bad', {
      version: '3',
      auth: {
        username: v3.user,
        authProtocol: 'sha256',
        authKey: 'wrong-password-1',
        privProtocol: 'aes',
        privKey: v3.privKey,
      },
    }),
    device('good', { version: '2c', community: snmpd.community }),
  ]);
  const bad = await pollOnce(collector, config, 'bad');
  const good = await pollOnce(collector, config, 'good');
  await collector.close?.();
  expect(bad.samples).toEqual([]);
  expect(bad.failure?.message).toMatch(
    /^SNMPv3 127\.0\.0\.1:\d+: SNMPv3 authentication failed for user "nocv3" \(wrong authKey\/privKey/,
  );
  expect(good.failure).toBeUndefined();
  expect(ofMeasurement(good.samples, 'system')).toHaveLength(1);
});
