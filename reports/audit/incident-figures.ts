import type { Incident, Severity } from '../../alerting/types';

/**
 * The incident and work-order figures of a report period, pure: which incidents count, how
 * they group into ticket categories, teams and tiers, and the times an auditor asks about
 * (response = ackedAt − firedAt, resolution = resolvedAt − startedAt). Everything is read as it
 * stood at the end of the period: an acknowledgement or a resolution after it does not count.
 */

export interface Category {
  key: string;
  id: string;
  en: string;
  /** Rule ids; a trailing `*` matches a prefix (ups-on-battery, ups-battery-low...). */
  rules: string[];
}

/** Ticket categories by rule, in the order the table lists them; Lainnya takes the rest. */
export const CATEGORIES: readonly Category[] = [
  {
    key: 'network',
    id: 'Jaringan',
    en: 'Network',
    rules: ['device-unreachable', 'interface-down', 'link-utilisation-high', 'interface-errors'],
  },
  { key: 'power', id: 'Daya', en: 'Power', rules: ['ups-*', 'rack-power-high', 'feed-power-high'] },
  {
    key: 'environment',
    id: 'Lingkungan ruang',
    en: 'Room environment',
    rules: ['temperature-*', 'humidity-*', 'device-temperature-high'],
  },
  { key: 'server', id: 'Server', en: 'Server', rules: ['cpu-high', 'memory-high', 'disk-high'] },
  {
    key: 'service',
    id: 'Layanan/situs',
    en: 'Services/websites',
    rules: ['website-down', 'tls-certificate-expiring'],
  },
  { key: 'monitoring', id: 'Pemantauan', en: 'Monitoring', rules: ['collection-failing'] },
  // Custom rules from alerting.rules land here too: their subject is not known in advance.
  { key: 'other', id: 'Lainnya', en: 'Other', rules: ['reboot-detected'] },
];

const OTHER = CATEGORIES[CATEGORIES.length - 1];

export function categoryOf(rule: string): Category {
  const matches = (pattern: string) =>
    pattern.endsWith('*') ? rule.startsWith(pattern.slice(0, -1)) : rule === pattern;
  return CATEGORIES.find((c) => c.rules.some(matches)) ?? OTHER;
}

export interface Period {
  from: number;
  to: number;
  /** When the report is made: an open incident's duration runs to min(to, now). */
  now: number;
}

/** Incidents whose [startedAt, resolvedAt) overlaps [from, to); open ones run on. */
export function overlapping(incidents: Incident[], p: Period): Incident[] {
  return incidents.filter((i) => i.startedAt < p.to && (i.resolvedAt === undefined || i.resolvedAt > p.from));
}

/** One incident as it stood at the end of the period. */
export interface IncidentFacts {
  incident: Incident;
  /** ackedAt − firedAt when acknowledged before the end of the period. */
  responseMs: number | null;
  /** resolvedAt − startedAt when resolved before the end of the period. */
  resolutionMs: number | null;
  /** Up to its resolution, or to min(period end, now) while still open. */
  durationMs: number;
  openAtEnd: boolean;
}

export function facts(i: Incident, p: Period): IncidentFacts {
  const resolved = i.resolvedAt !== undefined && i.resolvedAt < p.to;
  const acked = i.ackedAt !== undefined && i.ackedAt < p.to;
  const end = resolved ? i.resolvedAt! : Math.min(p.to, p.now);
  return {
    incident: i,
    responseMs: acked ? Math.max(0, i.ackedAt! - i.firedAt) : null,
    resolutionMs: resolved ? i.resolvedAt! - i.startedAt : null,
    durationMs: Math.max(0, end - i.startedAt),
    openAtEnd: !resolved,
  };
}

export function mean(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
}

export interface TicketRow {
  category: Category;
  /** route.teamName; null when the incident was never routed (no ticket was asked for). */
  team: string | null;
  tier: 1 | 2 | null;
  count: number;
  ticketed: number;
  meanResponseMs: number | null;
  meanResolutionMs: number | null;
  openAtEnd: number;
  escalated: number;
}

/**
 * Work orders by category × team × tier. Suppressed incidents (children of a parent's outage,
 * in maintenance, on a device already down) have no ticket of their own: they are counted
 * apart, not in the rows.
 */
