import { interfaceSample, InterfaceReading } from './interface';

const base: InterfaceReading = {
  ifIndex: '3',
  ifName: 'sfp-sfpplus1',
  ifAlias: 'ISP A',
  adminStatus: 1,
  operStatus: 1,
  speedMbps: 1000,
  counterBits: 64,
  inOctets: 1_000_000n,
  outOctets: 2_000_000n,
  inErrors: 5n,
};
const opts = { device: 'core', agentHost: '192.0.2.1', source: 'snmp' as const, countersReset: false };

describe('interfaceSample', () => {
  it('has no rates on the first poll, only counters and state', () => {
    const { sample } = interfaceSample(base, undefined, { ...opts, time: 0 });
    expect(sample).toEqual({
      measurement: 'interface',
      tags: { device: 'core', agent_host: '192.0.2.1', ifName: 'sfp-sfpplus1', ifIndex: '3', source: 'snmp' },
      fields: {
        ifAdminStatus: 1,
        ifOperStatus: 1,
        ifHighSpeed: 1000,
        ifAlias: 'ISP A',
        ifHCInOctets: 1_000_000n,
        ifHCOutOctets: 2_000_000n,
        ifInErrors: 5n,
      },
      time: 0,
    });
  });

  it('computes bit rates, utilisation against speed and against the committed rate', () => {
    const first = interfaceSample(base, undefined, { ...opts, time: 0 });
    const next = {
      ...base,
      inOctets: 1_000_000n + 1_250_000_000n,
      outOctets: 2_000_000n + 125_000_000n,
      inErrors: 65n,
    };
    const { sample } = interfaceSample(next, first.memory, {
      ...opts,
      time: 60_000,
      committedBps: 200e6,
      link: 'isp-a',
    });
    expect(sample.tags.link).toBe('isp-a');
    expect(sample.fields.in_bps).toBeCloseTo(166_666_666.67, 1);
    expect(sample.fields.out_bps).toBeCloseTo(16_666_666.67, 1);
    expect(sample.fields.in_utilisation_percent).toBeCloseTo(16.667, 3);
    expect(sample.fields.in_committed_percent).toBeCloseTo(83.333, 3);
    expect(sample.fields.in_errors_per_s).toBe(1);
  });

  it('gives a gap, never a spike, when counters were reset or exceed line speed', () => {
    const first = interfaceSample(base, undefined, { ...opts, time: 0 });
    const rebooted = interfaceSample({ ...base, inOctets: 10n }, first.memory, { ...opts, time: 60_000 });
    expect(rebooted.sample.fields.in_bps).toBeUndefined();
    const flagged = interfaceSample({ ...base, inOctets: 2_000_000n }, first.memory, {
      ...opts,
      time: 60_000,
      countersReset: true,
    });
    expect(flagged.sample.fields.in_bps).toBeUndefined();
    // 100 GB in a minute on a 1 Gbit/s port is an unreported reset.
    const impossible = interfaceSample({ ...base, inOctets: 100_000_000_000n }, first.memory, {
      ...opts,
      time: 60_000,
    });
    expect(impossible.sample.fields.in_bps).toBeUndefined();
    expect(impossible.sample.fields.ifHCInOctets).toBe(100_000_000_000n);
  });

  it('names 32-bit counters as IF-MIB does and handles their wrap', () => {
    const r32 = {
      ...base,
      counterBits: 32 as const,
      inOctets: 4_294_967_000n,
      outOctets: undefined,
      inErrors: undefined,
    };
    const first = interfaceSample(r32, undefined, { ...opts, time: 0 });
    expect(first.sample.fields.ifInOctets).toBe(4_294_967_000n);
    expect(first.sample.fields.ifHCInOctets).toBeUndefined();
    const wrapped = interfaceSample({ ...r32, inOctets: 704n }, first.memory, { ...opts, time: 1_000 });
    expect(wrapped.sample.fields.in_bps).toBe(1000 * 8);
  });
});
