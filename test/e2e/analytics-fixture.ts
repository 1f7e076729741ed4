/**
 * A generated year (2025, WIB) of 5-minute rollup data with known outages, a maintenance window,
 * a monitoring gap, saturated periods and a link capped below its committed rate. Every figure
 * the service-level tests expect is computed by hand from the events listed here.
 */
export const wib = (s: string) => Date.parse(`${s}+07:00`);
export const YEAR_FROM = wib('2025-01-01T00:00:00');
export const YEAR_TO = wib('2026-01-01T00:00:00');
const STEP = 300_000;
const Mb = 1e6;

type Range = [string, string];
/** Ranges parsed once: the generator calls this 7 times for each of 105,120 slots. */
const parsed = new Map<Range[], [number, number][]>();
function inside(t: number, ranges: Range[]): boolean {
  let ms = parsed.get(ranges);
  if (!ms) parsed.set(ranges, (ms = ranges.map(([a, b]) => [wib(a), wib(b)])));
  return ms.some(([a, b]) => t >= a && t < b);
}

/** Down periods (rollup samples with last_up = false), WIB. */
export const EVENTS = {
  coreDown: [['2025-02-05T10:00:00', '2025-02-05T10:30:00']] as Range[],
  setdaDown: [
    ['2025-02-05T10:00:00', '2025-02-05T10:45:00'], // first 30 min: the core (its parent) was down
    ['2025-03-10T22:00:00', '2025-03-10T22:40:00'], // inside the maintenance window 22:00-23:00
    ['2025-10-12T08:00:00', '2025-10-12T09:00:00'],
  ] as Range[],
  rsudDown: [
    ['2025-05-01T10:00:00', '2025-05-01T11:00:00'], // before it was added (2025-07-01): not counted
    ['2025-11-03T14:00:00', '2025-11-03T14:20:00'],
  ] as Range[],
  /** srv-rsud sends nothing: "tidak terpantau". */
  rsudGap: [['2025-10-20T00:00:00', '2025-10-20T02:00:00']] as Range[],
  /** No SNMP data from the core's interfaces while the core is unreachable. */
  interfaceGap: [['2025-02-05T10:00:00', '2025-02-05T10:30:00']] as Range[],
  isp1Down: [['2025-10-07T03:00:00', '2025-10-07T03:10:00']] as Range[],
  portalADown: [
    ['2025-08-01T12:00:00', '2025-08-01T12:15:00'],
    ['2025-11-03T14:00:00', '2025-11-03T14:20:00'], // srv-rsud (its device) down: parent-caused
  ] as Range[],
  portalBDown: [
    ['2025-08-01T12:10:00', '2025-08-01T12:30:00'],
    ['2025-11-03T14:00:00', '2025-11-03T14:20:00'],
  ] as Range[],
  isp1Saturated: [['2025-10-15T09:00:00', '2025-10-15T11:00:00']] as Range[],
};

/** Local hour of day in WIB. */
const hourOf = (t: number) => Math.floor(((t + 7 * 3_600_000) % 86_400_000) / 3_600_000);

/** isp-1: 20 Mbps, 60 Mbps 10:00-13:00 daily, 98 Mbps (saturated, reaches its 100) on 15 Oct 09-11. */
function isp1In(t: number): number {
  if (inside(t, EVENTS.isp1Down)) return 0;
  if (inside(t, EVENTS.isp1Saturated)) return 98 * Mb;
  const h = hourOf(t);
  return h >= 10 && h < 13 ? 60 * Mb : 20 * Mb;
}

/** isp-2: 30 Mbps, flat at 80 Mbps 10:00-13:00 daily: demand pressed against a cap below 100. */
function isp2In(t: number): number {
  const h = hourOf(t);
  return h >= 10 && h < 13 ? 80 * Mb : 30 * Mb;
}

