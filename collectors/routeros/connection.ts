import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import tls from 'node:tls';
import { encodeSentence, parseReply, SentenceDecoder } from './wire';

/**
 * One API session to one router: TCP (8728) or TLS (8729), plain post-6.43 login, commands
 * multiplexed by `.tag`, each with its own deadline. node-routeros was not used: it throws from
 * its socket handler on a reply for an unknown tag (a cancelled command) and on RouterOS 7.18's
 * `!empty`, which would take the whole agent down, and it has only an idle timeout, no deadline
 * per command.
 */

export interface TlsOptions {
  caFile?: string;
  /** SHA-256 of the router's certificate, hex with or without colons. */
  fingerprint?: string;
  insecure: boolean;
}

export interface ConnectOptions {
  host: string;
  port: number;
  username: string;
  password: string;
  tls?: TlsOptions;
  /** Deadline for connect + login and for each command, ms. */
  timeoutMs: number;
}

export type Row = Record<string, string>;

/** A `!trap` from the router: the command failed, the session is still fine. */
export class TrapError extends Error {
  constructor(
    readonly command: string,
    readonly detail: string,
    readonly category?: string,
  ) {
    super(`${command}: router says "${detail}"`);
    this.name = 'TrapError';
  }
}

interface Pending {
  command: string;
  rows: Row[];
  resolve(reply: { rows: Row[]; done: Row }): void;
  reject(err: Error): void;
  timer: NodeJS.Timeout;
  onAbort?: () => void;
  signal?: AbortSignal;
}

export function normalizeFingerprint(fp: string): string {
  return fp.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
}

export class RouterosConnection {
  private socket?: net.Socket;
  private readonly decoder = new SentenceDecoder();
  private readonly pending = new Map<string, Pending>();
  private nextTag = 1;
  private closedWith?: Error;
  /** Called once when the session ends for any reason (for the session pool). */
  onClose?: (err: Error) => void;

  constructor(private readonly opts: ConnectOptions) {}

  get open(): boolean {
    return this.socket !== undefined && this.closedWith === undefined;
  }