export function ticketRows(incidents: Incident[], p: Period): { rows: TicketRow[]; suppressed: number } {
  const groups = new Map<string, IncidentFacts[]>();
  let suppressed = 0;
  for (const i of overlapping(incidents, p)) {
    if (i.suppressed) {
      suppressed++;
      continue;
    }
    const k = JSON.stringify([categoryOf(i.rule).key, i.route?.teamName ?? null, i.route?.tier ?? null]);
    groups.set(k, [...(groups.get(k) ?? []), facts(i, p)]);
  }
  const rows = [...groups.values()].map((fs): TicketRow => {
    const first = fs[0].incident;
    return {
      category: categoryOf(first.rule),
      team: first.route?.teamName ?? null,
      tier: first.route?.tier ?? null,
      count: fs.length,
      ticketed: fs.filter((f) => f.incident.ticketed).length,
      meanResponseMs: mean(fs.map((f) => f.responseMs)),
      meanResolutionMs: mean(fs.map((f) => f.resolutionMs)),
      openAtEnd: fs.filter((f) => f.openAtEnd).length,
      escalated: fs.filter((f) => f.incident.escalationLevel > 0).length,
    };
  });
  const order = (r: TicketRow) => CATEGORIES.indexOf(r.category);
  rows.sort(
    (a, b) =>
      order(a) - order(b) ||
      (a.team ?? '\uffff').localeCompare(b.team ?? '\uffff') ||
      (a.tier ?? 9) - (b.tier ?? 9),
  );
  return { rows, suppressed };
}

export const SEVERITIES: readonly Severity[] = ['kritis', 'tinggi', 'sedang', 'rendah'];

export interface SummaryRow {
  /** A severity, or null for the total. */
  severity: Severity | null;
  count: number;
  resolved: number;
  openAtEnd: number;
  mttrMs: number | null;
  longestMs: number | null;
  longestId: string | null;
  suppressed: number;
}

function summarise(severity: Severity | null, fs: IncidentFacts[], suppressed: number): SummaryRow {
  const longest = fs.reduce<IncidentFacts | undefined>(
    (m, f) => (!m || f.durationMs > m.durationMs ? f : m),
    undefined,
  );
  return {
    severity,
    count: fs.length,
    resolved: fs.filter((f) => !f.openAtEnd).length,
    openAtEnd: fs.filter((f) => f.openAtEnd).length,
    mttrMs: mean(fs.map((f) => f.resolutionMs)),
    longestMs: longest?.durationMs ?? null,
    longestId: longest?.incident.id ?? null,
    suppressed,
  };
}

/**
 * Count, MTTR and longest per severity and in total, over the incidents that stand on their
 * own; suppressed ones are the same outage seen again and only counted. Empty when nothing at
 * all happened in the period.
 */
export function incidentSummary(incidents: Incident[], p: Period): SummaryRow[] {
  const all = overlapping(incidents, p);
  if (!all.length) return [];
  const own = all.filter((i) => !i.suppressed).map((i) => facts(i, p));
  const rows = SEVERITIES.map((s) =>
    summarise(
      s,
      own.filter((f) => f.incident.severity === s),
      all.filter((i) => i.suppressed && i.severity === s).length,
    ),
  );
  rows.push(summarise(null, own, all.length - own.length));
  return rows;
}

export interface CauseRow {
  rule: string;
  category: Category;
  count: number;
  /** Percent of the period's own (not suppressed) incidents. */
  sharePercent: number;
  mttrMs: number | null;
}

/** The rules that raised the most incidents (ties by rule id), with their share. */
export function topCauses(incidents: Incident[], p: Period, n = 5): CauseRow[] {
  const own = overlapping(incidents, p).filter((i) => !i.suppressed);
  const byRule = new Map<string, IncidentFacts[]>();
  for (const i of own) byRule.set(i.rule, [...(byRule.get(i.rule) ?? []), facts(i, p)]);
  return [...byRule.entries()]
    .map(([rule, fs]) => ({
      rule,
      category: categoryOf(rule),
      count: fs.length,
      sharePercent: (100 * fs.length) / own.length,
      mttrMs: mean(fs.map((f) => f.resolutionMs)),
    }))
    .sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule))
    .slice(0, n);
}

/**
 * Ticketed incidents the engine escalated: nobody acknowledged them within the escalation
 * time (escalation only happens to an unacknowledged incident). Longest wait first.
 */
export function escalatedIncidents(incidents: Incident[], p: Period): { id: string; waitMs: number }[] {
  return overlapping(incidents, p)
    .filter((i) => !i.suppressed && i.escalationLevel > 0)
    .map((i) => {
      const acked = i.ackedAt !== undefined && i.ackedAt < p.to;
      const end = acked ? i.ackedAt! : Math.min(p.to, p.now, i.resolvedAt ?? Infinity);
      return { id: i.id, waitMs: Math.max(0, end - i.firedAt) };
    })
    .sort((a, b) => b.waitMs - a.waitMs || a.id.localeCompare(b.id));
}
