import type { Sample } from '../../agent/sample';
import { BUILTIN_RULES, evaluateError, evaluateEvent, evaluateSample, resolveRules, RuleContext } from '.';
import type { Rule } from '../types';

const ctx: RuleContext = {
  devices: new Map([
    ['core', { kind: 'router', site: 'pd', tags: ['wan'], responsibility: 'dinas' as const }],
    ['sw-dinkes', { kind: 'switch', agency: 'dinkes', tags: [], responsibility: 'opd' as const }],
    ['ups1', { kind: 'ups', site: 'pd', tags: [], responsibility: 'dinas' as const }],
    ['srv1', { kind: 'server', site: 'pd', tags: [], responsibility: 'dinas' as const }],
    ['emu1', { kind: 'sensor', site: 'pd', tags: [], responsibility: 'dinas' as const }],
  ]),
  links: new Map([
    ['isp1', { kind: 'isp', warningPercent: 70, criticalPercent: 85 }],
    ['intra-dinkes', { kind: 'intra' }],
  ]),
};
const rule = (id: string): Rule => BUILTIN_RULES.find((r) => r.id === id)!;
const s = (measurement: string, tags: Record<string, string>, fields: Sample['fields']): Sample => ({
  measurement,
  tags,
  fields,
  time: 1000,
});

