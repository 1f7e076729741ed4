import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/**
 * A private InfluxDB 1.x (Debian's influxd) on loopback with its own data directory: the demo
 * lab's database, and the one every test and benchmark writes to. Nothing is shared with a
 * system InfluxDB: its own ports, its own directories, reporting disabled.
 */
export interface PrivateInfluxd {
  url: string;
  port: number;
  dir: string;
  /** Stops it (SIGTERM) and waits for the process to end. */
  stop(): Promise<void>;
  /** Starts it again on the same port and data (after stop()), for outage tests. */
  restart(): Promise<void>;
  process(): ChildProcess | undefined;
}

export function findInfluxd(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v influxd || ls /usr/bin/influxd 2>/dev/null'], {
    encoding: 'utf8',
  });
  const path = found.stdout.trim().split('\n')[0];
  return path || undefined;
}

export async function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startInfluxd(
  dir: string,
  opts: { port?: number; binary?: string } = {},
): Promise<PrivateInfluxd> {
  const binary = opts.binary ?? findInfluxd();
  if (!binary)
    throw new Error('influxd is not installed (Debian package "influxdb"; scripts/setup.sh installs it)');
  const port = opts.port ?? (await freePort());
  const bindPort = await freePort();
  mkdirSync(dir, { recursive: true });
  const conf = join(dir, 'influxdb.conf');
  writeFileSync(
    conf,
    [
      'reporting-disabled = true',
      `bind-address = "127.0.0.1:${bindPort}"`,
      '[meta]',
      `  dir = "${join(dir, 'meta')}"`,
      '[data]',
      `  dir = "${join(dir, 'data')}"`,
      `  wal-dir = "${join(dir, 'wal')}"`,
      '  query-log-enabled = false',
      '[http]',
      `  bind-address = "127.0.0.1:${port}"`,
      '  log-enabled = false',
      '  max-body-size = 0',
      '[monitor]',
      '  store-enabled = false',
      '[continuous_queries]',
      '  log-enabled = false',
      '',
    ].join('\n'),
  );
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;

  const launch = async () => {
    child = spawn(binary, ['-config', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => {
      stderr = (stderr + b.toString()).slice(-4000);
    });
    const started = Date.now();
    while (Date.now() - started < 20_000) {
      if (child.exitCode !== null)
        throw new Error(`influxd exited (${child.exitCode}): ${stderr.trim().split('\n').pop()}`);
      try {
        const res = await fetch(`${url}/ping`);
        if (res.status === 204) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    throw new Error(`influxd did not answer on ${url} within 20 s`);
  };

  const stop = async () => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGTERM');
    });
  };

  await launch();
  return { url, port, dir, stop, restart: launch, process: () => child };
}
