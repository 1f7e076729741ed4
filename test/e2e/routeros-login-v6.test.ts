import { routerosCollector } from '../../collectors/routeros';
import { RouterosSessions } from '../../collectors/routeros/session';
import { pollOnce, routerConfig } from '../peers/routeros/harness';
import { RouterosPeer } from '../peers/routeros/server';

/**
 * RouterOS before 6.43 (still on older boards in agency offices): the plain login is answered
 * with an MD5 challenge, and the collector logs in with the challenge response instead.
 */
describe('RouterOS login before 6.43 (MD5 challenge)', () => {
  const peer = new RouterosPeer({ health: 'v6', login: 'challenge' });
  const collector = routerosCollector(new RouterosSessions(undefined, () => 0));
  let port: number;
  let now = Date.UTC(2026, 0, 1);
  const poll = (password?: string) => {
    now += 60_000;
    return pollOnce(
      collector,
      routerConfig([{ id: 'r1', port, ...(password ? { password } : {}) }]),
      'r1',
      now,
    );
  };

  beforeAll(async () => {
    port = await peer.start();
  });
  afterAll(async () => {
    await collector.close?.();
    await peer.stop();
  });

  it('answers the challenge and reads the router like any other', async () => {
    const r = await poll();
    expect(r.errors).toEqual([]);
    expect(peer.logins).toBe(1);
    expect(peer.received.slice(0, 2)).toEqual(['/login', '/login']);
    expect(r.of('interface')).toHaveLength(3);
  });

  it("a wrong password is refused by the challenge step, with the router's words", async () => {
    await collector.close?.();
    const r = await poll('salah');
    expect(r.errors).toEqual([
      { device: 'r1', message: 'login as "noc-api" refused: invalid user name or password (6)' },
    ]);
    expect(peer.logins).toBe(1);
  });
});
