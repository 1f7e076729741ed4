import { gzipSync } from 'node:zlib';

/**
 * A generated fleet for the report benchmark: devices, links and services in a configuration,
 * and a period of 5-minute rollups for them as the agent's continuous query writes them
 * (rp `rollup`, fields `last_*` / `mean_*`, see docs/metrics.md), with known outages and
 * saturated links so every table of the report has rows.
 */
export interface Fleet {
  devices: number;
  links: number;
  services: number;
  agencies: number;
}

const STEP = 300_000;
const WIB = 7 * 3600_000;
const pad = (n: number) => String(n).padStart(4, '0');
export const deviceId = (i: number) => `d${pad(i)}`;
export const linkId = (i: number) => `l${pad(i)}`;
const agencyOf = (i: number, f: Fleet) => `opd${pad(i % f.agencies)}`;
/** Each agency's first device is its router, the parent of the agency's other devices. */
const routerOf = (i: number, f: Fleet) => i % f.agencies;

/** Devices with a known outage: every 25th from d0003, 2 h (02:00-04:00 UTC) on a day set by its number. */
export const outageStart = (i: number, from: number, days: number) =>
  from + ((i * 7) % days) * 86_400_000 + 2 * 3600_000;
export const OUTAGE_MS = 2 * 3600_000;

export function fleetConfig(f: Fleet, influxUrl: string): Record<string, unknown> {
  const kinds = ['router', 'switch', 'server'] as const;
  return {
    organisation: { name: 'Diskominfo Kabupaten Bench' },
    influx: { url: influxUrl, database: 'noc', timeoutSeconds: 60 },
    agencies: Array.from({ length: f.agencies }, (_, i) => ({ id: `opd${pad(i)}`, name: `Dinas ${i}` })),
    sites: [{ id: 'pd', name: 'Pusat Data' }],
    devices: Array.from({ length: f.devices }, (_, i) => ({
      id: deviceId(i),
      kind: i < f.agencies ? 'router' : kinds[i % 3],
      site: 'pd',
      agency: agencyOf(i, f),
      parents: i < f.agencies ? [] : [deviceId(routerOf(i, f))],
      criticality: i % 10 === 0 ? 'Strategis' : 'Rendah',
      ...(i % 2 ? { snmp: { version: '2c', community: 'x' } } : {}),
    })),
    links: Array.from({ length: f.links }, (_, i) => ({
      id: linkId(i),
      device: deviceId(i % f.devices),
      interface: `ether${Math.floor(i / f.devices) + 1}`,
      kind: i < 4 ? 'isp' : 'intra',
      committedRate: { mbps: i < 4 ? 200 : 100, source: 'Kontrak 2025' },
      ...(i < 4
        ? {
            contract: {
              availabilityPercent: 99.5,
              latencyMs: 20,
              lossPercent: 1,
              source: 'Kontrak ISP 2025',
            },
          }
        : {}),
    })),
    services: Array.from({ length: f.services }, (_, i) => ({
      id: `svc${pad(i)}`,
      name: `Layanan ${i}`,
      urls: [`https://svc${i}.bench.go.id/`],
      devices: [deviceId(f.agencies + i)],
      availabilityTarget: { percent: 99.9, source: 'SLA 2025' },
    })),
  };
}

/** Rates of link i at time t: a working-hours plateau; every 10th link capped below its commitment. */
function rates(i: number, t: number): [number, number] {
  const hour = new Date(t + WIB).getUTCHours();
  const busy = hour >= 8 && hour < 16;
  const committed = (i < 4 ? 200 : 100) * 1e6;
  if (i % 10 === 5) return [busy ? 0.8 * committed : 0.2 * committed, 0.1 * committed];
  const wobble = ((t / STEP + i * 13) % 17) / 17;
  return [Math.round((busy ? 0.5 : 0.1) * committed * (0.8 + 0.4 * wobble)), Math.round(0.05 * committed)];
}

