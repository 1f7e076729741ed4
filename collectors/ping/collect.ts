import { spawn } from 'node:child_process';
import { FpingBatcher, Pinger, PingRequest } from './fping';
import { fromIputils, parseIputilsSummary, PingResult } from './parse';

/**
 * The fallback when fping is not installed: one iputils `ping` process per address and poll.
 * Correct but costly for many targets (~4 ms CPU per process; 2,000 targets = ~9 s CPU per
 * cycle), so noc uses fping whenever it is there.
 */
export class IputilsPinger implements Pinger {
  readonly method = 'ping';

  constructor(private readonly command: string[] = ['ping']) {}

  ping(req: PingRequest, signal: AbortSignal): Promise<PingResult> {
    const [bin, ...pre] = this.command;
    const deadline = Math.ceil(((req.count - 1) * req.periodMs + req.timeoutMs) / 1000) + 1;
    const args = [
      ...pre,
      '-n',
      '-c',
      String(req.count),
      '-i',
      String(req.periodMs / 1000),
      '-W',
      String(req.timeoutMs / 1000),
      '-w',
      String(deadline),
      req.address,
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(bin, args, {
        stdio: ['ignore', 'pipe', 'pipe'],
        signal,
        env: { LANG: 'C', PATH: process.env.PATH },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.on('error', (e) =>
        reject(signal.aborted ? (signal.reason as Error) : new Error(`cannot run ${bin}: ${e.message}`)),
      );
      child.on('close', (code) => {
        if (signal.aborted) return reject(signal.reason as Error);
        const summary = parseIputilsSummary(out);
        if (summary) return resolve(fromIputils(summary));
        reject(new Error(`${req.address}: ${err.trim().split('\n').pop() || `ping exit code ${code}`}`));
      });
    });
  }

  async close(): Promise<void> {}
}

/** True when `fping -v` runs (Debian package fping; scripts/setup.sh installs it). */
export function fpingAvailable(command: string[] = ['fping']): Promise<boolean> {
  return new Promise((resolve) => {
    const [bin, ...pre] = command;
    const child = spawn(bin, [...pre, '-v'], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

/** fping when installed (one process per batch of targets), else iputils ping per target. */
export async function choosePinger(): Promise<Pinger> {
  return (await fpingAvailable()) ? new FpingBatcher() : new IputilsPinger();
}
