import {
  fromIputils,
  parseFpingReplyLine,
  parseFpingSummary,
  parseIputilsSummary,
  pingSample,
  reachabilityEvent,
  summarise,
} from './parse';

describe('fping per-reply lines (-C without -q, stdout)', () => {
  it.each([
    ['127.0.0.1  : [0], 64 bytes, 0.050 ms (0.050 avg, 0% loss)', { target: '127.0.0.1', seq: 0, rtt: 0.05 }],
    ['::1        : [2], 64 bytes, 12.5 ms (3.1 avg, 0% loss)', { target: '::1', seq: 2, rtt: 12.5 }],
    ['10.250.0.2 : [1], timed out (NaN avg, 100% loss)', { target: '10.250.0.2', seq: 1, rtt: null }],
    ['ICMP Host Unreachable from 10.250.0.1 for ICMP Echo sent to 10.250.0.2', undefined],
    ['', undefined],
  ])('%s', (line, expected) => {
    expect(parseFpingReplyLine(line)).toEqual(expected);
  });
});

describe('fping summary (-C, stderr)', () => {
  it('reads RTTs per target with "-" for a lost reply, and name errors', () => {
    const text = [
      '127.0.0.1  : 0.050 0.051 0.053',
      '::1        : 0.036 - 0.033',
      '10.250.0.2 : - - -',
      'no.such.host.invalid: Name or service not known',
      'ICMP Host Unreachable from 10.250.0.1 for ICMP Echo sent to 10.250.0.2',
      '',
    ].join('\n');
    const { results, errors } = parseFpingSummary(text);
    expect([...results]).toEqual([
      ['127.0.0.1', [0.05, 0.051, 0.053]],
      ['::1', [0.036, null, 0.033]],
      ['10.250.0.2', [null, null, null]],
    ]);
    expect([...errors]).toEqual([['no.such.host.invalid', 'Name or service not known']]);
  });
});

describe('iputils ping summary', () => {
  it.each([
    [
      'all answered',
      '--- ::1 ping statistics ---\n3 packets transmitted, 3 received, 0% packet loss, time 406ms\nrtt min/avg/max/mdev = 0.040/0.050/0.056/0.007 ms\n',
      { transmitted: 3, received: 3, lossPercent: 0, rtt: { min: 0.04, avg: 0.05, max: 0.056 } },
    ],
    [
      'one lost',
      '4 packets transmitted, 3 received, 25% packet loss, time 3004ms\nrtt min/avg/max/mdev = 10.1/20.2/30.3/8.2 ms',
      { transmitted: 4, received: 3, lossPercent: 25, rtt: { min: 10.1, avg: 20.2, max: 30.3 } },
    ],
    [
      'nothing answered, with ICMP errors',
      '3 packets transmitted, 0 received, +3 errors, 100% packet loss, time 2030ms\npipe 3',
      { transmitted: 3, received: 0, lossPercent: 100 },
    ],
    ['a name that does not resolve (no summary)', 'ping: no.such.host: Name or service not known', undefined],
  ])('%s', (_name, text, expected) => {
    expect(parseIputilsSummary(text)).toEqual(expected);
  });

  it('turns a summary into the same result as fping RTTs', () => {
    expect(fromIputils({ transmitted: 3, received: 0, lossPercent: 100 })).toEqual({
      up: false,
      lossPercent: 100,
    });
    expect(
      fromIputils({ transmitted: 4, received: 3, lossPercent: 25, rtt: { min: 1, avg: 2, max: 3 } }),
    ).toEqual({ up: true, lossPercent: 25, rttMinMs: 1, rttAvgMs: 2, rttMaxMs: 3 });
  });
});

describe('summarise', () => {
  it.each([
    [[0.05, 0.051, 0.053], { up: true, lossPercent: 0, rttMinMs: 0.05, rttAvgMs: 0.051, rttMaxMs: 0.053 }],
    [[1, null, 3], { up: true, lossPercent: 33.333, rttMinMs: 1, rttAvgMs: 2, rttMaxMs: 3 }],
    [[null, null, null], { up: false, lossPercent: 100 }],
    [[], { up: false, lossPercent: 100 }],
  ])('%j', (rtts, expected) => {
    expect(summarise(rtts)).toEqual(expected);
  });
});

describe('ping sample and reachability events', () => {
  const dev = { id: 'rtr-dinkes', name: 'Router Dinas Kesehatan', address: '10.20.3.1' };
  const up = { up: true, lossPercent: 0, rttMinMs: 1, rttAvgMs: 2, rttMaxMs: 3 };
  const down = { up: false, lossPercent: 100 };

  it('leaves RTT fields out when nothing answered', () => {
    expect(pingSample('r1', '10.0.0.1', down, 5)).toEqual({
      measurement: 'ping',
      tags: { device: 'r1', address: '10.0.0.1' },
      fields: { up: false, loss_percent: 100 },
      time: 5,
    });
    expect(pingSample('r1', '10.0.0.1', up, 5).fields).toEqual({
      up: true,
      loss_percent: 0,
      rtt_min_ms: 1,
      rtt_avg_ms: 2,
      rtt_max_ms: 3,
    });
  });

  it.each([
    [undefined, up, 'Perangkat Router Dinas Kesehatan dapat dijangkau', 'first'],
    [undefined, down, 'Perangkat Router Dinas Kesehatan tidak dapat dijangkau', 'first'],
    [true, down, 'Perangkat Router Dinas Kesehatan tidak dapat dijangkau', 'lost'],
    [false, up, 'Perangkat Router Dinas Kesehatan kembali dapat dijangkau', 'recovered'],
  ])('previous %s -> %j', (previous, result, text, change) => {
    expect(reachabilityEvent(previous, result, dev, 7)).toEqual({
      type: 'reachability',
      device: 'rtr-dinkes',
      time: 7,
      text,
      tags: { collector: 'ping', address: '10.20.3.1' },
      fields: { up: result.up, loss_percent: result.lossPercent, change },
    });
  });

  it('says nothing while the state holds, and speaks English when configured', () => {
    expect(reachabilityEvent(true, up, dev, 7)).toBeUndefined();
    expect(reachabilityEvent(false, down, dev, 7)).toBeUndefined();
    expect(reachabilityEvent(true, down, { id: 'sw1', address: 'x' }, 7, 'en')?.text).toBe(
      'Device sw1 is unreachable',
    );
    expect(reachabilityEvent(false, up, { id: 'sw1', address: 'x' }, 7, 'en')?.text).toBe(
      'Device sw1 is reachable again',
    );
  });
});
