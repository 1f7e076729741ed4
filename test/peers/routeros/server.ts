import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { Reader, sentence } from './codec';
import { fixture, HEALTH_V6, HEALTH_V7, NEIGHBORS, queues, Row, WIFI_CLIENTS } from './data';

/**
 * A RouterOS API peer for tests and benchmarks: TCP or TLS, the documented framing, `/login`
 * (post-6.43 plain form), `.tag`, `=.proplist=`, `/cancel`, `/quit`, `!re`/`!done`/`!trap`/
 * `!fatal` (and `!empty` as RouterOS 7.18+ sends it). It replays the recorded outputs and can
 * be told to misbehave.
 */

export interface PeerOptions {
  username?: string;
  password?: string;
  health?: 'v6' | 'v7' | 'none';
  /** Which wireless package is installed (its registration table exists, the others do not). */
  wireless?: 'wireless' | 'wifiwave2' | 'wifi' | 'none';
  /** Answer an empty print with `!empty` before `!done` (RouterOS 7.18 and later). */
  emptyReply?: boolean;
  tls?: { key: string | Buffer; cert: string | Buffer };
  /**
   * `challenge`: log in as RouterOS before 6.43 does: any `/login` without `=response=` gets
   * `!done =ret=<16 random bytes, hex>`, then `=name=` and `=response=00` + hex MD5(0x00,
   * password, challenge) logs in. Default `plain` (6.43 and later: `=name=` `=password=`).
   */
  login?: 'plain' | 'challenge';
}

export interface Faults {
  /** Send one row of this command, half of the next sentence, then close the socket. */
  dropMidReply?: string;
  /** Never answer this command. */
  neverAnswer?: string;
  /** Answer this command with `!trap`. */
  trap?: { command: string; message: string; category?: string };
  /** Answer this command with `!fatal` and close. */
  fatal?: string;
}

/** Traffic the peer's counters gain per second of advance() (bytes/s). */
export const TRAFFIC = {
  ether1: { rx: 1_250_000, tx: 250_000, rxPackets: 1000, txPackets: 400 },
  queue: { name: 'opd-dinkes', upload: 312_500, download: 1_000_000 },
};

/** The recorded uptime "1w1h10m14s". */
export const START_UPTIME = 609_014;

export function formatDuration(total: number): string {
  let rest = Math.floor(total);
  let out = '';
  for (const [unit, size] of [
    ['w', 604800],
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n) out += `${n}${unit}`;
  }
  return out || '0s';
}

/** The challenge each connection was given (pre-6.43 login). */
const challenges = new WeakMap<object, Buffer>();

export class RouterosPeer {
  readonly faults: Faults = {};
  username: string;
  password: string;
  health: 'v6' | 'v7' | 'none';
  wireless: 'wireless' | 'wifiwave2' | 'wifi' | 'none';
  connections = 0;
  logins = 0;
  /** Every command word received, in order (logins included). */
  readonly received: string[] = [];
  uptime = START_UPTIME;
  interfaces: Row[] = fixture('interface.json');
  queues: Row[] = queues();
  private readonly resource: Row = fixture('system_resourses.json')[0];
  private readonly leases = fixture('ip_dhcp_server_lease.json');
  private readonly legacyClients = fixture('interface_wireless_registration.json');
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();

  constructor(private readonly opts: PeerOptions = {}) {
    this.username = opts.username ?? 'noc-api';
    this.password = opts.password ?? 'rahasia';
    this.health = opts.health ?? 'v7';
    this.wireless = opts.wireless ?? 'wireless';
  }

