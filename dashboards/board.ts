import type { AnnotationQuery, Dashboard, Panel, VariableModel } from '@grafana/schema';
import { VariableRefresh } from '@grafana/schema';
import type { NocConfig } from '../config/load';
import { DATASOURCE, VarName } from './query';

/** What every board is built from: the language and the configured targets (thresholds). */
export interface BoardContext {
  lang: 'id' | 'en';
  config: NocConfig;
}

/** Picks the Indonesian or English text; Indonesian is the default users read. */
export function tr(ctx: BoardContext, id: string, en: string): string {
  return ctx.lang === 'en' ? en : id;
}

/** Stable uids: a ticket's link and a bookmark keep working after every re-export. */
export const UIDS = {
  wallboard: 'noc-wallboard',
  device: 'noc-device',
  interfaces: 'noc-interfaces',
  power: 'noc-power',
  colocation: 'noc-colocation',
  availability: 'noc-availability',
  agent: 'noc-agent',
} as const;

const VARIABLE_SOURCES: Record<VarName, { measurement: string; id: string; en: string; depends: VarName[] }> =
  {
    site: { measurement: 'inventory', id: 'Lokasi', en: 'Site', depends: [] },
    agency: { measurement: 'inventory', id: 'Perangkat Daerah', en: 'Agency', depends: [] },
    device: { measurement: 'inventory', id: 'Perangkat', en: 'Device', depends: ['site', 'agency'] },
    rack: { measurement: 'inventory', id: 'Rak', en: 'Rack', depends: ['site'] },
    link: { measurement: 'interface', id: 'Tautan', en: 'Link', depends: [] },
  };

/** A query variable over tag values, chained to the variables it depends on. */
export function variable(ctx: BoardContext, name: VarName, opts: { multi?: boolean } = {}): VariableModel {
  const src = VARIABLE_SOURCES[name];
  const where = src.depends.map((d) => `"${d}" =~ /^$${d}$/`);
  const label = name === 'agency' ? ctx.config.organisation.agencyLabel : tr(ctx, src.id, src.en);
  const query =
    `SHOW TAG VALUES FROM "${src.measurement}" WITH KEY = "${name}"` +
    (where.length ? ` WHERE ${where.join(' AND ')}` : '');
  return {
    name,
    label,
    type: 'query',
    datasource: DATASOURCE,
    query,
    refresh: VariableRefresh.onTimeRangeChanged,
    includeAll: true,
    allValue: '.*',
    multi: opts.multi ?? true,
    current: { text: 'All', value: '$__all', selected: true },
    sort: 1,
  };
}

/** Incident start/end from the `incident` measurement, as annotations on every time panel. */
export function incidentAnnotations(ctx: BoardContext, filter?: VarName): AnnotationQuery {
  const where = filter ? ` AND "device" =~ /^$${filter}$/` : '';
  const query = `SELECT "text", "severity", "state" FROM "incident" WHERE $timeFilter${where}`;
  return {
    name: tr(ctx, 'Insiden', 'Incidents'),
    datasource: DATASOURCE,
    enable: true,
    iconColor: 'red',
    target: { refId: 'Anno', query, rawQuery: true, resultFormat: 'table' } as AnnotationQuery['target'],
    // Grafana's InfluxQL annotation editor reads these two keys.
    ...({ textColumn: 'text', tagsColumn: 'severity,state' } as object),
  };
}

export interface BoardSpec {
  uid: string;
  title: string;
  panels: Panel[];
  variables?: VariableModel[];
  annotations?: AnnotationQuery[];
  refresh?: string;
  time?: string;
  tags?: string[];
  /** Wallboard: dark, no controls to fiddle with from across the room. */
  kiosk?: boolean;
}

export function dashboard(ctx: BoardContext, spec: BoardSpec): Dashboard {
  return {
    uid: spec.uid,
    title: spec.title,
    tags: ['noc', ...(spec.tags ?? [])],
    timezone: ctx.config.organisation.timezone,
    editable: false,
    graphTooltip: 1,
    schemaVersion: 39,
    version: 1,
    refresh: spec.refresh ?? '1m',
    time: { from: spec.time ?? 'now-6h', to: 'now' },
    ...(spec.kiosk ? { style: 'dark' } : {}),
    templating: { list: spec.variables ?? [] },
    annotations: { list: spec.annotations ?? [] },
    panels: spec.panels,
    // One drop-down to every other noc board, carrying the time range and variables along.
    links: [
      {
        title: tr(ctx, 'Dasbor noc', 'noc dashboards'),
        type: 'dashboards',
        tags: ['noc'],
        asDropdown: true,
        includeVars: true,
        keepTime: true,
        icon: 'external link',
        targetBlank: false,
        tooltip: '',
      },
    ],
  } as Dashboard;
}
