import { formatDateTime } from '../analytics/format';
import { PRIORITY, Scalar, Severity } from './types';

/**
 * What users read in tickets, pure: Bahasa Indonesia by default ("1 Maret 2026 22.00 WIB",
 * decimal comma), English optional. Every connector sends the same subject and body.
 */

export type Language = 'id' | 'en';

/** A frozen view of an incident as the outbox sends it (a snapshot, so a retry sends the same). */
export interface TicketView {
  incidentId: string;
  rule: string;
  title: string;
  severity: Severity;
  priority: number;
  /** Gangguan (disruption) for incidents; Pemeliharaan for the maintenance notice. */
  category: 'Gangguan' | 'Pemeliharaan';
  device: string;
  deviceName: string;
  kind?: string;
  site?: string;
  agency?: string;
  agencyName?: string;
  team: string;
  teamName: string;
  tier: 1 | 2;
  helpdeskGroup?: string | number;
  contact?: { name: string; email?: string; phone?: string };
  evidence: { field: string; value: Scalar; threshold: Scalar };
  affected: { devices: string[]; agencies: string[]; services: string[] };
  startedAt: number;
  resolvedAt?: number;
  durationSeconds?: number;
  flapping: boolean;
  grafanaLink?: string;
  test: boolean;
}

export interface TicketMessage {
  action: 'open' | 'update' | 'close';
  view: TicketView;
  subject: string;
  body: string;
  /** For updates: what changed (escalation, repeat, newly affected devices...). */
  note?: string;
}

/** "1 Maret 2026 22.00 WIB" / "1 March 2026 22:00 WIB". */
export function formatTime(ms: number, lang: Language, timezone = 'Asia/Jakarta'): string {
  return formatDateTime(ms, lang, timezone);
}

/** "1 jam 5 menit" / "1 h 5 min"; seconds only under a minute. */
export function formatDuration(seconds: number, lang: Language): string {
  const s = Math.max(0, Math.round(seconds));
  const units = lang === 'id' ? ['hari', 'jam', 'menit', 'detik'] : ['d', 'h', 'min', 's'];
  const parts: string[] = [];
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) parts.push(`${d} ${units[0]}`);
  if (h) parts.push(`${h} ${units[1]}`);
  if (m) parts.push(`${m} ${units[2]}`);
  if (s < 60) parts.push(`${s} ${units[3]}`);
  return parts.join(' ');
}

export function formatValue(v: Scalar, lang: Language): string {
  if (typeof v === 'boolean') return lang === 'id' ? (v ? 'ya' : 'tidak') : String(v);
  if (typeof v === 'number') {
    const text = Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
    return lang === 'id' ? text.replace('.', ',') : text;
  }
  return v;
}

/** Fills {device}, {subject}, {value}, {threshold} in a rule's title template. */
export function fillTitle(
  template: string,
  vars: { device: string; subject: string; value: Scalar; threshold: Scalar },
  lang: Language,
): string {
  return template
    .replace(/\{device\}/g, vars.device)
    .replace(/\{subject\}/g, vars.subject)
    .replace(/\{value\}/g, formatValue(vars.value, lang))
    .replace(/\{threshold\}/g, formatValue(vars.threshold, lang));
}

const L = {
  id: {
    open: 'Gangguan',
    close: 'Pulih',
    since: 'sejak',
    test: '[UJI COBA] ',
    testNote: 'Ini tiket uji coba dari noc; abaikan dan tutup.',
    lines: [
      'Kategori',
      'Tingkat keparahan',
      'prioritas',
      'Perangkat',
      'Perangkat Daerah',
      'Ditangani oleh',
      'Kontak',
      'Mulai',
      'Bukti',
      'ambang',
      'Perangkat terdampak',
      'OPD terdampak',
      'Layanan terdampak',
      'Grafik',
      'Nomor insiden',
      'Status',
      'berulang-ulang (flapping)',
      'Pulih pada',
      'Lama gangguan',
      'Catatan',
    ],
  },
  en: {
    open: 'Disruption',
    close: 'Recovered',
    since: 'since',
    test: '[TEST] ',
    testNote: 'This is a test ticket from noc; ignore and close it.',
    lines: [
      'Category',
      'Severity',
      'priority',
      'Device',
      'Agency',
      'Assigned to',
      'Contact',
      'Started',
      'Evidence',
      'threshold',
      'Affected devices',
      'Affected agencies',
      'Affected services',
      'Graphs',
      'Incident number',
      'Status',
      'flapping',
      'Recovered at',
      'Outage duration',
      'Note',
    ],
  },
};

