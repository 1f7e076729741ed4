import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { HttpPeer } from '../../alerting/testing/http-peer';
import { REPO } from '../harness/cli';

const CHILD = join(REPO, 'dist', 'alerting', 'testing', 'crash-child.js');

/** Resolves when `cond` holds, checking as things arrive; fails with `what` after the deadline. */
async function until(cond: () => boolean, what: string, deadlineMs = 20_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

class Agent {
  out = '';
  readonly proc: ChildProcess;
  constructor(config: string) {
    this.proc = spawn(process.execPath, [CHILD, config], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.proc.stdout!.on('data', (d: Buffer) => (this.out += d.toString()));
  }
  ready = () => until(() => this.out.includes('ready\n'), 'the agent to start');
  async send(line: string): Promise<void> {
    this.proc.stdin!.write(`${line}\n`);
    await until(() => this.out.includes(`done ${line}\n`), `"${line}" to be handled`);
  }
  async kill9(): Promise<void> {
    const exited = new Promise((r) => this.proc.once('exit', r));
    this.proc.kill('SIGKILL');
    await exited;
  }
}

describe('kill -9 of the agent mid-incident', () => {
  const peer = new HttpPeer();
  const dir = mkdtempSync(join(tmpdir(), 'noc-crash-'));
  const file = join(dir, 'noc.yaml');
  let helpdeskUp = false;
  const accepted: { event: string; ref: string | null }[] = [];

  beforeAll(async () => {
    if (!existsSync(CHILD))
      throw new Error('dist/ is missing: run `npm run build` before the end-to-end tests');
    await peer.start();
    peer.handler = (r) => {
      if (!helpdeskUp) return { status: 503, body: { error: 'down' } };
      const body = r.json as { event: string; ticket_ref: string | null };
      accepted.push({ event: body.event, ref: body.ticket_ref });
      return body.event === 'open' ? { status: 201, body: { id: 'WO-1' } } : { status: 200, body: {} };
    };
    const config = {
      organisation: { name: 'Uji' },
      agent: { dataDir: dir },
      devices: [{ id: 'core', kind: 'router' }],
      alerting: {
        tickSeconds: 3600,
        outbox: { retryBaseSeconds: 0.05, retryMaxSeconds: 0.2 },
        connectors: [{ id: 'hook', type: 'webhook', url: `${peer.url}/noc`, secret: 'k' }],
      },
    };
    writeFileSync(file, stringify(config));
  });
  afterAll(async () => {
    await peer.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('queued while the helpdesk is down, killed, restarted: one ticket opened, killed again, the close still arrives', async () => {
    const a = new Agent(file);
    await a.ready();
    await a.send('down core');
    await a.send('down core');
    await until(() => peer.requests.length >= 1, 'the first (refused) attempt');
    expect(accepted).toEqual([]);
    await a.kill9();

    helpdeskUp = true;
    const b = new Agent(file);
    await b.ready(); // start() replays the outbox
    await until(() => accepted.length === 1, 'the open after restart');
    await b.send('down core');
    await b.kill9();

    const c = new Agent(file);
    await c.ready();
    await c.send('up core');
    await until(() => accepted.length === 2, 'the close');
    c.proc.stdin!.end();
    await new Promise((r) => c.proc.once('exit', r));
    expect(accepted).toEqual([
      { event: 'open', ref: null },
      { event: 'close', ref: 'WO-1' },
    ]);
  });
});
