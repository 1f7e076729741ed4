import type { Sample } from '../agent/sample';
import type { NocConfig } from '../config/load';
import type { AlertStore } from './store';
import { grafanaLink, Language, renderMessage, TicketMessage, TicketView } from './text';
import { Incident, PRIORITY } from './types';

/**
 * Turning an incident into what leaves the process: the ticket view and messages (queued in
 * the outbox) and the `incident` sample for Grafana annotations and availability. Shared by the
 * daemon and the CLI (`noc ack` queues its follow-up itself).
 */

export function languageOf(config: NocConfig): Language {
  return config.alerting.language ?? config.organisation.language;
}

export function buildView(i: Incident, config: NocConfig, test = false): TicketView {
  const device = config.devices.find((d) => d.id === i.device);
  const agency = config.agencies.find((a) => a.id === device?.agency);
  const route = i.route ?? { tier: 2 as const, team: '-', teamName: '-', notify: [] };
  const end = i.resolvedAt;
  return {
    incidentId: i.id,
    rule: i.rule,
    title: i.title,
    severity: i.severity,
    priority: PRIORITY[i.severity],
    category: 'Gangguan',
    device: i.device,
    deviceName: device?.name ?? i.device,
    kind: device?.kind,
    site: device?.site,
    agency: agency?.id,
    agencyName: agency?.name,
    team: route.team,
    teamName: route.teamName,
    tier: route.tier,
    helpdeskGroup: route.helpdeskGroup,
    contact: route.contact,
    evidence: { field: i.field, value: i.value, threshold: i.threshold },
    affected: i.affected ?? { devices: [i.device], agencies: agency ? [agency.id] : [], services: [] },
    startedAt: i.startedAt,
    resolvedAt: end,
    durationSeconds: end !== undefined ? Math.round((end - i.startedAt) / 1000) : undefined,
    flapping: i.flapping,
    grafanaLink: grafanaLink(config.alerting.grafanaUrl, i.device, i.startedAt, end),
    test,
  };
}

export function messageFor(
  i: Incident,
  config: NocConfig,
  action: TicketMessage['action'],
  note?: string,
  test = false,
): TicketMessage {
  return renderMessage(
    action,
    buildView(i, config, test),
    languageOf(config),
    config.organisation.timezone,
    note,
  );
}

/**
 * Queues one message to every connector of the incident. The dedupe key makes a repeat of the
 * same step (after a restart, or from two processes) a no-op: each step is sent once.
 */
export function queueMessage(
  store: AlertStore,
  i: Incident,
  config: NocConfig,
  action: TicketMessage['action'],
  step: string,
  now: number,
  note?: string,
): number {
  let queued = 0;
  const msg = messageFor(i, config, action, note);
  for (const c of i.connectors ?? []) if (store.enqueue(`${i.id}:${c}:${step}`, c, msg, now)) queued++;
  return queued;
}

/** The `incident` measurement (docs/metrics.md): one point per state change. */
export function incidentSample(i: Incident, config: NocConfig, time: number): Sample {
  const device = config.devices.find((d) => d.id === i.device);
  const tags: Record<string, string> = {
    device: i.device,
    rule: i.rule,
    subject: i.subject,
    incident_id: i.id,
  };
  if (device) {
    tags.kind = device.kind;
    if (device.site) tags.site = device.site;
    if (device.agency) tags.agency = device.agency;
  }
  const fields: Sample['fields'] = {
    state: i.state,
    severity: i.severity,
    text: i.title,
    flapping: i.flapping,
    suppressed: i.suppressed ?? '',
    started_ms: i.startedAt,
  };
  if (i.state === 'resolved' && i.resolvedAt !== undefined)
    fields.duration_seconds = Math.round((i.resolvedAt - i.startedAt) / 1000);
  if (i.state === 'acknowledged' && i.ackedBy) fields.acked_by = i.ackedBy;
  return { measurement: 'incident', tags, fields, time };
}

/**
 * Acknowledge an incident (CLI or API): stops escalation, tells the helpdesk who took it.
 * Returns false when the incident does not exist or is already resolved/acknowledged.
 */
export function acknowledge(
  store: AlertStore,
  config: NocConfig,
  id: string,
  by: string,
  note: string | undefined,
  now: number,
): { ok: boolean; reason?: string } {
  return store.transaction(() => {
    const i = store.incident(id);
    if (!i) return { ok: false, reason: `insiden ${id} tidak ada / no such incident` };
    if (i.state !== 'firing') return { ok: false, reason: `insiden ${id} sudah ${i.state}` };
    const acked: Incident = { ...i, state: 'acknowledged', ackedAt: now, ackedBy: by, ackRecorded: false };
    store.saveIncident(acked);
    store.addAck(id, by, note, now);
    store.audit(by, 'ack', id, note, now);
    const lang = languageOf(config);
    const text =
      lang === 'id'
        ? `Diterima oleh ${by}${note ? `: ${note}` : ''}`
        : `Acknowledged by ${by}${note ? `: ${note}` : ''}`;
    if (acked.ticketed) queueMessage(store, acked, config, 'update', 'ack', now, text);
    return { ok: true };
  });
}