describe('built-in rules against normalized samples', () => {
  const cases: [string, Sample, boolean | null | undefined, (string | number | boolean)?][] = [
    ['device-unreachable', s('ping', { device: 'core' }, { up: false, loss_percent: 100 }), true, false],
    ['device-unreachable', s('ping', { device: 'core' }, { up: true }), false, true],
    [
      'interface-down',
      s(
        'interface',
        { device: 'core', ifName: 'ether1', link: 'isp1' },
        { ifOperStatus: 2, ifAdminStatus: 1 },
      ),
      true,
      2,
    ],
    // Administratively shut: not a fault.
    [
      'interface-down',
      s(
        'interface',
        { device: 'core', ifName: 'ether1', link: 'isp1' },
        { ifOperStatus: 2, ifAdminStatus: 2 },
      ),
      undefined,
    ],
    // Not a configured link: not monitored by default.
    [
      'interface-down',
      s('interface', { device: 'core', ifName: 'ether9' }, { ifOperStatus: 2, ifAdminStatus: 1 }),
      undefined,
    ],
    // The link's own critical target (85) replaces 90; the worst direction counts.
    [
      'link-utilisation-high',
      s(
        'interface',
        { device: 'core', ifName: 'ether1', link: 'isp1' },
        { in_utilisation_percent: 40, out_utilisation_percent: 86 },
      ),
      true,
      86,
    ],
    // Between the link's warning (70, the clear threshold) and critical: hysteresis band.
    [
      'link-utilisation-high',
      s('interface', { device: 'core', ifName: 'ether1', link: 'isp1' }, { in_utilisation_percent: 75 }),
      null,
      75,
    ],
    [
      'link-utilisation-high',
      s('interface', { device: 'core', ifName: 'ether1', link: 'isp1' }, { in_utilisation_percent: 69 }),
      false,
      69,
    ],
    // No target on the link: the rule's own 90/80.
    [
      'link-utilisation-high',
      s(
        'interface',
        { device: 'core', ifName: 'ether2', link: 'intra-dinkes' },
        { in_utilisation_percent: 86 },
      ),
      null,
      86,
    ],
    [
      'interface-errors',
      s(
        'interface',
        { device: 'core', ifName: 'ether1', link: 'isp1' },
        { in_errors_per_s: 0.5, out_discards_per_s: 12 },
      ),
      true,
      12,
    ],
    ['ups-on-battery', s('ups', { device: 'ups1' }, { on_battery: true }), true, true],
    ['ups-on-battery', s('ups', { device: 'ups1' }, { on_battery: false }), false, false],
    ['ups-battery-low', s('ups', { device: 'ups1' }, { charge_percent: 35 }), true, 35],
    ['ups-battery-low', s('ups', { device: 'ups1' }, { charge_percent: 45 }), null, 45],
    ['ups-runtime-low', s('ups', { device: 'ups1' }, { runtime_minutes: 16 }), false, 16],
    ['ups-overload', s('ups', { device: 'ups1' }, { load_percent: 95 }), true, 95],
    [
      'rack-power-high',
      s('capacity', { device: 'pd', scope: 'rack', rack: 'R1' }, { power_percent: 81 }),
      true,
      81,
    ],
    [
      'rack-power-high',
      s('capacity', { device: 'pd', scope: 'feed', rack: 'R1', feed: 'A' }, { power_percent: 81 }),
      undefined,
    ],
    [
      'feed-power-high',
      s('capacity', { device: 'pd', scope: 'feed', rack: 'R1', feed: 'A' }, { power_percent: 74 }),
      false,
      74,
    ],
    [
      'temperature-high',
      s('sensor', { device: 'emu1', type: 'temperature', name: 'inlet' }, { value: 29.5 }),
      true,
      29.5,
    ],
    [
      'temperature-high',
      s('sensor', { device: 'emu1', type: 'humidity', name: 'room' }, { value: 29.5 }),
      undefined,
    ],
    // A router's board sensor is not the room: 48 °C is normal for it.
    [
      'temperature-high',
      s('sensor', { device: 'core', type: 'temperature', name: 'board' }, { value: 48 }),
      undefined,
    ],
    [
      'device-temperature-high',
      s('sensor', { device: 'core', type: 'temperature', name: 'board' }, { value: 48 }),
      false,
      48,
    ],
    [
      'device-temperature-high',
      s('sensor', { device: 'core', type: 'temperature', name: 'cpu' }, { value: 81 }),
      true,
      81,
    ],
    [
      'device-temperature-high',
      s('sensor', { device: 'emu1', type: 'temperature', name: 'inlet' }, { value: 81 }),
      undefined,
    ],
    [
      'temperature-low',
      s('sensor', { device: 'emu1', type: 'temperature', name: 'inlet' }, { value: 17 }),
      true,
      17,
    ],
    [
      'humidity-high',
      s('sensor', { device: 'emu1', type: 'humidity', name: 'room' }, { value: 58 }),
      null,
      58,
    ],
    [
      'humidity-low',
      s('sensor', { device: 'emu1', type: 'humidity', name: 'room' }, { value: 15 }),
      true,
      15,
    ],
    ['cpu-high', s('cpu', { device: 'srv1' }, { load_percent: 91 }), true, 91],
    ['memory-high', s('memory', { device: 'srv1' }, { used_percent: 50 }), false, 50],
    [
      'disk-high',
      s('storage', { device: 'srv1', path: '/var', index: '31' }, { used_percent: 97 }),
      true,
      97,
    ],
    [
      'tls-certificate-expiring',
      s('http', { device: 'web', url: 'https://a.go.id/' }, { cert_days_left: 7 }),
      true,
      7,
    ],
    [
      'tls-certificate-expiring',
      s('http', { device: 'web', url: 'https://a.go.id/' }, { cert_days_left: 30 }),
      false,
      30,
    ],
    [
      'website-down',
      s('http', { device: 'web', url: 'https://a.go.id/' }, { up: false, status_code: 503 }),
      true,
      false,
    ],
    // Counters arrive as bigint and are compared as numbers.
    ['cpu-high', s('cpu', { device: 'srv1' }, { load_percent: 95n }), true, 95],
    // Field missing: no observation at all.
    ['cpu-high', s('cpu', { device: 'srv1' }, { idle_percent: 5 }), undefined],
  ];
  it.each(cases.map(([a, b, c, d]) => [a, b, c, d] as const))(
    '%s on %j -> %s',
    (id, sample, breached, value) => {
      const obs = evaluateSample(rule(id), sample, ctx);
      if (breached === undefined) return expect(obs).toBeUndefined();
      expect(obs).toMatchObject({ rule: id, breached, value });
    },
  );

  it('keys incidents by device + rule + subject', () => {
    const iface = evaluateSample(rule('interface-down'), cases[2][1], ctx)!;
    expect(iface.key).toBe('core|interface-down|ether1');
    const disk = evaluateSample(
      rule('disk-high'),
      s('storage', { device: 'srv1', path: '/var', index: '31' }, { used_percent: 97 }),
      ctx,
    )!;
    expect(disk.key).toBe('srv1|disk-high|/var');
    // The collector named the storage tag differently: the non-inventory tags tell it apart.
    const other = evaluateSample(
      rule('disk-high'),
      s('storage', { device: 'srv1', kind: 'server', name: 'C:' }, { used_percent: 97 }),
      ctx,
    )!;
    expect(other.subject).toBe('C:');
  });

  it('reboot events and collection errors make observations of their rules', () => {
    const reboot = evaluateEvent(
      rule('reboot-detected'),
      { type: 'reboot', device: 'core', time: 5, text: 'reboot' },
      ctx,
    );
    expect(reboot).toMatchObject({ key: 'core|reboot-detected|', breached: true, time: 5 });
    expect(
      evaluateEvent(
        rule('reboot-detected'),
        { type: 'reachability', device: 'core', time: 5, text: 'x' },
        ctx,
      ),
    ).toBeUndefined();
    const err = evaluateError(
      rule('collection-failing'),
      new Error('timeout'),
      { device: 'core', collector: 'snmp' },
      9,
      ctx,
    );
    expect(err).toMatchObject({ key: 'core|collection-failing|snmp', value: 'timeout', time: 9 });
  });
});

