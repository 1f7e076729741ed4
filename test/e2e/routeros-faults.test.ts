import { routerosCollector } from '../../collectors/routeros';
import { RouterosSessions } from '../../collectors/routeros/session';
import { pollOnce, routerConfig } from '../peers/routeros/harness';
import { RouterosPeer } from '../peers/routeros/server';

/**
 * Every way the router can misbehave ends in a clear per-device error or a gap, the session is
 * reopened afterwards, and nothing crashes the process (no unhandled rejection).
 */

const T0 = Date.UTC(2026, 0, 1);
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

describe('RouterOS faults', () => {
  const peer = new RouterosPeer({ health: 'v7' });
  // random() = 0: the backoff is exactly half the nominal delay (500 ms after the first failure).
  const collector = routerosCollector(new RouterosSessions(undefined, () => 0));
  let port: number;
  let now = T0;
  const config = (over: { password?: string; timeoutSeconds?: number } = {}) =>
    routerConfig([{ id: 'r1', port, ...over }]);
  const poll = (over?: { password?: string; timeoutSeconds?: number }) => {
    now += 60_000;
    return pollOnce(collector, config(over), 'r1', now);
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    port = await peer.start();
  });
  afterAll(async () => {
    await collector.close?.();
    await peer.stop();
    process.off('unhandledRejection', onUnhandled);
    expect(unhandled).toEqual([]);
  });

  it('wrong password: a login error, then backoff, then a working session once it is fixed', async () => {
    peer.password = 'diganti';
    const first = await poll();
    expect(first.errors).toEqual([
      { device: 'r1', message: 'login as "noc-api" refused: invalid user name or password (6)' },
    ]);
    expect(first.samples).toEqual([]);
    // Within the backoff nobody knocks again.
    const again = await pollOnce(collector, config(), 'r1', now + 100);
    expect(again.errors[0].message).toBe(
      'not reconnecting for another 1 s after: login as "noc-api" refused: invalid user name or password (6)',
    );
    expect(peer.connections).toBe(1);
    peer.password = 'rahasia';
    const fixed = await poll();
    expect(fixed.errors).toEqual([]);
    expect(fixed.of('interface')).toHaveLength(3);
    expect(peer.connections).toBe(2);
  });

  it('a !trap on one command: that read is reported, the rest arrive, the session stays', async () => {
    peer.faults.trap = {
      command: '/queue/simple/print',
      message: 'not enough permissions (9)',
      category: '1',
    };
    const rec = await poll();
    peer.faults.trap = undefined;
    expect(rec.errors).toEqual([
      { device: 'r1', message: '/queue/simple/print: router says "not enough permissions (9)"' },
    ]);
    expect(rec.of('queue')).toEqual([]);
    expect(rec.of('interface')).toHaveLength(3);
    expect(rec.of('sensor')).toHaveLength(10);
    expect(peer.connections).toBe(2);
  });

  it('connection dropped mid-reply: one error for the poll, a new session at the next poll', async () => {
    peer.faults.dropMidReply = '/interface/print';
    const rec = await poll();
    peer.faults.dropMidReply = undefined;
    expect(rec.samples).toEqual([]);
    expect(rec.errors).toEqual([{ device: 'r1', message: `router 127.0.0.1:${port} closed the connection` }]);
    const next = await poll();
    expect(next.errors).toEqual([]);
    expect(next.of('interface')).toHaveLength(3);
    expect(peer.connections).toBe(3);
  });

  it('a command that never answers: its deadline ends the session, other reads still count', async () => {
    peer.faults.neverAnswer = '/system/health/print';
    const rec = await poll({ timeoutSeconds: 0.2 });
    peer.faults.neverAnswer = undefined;
    expect(rec.errors).toEqual([{ device: 'r1', message: '/system/health/print: no answer within 0.2 s' }]);
    expect(rec.of('sensor')).toEqual([]);
    expect(rec.of('interface')).toHaveLength(3);
    const next = await poll();
    expect(next.errors).toEqual([]);
    expect(next.of('sensor')).toHaveLength(10);
    // 4: the stuck session closed at the deadline; 5: the changed timeout opened a new one.
    expect(peer.connections).toBe(5);
  });

  it('!fatal from the router: a clear error, then a new session', async () => {
    peer.faults.fatal = '/system/resource/print';
    const rec = await poll();
    peer.faults.fatal = undefined;
    expect(rec.errors.map((e) => e.message)).toEqual(['router ended the session: out of memory']);
    // /interface/print was answered before the fatal one: those samples still count.
    expect(rec.of('interface')).toHaveLength(3);
    expect(rec.of('system')).toEqual([]);
    expect((await poll()).errors).toEqual([]);
    expect(peer.connections).toBe(6);
  });

  it('the router goes away and comes back on the same port', async () => {
    await peer.stop();
    const down = await poll();
    expect(down.errors).toHaveLength(1);
    // Whether the close or the next write is noticed first is up to the kernel; either way the
    // error names the router.
    expect(down.errors[0].message).toMatch(
      new RegExp(`127\\.0\\.0\\.1:${port}( closed the connection| failed: |: connect ECONNREFUSED)`),
    );
    const refused = await poll();
    expect(refused.errors[0].message).toBe(
      `cannot connect to 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
    await peer.start(port);
    const back = await poll();
    expect(back.errors).toEqual([]);
    expect(back.of('system')).toHaveLength(1);
  });
});
