import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * DIR/demo.pids.json: the processes a running demo started. A demo that was killed outright
 * (SIGKILL, a closed terminal) cannot stop its influxd; the next `noc demo` in the same
 * directory finds it here and ends it, so the data directory is free again.
 */
const FILE = 'demo.pids.json';
const SLEEP = new Int32Array(new SharedArrayBuffer(4));

export interface DemoPids {
  demo: number;
  influxd?: number;
  agent?: number;
}

export function recordPids(dir: string, pids: DemoPids | undefined): void {
  const file = join(dir, FILE);
  if (pids) writeFileSync(file, JSON.stringify(pids) + '\n');
  else rmSync(file, { force: true });
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * Ends the influxd and agent of a previous demo in `dir` whose demo process is gone. Only a
 * process whose command line names this directory is touched (a recycled pid is left alone).
 */
export function killStale(dir: string): number[] {
  const file = join(dir, FILE);
  if (!existsSync(file)) return [];
  let pids: DemoPids;
  try {
    pids = JSON.parse(readFileSync(file, 'utf8')) as DemoPids;
  } catch {
    return [];
  }
  if (pids.demo !== process.pid && cmdline(pids.demo).includes('noc.js demo')) {
    throw new Error(`another noc demo (pid ${pids.demo}) is running in ${dir}; stop it first (Ctrl-C)`);
  }
  const killed: number[] = [];
  for (const pid of [pids.influxd, pids.agent]) {
    if (pid && cmdline(pid).includes(dir)) {
      try {
        process.kill(pid, 'SIGKILL');
        killed.push(pid);
      } catch {
        // already gone
      }
    }
  }
  // SIGKILL is asynchronous: wait (briefly) until they are gone and their files are released.
  const until = Date.now() + 3000;
  while (killed.some((pid) => existsSync(`/proc/${pid}`)) && Date.now() < until)
    Atomics.wait(SLEEP, 0, 0, 20);
  rmSync(file, { force: true });
  return killed;
}
