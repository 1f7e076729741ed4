import { BUILTIN_RULE_IDS } from '../alerting/rules/builtin';
import type { RawConfig } from './schema';
import { ConfigProblem, formatPath } from './problems';

/**
 * Cross-references of the `alerting` section: rule completeness and scopes, maintenance
 * targets, teams and connectors named by routing. Each problem names its key path.
 */
export function checkAlerting(config: RawConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const add = (path: PropertyKey[], message: string) =>
    problems.push({ path: formatPath(['alerting', ...path]), message });
  const a = config.alerting;
  const devices = new Set(config.devices.map((d) => d.id));
  const sites = new Set(config.sites.map((s) => s.id));
  const agencies = new Set(config.agencies.map((s) => s.id));
  const teams = new Set(a.routing.teams.map((t) => t.id));
  const connectors = new Set<string>();

  const unique = (items: { id: string }[], key: string) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add([key, i, 'id'], `duplicate id "${item.id}"`);
      seen.add(item.id);
    });
  };
  unique(a.rules, 'rules');
  unique(a.maintenance, 'maintenance');
  unique(a.connectors, 'connectors');
  a.connectors.forEach((c) => connectors.add(c.id));

  a.rules.forEach((rule, i) => {
    if (!BUILTIN_RULE_IDS.has(rule.id)) {
      const kind = rule.kind ?? 'threshold';
      const needs =
        kind === 'event'
          ? (['event', 'severity'] as const)
          : kind === 'error'
            ? (['severity'] as const)
            : (['measurement', 'field', 'operator', 'value', 'severity'] as const);
      for (const key of needs)
        if (rule[key] === undefined)
          add(['rules', i, key], `required for a new rule ("${rule.id}" is not built in)`);
    }
    const scope = rule.scope;
    scope?.devices?.forEach(
      (d, j) => devices.has(d) || add(['rules', i, 'scope', 'devices', j], `device "${d}" does not exist`),
    );
    scope?.sites?.forEach(
      (s, j) => sites.has(s) || add(['rules', i, 'scope', 'sites', j], `site "${s}" does not exist`),
    );
    scope?.agencies?.forEach(
      (s, j) => agencies.has(s) || add(['rules', i, 'scope', 'agencies', j], `agency "${s}" does not exist`),
    );
  });

  a.maintenance.forEach((w, i) => {
    const targets = [w.device, w.site, w.agency].filter((t) => t !== undefined).length;
    if (targets !== 1) add(['maintenance', i], 'name exactly one of device, site or agency');
    if (w.device && !devices.has(w.device))
      add(['maintenance', i, 'device'], `device "${w.device}" does not exist`);
    if (w.site && !sites.has(w.site)) add(['maintenance', i, 'site'], `site "${w.site}" does not exist`);
    if (w.agency && !agencies.has(w.agency))
      add(['maintenance', i, 'agency'], `agency "${w.agency}" does not exist`);
    if (w.to.replace('T', ' ') <= w.from.replace('T', ' '))
      add(['maintenance', i, 'to'], 'must be after from');
  });

  const r = a.routing;
  unique(r.teams, 'routing.teams');
  for (const key of ['network', 'datacenter'] as const)
    if (!teams.has(r.dinas[key]))
      add(['routing', 'dinas', key], `team "${r.dinas[key]}" does not exist in routing.teams`);
  r.steps.forEach(
    (s, i) => teams.has(s.team) || add(['routing', 'steps', i, 'team'], `team "${s.team}" does not exist`),
  );
  r.teams.forEach((t, i) =>
    t.notify.forEach(
      (c, j) =>
        connectors.has(c) || add(['routing', 'teams', i, 'notify', j], `connector "${c}" does not exist`),
    ),
  );
  a.maintenanceNotice.forEach(
    (c, i) => connectors.has(c) || add(['maintenanceNotice', i], `connector "${c}" does not exist`),
  );
  return problems;
}
