import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { demoConfig } from '../../agent/lab/demo-config';
import { startInfluxd } from '../../agent/lab/influxd';
import { parseConfig } from '../../config/load';
import { runReport } from '../../reports/run';

/**
 * The sample report in docs/sample-report/: one generated day (30 November 2026, WIB) of raw
 * samples shaped like the demo lab's devices (`noc demo`: core router, distribution switch, web
 * server, UPS, PDU and an agency router on the RouterOS API) every 10 s, with a core-router
 * outage (its children are not charged), a server outage, an agent restart (a data gap), a
 * reboot and a firmware change. `npm run build && node dist/bench/report/sample.js [OUT]`.
 */
const DAY = Date.parse('2026-11-30T00:00:00+07:00');
const END = DAY + 86_400_000;
const STEP = 10_000;
const at = (hhmm: string) => Date.parse(`2026-11-30T${hhmm}:00+07:00`);
const CORE_DOWN = [at('10:15'), at('10:25')];
const WEB_DOWN = [at('14:00'), at('14:07')];
const AGENT_GAP = [at('03:00'), at('04:00')];
const inside = (t: number, w: number[]) => t >= w[0] && t < w[1];

function* day(): Generator<string> {
  const devices = ['core-router', 'dist-switch', 'srv-web01', 'ups-demo', 'pdu-r01-a'];
  for (let t = DAY; t < END; t += STEP) {
    if (inside(t, AGENT_GAP)) continue;
    const coreUp = !inside(t, CORE_DOWN);
    for (const d of devices) {
      // The UPS and PDU hang off the management switch, not the core router.
      const up =
        d === 'ups-demo' || d === 'pdu-r01-a' ? true : coreUp && (d !== 'srv-web01' || !inside(t, WEB_DOWN));
      yield `ping,device=${d},site=pusatdata up=${up},loss_percent=${up ? 0 : 100}${up ? ',rtt_avg_ms=0.4' : ''} ${t}`;
    }
    const hour = new Date(t + 7 * 3600_000).getUTCHours();
    const busy = hour >= 8 && hour < 16;
    // The ISP link saturates at 95 Mbit/s (under its 100 committed) from 09:00 to 12:00.
    const inBps = hour >= 9 && hour < 12 ? 95e6 : busy ? 60e6 + (t % 7) * 1e6 : 12e6;
    yield `interface,device=core-router,ifName=ether1,link=isp-demo ifOperStatus=${coreUp ? 1 : 2},ifHighSpeed=1000,in_bps=${inBps},out_bps=${inBps / 5} ${t}`;
    const webUp = coreUp && !inside(t, WEB_DOWN);
    yield `http,service=portal-demo,url=http://127.0.0.1:9310/healthz up=${webUp},cert_days_left=21 ${t}`;
    if (t % 60_000 === 0) {
      yield `noc_agent uptime_seconds=${(t - (t > AGENT_GAP[1] ? AGENT_GAP[1] : DAY)) / 1000} ${t}`;
      yield `ups,device=ups-demo load_percent=${34 + (t % 3)},runtime_minutes=42,output_watts=910 ${t}`;
      yield `pdu,device=pdu-r01-a,scope=device,index=1 power_watts=1180 ${t}`;
    }
  }
  for (const d of [...devices, 'rtr-dinkes']) yield `inventory,device=${d} present=true ${at('00:05')}`;
  yield `system,device=core-router sysDescr="RouterOS 7.15.3 CCR2004-1G-12S+2XS" ${at('00:00')}`;
  yield `system,device=core-router sysDescr="RouterOS 7.16.1 CCR2004-1G-12S+2XS" ${at('10:30')}`;
  yield `event,device=core-router,type=reboot text="Perangkat core-router dinyalakan ulang" ${CORE_DOWN[1]}`;
  yield `event,device=srv-web01,type=reboot text="Perangkat srv-web01 dinyalakan ulang" ${WEB_DOWN[1]}`;
}

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'docs/sample-report');
  const dir = mkdtempSync(join(tmpdir(), 'noc-sample-'));
  const influx = await startInfluxd(join(dir, 'influx'));
  try {
    for (const q of [
      'CREATE DATABASE noc',
      'CREATE RETENTION POLICY raw ON noc DURATION 30d REPLICATION 1 DEFAULT',
    ])
      await fetch(`${influx.url}/query`, { method: 'POST', body: new URLSearchParams({ q }) });
    let batch: string[] = [];
    const flush = async () => {
      const res = await fetch(`${influx.url}/write?db=noc&precision=ms`, {
        method: 'POST',
        body: batch.join('\n'),
      });
      if (res.status !== 204) throw new Error(`write ${res.status}: ${await res.text()}`);
      batch = [];
    };
    for (const l of day()) {
      batch.push(l);
      if (batch.length >= 20_000) await flush();
    }
    await flush();
    const lab = (id: string, kind: 'router' | 'switch' | 'server' | 'ups' | 'pdu', port: number) => ({
      id,
      kind,
      port,
      community: 'demo-lab',
    });
    const yaml = stringify(
      demoConfig({
        dataDir: join(dir, 'data'),
        influxUrl: influx.url,
        statusPort: 9310,
        devices: [
          lab('core-router', 'router', 16101),
          lab('dist-switch', 'switch', 16102),
          lab('srv-web01', 'server', 16103),
          lab('ups-demo', 'ups', 16104),
          lab('pdu-r01-a', 'pdu', 16105),
        ],
        routeros: { id: 'rtr-dinkes', port: 18728, username: 'noc', password: 'demo' },
      }),
    );
    const loaded = parseConfig(yaml, { baseDir: dir, env: {} });
    if (!loaded.config) throw new Error(JSON.stringify(loaded.problems));
    rmSync(out, { recursive: true, force: true });
    await runReport(loaded.config, {
      kind: 'audit',
      from: '2026-11-30',
      to: '2026-11-30',
      formats: ['pdf', 'json'],
      lang: 'id',
      outDir: out,
      now: Date.parse('2026-12-01T08:00:00+07:00'),
    });
    console.log(out);
  } finally {
    await influx.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
