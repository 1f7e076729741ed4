import type { Panel, ThresholdsConfig, FieldConfig } from '@grafana/schema';
import { ThresholdsMode } from '@grafana/schema';
import { DATASOURCE, Target } from './query';

/**
 * Small typed builders, one per panel kind. Every panel gets the data source and a unit, so a
 * number on the wall always says what it measures.
 */

export const COLORS = { ok: 'green', warn: 'orange', bad: 'red', info: 'blue', idle: 'text' } as const;

export interface PanelOptions {
  unit: string;
  description?: string;
  min?: number;
  max?: number;
  decimals?: number;
  thresholds?: ThresholdsConfig;
  mappings?: FieldConfig['mappings'];
  /** Field overrides, e.g. the committed-rate line drawn dashed. */
  overrides?: NonNullable<Panel['fieldConfig']>['overrides'];
  links?: Panel['links'];
  transformations?: Panel['transformations'];
}

/** Green below `warn`, orange from `warn`, red from `bad` (absolute values). */
export function steps(warn?: number, bad?: number, base: string = COLORS.ok): ThresholdsConfig {
  const list: ThresholdsConfig['steps'] = [{ color: base, value: null }];
  if (warn !== undefined) list.push({ color: COLORS.warn, value: warn });
  if (bad !== undefined) list.push({ color: COLORS.bad, value: bad });
  return { mode: ThresholdsMode.Absolute, steps: list };
}

/** For values where low is bad (battery charge, availability): red below `bad`, orange below `warn`. */
export function lowSteps(bad: number, warn: number): ThresholdsConfig {
  return {
    mode: ThresholdsMode.Absolute,
    steps: [
      { color: COLORS.bad, value: null },
      { color: COLORS.warn, value: bad },
      { color: COLORS.ok, value: warn },
    ],
  };
}

function base(
  type: string,
  title: string,
  targets: Target[],
  o: PanelOptions,
  options: Record<string, unknown>,
): Panel {
  const defaults: FieldConfig = { unit: o.unit };
  if (o.min !== undefined) defaults.min = o.min;
  if (o.max !== undefined) defaults.max = o.max;
  if (o.decimals !== undefined) defaults.decimals = o.decimals;
  if (o.thresholds) defaults.thresholds = o.thresholds;
  if (o.mappings) defaults.mappings = o.mappings;
  const panel: Panel = {
    type,
    title,
    datasource: DATASOURCE,
    targets: targets as unknown as Panel['targets'],
    fieldConfig: { defaults, overrides: o.overrides ?? [] },
    options,
  };
  if (o.description) panel.description = o.description;
  if (o.links) panel.links = o.links;
  if (o.transformations) panel.transformations = o.transformations;
  return panel;
}

export function timeseries(title: string, targets: Target[], o: PanelOptions & { stack?: boolean }): Panel {
  const panel = base('timeseries', title, targets, o, {
    legend: { displayMode: 'table', placement: 'bottom', calcs: ['mean', 'max', 'lastNotNull'] },
    tooltip: { mode: 'multi', sort: 'desc' },
  });
  panel.fieldConfig!.defaults.custom = {
    drawStyle: 'line',
    lineWidth: 1,
    fillOpacity: o.stack ? 30 : 10,
    spanNulls: false,
    stacking: { mode: o.stack ? 'normal' : 'none', group: 'A' },
    thresholdsStyle: { mode: o.thresholds ? 'line+area' : 'off' },
  };
  return panel;
}

/** A big number (wallboard tile): the background colour carries the state across the room. */
export function stat(
  title: string,
  targets: Target[],
  o: PanelOptions & { background?: boolean; textSize?: number },
): Panel {
  return base('stat', title, targets, o, {
    reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
    colorMode: o.background === false ? 'value' : 'background',
    graphMode: 'none',
    justifyMode: 'center',
    textMode: 'value_and_name',
    ...(o.textSize ? { text: { valueSize: o.textSize, titleSize: Math.round(o.textSize / 2) } } : {}),
  });
}

export function gauge(title: string, targets: Target[], o: PanelOptions): Panel {
  return base('gauge', title, targets, o, {
    reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
    showThresholdMarkers: true,
  });
}

export function barGauge(title: string, targets: Target[], o: PanelOptions): Panel {
  return base('bargauge', title, targets, o, {
    reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false },
    orientation: 'horizontal',
    displayMode: 'gradient',
    showUnfilled: true,
  });
}

export function table(title: string, targets: Target[], o: PanelOptions): Panel {
  return base('table', title, targets, o, { showHeader: true, cellHeight: 'sm', footer: { show: false } });
}

export function stateTimeline(title: string, targets: Target[], o: PanelOptions): Panel {
  return base('state-timeline', title, targets, o, { showValue: 'never', mergeValues: true, rowHeight: 0.9 });
}

/** Value mappings for IF-MIB ifOperStatus and similar 1/2 states. */
export function upDownMappings(up: string, down: string): FieldConfig['mappings'] {
  return [
    {
      type: 'value',
      options: {
        '1': { text: up, color: COLORS.ok, index: 0 },
        '2': { text: down, color: COLORS.bad, index: 1 },
      },
    },
  ] as FieldConfig['mappings'];
}

/** Mappings for boolean-like 0/1 fields where 1 is the alarming state (on battery). */
export function alarmMappings(normal: string, alarm: string): FieldConfig['mappings'] {
  return [
    {
      type: 'value',
      options: {
        '0': { text: normal, color: COLORS.ok, index: 0 },
        '1': { text: alarm, color: COLORS.bad, index: 1 },
      },
    },
  ] as FieldConfig['mappings'];
}