  async start(port = 0): Promise<number> {
    const onConnection = (socket: net.Socket) => this.serve(socket);
    this.server = this.opts.tls
      ? tls.createServer(this.opts.tls, onConnection)
      : net.createServer(onConnection);
    this.server.on('tlsClientError', () => undefined); // a client refusing our certificate
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return (this.server.address() as net.AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Closes every client connection at once (a link flap between NOC and router). */
  dropAll(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  /** Time passes on the router: uptime and the counters of ether1 and one queue move. */
  advance(seconds: number): void {
    this.uptime += seconds;
    const ether1 = this.interfaces.find((r) => r.name === 'ether1')!;
    const add = (row: Row, key: string, n: number) => (row[key] = String(BigInt(row[key]) + BigInt(n)));
    add(ether1, 'rx-byte', TRAFFIC.ether1.rx * seconds);
    add(ether1, 'tx-byte', TRAFFIC.ether1.tx * seconds);
    add(ether1, 'rx-packet', TRAFFIC.ether1.rxPackets * seconds);
    add(ether1, 'tx-packet', TRAFFIC.ether1.txPackets * seconds);
    const q = this.queues.find((r) => r.name === TRAFFIC.queue.name)!;
    const [up, down] = q.bytes.split('/').map(BigInt);
    q.bytes = `${up + BigInt(TRAFFIC.queue.upload * seconds)}/${down + BigInt(TRAFFIC.queue.download * seconds)}`;
  }

  /** The router reboots: uptime starts again, every counter starts from zero. */
  restart(): void {
    this.uptime = 42;
    for (const row of this.interfaces)
      for (const key of Object.keys(row))
        if (/^(rx|tx|fp-rx|fp-tx)-(byte|packet|error|drop)$/.test(key)) row[key] = '0';
    for (const q of this.queues) q.bytes = '0/0';
  }

  private rowsFor(command: string): Row[] | undefined {
    switch (command) {
      case '/interface/print':
        return this.interfaces;
      case '/system/resource/print':
        return [{ ...this.resource, uptime: formatDuration(this.uptime) }];
      case '/system/health/print':
        return this.health === 'v7' ? HEALTH_V7 : this.health === 'v6' ? HEALTH_V6 : [];
      case '/queue/simple/print':
        return this.queues;
      case '/ip/dhcp-server/lease/print':
        return this.leases;
      case '/ip/neighbor/print':
        return NEIGHBORS;
      case '/interface/wireless/registration-table/print':
        return this.wireless === 'wireless' ? this.legacyClients : undefined;
      case '/interface/wifiwave2/registration-table/print':
        return this.wireless === 'wifiwave2' ? WIFI_CLIENTS : undefined;
      case '/interface/wifi/registration-table/print':
        return this.wireless === 'wifi' ? WIFI_CLIENTS : undefined;
      default:
        return undefined;
    }
  }

  private serve(socket: net.Socket): void {
    this.connections++;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => undefined);
    const reader = new Reader();
    let loggedIn = false;
    let dropped = false;
    const silent = new Set<string>();
    socket.on('data', (chunk: Buffer) => {
      for (const words of reader.feed(chunk)) {
        if (dropped) return;
        const out = this.handle(words, loggedIn, silent, socket);
        if (out === 'login') loggedIn = true;
        if (out === 'dropped') dropped = true;
      }
    });
  }

  /** Answers one sentence; returns 'login' when it logged the client in. */
  private handle(
    words: string[],
    loggedIn: boolean,
    silent: Set<string>,
    socket: net.Socket,
  ): 'login' | 'dropped' | void {
    const [command = ''] = words;
    const attrs = new Map<string, string>();
    let tag: string | undefined;
    for (const w of words.slice(1)) {
      if (w.startsWith('.tag=')) tag = w.slice(5);
      else if (w.startsWith('=')) {
        const eq = w.indexOf('=', 1);
        attrs.set(eq < 0 ? w.slice(1) : w.slice(1, eq), eq < 0 ? '' : w.slice(eq + 1));
      }
    }
    this.received.push(command);
    const tagged = (type: string, ...rest: string[]) =>
      sentence([type, ...rest, ...(tag === undefined ? [] : [`.tag=${tag}`])]);
    const trap = (message: string, category?: string): void => {
      socket.write(
        Buffer.concat([
          tagged('!trap', ...(category ? [`=category=${category}`] : []), `=message=${message}`),
          tagged('!done'),
        ]),
      );
    };

    if (command === '/login' && this.opts.login === 'challenge') {
      const response = attrs.get('response');
      const challenge = challenges.get(socket);
      if (response === undefined || challenge === undefined) {
        const fresh = randomBytes(16);
        challenges.set(socket, fresh);
        socket.write(tagged('!done', `=ret=${fresh.toString('hex')}`));
        return;
      }
      challenges.delete(socket);
      const expected =
        '00' +
        createHash('md5')
          .update(Buffer.from([0]))
          .update(this.password)
          .update(challenge)
          .digest('hex');
      if (attrs.get('name') === this.username && response === expected) {
        this.logins++;
        socket.write(tagged('!done'));
        return 'login';
      }
      trap('invalid user name or password (6)');
      return;
    }
    if (command === '/login') {
      if (attrs.get('name') === this.username && attrs.get('password') === this.password) {
        this.logins++;
        socket.write(tagged('!done'));
        return 'login';
      }
      trap('invalid user name or password (6)');
      return;
    }
    if (command === '/quit') {
      socket.end(sentence(['!fatal', 'session terminated on request']));
      return 'dropped';
    }
    if (!loggedIn) return trap('not logged in');
    if (command === '/cancel') {
      const target = attrs.get('tag');
      if (target !== undefined && silent.delete(target))
        socket.write(
          Buffer.concat([
            sentence(['!trap', '=category=2', '=message=interrupted', `.tag=${target}`]),
            sentence(['!done', `.tag=${target}`]),
          ]),
        );
      socket.write(tagged('!done'));
      return;
    }
    if (this.faults.neverAnswer === command) {
      if (tag !== undefined) silent.add(tag);
      return;
    }
    if (this.faults.fatal === command) {
      socket.end(sentence(['!fatal', 'out of memory']));
      return 'dropped';
    }
    if (this.faults.trap?.command === command)
      return trap(this.faults.trap.message, this.faults.trap.category);
    const rows = this.rowsFor(command);
    if (!rows) return trap('no such command prefix', '0');

    const proplist = attrs.get('.proplist')?.split(',');
    const sentences = rows.map((row) => {
      const keys = proplist ?? Object.keys(row);
      return tagged('!re', ...keys.filter((k) => row[k] !== undefined).map((k) => `=${k}=${row[k]}`));
    });
    if (rows.length === 0 && this.opts.emptyReply) sentences.push(tagged('!empty'));
    sentences.push(tagged('!done'));

    if (this.faults.dropMidReply === command) {
      const [first, second = tagged('!done')] = sentences;
      // Half a sentence, then FIN; whatever else the client asked is never answered.
      socket.end(Buffer.concat([first, second.subarray(0, Math.ceil(second.length / 2))]));
      return 'dropped';
    }
    socket.write(Buffer.concat(sentences));
  }
}
