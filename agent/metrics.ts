/**
 * The agent measures itself: counters, gauges and durations, served as Prometheus text on
 * /metrics and written to InfluxDB (measurement noc_agent) for the agent-health dashboard.
 * Small on purpose: no label cardinality beyond collector/device/reason.
 */

type Labels = Record<string, string>;
type Kind = 'counter' | 'gauge' | 'summary';

interface Family {
  kind: Kind;
  help: string;
  series: Map<string, { labels: Labels; value: number; sum: number; count: number }>;
}

export class Metrics {
  private readonly families = new Map<string, Family>();

  counter(name: string, help: string, labels: Labels = {}, by = 1): void {
    this.series(name, 'counter', help, labels).value += by;
  }

  gauge(name: string, help: string, labels: Labels, value: number): void {
    this.series(name, 'gauge', help, labels).value = value;
  }

  /** Records one duration (seconds): exposed as _sum and _count, like a Prometheus summary. */
  observe(name: string, help: string, labels: Labels, seconds: number): void {
    const s = this.series(name, 'summary', help, labels);
    s.sum += seconds;
    s.count += 1;
    s.value = seconds;
  }

  /** A snapshot: [name, labels, value] for every series (summaries as _sum/_count/_last). */
  entries(): [string, Labels, number][] {
    const out: [string, Labels, number][] = [];
    for (const [name, family] of this.families)
      for (const s of family.series.values()) {
        if (family.kind === 'summary') {
          out.push([`${name}_sum`, s.labels, s.sum], [`${name}_count`, s.labels, s.count]);
          out.push([`${name}_last`, s.labels, s.value]);
        } else out.push([name, s.labels, s.value]);
      }
    return out;
  }

  /** Prometheus text exposition format 0.0.4. */
  render(): string {
    const lines: string[] = [];
    for (const [name, family] of this.families) {
      lines.push(
        `# HELP ${name} ${family.help}`,
        `# TYPE ${name} ${family.kind === 'summary' ? 'summary' : family.kind}`,
      );
      for (const s of family.series.values()) {
        const labels = renderLabels(s.labels);
        if (family.kind === 'summary') {
          lines.push(`${name}_sum${labels} ${s.sum}`, `${name}_count${labels} ${s.count}`);
        } else lines.push(`${name}${labels} ${s.value}`);
      }
    }
    return lines.join('\n') + '\n';
  }

  private series(name: string, kind: Kind, help: string, labels: Labels) {
    let family = this.families.get(name);
    if (!family) {
      family = { kind, help, series: new Map() };
      this.families.set(name, family);
    }
    const key = JSON.stringify(labels);
    let s = family.series.get(key);
    if (!s) {
      s = { labels, value: 0, sum: 0, count: 0 };
      family.series.set(key, s);
    }
    return s;
  }
}

function renderLabels(labels: Labels): string {
  const parts = Object.entries(labels).map(
    ([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"')}"`,
  );
  return parts.length ? `{${parts.join(',')}}` : '';
}
