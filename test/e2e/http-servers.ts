import { selfSignedCert } from '../harness/certs';
import { mkdtempSync, readFileSync } from 'node:fs';
import http, { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A self-signed certificate made by openssl for 127.0.0.1 and localhost, valid `days` days. */
export function makeCert(
  dir: string,
  name: string,
  days: number,
  cn: string,
): { cert: string; key: string; certFile: string } {
  const certFile = join(dir, `${name}.crt`);
  const keyFile = join(dir, `${name}.key`);
  selfSignedCert({
    keyFile,
    certFile,
    days,
    subject: `/C=ID/O=Diskominfo Uji/CN=${cn}`,
    altNames: 'DNS:localhost,IP:127.0.0.1',
  });
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certFile };
}

/** What the test sites answer; `state.status` lets a test take the home page down and up. */
export function siteHandler(state: { status: number }) {
  return (req: IncomingMessage, res: ServerResponse) => {
    switch (req.url) {
      case '/':
        res.writeHead(state.status, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<html><body>Selamat datang di Portal Kabupaten</body></html>');
      case '/r1':
        res.writeHead(302, { location: '/r2' });
        return res.end();
      case '/r2':
        res.writeHead(301, { location: '/akhir' });
        return res.end();
      case '/akhir':
        res.writeHead(200);
        return res.end('Halaman akhir');
      case '/galat':
        res.writeHead(500);
        return res.end('Internal Server Error');
      case '/macet':
        return; // never answers
      default:
        res.writeHead(404);
        res.end();
    }
  };
}

export interface TestSites {
  dir: string;
  /** https with a one-year self-signed certificate. */
  good: string;
  goodCert: string;
  /** https with a certificate that expires in 3 days. */
  expiring: string;
  expiringCert: string;
  plain: string;
  state: { status: number };
  close(): Promise<void>;
}

async function listen(server: http.Server | https.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** Starts three local sites on loopback: HTTPS (good cert), HTTPS (expiring cert), HTTP. */
export async function startSites(): Promise<TestSites> {
  const dir = mkdtempSync(join(tmpdir(), 'noc-http-'));
  const good = makeCert(dir, 'portal', 365, 'portal.kab.test');
  const expiring = makeCert(dir, 'hampir', 3, 'hampir-kedaluwarsa.kab.test');
  const state = { status: 200 };
  const servers = [
    https.createServer({ cert: good.cert, key: good.key }, siteHandler(state)),
    https.createServer({ cert: expiring.cert, key: expiring.key }, siteHandler(state)),
    http.createServer(siteHandler(state)),
  ];
  const [p1, p2, p3] = await Promise.all(servers.map(listen));
  return {
    dir,
    good: `https://127.0.0.1:${p1}`,
    goodCert: good.certFile,
    expiring: `https://127.0.0.1:${p2}`,
    expiringCert: expiring.certFile,
    plain: `http://127.0.0.1:${p3}`,
    state,
    close: async () => {
      for (const s of servers) s.closeAllConnections();
      await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    },
  };
}
