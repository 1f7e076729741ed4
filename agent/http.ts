import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HealthReport {
  ok: boolean;
  [key: string]: unknown;
}

/**
 * /healthz (JSON; 200 when healthy, 503 when not, for systemd or a load balancer) and
 * /metrics (Prometheus text). Bound to 127.0.0.1 unless configured otherwise.
 */
export class StatusServer {
  private server?: Server;

  constructor(
    private readonly listen: { host: string; port: number },
    private readonly health: () => HealthReport,
    private readonly metrics: () => string,
  ) {}

  async start(): Promise<AddressInfo> {
    const server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
      } else if (path === '/healthz') {
        const report = this.health();
        res.writeHead(report.ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(report, null, 2) + '\n');
      } else if (path === '/metrics') {
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
        res.end(this.metrics());
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('noc: /healthz or /metrics\n');
      }
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.listen.port, this.listen.host, () => resolve());
    });
    return server.address() as AddressInfo;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
