import type { Metrics } from './metrics';
import type { Sample } from './sample';

/**
 * The agent's own metrics as samples (measurement `noc_agent`), one per label set, so Grafana's
 * agent-health dashboard reads the same numbers /metrics serves.
 */
export function selfSamples(metrics: Metrics, time: number): Sample[] {
  const byLabels = new Map<string, Sample>();
  for (const [name, labels, value] of metrics.entries()) {
    const key = JSON.stringify(labels);
    let sample = byLabels.get(key);
    if (!sample) {
      sample = { measurement: 'noc_agent', tags: { ...labels }, fields: {}, time };
      byLabels.set(key, sample);
    }
    sample.fields[name.replace(/^noc_/, '')] = value;
  }
  return [...byLabels.values()];
}
