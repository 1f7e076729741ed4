/** The vocabulary of alerting: rules, observations, incidents. Pure data, no I/O. */

export type Severity = 'kritis' | 'tinggi' | 'sedang' | 'rendah';
export type Scalar = number | boolean | string;
export type Operator = '>' | '>=' | '<' | '<=' | '==' | '!=';
export type DeviceKind = 'router' | 'switch' | 'server' | 'ups' | 'pdu' | 'sensor' | 'other';

/** Helpdesk priority from severity: 1 is the most urgent (GLPI/Zammad map it further). */
export const PRIORITY: Record<Severity, number> = { kritis: 1, tinggi: 2, sedang: 3, rendah: 4 };

export interface Scope {
  kinds?: DeviceKind[];
  sites?: string[];
  agencies?: string[];
  devices?: string[];
  tags?: string[];
  linkKinds?: ('isp' | 'intra' | 'uplink')[];
  responsibility?: 'dinas' | 'opd';
}

/** A rule with every default filled in (built-in merged with its config override). */
export interface Rule {
  id: string;
  enabled: boolean;
  kind: 'threshold' | 'event' | 'error';
  measurement: string;
  fields: string[];
  operator: Operator;
  value: Scalar;
  clear?: Scalar;
  valueFrom?: 'link.warningPercent' | 'link.criticalPercent';
  forSeconds: number;
  count: number;
  severity: Severity;
  where: Record<string, string>;
  when: Record<string, Scalar>;
  scope: Scope;
  subject: string[];
  event?: string;
  clearAfterSeconds?: number;
  /** Ticket title templates: {device}, {subject}, {value}, {threshold}. */
  title: { id: string; en: string };
  source?: string;
}

/** One evaluation of one rule against one sample (or event, or collection error). */
export interface Observation {
  key: string;
  rule: string;
  device: string;
  subject: string;
  time: number;
  /** true: past the threshold; false: back past the clear threshold; null: in between. */
  breached: boolean | null;
  value: Scalar;
  threshold: Scalar;
  /** The field the worst value came from. */
  field: string;
}

export type IncidentState = 'firing' | 'acknowledged' | 'resolved';

/** Why an incident has no ticket of its own. */
export type Suppression = 'parent' | 'maintenance' | 'device-down';

export interface Incident {
  id: string;
  key: string;
  rule: string;
  device: string;
  subject: string;
  severity: Severity;
  state: IncidentState;
  flapping: boolean;
  /** When the condition first held (start of pending): the outage start. */
  startedAt: number;
  firedAt: number;
  ackedAt?: number;
  ackedBy?: string;
  resolvedAt?: number;
  value: Scalar;
  threshold: Scalar;
  field: string;
  suppressed?: Suppression;
  /** Root-cause incident when suppressed because of a parent. */
  parentIncident?: string;
  /** Tickets requested (outbox rows exist) — set once, never unset. */
  ticketed: boolean;
  /** Escalation steps already taken (0 = initial assignment). */
  escalationLevel: number;
  lastReminderAt?: number;
  /** Assignment decided at ticket time (the current one after escalation). */
  route?: Route;
  /** Connectors the ticket went to; follow-ups and the close go to the same ones. */
  connectors?: string[];
  /** Root cause incidents: what this outage takes down (itself first). */
  affected?: { devices: string[]; agencies: string[]; services: string[] };
  /** The acknowledged state was written to InfluxDB (the CLI cannot reach the writer). */
  ackRecorded?: boolean;
  title: string;
}

export interface Route {
  tier: 1 | 2;
  team: string;
  teamName: string;
  helpdeskGroup?: string | number;
  contact?: { name: string; email?: string; phone?: string };
  notify: string[];
}
