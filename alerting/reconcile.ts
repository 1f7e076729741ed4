import type { NocConfig } from '../config/load';
import { affectedBy, Reach, rootCause, Topology, waitForParents } from './dependencies';
import { dueEscalation, escalationLadder, routeFor } from './routing';
import type { TicketMessage } from './text';
import type { Incident, Severity } from './types';
import { languageOf } from './view';

const UNREACHABLE = 'device-unreachable';

export interface ReconcileContext {
  config: NocConfig;
  topo: Topology;
  reach(device: string): Reach;
  /** The open device-unreachable incident of a device, if any. */
  openIncidentOf(device: string): string | undefined;
  downDevices(): string[];
  inMaintenance(device: string): boolean;
  connectors: { id: string; role: 'ticket' | 'notify'; severities?: Severity[] }[];
}

export interface Reconciled {
  incident: Incident;
  changed: boolean;
  messages: { action: TicketMessage['action']; step: string; note?: string }[];
}

/**
 * What an open incident should be now, pure: suppressed (parent down, device down, in
 * maintenance), waiting (parents pending, hold), or ticketed; and, once ticketed, which
 * follow-ups are due (affected devices grew, escalation, reminder). Called on every change and
 * every tick, so a maintenance window ending or a parent recovering gets the ticket out.
 */
export function reconcile(i: Incident, now: number, ctx: ReconcileContext): Reconciled {
  let inc: Incident = { ...i };
  const messages: Reconciled['messages'] = [];
  const id = languageOf(ctx.config) === 'id';
  const parents = ctx.topo.parents.get(i.device) ?? [];

  if (inc.state === 'acknowledged' && !inc.ackRecorded) inc.ackRecorded = true;
  if (inc.state === 'resolved') return done(i, inc, messages);

  if (!inc.ticketed) {
    const suppress = (why: Incident['suppressed'], parent?: string) => {
      inc = { ...inc, suppressed: why, parentIncident: parent };
      return done(i, inc, messages);
    };
    if (inc.rule === UNREACHABLE) {
      const root = rootCause(inc.device, ctx.reach, ctx.topo);
      if (root) return suppress('parent', ctx.openIncidentOf(root));
      if (waitForParents(inc.device, ctx.reach, ctx.topo)) return done(i, inc, messages);
      const holdMs = ctx.config.alerting.dependencyHoldSeconds * 1000;
      if (parents.length && now - inc.firedAt < holdMs) return done(i, inc, messages);
    } else if (ctx.reach(inc.device) === 'down') return suppress('device-down');
    // Failing ping not yet confirmed: if the device is going down, this is not its own ticket.
    else if (ctx.reach(inc.device) === 'pending') return done(i, inc, messages);
    if (ctx.inMaintenance(inc.device)) return suppress('maintenance');

    const device = ctx.config.devices.find((d) => d.id === inc.device);
    const agency = ctx.config.agencies.find((a) => a.id === device?.agency);
    const route = routeFor(device, agency, ctx.config.alerting.routing);
    const connectors = [
      ...ctx.connectors
        .filter((c) => c.role === 'ticket' && (!c.severities || c.severities.includes(inc.severity)))
        .map((c) => c.id),
      ...route.notify.filter((n) => ctx.connectors.some((c) => c.id === n)),
    ];
    inc = {
      ...inc,
      suppressed: undefined,
      parentIncident: undefined,
      route,
      connectors: [...new Set(connectors)],
      ticketed: true,
    };
    if (inc.rule === UNREACHABLE) inc.affected = affectedOf(inc.device, ctx);
    messages.push({ action: 'open', step: 'open' });
    return done(i, inc, messages);
  }

  if (inc.rule === UNREACHABLE) {
    const affected = affectedOf(inc.device, ctx);
    const before = inc.affected?.devices ?? [inc.device];
    const added = affected.devices.filter((d) => !before.includes(d));
    if (added.length) {
      inc = { ...inc, affected: { ...affected, devices: [...new Set([...before, ...affected.devices])] } };
      const note = id
        ? `Perangkat terdampak bertambah: ${added.join(', ')}`
        : `More devices affected: ${added.join(', ')}`;
      messages.push({ action: 'update', step: `affected:${inc.affected!.devices.length}`, note });
    }
  }

  const device = ctx.config.devices.find((d) => d.id === inc.device);
  const routing = ctx.config.alerting.routing;
  const first = routeFor(
    device,
    ctx.config.agencies.find((a) => a.id === device?.agency),
    routing,
  );
  const due = dueEscalation(inc, escalationLadder(first, device, routing), routing.repeatMinutes, now);
  if (due?.type === 'escalate') {
    const r = due.step.route;
    inc = { ...inc, route: r, escalationLevel: due.step.level, lastReminderAt: now };
    const minutes = Math.round((now - inc.firedAt) / 60_000);
    const note = id
      ? `Dieskalasi ke ${r.teamName} (Tier ${r.tier}): belum diterima setelah ${minutes} menit`
      : `Escalated to ${r.teamName} (Tier ${r.tier}): not acknowledged after ${minutes} min`;
    messages.push({ action: 'update', step: `escalate:${due.step.level}`, note });
  } else if (due?.type === 'remind') {
    inc = { ...inc, lastReminderAt: now };
    const note = id
      ? 'Pengingat: gangguan masih berlangsung dan belum diterima'
      : 'Reminder: still failing and not acknowledged';
    messages.push({ action: 'update', step: `remind:${now}`, note });
  }
  return done(i, inc, messages);
}

function affectedOf(root: string, ctx: ReconcileContext) {
  const children = ctx.downDevices().filter((d) => d !== root && rootCause(d, ctx.reach, ctx.topo) === root);
  return affectedBy(root, children, ctx.topo);
}

function done(before: Incident, after: Incident, messages: Reconciled['messages']): Reconciled {
  return {
    incident: after,
    changed: messages.length > 0 || JSON.stringify(before) !== JSON.stringify(after),
    messages,
  };
}
