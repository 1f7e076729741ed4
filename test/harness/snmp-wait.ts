import { createSocket } from 'node:dgram';
import snmp from 'net-snmp';

/** A UDP port free on loopback right now (bound then released). */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createSocket('udp4');
    s.once('error', reject);
    s.bind(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once an SNMP agent on the port answers a v2c GET of sysDescr.0 (any answer counts). */
export async function waitForAgent(port: number, community: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const ok = await new Promise<boolean>((resolve) => {
      const session = snmp.createSession('127.0.0.1', community, {
        port,
        version: snmp.Version2c,
        timeout: 300,
        retries: 0,
      });
      session.on('error', () => undefined);
      session.get(['1.3.6.1.2.1.1.1.0'], (err) => {
        session.close();
        resolve(!err || (err as Error).name !== 'RequestTimedOutError');
      });
    });
    if (ok) return;
    if (Date.now() > until)
      throw new Error(`no SNMP agent answered on 127.0.0.1:${port} within ${timeoutMs} ms`);
  }
}
