import { execFileSync } from 'node:child_process';

/**
 * A private network namespace for reachability tests: loopback up (127.0.0.1 and ::1 answer)
 * and a veth pair whose far end has no address, so `deadAddress` is a host that never answers
 * (ARP goes unanswered). `bringUp()` gives the far end that address, `takeDown()` removes it.
 * Only addresses inside this namespace are ever pinged.
 */
export interface TestNamespace {
  name: string;
  deadAddress: string;
  /** Runs a command inside the namespace: prefix for spawn(). */
  exec: string[];
  bringUp(): void;
  takeDown(): void;
  remove(): void;
}

export function createNamespace(tag: string): TestNamespace {
  const name = `noc-${tag}-${process.pid}`;
  // A /24 from 10.250.0.0/16 per process, so parallel test files do not collide.
  const net = `10.250.${process.pid % 250}`;
  const ip = (...args: string[]) => execFileSync('ip', ['-n', name, ...args], { stdio: 'pipe' });
  execFileSync('ip', ['netns', 'add', name], { stdio: 'pipe' });
  try {
    ip('link', 'set', 'lo', 'up');
    ip('link', 'add', 'va', 'type', 'veth', 'peer', 'name', 'vb');
    ip('addr', 'add', `${net}.1/24`, 'dev', 'va');
    ip('link', 'set', 'va', 'up');
    ip('link', 'set', 'vb', 'up');
  } catch (err) {
    execFileSync('ip', ['netns', 'del', name], { stdio: 'pipe' });
    throw err;
  }
  const deadAddress = `${net}.2`;
  return {
    name,
    deadAddress,
    exec: ['ip', 'netns', 'exec', name],
    bringUp: () => ip('addr', 'add', `${deadAddress}/32`, 'dev', 'vb'),
    takeDown: () => ip('addr', 'del', `${deadAddress}/32`, 'dev', 'vb'),
    remove: () => execFileSync('ip', ['netns', 'del', name], { stdio: 'pipe' }),
  };
}