describe('scope selectors and config overrides', () => {
  it('overrides a built-in rule by id, keeping what the override does not give', () => {
    const rules = resolveRules([
      { id: 'cpu-high', value: 80, clear: 70, forSeconds: 60, scope: { kinds: ['server'] } },
    ]);
    const cpu = rules.find((r) => r.id === 'cpu-high')!;
    expect(cpu).toMatchObject({
      value: 80,
      clear: 70,
      forSeconds: 60,
      measurement: 'cpu',
      fields: ['load_percent'],
      severity: 'sedang',
    });
    expect(rules).toHaveLength(BUILTIN_RULES.length);
    expect(evaluateSample(cpu, s('cpu', { device: 'srv1' }, { load_percent: 85 }), ctx)?.breached).toBe(true);
    // Out of scope: a router.
    expect(evaluateSample(cpu, s('cpu', { device: 'core' }, { load_percent: 85 }), ctx)).toBeUndefined();
  });

  it('adds a new rule and disables a built-in one', () => {
    const rules = resolveRules([
      {
        id: 'latency-high',
        measurement: 'ping',
        field: 'rtt_avg_ms',
        operator: '>',
        value: 100,
        severity: 'rendah',
        scope: { agencies: ['dinkes'] },
      },
      { id: 'website-down', enabled: false },
    ]);
    const latency = rules.find((r) => r.id === 'latency-high')!;
    expect(
      evaluateSample(latency, s('ping', { device: 'sw-dinkes' }, { rtt_avg_ms: 150 }), ctx)?.breached,
    ).toBe(true);
    expect(evaluateSample(latency, s('ping', { device: 'core' }, { rtt_avg_ms: 150 }), ctx)).toBeUndefined();
    const web = rules.find((r) => r.id === 'website-down')!;
    expect(evaluateSample(web, s('http', { device: 'web', url: 'u' }, { up: false }), ctx)).toBeUndefined();
  });

  const scoped: [object, string, Record<string, string>, boolean][] = [
    [{ sites: ['pd'] }, 'core', {}, true],
    [{ sites: ['pd'] }, 'sw-dinkes', {}, false],
    [{ tags: ['wan'] }, 'core', {}, true],
    [{ tags: ['wan'] }, 'srv1', {}, false],
    [{ responsibility: 'opd' }, 'sw-dinkes', {}, true],
    [{ linkKinds: ['isp'] }, 'core', { link: 'isp1' }, true],
    [{ linkKinds: ['isp'] }, 'core', { link: 'intra-dinkes' }, false],
    [{ linkKinds: ['isp'] }, 'core', {}, false],
  ];
  it.each(scoped)('scope %j on %s %j -> %s', (scope, device, tags, expected) => {
    const [r] = resolveRules([
      { id: 'x', measurement: 'm', field: 'v', operator: '>', value: 1, severity: 'rendah', scope },
    ]).slice(-1);
    expect(evaluateSample(r, s('m', { device, ...tags }, { v: 2 }), ctx) !== undefined).toBe(expected);
  });
});
