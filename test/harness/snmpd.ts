import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeUdpPort, waitForAgent } from './snmp-wait';

export interface Snmpd {
  port: number;
  community: string;
  v3: { user: string; authProtocol: 'sha256'; authKey: string; privProtocol: 'aes'; privKey: string };
  stop(): Promise<void>;
}

export interface SnmpdOptions {
  /** Run inside a network namespace (`ip netns exec NAME snmpd ...`), for the benchmark. */
  netns?: string;
  /** Address to listen on (default 127.0.0.1). */
  address?: string;
  port?: number;
  /** Listen on several ports (one simulated device each), for the benchmark. */
  ports?: number[];
}

/**
 * Starts Debian's snmpd unprivileged-style in the foreground on a free loopback port with a
 * private config: a v2c read-only community and a v3 authPriv user (SHA-256 + AES) created
 * from the config into a temp persistent dir. Resolves once it answers.
 */
export async function startSnmpd(opts: SnmpdOptions = {}): Promise<Snmpd> {
  const dir = mkdtempSync(join(tmpdir(), 'noc-snmpd-'));
  const persist = join(dir, 'persist');
  mkdirSync(persist);
  const address = opts.address ?? '127.0.0.1';
  const port = opts.port ?? (await freeUdpPort());
  const community = 'noc-test';
  const v3 = {
    user: 'nocv3',
    authProtocol: 'sha256' as const,
    authKey: 'auth-secret-123',
    privProtocol: 'aes' as const,
    privKey: 'priv-secret-456',
  };
  const conf = join(dir, 'snmpd.conf');
  writeFileSync(
    conf,
    [
      `agentAddress ${(opts.ports ?? [port]).map((p) => `udp:${address}:${p}`).join(',')}`,
      `rocommunity ${community} ${address}`,
      `createUser ${v3.user} SHA-256 "${v3.authKey}" AES "${v3.privKey}"`,
      `rouser ${v3.user} priv`,
      // Debian ships no IETF MIB files; nothing here needs them.
      '',
    ].join('\n'),
  );
  const snmpdArgs = [
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
    join(dir, 'snmpd.pid'),
  ];
  const [cmd, args] = opts.netns
    ? ['ip', ['netns', 'exec', opts.netns, 'snmpd', ...snmpdArgs]]
    : ['snmpd', snmpdArgs];
  let child: ChildProcess;
  try {
    child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, SNMP_PERSISTENT_DIR: persist, SNMPCONFPATH: dir },
    });
  } catch (err) {
    throw new Error(`snmpd could not start (Debian package "snmpd"): ${(err as Error).message}`);
  }
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-2000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-2000)));
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (err) => reject(new Error(`snmpd: ${err.message} (Debian package "snmpd")`)));
    child.once('exit', (code) => reject(new Error(`snmpd exited with ${code}: ${output}`)));
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
  if (!opts.netns) {
    try {
      await Promise.race([waitForAgent(port, community, 20_000), exited]);
    } catch (err) {
      await stop();
      throw err;
    }
  }
  return { port, community, v3, stop };
}