/** Subject and body of one message about an incident. */
export function renderMessage(
  action: TicketMessage['action'],
  v: TicketView,
  lang: Language,
  timezone: string,
  note?: string,
): TicketMessage {
  const t = L[lang];
  const [
    cat,
    sev,
    prio,
    dev,
    agency,
    team,
    contact,
    started,
    evidence,
    threshold,
    affDev,
    affAg,
    affSvc,
    graphs,
    num,
    status,
    flapping,
    recovered,
    duration,
    noteLabel,
  ] = t.lines;
  const maintenance = v.category === 'Pemeliharaan';
  const head = maintenance
    ? lang === 'id'
      ? action === 'close'
        ? 'Pemeliharaan selesai'
        : 'Pemeliharaan'
      : action === 'close'
        ? 'Maintenance finished'
        : 'Maintenance'
    : action === 'close'
      ? t.close
      : t.open;
  const subject = `${v.test ? t.test : ''}[${v.incidentId}] ${head}: ${v.title} ${t.since} ${formatTime(v.startedAt, lang, timezone)}`;
  const lines = [
    v.test ? t.testNote : undefined,
    `${cat}: ${v.category}`,
    `${sev}: ${v.severity} (${prio} ${v.priority})`,
    `${dev}: ${v.deviceName === v.device ? v.device : `${v.deviceName} (${v.device})`}${v.kind ? `, ${v.kind}` : ''}${v.site ? `, ${v.site}` : ''}`,
    v.agencyName ? `${agency}: ${v.agencyName}` : undefined,
    `${team}: ${v.teamName} (Tier ${v.tier})`,
    v.contact
      ? `${contact}: ${[v.contact.name, v.contact.email, v.contact.phone].filter(Boolean).join(', ')}`
      : undefined,
    `${started}: ${formatTime(v.startedAt, lang, timezone)}`,
    maintenance
      ? undefined
      : `${evidence}: ${v.evidence.field} = ${formatValue(v.evidence.value, lang)} (${threshold} ${formatValue(v.evidence.threshold, lang)})`,
    v.flapping ? `${status}: ${flapping}` : undefined,
    v.affected.devices.length > 1 ? `${affDev}: ${v.affected.devices.join(', ')}` : undefined,
    v.affected.agencies.length ? `${affAg}: ${v.affected.agencies.join(', ')}` : undefined,
    v.affected.services.length ? `${affSvc}: ${v.affected.services.join(', ')}` : undefined,
    v.resolvedAt !== undefined ? `${recovered}: ${formatTime(v.resolvedAt, lang, timezone)}` : undefined,
    v.durationSeconds !== undefined ? `${duration}: ${formatDuration(v.durationSeconds, lang)}` : undefined,
    note ? `${noteLabel}: ${note}` : undefined,
    v.grafanaLink ? `${graphs}: ${v.grafanaLink}` : undefined,
    `${num}: ${v.incidentId}`,
  ];
  return { action, view: v, subject, body: lines.filter((l) => l !== undefined).join('\n') + '\n', note };
}

export function grafanaLink(
  base: string | undefined,
  device: string,
  from: number,
  to?: number,
): string | undefined {
  if (!base) return undefined;
  const hour = 3_600_000;
  const end = to === undefined ? 'now' : String(to + hour);
  return `${base.replace(/\/$/, '')}/d/noc-device/perangkat?var-device=${encodeURIComponent(device)}&from=${from - hour}&to=${end}`;
}

export const priorityOf = (s: Severity) => PRIORITY[s];
