import { z } from 'zod';
import { id, secret } from './common';

/**
 * The `alerting` section: rules (overriding the built-in set by id), maintenance windows,
 * routing to Tier 1 / Tier 2 teams with escalation, and the helpdesk / notification connectors.
 * Cross-references (teams, connectors, devices, agencies, sites) are checked in
 * checkAlerting() below, called from config/checks.ts.
 */

export const severity = z.enum(['kritis', 'tinggi', 'sedang', 'rendah']);
const scalar = z.union([z.number(), z.boolean(), z.string()]);
const kind = z.enum(['router', 'switch', 'server', 'ups', 'pdu', 'sensor', 'other']);

/** Which devices/samples a rule applies to; every listed selector must match. */
const scope = z.strictObject({
  kinds: z.array(kind).optional(),
  sites: z.array(id).optional(),
  agencies: z.array(id).optional(),
  devices: z.array(id).optional(),
  /** The device carries all of these tags. */
  tags: z.array(z.string().min(1)).optional(),
  /** The sample is on a configured link of one of these kinds (tag `link`). */
  linkKinds: z.array(z.enum(['isp', 'intra', 'uplink'])).optional(),
  responsibility: z.enum(['dinas', 'opd']).optional(),
});

/**
 * A rule, or an override of a built-in rule with the same id (only the keys given replace the
 * built-in ones). A new rule needs measurement, field, operator, value and severity.
 */
const rule = z.strictObject({
  id,
  enabled: z.boolean().optional(),
  /** threshold: on samples; event: on events of `event` type; error: on failing collection. */
  kind: z.enum(['threshold', 'event', 'error']).optional(),
  measurement: z.string().min(1).optional(),
  /** One field or several (the worst of them counts, e.g. in/out utilisation). */
  field: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
  operator: z.enum(['>', '>=', '<', '<=', '==', '!=']).optional(),
  value: scalar.optional(),
  /** Hysteresis: the incident resolves only once the value is back past this one. */
  clear: scalar.optional(),
  /** Take the threshold from the link's configured utilisation target instead of `value`. */
  valueFrom: z.enum(['link.warningPercent', 'link.criticalPercent']).optional(),
  /** The condition must hold this long ... */
  forSeconds: z.number().min(0).optional(),
  /** ... and for this many consecutive samples. */
  count: z.number().int().min(1).optional(),
  severity: severity.optional(),
  /** Tag conditions on the sample; "*" means the tag must be present. */
  where: z.record(z.string(), z.string()).optional(),
  /** Field equality conditions on the same sample (e.g. ifAdminStatus: 1). */
  when: z.record(z.string(), scalar).optional(),
  scope: scope.optional(),
  /** Tags that tell subjects of one device apart (ifName, url...). */
  subject: z.array(z.string().min(1)).optional(),
  /** Event type for kind: event (reboot). */
  event: z.string().min(1).optional(),
  /** event/error rules resolve after this long without a new event or error. */
  clearAfterSeconds: z.number().positive().optional(),
  title: z.strictObject({ id: z.string().min(1), en: z.string().min(1) }).optional(),
  /** The decree or SLA document the threshold comes from. */
  source: z.string().min(1).optional(),
});

/** "FREQ=WEEKLY;BYDAY=SU,WE;INTERVAL=1;UNTIL=2026-12-31" — RRULE-lite. */
export const rrule = z
  .string()
  .regex(
    /^FREQ=(DAILY|WEEKLY|MONTHLY)(;(INTERVAL=\d+|BYDAY=(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*|UNTIL=\d{4}-\d{2}-\d{2}))*$/,
    'must look like FREQ=WEEKLY;BYDAY=SU;UNTIL=2026-12-31 (FREQ DAILY|WEEKLY|MONTHLY, INTERVAL, BYDAY, UNTIL)',
  );

/** A local date-time "2026-03-01 22:00" in the organisation's time zone, or ISO with offset. */
const when = z.string().regex(/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:?\d{2})?$/, {
  message: 'must be "YYYY-MM-DD HH:MM" (local time) or ISO 8601 with offset',
});

export const maintenanceWindow = z.strictObject({
  id,
  device: id.optional(),
  site: id.optional(),
  agency: id.optional(),
  from: when,
  to: when,
  reason: z.string().min(1),
  recurrence: rrule.optional(),
});

const team = z.strictObject({
  id,
  name: z.string().min(1),
  email: z.string().email().optional(),
  /** The group or queue of this team in the helpdesk (GLPI group id, Zammad group name...). */
  helpdeskGroup: z.union([z.string().min(1), z.number().int()]).optional(),
  /** Notification connectors (chat, plain email) told about this team's incidents. */
  notify: z.array(id).default([]),
});

const escalationStep = z.strictObject({ afterMinutes: z.number().min(0), team: id });

const routing = z.strictObject({
  teams: z.array(team).default([
    { id: 'infrastruktur', name: 'Tim Infrastruktur', notify: [] },
    { id: 'datacenter', name: 'Tim Data Center', notify: [] },
  ]),
  /** Tier-2 team for Dinas-owned gear by kind: network (router, switch, other) or data center. */
  dinas: z
    .strictObject({ network: id.default('infrastruktur'), datacenter: id.default('datacenter') })
    .prefault({}),
  /** Agency gear goes to the agency's Tier-1 contact first, then to Tier 2 after this long. */
  tier1AckMinutes: z.number().min(0).default(30),
  /** Extra steps for incidents still not acknowledged, after the Tier-2 assignment. */
  steps: z.array(escalationStep).default([]),
  /** Follow-up reminder every N minutes while unacknowledged (0 = none). */
  repeatMinutes: z.number().min(0).default(60),
});

