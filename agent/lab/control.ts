import { existsSync, readFileSync } from 'node:fs';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { UpsBattery, UpsMode } from './devices/ups-state';
import type { LabDeviceInfo, LabInfo } from './lab';

/**
 * The lab's control channel: a tiny HTTP endpoint on 127.0.0.1 (random port, written to
 * DIR/lab.json) so `noc lab ups battery|normal ID` can flip a simulated UPS in the running lab.
 *   GET  /devices              -> the lab's devices
 *   POST /ups/ID/battery|normal -> the UPS's battery state after the switch
 */
export interface ControlServer {
  url: string;
  close(): Promise<void>;
}

interface ControlHandlers {
  devices(): LabDeviceInfo[];
  upsIds(): string[];
  setUps(id: string, mode: UpsMode): UpsBattery;
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body) + '\n');
}

export async function startControl(h: ControlHandlers): Promise<ControlServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const ups = /^\/ups\/([^/]+)\/(battery|normal)$/.exec(path);
    if (req.method === 'GET' && path === '/devices') return reply(res, 200, h.devices());
    if (req.method === 'POST' && ups) {
      const id = decodeURIComponent(ups[1]);
      if (!h.upsIds().includes(id))
        return reply(res, 404, { error: `no simulated UPS "${id}"`, ups: h.upsIds() });
      const state = h.setUps(id, ups[2] as UpsMode);
      return reply(res, 200, { id, mode: state.mode, chargePercent: Math.floor(state.charge) });
    }
    reply(res, 404, { error: `unknown request ${req.method} ${path}` });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Reads DIR/lab.json, with an error that says what to do when no lab is running there. */
export function readLabInfo(dir: string): LabInfo {
  const file = join(dir, 'lab.json');
  if (!existsSync(file))
    throw new Error(`no running lab in ${dir} (${file} is missing): start it with \`noc demo --dir ${dir}\``);
  return JSON.parse(readFileSync(file, 'utf8')) as LabInfo;
}

/** Asks the running lab in DIR to switch a simulated UPS; returns what the lab answered. */
export async function switchUps(
  dir: string,
  id: string,
  mode: UpsMode,
): Promise<{ id: string; mode: UpsMode; chargePercent: number }> {
  const info = readLabInfo(dir);
  let res: Response;
  try {
    res = await fetch(`${info.controlUrl}/ups/${encodeURIComponent(id)}/${mode}`, { method: 'POST' });
  } catch (err) {
    throw new Error(
      `the lab in ${dir} does not answer at ${info.controlUrl} (${(err as Error).message}); ` +
        `is \`noc demo\` still running? (pid ${info.pid})`,
    );
  }
  const body = (await res.json()) as {
    error?: string;
    ups?: string[];
    id: string;
    mode: UpsMode;
    chargePercent: number;
  };
  if (!res.ok)
    throw new Error(`${body.error}${body.ups ? ` (UPS in this lab: ${body.ups.join(', ')})` : ''}`);
  return body;
}
