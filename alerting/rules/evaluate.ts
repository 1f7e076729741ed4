import type { NocEvent, Sample } from '../../agent/sample';
import type { Observation, Operator, Rule, Scalar, Scope } from '../types';

/** What a rule needs to know about the inventory; built once from the config. */
export interface RuleContext {
  devices: Map<
    string,
    { kind: string; site?: string; agency?: string; tags: string[]; responsibility: 'dinas' | 'opd' }
  >;
  links: Map<string, { kind: string; warningPercent?: number; criticalPercent?: number }>;
}

/** Tags that describe the device rather than the thing measured on it. */
const INVENTORY_TAGS = new Set(['device', 'kind', 'site', 'agency', 'agent_host', 'source', 'ifIndex']);

export function incidentKey(device: string, rule: string, subject: string): string {
  return `${device}|${rule}|${subject}`;
}

export function compare(op: Operator, a: Scalar, b: Scalar): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
  }
}

/** For ">" the worst of several values is the largest, for "<" the smallest. */
function worst(op: Operator, values: { field: string; value: Scalar }[]) {
  const pick = op.startsWith('<') ? (a: Scalar, b: Scalar) => a < b : (a: Scalar, b: Scalar) => a > b;
  return values.reduce((w, v) => (pick(v.value, w.value) ? v : w));
}

export function scopeMatches(
  scope: Scope,
  device: string,
  tags: Record<string, string>,
  ctx: RuleContext,
): boolean {
  const d = ctx.devices.get(device);
  const kind = d?.kind ?? tags.kind;
  if (scope.devices && !scope.devices.includes(device)) return false;
  if (scope.kinds && !scope.kinds.includes(kind as never)) return false;
  if (scope.sites && !scope.sites.includes(d?.site ?? tags.site)) return false;
  if (scope.agencies && !scope.agencies.includes(d?.agency ?? tags.agency)) return false;
  if (scope.responsibility && d?.responsibility !== scope.responsibility) return false;
  if (scope.tags && !scope.tags.every((t) => d?.tags.includes(t))) return false;
  if (scope.linkKinds) {
    const link = tags.link ? ctx.links.get(tags.link) : undefined;
    if (!link || !scope.linkKinds.includes(link.kind as never)) return false;
  }
  return true;
}

export function subjectOf(rule: Rule, tags: Record<string, string>): string {
  if (rule.subject.length === 0) return '';
  const listed = rule.subject.map((t) => tags[t]).filter((v): v is string => v !== undefined);
  if (listed.length) return listed.join('/');
  // The collector named it differently: anything that is not an inventory tag tells it apart.
  return Object.keys(tags)
    .filter((k) => !INVENTORY_TAGS.has(k))
    .sort()
    .map((k) => tags[k])
    .join('/');
}

/** The thresholds in force for this sample (a link's own target replaces the rule's value). */
function thresholds(
  rule: Rule,
  tags: Record<string, string>,
  ctx: RuleContext,
): { value: Scalar; clear?: Scalar } {
  if (!rule.valueFrom) return { value: rule.value, clear: rule.clear };
  const link = tags.link ? ctx.links.get(tags.link) : undefined;
  const critical = link?.criticalPercent;
  if (critical === undefined) return { value: rule.value, clear: rule.clear };
  if (rule.valueFrom === 'link.criticalPercent')
    return { value: critical, clear: link?.warningPercent ?? rule.clear };
  return { value: link?.warningPercent ?? rule.value, clear: rule.clear };
}

/**
 * One threshold rule against one sample: undefined when the rule does not apply (other
 * measurement, out of scope, field missing), else whether the value is past the threshold,
 * back past the clear threshold, or in the hysteresis band between them.
 */
export function evaluateSample(rule: Rule, sample: Sample, ctx: RuleContext): Observation | undefined {
  if (!rule.enabled || rule.kind !== 'threshold' || rule.measurement !== sample.measurement) return undefined;
  const device = sample.tags.device ?? sample.tags.service;
  if (!device) return undefined;
  for (const [tag, want] of Object.entries(rule.where)) {
    const have = sample.tags[tag];
    if (have === undefined || (want !== '*' && have !== want)) return undefined;
  }
  for (const [field, want] of Object.entries(rule.when)) if (sample.fields[field] !== want) return undefined;
  if (!scopeMatches(rule.scope, device, sample.tags, ctx)) return undefined;

  const values: { field: string; value: Scalar }[] = [];
  for (const field of rule.fields) {
    const v = sample.fields[field];
    if (v === undefined) continue;
    values.push({ field, value: typeof v === 'bigint' ? Number(v) : v });
  }
  if (values.length === 0) return undefined;
  const { value: threshold, clear } = thresholds(rule, sample.tags, ctx);
  const w = worst(rule.operator, values);
  const subject = subjectOf(rule, sample.tags);
  let breached: boolean | null = compare(rule.operator, w.value, threshold);
  // Without a clear threshold, "not breached" is clear; with one, the band between holds
  // (for == / != the clear value itself is the only clear state).
  if (!breached && clear !== undefined) {
    const equality = rule.operator === '==' || rule.operator === '!=';
    if (equality ? w.value !== clear : compare(rule.operator, w.value, clear)) breached = null;
  }
  return {
    key: incidentKey(device, rule.id, subject),
    rule: rule.id,
    device,
    subject,
    time: sample.time,
    breached,
    value: w.value,
    threshold,
    field: w.field,
  };
}

/** An event rule (reboot) fires on every matching event; it clears by time (clearAfterSeconds). */
export function evaluateEvent(rule: Rule, event: NocEvent, ctx: RuleContext): Observation | undefined {
  if (!rule.enabled || rule.kind !== 'event' || rule.event !== event.type) return undefined;
  const tags = { ...event.tags, device: event.device };
  if (!scopeMatches(rule.scope, event.device, tags, ctx)) return undefined;
  const subject = subjectOf(rule, tags);
  return {
    key: incidentKey(event.device, rule.id, subject),
    rule: rule.id,
    device: event.device,
    subject,
    time: event.time,
    breached: true,
    value: event.text,
    threshold: rule.value,
    field: 'text',
  };
}

/** A collection error counts as a breach of the error rule for that device and collector. */
export function evaluateError(
  rule: Rule,
  err: Error,
  where: { device: string; collector: string },
  time: number,
  ctx: RuleContext,
): Observation | undefined {
  return errorRuleObservation(rule, where, time, ctx, true, err.message);
}

/**
 * Data from a device through a collector: its collection works, so the error rule's run of
 * errors ends (pending -> ok, firing -> resolved). "3 errors in a row" means in a row.
 */
export function evaluateSuccess(
  rule: Rule,
  where: { device: string; collector: string },
  time: number,
  ctx: RuleContext,
): Observation | undefined {
  return errorRuleObservation(rule, where, time, ctx, false, '');
}

function errorRuleObservation(
  rule: Rule,
  where: { device: string; collector: string },
  time: number,
  ctx: RuleContext,
  breached: boolean,
  value: string,
): Observation | undefined {
  if (!rule.enabled || rule.kind !== 'error') return undefined;
  const tags = { device: where.device, collector: where.collector };
  if (!scopeMatches(rule.scope, where.device, tags, ctx)) return undefined;
  const subject = subjectOf(rule, tags);
  return {
    key: incidentKey(where.device, rule.id, subject),
    rule: rule.id,
    device: where.device,
    subject,
    time,
    breached,
    value,
    threshold: rule.value,
    field: 'error',
  };
}