const base = {
  id,
  /** ticket: a helpdesk that keeps a work order; notify: a message only (chat, plain mail). */
  role: z.enum(['ticket', 'notify']).default('ticket'),
  timeoutSeconds: z.number().positive().default(10),
  /** Only incidents of these severities (all when omitted). */
  severities: z.array(severity).optional(),
};

const webhook = z.strictObject({
  ...base,
  type: z.literal('webhook'),
  url: z.string().url(),
  /** HMAC-SHA256 key for the X-Noc-Signature header. */
  secret,
  headers: z.record(z.string(), z.string()).default({}),
});

const smtp = z.strictObject({
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535).default(25),
  /** true: TLS from the start (465); false: STARTTLS when offered. */
  secure: z.boolean().default(false),
  username: z.string().optional(),
  password: secret.optional(),
  /** Accept an unverified certificate (a lab only). */
  insecure: z.boolean().default(false),
});

const email = z.strictObject({
  ...base,
  type: z.literal('email'),
  smtp,
  from: z.string().email(),
  to: z.array(z.string().email()).min(1),
  /** Also copy the agency's Tier-1 contact on agency incidents. */
  copyTier1: z.boolean().default(true),
  /** Domain for Message-IDs (threading). */
  messageIdDomain: z.string().min(1).default('noc.local'),
});

const glpi = z.strictObject({
  ...base,
  type: z.literal('glpi'),
  /** Base URL of the API, ending in /apirest.php */
  url: z.string().url(),
  appToken: secret.optional(),
  userToken: secret,
  /** ITIL category id for "Gangguan". */
  categoryId: z.number().int().optional(),
  entityId: z.number().int().optional(),
});

const zammad = z.strictObject({
  ...base,
  type: z.literal('zammad'),
  url: z.string().url(),
  token: secret,
  /** Default group when the team has no helpdeskGroup. */
  group: z.string().min(1),
  /** The customer the ticket is filed for (e.g. the NOC's own account e-mail). */
  customer: z.string().min(1),
});

const osticket = z.strictObject({
  ...base,
  type: z.literal('osticket'),
  /** Base URL of osTicket (the API is <url>/api/tickets.json). */
  url: z.string().url(),
  apiKey: secret,
  /** The user the tickets are filed as (also the sender of follow-up mails). */
  name: z.string().min(1).default('NOC Diskominfo'),
  email: z.string().email(),
  topicId: z.number().int().optional(),
  /** osTicket's API only creates: follow-ups and the recovery go by mail to its mailbox. */
  mail: z.strictObject({ smtp, to: z.string().email() }),
});

const rt = z.strictObject({
  ...base,
  type: z.literal('rt'),
  /** RT's base URL (REST2 is <url>/REST/2.0/). */
  url: z.string().url(),
  /** An RT auth token (Settings -> Auth Tokens). */
  token: secret,
  queue: z.string().min(1).default('General'),
  /** Requestor e-mail on the tickets (the NOC mailbox). */
  requestor: z.string().email().optional(),
});

const telegram = z.strictObject({
  ...base,
  role: z.enum(['ticket', 'notify']).default('notify'),
  type: z.literal('telegram'),
  /** Bot API base (a local Bot API server may replace it). */
  url: z.string().url().default('https://api.telegram.org'),
  token: secret,
  chatId: z.union([z.string().min(1), z.number().int()]),
});

export const connector = z.discriminatedUnion('type', [webhook, email, glpi, zammad, osticket, rt, telegram]);

export const alertingSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Ticket language; the organisation's language when omitted. */
  language: z.enum(['id', 'en']).optional(),
  /** Grafana base URL for the evidence link in tickets, e.g. https://grafana.noc.go.id */
  grafanaUrl: z.string().url().optional(),
  /** How often pending timers, escalation and the outbox are looked at. */
  tickSeconds: z.number().positive().default(5),
  /**
   * A device with parents that becomes unreachable waits this long for its parents' verdict
   * before it gets a ticket of its own (their polls may come later in the interval).
   */
  dependencyHoldSeconds: z.number().min(0).default(30),
  flapping: z
    .strictObject({
      changes: z.number().int().min(2).default(4),
      windowMinutes: z.number().positive().default(30),
    })
    .prefault({}),
  rules: z.array(rule).default([]),
  maintenance: z.array(maintenanceWindow).default([]),
  /** Connectors told when a maintenance window starts and ends (the SOP's notice). */
  maintenanceNotice: z.array(id).default([]),
  routing: routing.prefault({}),
  connectors: z.array(connector).default([]),
  outbox: z
    .strictObject({
      retryBaseSeconds: z.number().positive().default(5),
      retryMaxSeconds: z.number().positive().default(600),
    })
    .prefault({}),
});

export type AlertingSchema = z.infer<typeof alertingSchema>;
export type RuleConfig = z.infer<typeof rule>;
export type MaintenanceConfig = z.infer<typeof maintenanceWindow>;