/**
 * One 5-minute slot of every series (plus the daily inventory and system snapshots); with
 * `small`, only the few series besides ping and interface (websites, agent, snapshots).
 */
export function slotLines(
  f: Fleet,
  t: number,
  from: number,
  days: number,
  out: string[],
  opts: { small?: boolean } = {},
): void {
  if (!opts.small) bigSeries(f, t, from, days, out);
  smallSeries(f, t, from, out);
}

function bigSeries(f: Fleet, t: number, from: number, days: number, out: string[]): void {
  const down = new Set<number>();
  for (let i = 3; i < f.devices; i += 25) {
    const o = outageStart(i, from, days);
    if (t >= o && t < o + OUTAGE_MS) down.add(i);
  }
  const routerDown = (i: number) => down.has(routerOf(i, f));
  for (let i = 0; i < f.devices; i++) {
    const up = !down.has(i) && !routerDown(i);
    out.push(
      `ping,agency=${agencyOf(i, f)},device=${deviceId(i)},site=pd last_up=${up},mean_loss_percent=${up ? 0 : 100},mean_rtt_avg_ms=${up ? 3 : 0} ${t}`,
    );
  }
  for (let i = 0; i < f.links; i++) {
    const [inBps, outBps] = rates(i, t);
    const up = !down.has(i % f.devices) ? 1 : 2;
    out.push(
      `interface,device=${deviceId(i % f.devices)},ifName=ether${Math.floor(i / f.devices) + 1},link=${linkId(i)} last_ifOperStatus=${up},last_ifHighSpeed=1000,mean_in_bps=${inBps},mean_out_bps=${outBps} ${t}`,
    );
  }
}

function smallSeries(f: Fleet, t: number, from: number, out: string[]): void {
  for (let i = 0; i < f.services; i++)
    out.push(
      `http,service=svc${pad(i)},url=https://svc${i}.bench.go.id/ last_up=true,last_cert_days_left=${20 + i} ${t}`,
    );
  out.push(`noc_agent last_uptime_seconds=${(t - from) / 1000} ${t}`);
  if ((t + WIB) % 86_400_000 === 0) {
    for (let i = 0; i < f.devices; i++) out.push(`inventory,device=${deviceId(i)} last_present=true ${t}`);
    for (let i = 0; i < f.agencies; i++)
      out.push(
        `system,device=${deviceId(i)} last_sysDescr="RouterOS 7.${t - from < 150 * 86_400_000 ? 14 : 16}" ${t}`,
      );
  }
}

/**
 * Writes [from, to) into rp `rollup` in gzipped batches of ~batchLines lines, `parallel` requests
 * in flight (InfluxDB 1.x takes Content-Encoding: gzip on /write). Returns lines and bytes sent.
 */
export async function loadFleet(
  url: string,
  f: Fleet,
  from: number,
  to: number,
  opts: { batchLines: number; parallel: number; onBatch?: (t: number) => void },
): Promise<{ lines: number; gzBytes: number }> {
  let lines = 0;
  let gzBytes = 0;
  const inflight = new Set<Promise<void>>();
  const send = async (body: Buffer) => {
    const res = await fetch(`${url}/write?db=noc&rp=rollup&precision=ms`, {
      method: 'POST',
      headers: { 'Content-Encoding': 'gzip' },
      body,
    });
    if (res.status !== 204) throw new Error(`InfluxDB write ${res.status}: ${await res.text()}`);
  };
  let batch: string[] = [];
  for (let t = from; t < to; t += STEP) {
    slotLines(f, t, from, Math.round((to - from) / 86_400_000), batch);
    if (batch.length >= opts.batchLines || t + STEP >= to) {
      const body = gzipSync(batch.join('\n'), { level: 1 });
      lines += batch.length;
      gzBytes += body.length;
      batch = [];
      const p = send(body).finally(() => inflight.delete(p));
      inflight.add(p);
      if (inflight.size >= opts.parallel) await Promise.race(inflight);
      opts.onBatch?.(t);
    }
  }
  await Promise.all(inflight);
  return { lines, gzBytes };
}
