import { ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freeUdpPort, waitForAgent } from './snmp-wait';

/** The shared real-device recordings (never copied into the repository; copied to a temp dir at test time). */
export const SNMPREC_DIR = resolve(__dirname, '..', '..', '..', 'shared', 'fixtures', 'snmprec');

export interface Snmpsim {
  port: number;
  dir: string;
  /** Communities served (file names without .snmprec). */
  communities: string[];
  stop(): Promise<void>;
}

export interface SnmpsimOptions {
  /** Recordings to serve: file paths, copied as they are. */
  files?: string[];
  /** Extra recordings written from text: community -> .snmprec content. */
  recordings?: Record<string, string>;
}

/**
 * Starts Debian's snmpsimd on a free loopback UDP port serving a temp copy of the recordings,
 * and resolves once it answers. As root it must drop to nobody, so the temp dir is made
 * readable (and the cache dir writable) for nobody.
 */
export async function startSnmpsim(opts: SnmpsimOptions = {}): Promise<Snmpsim> {
  const dir = mkdtempSync(join(tmpdir(), 'noc-snmpsim-'));
  const data = join(dir, 'data');
  const cache = join(dir, 'cache');
  mkdirSync(data);
  mkdirSync(cache);
  const files =
    opts.files ??
    readdirSync(SNMPREC_DIR)
      .filter((f) => f.endsWith('.snmprec'))
      .map((f) => join(SNMPREC_DIR, f));
  for (const f of files) copyFileSync(f, join(data, f.split('/').pop()!));
  for (const [community, content] of Object.entries(opts.recordings ?? {}))
    writeFileSync(join(data, `${community}.snmprec`), content);
  const communities = readdirSync(data)
    .filter((f) => f.endsWith('.snmprec'))
    .map((f) => f.replace(/\.snmprec$/, ''));
  chmodSync(dir, 0o755);
  chmodSync(data, 0o755);
  for (const f of readdirSync(data)) chmodSync(join(data, f), 0o644);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(cache, 65534, 65534);

  const port = await freeUdpPort();
  const args = [
    `--data-dir=${data}`,
    `--cache-dir=${cache}`,
    `--agent-udpv4-endpoint=127.0.0.1:${port}`,
    '--logging-method=null',
  ];
  if (asRoot) args.push('--process-user=nobody', '--process-group=nogroup');
  let child: ChildProcess;
  try {
    child = spawn('snmpsimd', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (err) {
    throw new Error(`snmpsimd could not start (Debian package "snmpsim"): ${(err as Error).message}`);
  }
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (err) => reject(new Error(`snmpsimd: ${err.message} (Debian package "snmpsim")`)));
    child.once('exit', (code) => reject(new Error(`snmpsimd exited with ${code}: ${stderr.slice(-500)}`)));
  });
  exited.catch(() => undefined);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([waitForAgent(port, communities[0], 30_000), exited]);
  } catch (err) {
    await stop();
    throw err;
  }
  return { port, dir, communities, stop };
}