export function* yearLines(): Generator<string> {
  for (let t = YEAR_FROM; t < YEAR_TO; t += STEP) {
    const up = (ranges: Range[]) => !inside(t, ranges);
    yield `ping,device=core last_up=${up(EVENTS.coreDown)},mean_rtt_avg_ms=12.5,mean_loss_percent=0.5 ${t}`;
    yield `ping,device=rtr-setda,agency=setda,site=kantor last_up=${up(EVENTS.setdaDown)},mean_rtt_avg_ms=3,mean_loss_percent=0 ${t}`;
    if (!inside(t, EVENTS.rsudGap))
      yield `ping,device=srv-rsud,agency=rsud,site=pusatdata last_up=${up(EVENTS.rsudDown)},mean_rtt_avg_ms=1,mean_loss_percent=0 ${t}`;
    if (!inside(t, EVENTS.interfaceGap)) {
      const i1 = isp1In(t);
      const i2 = isp2In(t);
      yield `interface,device=core,link=isp-1,ifName=ether1 last_ifOperStatus=${up(EVENTS.isp1Down) ? 1 : 2},mean_in_bps=${i1},mean_out_bps=${i1 / 2},last_ifHighSpeed=1000 ${t}`;
      yield `interface,device=core,link=isp-2,ifName=ether2 last_ifOperStatus=1,mean_in_bps=${i2},mean_out_bps=${i2 / 2},last_ifHighSpeed=1000 ${t}`;
    }
    yield `http,service=portal,url=https://a.example/ last_up=${up(EVENTS.portalADown)} ${t}`;
    yield `http,service=portal,url=https://b.example/ last_up=${up(EVENTS.portalBDown)} ${t}`;
  }
}

export function configYaml(url: string, language: 'id' | 'en' = 'id'): string {
  return `
organisation: { name: Diskominfo Uji, timezone: Asia/Jakarta, language: ${language} }
influx: { url: "${url}", database: noc, retention: { rawDays: 30 } }
agencies:
  - { id: setda, name: Sekretariat Daerah }
  - { id: rsud, name: RSUD Kabupaten }
sites:
  - { id: pusatdata, name: Pusat Data }
  - { id: kantor, name: Kantor Pemda }
racks:
  - id: R1
    site: pusatdata
    heightU: 42
    feeds:
      - { id: A, side: A, voltage: 230, amperage: 16, maxUtilisationPercent: 80, device: pdu-a, source: SOP }
      - { id: B, side: B, voltage: 230, amperage: 16, maxUtilisationPercent: 80, device: pdu-b, source: SOP }
  - id: R2
    site: pusatdata
    heightU: 4
    feeds:
      - { id: A, side: A, voltage: 230, amperage: 10, maxUtilisationPercent: 80, source: SOP }
devices:
  - { id: core, kind: router, site: pusatdata, added: 2024-01-01 }
  - { id: rtr-setda, kind: router, agency: setda, site: kantor, parents: [core] }
  - id: srv-rsud
    kind: server
    agency: rsud
    site: pusatdata
    added: 2025-07-01
    position: { rack: R1, u: 10, heightU: 2 }
    feeds: [A, B]
    watts: { nameplate: 500, allocated: 400 }
  - { id: pdu-a, kind: pdu, site: pusatdata, position: { rack: R1, u: 1 } }
  - { id: pdu-b, kind: pdu, site: pusatdata, position: { rack: R1, u: 2 } }
  - { id: ups-1, kind: ups, site: pusatdata }
links:
  - id: isp-1
    device: core
    interface: ether1
    kind: isp
    provider: ISP Satu
    committedRate: { mbps: 100, source: Kontrak ISP 2025 }
    contract: { availabilityPercent: 99.9, latencyMs: 20, lossPercent: 1, source: Kontrak ISP 2025 }
  - id: isp-2
    device: core
    interface: ether2
    kind: isp
    committedRate: { mbps: 100, source: Kontrak ISP 2025 }
services:
  - id: portal
    name: Portal Pemda
    urls: [https://a.example/, https://b.example/]
    devices: [srv-rsud]
    agency: rsud
    availabilityTarget: { percent: 99.5, source: SLA 2025 }
alerting:
  maintenance:
    - { id: ganti-router, device: rtr-setda, from: "2025-03-10T22:00:00+07:00", to: "2025-03-10T23:00:00+07:00", reason: Penggantian router }
`;
}
