import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

/** The repository root, from the sources (ts-jest) or from dist/ (the bench). */
export const REPO = join(
  __dirname,
  ...(__dirname.includes(`${sep}dist${sep}`) ? ['..', '..', '..'] : ['..', '..']),
);

/**
 * What the alerting end-to-end tests (test/e2e/alerting-lab*.test.ts) and the end-to-end
 * latency bench share: a network namespace holding the simulated devices
 * (its link can be cut, so ping and SNMP both stop answering), the real daemon
 * (`node bin/noc.js run`) as a child process, a webhook helpdesk peer that records what it
 * accepted, and a private influxd.
 */

/** Resolves when `cond` holds, checking as things arrive; fails naming `what` after the deadline. */
export async function until(cond: () => boolean | Promise<boolean>, what: string, deadlineMs = 60_000) {
  const end = Date.now() + deadlineMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A namespace joined to this one by a veth pair: `hostAddress` on our side, device addresses on
 * the far side. `cut()` takes the far end down (no reply to anything: ARP goes unanswered),
 * `restore()` brings it back. Nothing outside the namespace and its /28 is ever addressed.
 */
export class LabNet {
  readonly name = `noc-ae-${process.pid}`;
  private readonly hostIf = `nae${process.pid}`;
  /** 10.249.x.0/28, x from the pid so parallel test files do not collide. */
  private readonly prefix = `10.249.${process.pid % 250}`;
  readonly hostAddress = `${this.prefix}.1`;

  address(n: number): string {
    return `${this.prefix}.${n + 1}`;
  }

  create(devices: number): void {
    const ip = (...a: string[]) => execFileSync('ip', a, { stdio: 'pipe' });
    ip('netns', 'add', this.name);
    try {
      ip('-n', this.name, 'link', 'set', 'lo', 'up');
      ip('link', 'add', this.hostIf, 'type', 'veth', 'peer', 'name', 'dev0', 'netns', this.name);
      ip('addr', 'add', `${this.hostAddress}/28`, 'dev', this.hostIf);
      ip('link', 'set', this.hostIf, 'up');
      for (let i = 1; i <= devices; i++)
        ip('-n', this.name, 'addr', 'add', `${this.address(i)}/28`, 'dev', 'dev0');
      ip('-n', this.name, 'link', 'set', 'dev0', 'up');
    } catch (err) {
      this.remove();
      throw err;
    }
  }

  cut(): void {
    execFileSync('ip', ['-n', this.name, 'link', 'set', 'dev0', 'down'], { stdio: 'pipe' });
  }

  restore(): void {
    execFileSync('ip', ['-n', this.name, 'link', 'set', 'dev0', 'up'], { stdio: 'pipe' });
  }

  /** Runs the simulated devices (id, kind, address) inside the namespace. */
  async startDevices(devices: { id: string; kind: string; address: string }[]): Promise<ChildProcess> {
    const script = join(REPO, 'dist', 'alerting', 'testing', 'lab-devices.js');
    if (!existsSync(script))
      throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
    const child = spawn(
      'ip',
      [
        'netns',
        'exec',
        this.name,
        process.execPath,
        script,
        ...devices.map((d) => `${d.id}:${d.kind}:${d.address}`),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    await until(() => out.includes('ready\n') || child.exitCode !== null, 'the simulated devices', 20_000);
    if (!out.includes('ready\n')) throw new Error('the simulated devices did not start');
    return child;
  }

  remove(): void {
    for (const args of [
      ['link', 'del', this.hostIf],
      ['netns', 'del', this.name],
    ]) {
      try {
        execFileSync('ip', args, { stdio: 'pipe' });
      } catch {
        // already gone (deleting the namespace removes both ends of the pair)
      }
    }
  }
}
