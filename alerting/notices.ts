import type { NocConfig } from '../config/load';
import { MaintenanceWindow, occurrenceAt } from './maintenance';
import type { AlertStore } from './store';
import { Language, renderMessage, TicketView } from './text';

/**
 * The SOP's notice that maintenance starts and ends ("pemberitahuan pemeliharaan"), sent to the
 * connectors in `alerting.maintenanceNotice`. Each occurrence is one "ticket" of category
 * Pemeliharaan: opened when the window starts, closed when it ends. The outbox's dedupe keys
 * make each notice go once, across restarts too.
 */

export interface Notice {
  window: MaintenanceWindow;
  start: number;
  end: number;
  kind: 'start' | 'end';
}

export const noticeId = (w: MaintenanceWindow, start: number) => `MAINT-${w.id}-${start}`;

/**
 * Notices due at `now`: a start for the occurrence in progress, an end for an occurrence whose
 * start was announced (`announced`: ids of started occurrences) and which is over.
 */
export function dueNotices(
  windows: MaintenanceWindow[],
  now: number,
  announced: Map<string, number>,
  timezone: string,
): Notice[] {
  const due: Notice[] = [];
  for (const w of windows) {
    const occ = occurrenceAt(w, now, timezone);
    if (occ) due.push({ window: w, start: occ.start, end: occ.end, kind: 'start' });
  }
  for (const [id, end] of announced) {
    if (now < end) continue;
    const w = windows.find((x) => id.startsWith(`MAINT-${x.id}-`));
    if (w) due.push({ window: w, start: Number(id.slice(`MAINT-${w.id}-`.length)), end, kind: 'end' });
  }
  return due;
}

function noticeView(n: Notice, config: NocConfig, lang: Language): TicketView {
  const w = n.window;
  const object = w.device ?? w.site ?? w.agency ?? '';
  const device = config.devices.find((d) => d.id === w.device);
  return {
    incidentId: noticeId(w, n.start),
    rule: 'maintenance',
    title: `${device?.name ?? object}: ${w.reason}`,
    severity: 'rendah',
    priority: 4,
    category: 'Pemeliharaan',
    device: object,
    deviceName: device?.name ?? object,
    kind: device?.kind,
    team: 'noc',
    teamName: lang === 'id' ? 'NOC Diskominfo' : 'NOC',
    tier: 2,
    evidence: { field: 'maintenance', value: w.id, threshold: '' },
    affected: { devices: w.device ? [w.device] : [], agencies: w.agency ? [w.agency] : [], services: [] },
    startedAt: n.start,
    resolvedAt: n.kind === 'end' ? n.end : undefined,
    durationSeconds: n.kind === 'end' ? Math.round((n.end - n.start) / 1000) : undefined,
    flapping: false,
    test: false,
  };
}

/** Queues the due notices; returns how many messages were queued. */
export function queueNotices(
  store: AlertStore,
  config: NocConfig,
  windows: MaintenanceWindow[],
  now: number,
  lang: Language,
): number {
  const connectors = config.alerting.maintenanceNotice;
  if (connectors.length === 0) return 0;
  const announced = new Map<string, number>();
  for (const row of store.noticeStarts()) announced.set(row.id, row.end);
  let queued = 0;
  for (const n of dueNotices(windows, now, announced, config.organisation.timezone)) {
    const msg = renderMessage(
      n.kind === 'start' ? 'open' : 'close',
      noticeView(n, config, lang),
      lang,
      config.organisation.timezone,
    );
    for (const c of connectors)
      if (store.enqueue(`${msg.view.incidentId}:${c}:${n.kind}`, c, msg, now)) queued++;
    if (n.kind === 'start') store.noticeStarted(msg.view.incidentId, n.end);
    else store.noticeEnded(msg.view.incidentId);
  }
  return queued;
}
