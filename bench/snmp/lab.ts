import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The benchmark's private network: a network namespace with veth pairs (this kernel has no
 * dummy links), so snmpd inside it serves a 49-row ifTable (lo + 48 veth ends), and snmpd
 * instances listening on many loopback ports of that namespace, one port per simulated device.
 */

export const COMMUNITY = 'noc-bench';

export function sh(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function createNamespace(ns: string, vethPairs: number): void {
  sh('ip', ['netns', 'add', ns]);
  sh('ip', ['netns', 'exec', ns, 'ip', 'link', 'set', 'lo', 'up']);
  const batch: string[] = [];
  for (let i = 1; i <= vethPairs; i++) {
    batch.push(`link add va${i} type veth peer name vb${i}`, `link set va${i} up`, `link set vb${i} up`);
  }
  execFileSync('ip', ['netns', 'exec', ns, 'ip', '-batch', '-'], { input: batch.join('\n') + '\n' });
}

export function deleteNamespace(ns: string): void {
  try {
    sh('ip', ['netns', 'del', ns]);
  } catch {
    // Already gone.
  }
}

/** One snmpd answering on every port in `ports` (127.0.0.1 of the namespace). */
export function startSnmpd(ns: string, dir: string, name: string, ports: number[]): ChildProcess {
  const conf = join(dir, `${name}.conf`);
  writeFileSync(
    conf,
    [
      `agentAddress ${ports.map((p) => `udp:127.0.0.1:${p}`).join(',')}`,
      `rocommunity ${COMMUNITY} 127.0.0.1`,
      '',
    ].join('\n'),
  );
  return spawn(
    'ip',
    [
      'netns',
      'exec',
      ns,
      'snmpd',
      '-f',
      '-Lo',
      '-C',
      '-c',
      conf,
      '-M',
      '/dev/null',
      '-m',
      '',
      '-p',
      join(dir, `${name}.pid`),
    ],
    {
      stdio: 'ignore',
      env: { ...process.env, SNMP_PERSISTENT_DIR: dir },
    },
  );
}

/** Waits until every port answers a GET (snmpget inside the namespace). */
export async function waitForPorts(ns: string, ports: number[]): Promise<void> {
  for (const port of ports) {
    for (let i = 0; ; i++) {
      try {
        sh('ip', [
          'netns',
          'exec',
          ns,
          'snmpget',
          '-v2c',
          '-c',
          COMMUNITY,
          '-t',
          '0.5',
          '-r',
          '0',
          `127.0.0.1:${port}`,
          '1.3.6.1.2.1.1.3.0',
        ]);
        break;
      } catch {
        if (i > 40) throw new Error(`snmpd on port ${port} in ${ns} does not answer`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
}

/** User + system CPU seconds a process has used so far (/proc/PID/stat, clock ticks of 1/100 s). */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

export function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
