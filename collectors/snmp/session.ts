import snmp from 'net-snmp';
import type { SnmpSettings } from '../../config/schema/snmp';
import type { Secret } from '../../config/secret';
import type { SnmpRequester } from './engine';
import type { RawVarbind } from './parse';

/**
 * One net-snmp Session (one UDP socket) per device, reused across polls, behind promises that
 * also give up when the poll's deadline aborts. The pool caps how many sockets are open at once.
 */

/** The device's snmp settings after the loader resolved its secrets. */
export interface ResolvedSnmp extends Omit<SnmpSettings, 'community' | 'auth'> {
  community?: Secret;
  auth?: Omit<NonNullable<SnmpSettings['auth']>, 'authKey' | 'privKey'> & {
    authKey?: Secret;
    privKey?: Secret;
  };
}

const LEVELS = {
  noAuthNoPriv: snmp.SecurityLevel.noAuthNoPriv,
  authNoPriv: snmp.SecurityLevel.authNoPriv,
  authPriv: snmp.SecurityLevel.authPriv,
} as const;

/** What identifies a session: a config change (address, credentials) means a new one. */
export function sessionKey(address: string, s: ResolvedSnmp): string {
  const auth = s.auth;
  return [
    address,
    s.port,
    s.version,
    s.timeoutSeconds,
    s.retries,
    s.community?.reveal() ?? '',
    auth
      ? [
          auth.username,
          auth.level,
          auth.authProtocol,
          auth.authKey?.reveal(),
          auth.privProtocol,
          auth.privKey?.reveal(),
        ].join('/')
      : '',
  ].join('|');
}

export class DeviceSession implements SnmpRequester {
  readonly version: '1' | '2c' | '3';
  private session?: snmp.Session;
  /** Last socket-level error (e.g. a response that could not be decoded), for diagnostics. */
  lastError?: Error;

  constructor(
    private readonly address: string,
    private readonly settings: ResolvedSnmp,
  ) {
    this.version = settings.version;
  }

  private open(): snmp.Session {
    if (this.session) return this.session;
    const s = this.settings;
    const common = {
      port: s.port,
      timeout: Math.round(s.timeoutSeconds * 1000),
      retries: s.retries,
      // The walker checks ordering itself and names the agent in its error.
      backwardsGetNexts: true,
    };
    let session: snmp.Session;
    if (s.version === '3') {
      const a = s.auth!;
      const user: snmp.User = { name: a.username!, level: LEVELS[a.level] };
      if (a.level !== 'noAuthNoPriv') {
        user.authProtocol = snmp.AuthProtocols[a.authProtocol];
        user.authKey = a.authKey?.reveal();
      }
      if (a.level === 'authPriv') {
        user.privProtocol = snmp.PrivProtocols[a.privProtocol];
        user.privKey = a.privKey?.reveal();
      }
      session = snmp.createV3Session(this.address, user, { ...common, version: snmp.Version3 });
    } else {
      // net-snmp defaults to SNMPv1: the version is always set explicitly.
      const version = s.version === '1' ? snmp.Version1 : snmp.Version2c;
      session = snmp.createSession(this.address, s.community?.reveal() ?? 'public', { ...common, version });
    }
    // Without a listener an undecodable datagram would be an uncaught 'error' and kill the agent.
    session.on('error', (err: Error) => {
      this.lastError = err;
    });
    this.session = session;
    return session;
  }

  get(oids: string[], signal?: AbortSignal): Promise<RawVarbind[]> {
    return this.request<RawVarbind[]>(signal, (s, cb) => s.get(oids, cb as never));
  }

  getNext(oids: string[], signal?: AbortSignal): Promise<RawVarbind[]> {
    return this.request<RawVarbind[]>(signal, (s, cb) => s.getNext(oids, cb as never));
  }

  getBulk(oids: string[], maxRepetitions: number, signal?: AbortSignal): Promise<RawVarbind[][]> {
    return this.request<RawVarbind[][]>(signal, (s, cb) => s.getBulk(oids, 0, maxRepetitions, cb as never));
  }

  private request<T>(
    signal: AbortSignal | undefined,
    send: (s: snmp.Session, cb: (err: Error | null, result: T) => void) => void,
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason as Error);
      const onAbort = () => reject(signal!.reason as Error);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        send(this.open(), (err, result) => {
          signal?.removeEventListener('abort', onAbort);
          if (err) reject(err);
          else resolve(result);
        });
      } catch (err) {
        signal?.removeEventListener('abort', onAbort);
        reject(err as Error);
      }
    });
  }

  close(): void {
    const s = this.session;
    this.session = undefined;
    if (!s) return;
    try {
      // Pending requests of a closed session would time out later; cancel them now.
      s.cancelRequests(new Error('session closed'));
      s.close();
    } catch {
      // Already closed: nothing to release.
    }
  }
}

interface PoolEntry {
  key: string;
  session: DeviceSession;
  users: number;
}

/** How many device sockets stay open at most by default (see README: file descriptors). */
export const DEFAULT_MAX_OPEN_SESSIONS = 512;

/**
 * Sessions by device, least recently used first. Above the cap, idle sessions are closed
 * oldest first; a session in use is never closed under a running poll, so at most
 * cap + (polls running at once) sockets are open.
 */
export class SessionPool {
  private readonly entries = new Map<string, PoolEntry>();

  constructor(private readonly maxOpen = DEFAULT_MAX_OPEN_SESSIONS) {}

  acquire(device: string, address: string, settings: ResolvedSnmp): DeviceSession {
    const key = sessionKey(address, settings);
    let entry = this.entries.get(device);
    if (entry && entry.key !== key) {
      if (entry.users === 0) entry.session.close();
      entry = undefined;
    }
    if (!entry) entry = { key, session: new DeviceSession(address, settings), users: 0 };
    this.entries.delete(device);
    this.entries.set(device, entry);
    entry.users++;
    this.evict();
    return entry.session;
  }

  release(device: string, session: DeviceSession): void {
    const entry = this.entries.get(device);
    if (entry?.session === session) entry.users = Math.max(0, entry.users - 1);
    else session.close();
    this.evict();
  }

  get size(): number {
    return this.entries.size;
  }

  private evict(): void {
    if (this.entries.size <= this.maxOpen) return;
    for (const [device, entry] of this.entries) {
      if (this.entries.size <= this.maxOpen) break;
      if (entry.users > 0) continue;
      entry.session.close();
      this.entries.delete(device);
    }
  }

  closeAll(): void {
    for (const entry of this.entries.values()) entry.session.close();
    this.entries.clear();
  }
}