  /** Opens the socket, checks the certificate, logs in. Rejects with a message naming the cause. */
  async connect(signal?: AbortSignal): Promise<void> {
    const { host, port, timeoutMs } = this.opts;
    let raw: net.Socket | undefined;
    const socket = await withDeadline(
      this.openSocket((s) => (raw = s)),
      timeoutMs,
      `no connection to ${host}:${port} within ${timeoutMs / 1000} s`,
      signal,
    ).catch((err: Error) => {
      raw?.destroy();
      throw err;
    });
    this.socket = socket;
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 30_000);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.fail(new Error(`connection to ${host}:${port} failed: ${err.message}`)));
    socket.on('close', () => this.fail(new Error(`router ${host}:${port} closed the connection`)));
    try {
      const { username, password } = this.opts;
      const plain = await this.request(['/login', `=name=${username}`, `=password=${password}`], { signal });
      // RouterOS before 6.43 ignores the password and answers with a challenge (`=ret=`, hex);
      // it wants `00` + MD5(0x00, password, challenge) in hex (the API manual's "initial login").
      const challenge = plain.done.ret;
      if (challenge !== undefined) {
        const md5 = createHash('md5')
          .update(Buffer.from([0]))
          .update(Buffer.from(password, 'utf8'))
          .update(Buffer.from(challenge, 'hex'))
          .digest('hex');
        await this.request(['/login', `=name=${username}`, `=response=00${md5}`], { signal });
      }
    } catch (err) {
      const msg = err instanceof TrapError ? err.detail : (err as Error).message;
      const wrapped = new Error(`login as "${this.opts.username}" refused: ${msg}`);
      this.close(wrapped);
      throw wrapped;
    }
  }

  /** Runs one command; resolves with its `!re` rows at `!done`, rejects on `!trap`, deadline or loss. */
  async command(words: string[], opts: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<Row[]> {
    return (await this.request(words, opts)).rows;
  }

  /** As command(), with the attributes of the `!done` sentence too (`=ret=` of a login challenge). */
  private request(
    words: string[],
    opts: { signal?: AbortSignal; timeoutMs?: number } = {},
  ): Promise<{ rows: Row[]; done: Row }> {
    if (!this.socket || this.closedWith) return Promise.reject(this.closedWith ?? new Error('not connected'));
    if (opts.signal?.aborted) return Promise.reject(opts.signal.reason as Error);
    const tag = String(this.nextTag++);
    const command = words[0];
    const timeoutMs = opts.timeoutMs ?? this.opts.timeoutMs;
    return new Promise((resolve, reject) => {
      const entry: Pending = {
        command,
        rows: [],
        resolve,
        reject,
        signal: opts.signal,
        // A router that does not finish one command in time is treated as stuck: the session is
        // closed (and reopened at the next poll) rather than left with a half-read reply.
        timer: setTimeout(
          () => this.close(new Error(`${command}: no answer within ${timeoutMs / 1000} s`)),
          timeoutMs,
        ),
      };
      if (opts.signal) {
        entry.onAbort = () => this.close(opts.signal!.reason as Error);
        opts.signal.addEventListener('abort', entry.onAbort, { once: true });
      }
      this.pending.set(tag, entry);
      this.socket!.write(encodeSentence([...words, `.tag=${tag}`]));
    });
  }

  close(reason = new Error('connection closed')): void {
    this.fail(reason);
  }

  private fail(err: Error): void {
    if (this.closedWith) return;
    this.closedWith = err;
    for (const [tag, p] of this.pending) {
      this.pending.delete(tag);
      this.settle(p);
      p.reject(err);
    }
    this.socket?.destroy();
    this.onClose?.(err);
  }

  private settle(p: Pending): void {
    clearTimeout(p.timer);
    if (p.onAbort) p.signal?.removeEventListener('abort', p.onAbort);
  }

  private onData(chunk: Buffer): void {
    let sentences: string[][];
    try {
      sentences = this.decoder.push(chunk);
    } catch (err) {
      this.fail(new Error(`garbled reply from ${this.opts.host}: ${(err as Error).message}`));
      return;
    }
    for (const words of sentences) {
      const reply = parseReply(words);
      if (reply.type === '!fatal') {
        this.fail(new Error(`router ended the session: ${reply.attrs.message ?? 'no reason given'}`));
        return;
      }
      // Replies for a tag we gave up on (or never sent) are ignored, never thrown.
      const p = reply.tag === undefined ? undefined : this.pending.get(reply.tag);
      if (!p) continue;
      if (reply.type === '!re') p.rows.push(reply.attrs);
      else if (reply.type === '!trap') {
        this.pending.delete(reply.tag!);
        this.settle(p);
        p.reject(new TrapError(p.command, reply.attrs.message ?? 'error', reply.attrs.category));
      } else if (reply.type === '!done') {
        this.pending.delete(reply.tag!);
        this.settle(p);
        p.resolve({ rows: p.rows, done: reply.attrs });
      }
      // '!empty' (RouterOS >= 7.18, a print that found nothing) needs no action: !done follows.
    }
  }

  private openSocket(started: (s: net.Socket) => void): Promise<net.Socket> {
    const { host, port } = this.opts;
    const t = this.opts.tls;
    return new Promise((resolve, reject) => {
      if (!t) {
        const s = net.connect({ host, port });
        started(s);
        s.once('connect', () => resolve(s));
        s.once('error', (err) => reject(new Error(`cannot connect to ${host}:${port}: ${err.message}`)));
        return;
      }
      const pin = t.fingerprint ? normalizeFingerprint(t.fingerprint) : undefined;
      const s = tls.connect({
        host,
        port,
        servername: net.isIP(host) ? undefined : host,
        ca: t.caFile ? readFileSync(t.caFile) : undefined,
        // A pinned fingerprint replaces the CA chain check; it is verified below.
        rejectUnauthorized: !(pin || t.insecure),
      });
      started(s);
      s.once('secureConnect', () => {
        if (pin) {
          const got = normalizeFingerprint(s.getPeerCertificate().fingerprint256 ?? '');
          if (got !== pin) {
            s.destroy();
            reject(
              new Error(
                `TLS certificate of ${host}:${port} does not match the pinned fingerprint (got ${got})`,
              ),
            );
            return;
          }
        }
        resolve(s);
      });
      s.once('error', (err) =>
        reject(new Error(`TLS connection to ${host}:${port} refused: ${err.message}`)),
      );
    });
  }
}

/** Races a promise against a deadline and an abort signal. */
function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  message: string,
  signal: AbortSignal | undefined,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let done = false;
    const finish = (fn: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      fn();
    };
    const timer = setTimeout(() => finish(() => reject(new Error(message))), ms);
    const onAbort = () => finish(() => reject(signal!.reason as Error));
    signal?.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => finish(() => resolve(v)),
      (e: Error) => finish(() => reject(e)),
    );
  });
}
