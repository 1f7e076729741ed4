import type { AlertingSchema } from '../config/schema/alerting';
import type { Incident, Route } from './types';

/**
 * Who gets an incident, pure. The Dinas answers for the WAN up to each agency's router, the
 * Pusat Data and the uplinks: its gear goes straight to the Tier-2 team by kind (Infrastruktur
 * for network gear, Data Center for servers, UPS, PDU and room sensors). Agency LAN gear goes to
 * the agency's own Tier-1 technician and escalates to Tier 2 when nobody acknowledges in time.
 */

type Routing = AlertingSchema['routing'];

export interface RoutableDevice {
  kind: string;
  responsibility: 'dinas' | 'opd';
  agency?: string;
}

export interface RoutableAgency {
  id: string;
  name: string;
  tier1?: { name: string; email?: string; phone?: string };
}

const DATACENTER_KINDS = new Set(['server', 'ups', 'pdu', 'sensor']);

export function tier2Team(device: RoutableDevice | undefined, routing: Routing): string {
  return device && DATACENTER_KINDS.has(device.kind) ? routing.dinas.datacenter : routing.dinas.network;
}

function teamRoute(teamId: string, routing: Routing): Route {
  const team = routing.teams.find((t) => t.id === teamId);
  return {
    tier: 2,
    team: teamId,
    teamName: team?.name ?? teamId,
    helpdeskGroup: team?.helpdeskGroup,
    contact: team?.email ? { name: team.name, email: team.email } : undefined,
    notify: team?.notify ?? [],
  };
}

/** The first assignment of an incident on this device. */
export function routeFor(
  device: RoutableDevice | undefined,
  agency: RoutableAgency | undefined,
  routing: Routing,
): Route {
  if (device?.responsibility === 'opd' && agency?.tier1) {
    return {
      tier: 1,
      team: `tier1-${agency.id}`,
      teamName: `Tier 1 ${agency.name}`,
      contact: agency.tier1,
      notify: [],
    };
  }
  return teamRoute(tier2Team(device, routing), routing);
}

export interface EscalationStep {
  level: number;
  route: Route;
  reason: 'tier2' | 'step';
}

/**
 * The escalation ladder after the first assignment: Tier 1 -> the Tier-2 team after
 * tier1AckMinutes, then each configured step. Levels count from 1.
 */
export function escalationLadder(
  first: Route,
  device: RoutableDevice | undefined,
  routing: Routing,
): { afterMs: number; step: EscalationStep }[] {
  const ladder: { afterMs: number; step: EscalationStep }[] = [];
  if (first.tier === 1)
    ladder.push({
      afterMs: routing.tier1AckMinutes * 60_000,
      step: { level: 0, route: teamRoute(tier2Team(device, routing), routing), reason: 'tier2' },
    });
  for (const s of routing.steps)
    ladder.push({
      afterMs: s.afterMinutes * 60_000,
      step: { level: 0, route: teamRoute(s.team, routing), reason: 'step' },
    });
  ladder.sort((a, b) => a.afterMs - b.afterMs);
  return ladder.map((l, i) => ({ ...l, step: { ...l.step, level: i + 1 } }));
}

export type EscalationAction = { type: 'escalate'; step: EscalationStep } | { type: 'remind' };

/**
 * What is due for an unacknowledged incident at `now`: the next escalation step whose time has
 * come, else a reminder when repeatMinutes have passed since the last message.
 */
export function dueEscalation(
  incident: Pick<Incident, 'state' | 'firedAt' | 'escalationLevel' | 'lastReminderAt' | 'ticketed'>,
  ladder: { afterMs: number; step: EscalationStep }[],
  repeatMinutes: number,
  now: number,
): EscalationAction | undefined {
  if (incident.state !== 'firing' || !incident.ticketed) return undefined;
  const next = ladder[incident.escalationLevel];
  if (next && now - incident.firedAt >= next.afterMs) return { type: 'escalate', step: next.step };
  const last = incident.lastReminderAt ?? incident.firedAt;
  if (repeatMinutes > 0 && now - last >= repeatMinutes * 60_000) return { type: 'remind' };
  return undefined;
}
