import type { Panel } from '@grafana/schema';
import { BUILTIN_RULES } from '../../alerting/rules/builtin';
import { buildDashboards } from '../../dashboards';
import { MONTHLY_FIELDS } from '../../analytics/report/monthly';
import { config } from './sources';

/**
 * Everything noc reads back from InfluxDB, as (reader, measurement, fields, tags, tag values).
 * Alerting and dashboards are read from the code itself; analytics and the audit report build
 * their queries from pieces, so they are listed here by hand, naming the file each comes from
 * (the test checks that file still mentions every name, so the list cannot silently go stale).
 */
export interface Read {
  reader: string;
  measurement: string;
  fields: string[];
  /** Tags filtered or grouped on. */
  tags: string[];
  /** Tag values compared with `=` (tag -> value): some source must write that value. */
  values?: Record<string, string>;
  /** For hand-kept entries: the file that holds the query. */
  file?: string;
}

export function alertingReads(): Read[] {
  return BUILTIN_RULES.filter((r) => r.kind !== 'error').map((r) => ({
    reader: `alerting rule ${r.id}`,
    measurement: r.measurement,
    fields: [...r.fields, ...Object.keys(r.when)],
    tags: [...Object.keys(r.where), ...r.subject, ...(r.kind === 'event' ? ['type'] : [])],
    values: {
      ...Object.fromEntries(Object.entries(r.where).filter(([, v]) => v !== '*')),
      ...(r.kind === 'event' && r.event ? { type: r.event } : {}),
    },
  }));
}

/**
 * Every `SELECT … FROM ["rp".]"measurement" …` of one InfluxQL text (subqueries included): fields are
 * the quoted names of its select list (aliases removed), tags those of its WHERE and GROUP BY.
 * The part after the measurement ends at the subquery's closing parenthesis.
 */
export function parseQuery(reader: string, query: string): Read[] {
  const out: Read[] = [];
  const show = /SHOW TAG VALUES FROM "([^"]+)" WITH KEY = "([^"]+)"(?: WHERE (.*))?/.exec(query);
  if (show)
    return [
      { reader, measurement: show[1], fields: [], tags: [show[2], ...quoted(show[3] ?? '')], values: {} },
    ];
  // `FROM "rollup"."availability_daily"`: the retention policy is not the measurement.
  for (const m of query.matchAll(/FROM (?:"[^"]+"\.)?"([^"]+)"/g)) {
    const before = query.slice(0, m.index);
    const select = before.slice(before.lastIndexOf('SELECT ') + 7).replace(/ AS "[^"]*"/g, '');
    const rest = untilClose(query.slice(m.index! + m[0].length));
    const values: Record<string, string> = {};
    for (const v of rest.matchAll(/"([^"]+)" = '([^']*)'/g)) values[v[1]] = v[2];
    out.push({ reader, measurement: m[1], fields: quoted(select), tags: quoted(rest), values });
  }
  return out;
}

/** The text up to the parenthesis that closes the enclosing subquery (balanced ones skipped). */
function untilClose(text: string): string {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && depth-- === 0) return text.slice(0, i);
  }
  return text;
}

function quoted(text: string): string[] {
  return [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
}

export function dashboardReads(): Read[] {
  const out: Read[] = [];
  for (const lang of ['id', 'en'] as const)
    for (const [name, board] of Object.entries(buildDashboards({ config, lang }))) {
      for (const v of board.templating?.list ?? [])
        out.push(...parseQuery(`dashboard ${name} variable ${v.name}`, String(v.query)));
      for (const a of board.annotations?.list ?? [])
        out.push(
          ...parseQuery(`dashboard ${name} annotation`, (a.target as unknown as { query: string }).query),
        );
      for (const panel of (board.panels ?? []) as Panel[])
        for (const t of panel.targets ?? [])
          out.push(
            ...parseQuery(`dashboard ${name} "${panel.title}"`, String((t as { query?: string }).query)),
          );
    }
  return out;
}

/** analytics/ and reports/ queries, by hand (they are assembled from helpers at run time). */
export const HAND_KEPT: Read[] = [
  r('analytics/report/availability.ts', 'ping', ['up'], ['device']),
  r('analytics/report/availability.ts', 'interface', ['ifOperStatus'], ['link']),
  r('analytics/report/availability.ts', 'http', ['up'], ['service', 'url']),
  r('analytics/influx/fetch.ts', 'interface', ['in_bps', 'out_bps', 'ifHighSpeed'], ['link']),
  r('analytics/report/bandwidth.ts', 'queue', [], ['queue']),
  r('analytics/influx/fetch.ts', 'queue', ['in_bps', 'out_bps'], []),
  r('analytics/influx/fetch.ts', 'ping', ['rtt_avg_ms', 'loss_percent'], ['device']),
  r('analytics/report/capacity.ts', 'pdu', ['power_watts'], ['scope', 'device'], { scope: 'device' }),
  r('analytics/report/capacity.ts', 'ups', ['output_watts', 'load_percent', 'runtime_minutes'], ['device']),
  r('reports/audit/functionality.ts', 'ping', ['up'], ['device']),
  r('reports/audit/governance.ts', 'inventory', ['present'], ['device']),
  r('reports/audit/governance.ts', 'system', ['sysDescr'], ['device']),
  r('reports/audit/governance.ts', 'event', ['text'], ['type', 'device'], { type: 'reboot' }),
  r('reports/audit/other.ts', 'http', ['cert_days_left'], ['url']),
  r('reports/audit/other.ts', 'noc_agent', ['uptime_seconds'], []),
  r(
    'analytics/report/monthly.ts',
    'bandwidth_monthly',
    [...MONTHLY_FIELDS],
    ['link', 'queue', 'agency', 'kind'],
  ),
];

function r(file: string, measurement: string, fields: string[], tags: string[], values = {}): Read {
  return { reader: file, file, measurement, fields, tags, values };
}
