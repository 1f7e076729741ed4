import type { NocConfig } from '../../config/load';
import type { RuleConfig } from '../../config/schema/alerting';
import type { Rule } from '../types';
import { BUILTIN_RULES } from './builtin';
import type { RuleContext } from './evaluate';

export { BUILTIN_RULES, BUILTIN_RULE_IDS } from './builtin';
export * from './evaluate';

/**
 * The rules in force: the built-in set with each config entry laid over the built-in rule of the
 * same id (only the keys it gives), plus the config's own rules. The config checks already
 * made sure a new rule has everything it needs.
 */
export function resolveRules(overrides: RuleConfig[]): Rule[] {
  const rules = new Map(BUILTIN_RULES.map((r) => [r.id, r]));
  for (const o of overrides) {
    const base: Rule = rules.get(o.id) ?? {
      id: o.id,
      enabled: true,
      kind: 'threshold',
      measurement: '',
      fields: [],
      operator: '>',
      value: 0,
      forSeconds: 0,
      count: 1,
      severity: 'sedang',
      where: {},
      when: {},
      scope: {},
      subject: [],
      title: { id: `{device}: ${o.id} {subject} {value}`, en: `{device}: ${o.id} {subject} {value}` },
    };
    const { field, ...rest } = o;
    const merged: Rule = { ...base };
    for (const [k, v] of Object.entries(rest))
      if (v !== undefined) (merged as unknown as Record<string, unknown>)[k] = v;
    if (field !== undefined) merged.fields = Array.isArray(field) ? field : [field];
    rules.set(o.id, merged);
  }
  return [...rules.values()];
}

export function ruleContext(config: NocConfig): RuleContext {
  return {
    devices: new Map(
      config.devices.map((d) => [
        d.id,
        { kind: d.kind, site: d.site, agency: d.agency, tags: d.tags, responsibility: d.responsibility },
      ]),
    ),
    links: new Map(
      config.links.map((l) => [
        l.id,
        {
          kind: l.kind,
          warningPercent: l.utilisation?.warningPercent,
          criticalPercent: l.utilisation?.criticalPercent,
        },
      ]),
    ),
  };
}
