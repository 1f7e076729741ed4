import { Secret } from '../../config/secret';
import { ResolvedSnmp, SessionPool } from './session';

const settings = (community = 'public'): ResolvedSnmp => ({
  enabled: true,
  version: '2c',
  port: 161,
  community: new Secret(community, 'literal'),
  timeoutSeconds: 3,
  retries: 1,
});

test('the pool keeps one session per device and reuses it across polls', () => {
  const pool = new SessionPool(10);
  const s1 = pool.acquire('a', '10.0.0.1', settings());
  pool.release('a', s1);
  const s2 = pool.acquire('a', '10.0.0.1', settings());
  pool.release('a', s2);
  expect(s2).toBe(s1);
  expect(pool.size).toBe(1);
});

test('above the cap the least recently used idle session is closed; one in use never is', () => {
  const pool = new SessionPool(2);
  const a = pool.acquire('a', '10.0.0.1', settings());
  const b = pool.acquire('b', '10.0.0.2', settings());
  pool.release('b', b);
  const c = pool.acquire('c', '10.0.0.3', settings());
  // a is in use (oldest), so b (idle) goes.
  expect(pool.size).toBe(2);
  expect(pool.acquire('a', '10.0.0.1', settings())).toBe(a);
  pool.release('a', a);
  pool.release('a', a);
  pool.release('c', c);
  expect(pool.acquire('b', '10.0.0.2', settings())).not.toBe(b);
  expect(pool.size).toBe(2);
  pool.closeAll();
  expect(pool.size).toBe(0);
});

test('changed credentials give a new session', () => {
  const pool = new SessionPool(10);
  const s1 = pool.acquire('a', '10.0.0.1', settings('old'));
  pool.release('a', s1);
  const s2 = pool.acquire('a', '10.0.0.1', settings('new'));
  expect(s2).not.toBe(s1);
  expect(pool.size).toBe(1);
});
