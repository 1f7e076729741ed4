import { createSocket, Socket } from 'node:dgram';
import * as snmp from 'net-snmp';
import { BulkCapableAgent, installRfcBulk } from './bulk';
import { DeviceMib, installMib, NetSnmpMib } from './mib';

/**
 * One net-snmp Agent on a loopback UDP port, serving one simulated device's MIB to the given
 * v2c communities (several communities on one agent let the memory benchmark simulate
 * thousands of devices cheaply: the agent under test still opens one session per device).
 */
export interface SnmpAgentServer {
  address: string;
  port: number;
  /** SNMP messages received since start (all communities). */
  requests(): number;
  close(): Promise<void>;
}

interface NetSnmpAgent {
  getMib(): NetSnmpMib;
  getAuthorizer(): { addCommunity(c: string): void };
  listener: { sockets: Record<string, Socket> };
  close(cb?: () => void): void;
}

export async function serveMib(
  mib: DeviceMib,
  opts: { port?: number; address?: string; communities: string[]; onError?: (err: Error) => void },
): Promise<SnmpAgentServer> {
  const address = opts.address ?? '127.0.0.1';
  // net-snmp treats port 0 as "default" (161), so a free port is found first.
  const wanted = opts.port || (await freeUdpPort(address));
  const agent = snmp.createAgent(
    { port: wanted, address, transport: 'udp4', disableAuthorization: false },
    (err: Error | null) => {
      // Requests with an unknown community or a malformed packet land here; the agent goes on.
      if (err) opts.onError?.(err);
    },
  ) as NetSnmpAgent;
  for (const c of opts.communities) agent.getAuthorizer().addCommunity(c);
  installRfcBulk(agent as unknown as BulkCapableAgent);
  installMib(agent.getMib(), mib);
  const socket = Object.values(agent.listener.sockets)[0];
  await new Promise<void>((resolve, reject) => {
    socket.once('listening', resolve);
    socket.once('error', (err) =>
      reject(new Error(`SNMP agent cannot bind ${address}:${wanted}: ${err.message}`)),
    );
  }).catch((err) => {
    agent.close();
    throw err;
  });
  let count = 0;
  socket.on('message', () => count++);
  const port = socket.address().port;
  return {
    address,
    port,
    requests: () => count,
    close: () =>
      new Promise<void>((resolve) => {
        try {
          agent.close(() => resolve());
        } catch {
          resolve();
        }
      }),
  };
}

/** A UDP port nobody is bound to right now on the address. */
export function freeUdpPort(address = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind(0, address, () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
