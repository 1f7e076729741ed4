import { detectRestart, formatUptime, parseSystem, SYSTEM_OIDS } from './system';

const T = 1_750_000_000_000;
const WRAP = 2 ** 32;

describe('detectRestart', () => {
  test.each([
    ['first poll', undefined, { ticks: 100, time: T }, false],
    [
      'uptime moved on with the clock',
      { ticks: 100_000, time: T },
      { ticks: 106_000, time: T + 60_000 },
      false,
    ],
    [
      'agent serves a frozen uptime',
      { ticks: 100_000, time: T },
      { ticks: 100_000, time: T + 60_000 },
      false,
    ],
    ['uptime went backwards', { ticks: 100_000, time: T }, { ticks: 2_000, time: T + 60_000 }, true],
    [
      'restart longer ago than the previous uptime but after the last poll',
      { ticks: 1_000, time: T },
      { ticks: 30_000, time: T + 3_600_000 },
      true,
    ],
    [
      '32-bit TimeTicks wrap after ~497 days',
      { ticks: WRAP - 3_000, time: T },
      { ticks: 3_000, time: T + 60_000 },
      false,
    ],
    [
      'wrap with a few seconds of skew',
      { ticks: WRAP - 3_000, time: T },
      { ticks: 3_900, time: T + 60_000 },
      false,
    ],
    [
      'near the wrap but really rebooted',
      { ticks: WRAP - 3_000, time: T },
      { ticks: 500_000, time: T + 60_000 },
      true,
    ],
  ])('%s', (_name, prev, cur, expected) => {
    expect(detectRestart(prev, cur)).toBe(expected);
  });
});

test('parseSystem reads the six objects; missing ones stay undefined', () => {
  const r = parseSystem(
    new Map<string, string | number | Buffer>([
      [SYSTEM_OIDS.sysDescr, Buffer.from('RouterOS CCR2004')],
      [SYSTEM_OIDS.sysObjectID, '1.3.6.1.4.1.14988.1'],
      [SYSTEM_OIDS.sysUpTime, 925826977],
      [SYSTEM_OIDS.sysName, Buffer.from('core-1')],
    ]),
  );
  expect(r).toEqual({
    sysDescr: 'RouterOS CCR2004',
    sysObjectID: '1.3.6.1.4.1.14988.1',
    uptimeTicks: 925826977,
    sysName: 'core-1',
    sysContact: undefined,
    sysLocation: undefined,
  });
});

test('formatUptime in Indonesian', () => {
  expect(formatUptime(20)).toBe('00:00:20');
  expect(formatUptime(9_258_269)).toBe('107 hari 03:44:29');
});
