/**
 * What Grafana does to an InfluxQL query before sending it, so the dashboards' queries can be
 * run against a real InfluxDB without Grafana: $timeFilter becomes an absolute epoch range,
 * $__interval a duration, and a template variable inside a regex its value (regex-escaped) or
 * the variable's "All" value.
 */
export interface MacroValues {
  fromMs: number;
  toMs: number;
  interval: string;
  /** Variable name -> selected value; a variable not given expands to its All value `.*`. */
  vars?: Record<string, string>;
}

export function expandMacros(query: string, m: MacroValues): string {
  return query
    .replace(/\$timeFilter/g, `time >= ${m.fromMs}ms and time <= ${m.toMs}ms`)
    .replace(/\$__interval/g, m.interval)
    .replace(/\$(\w+)/g, (_, name: string) => {
      const value = m.vars?.[name];
      return value === undefined ? '.*' : value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    });
}
