import { SingleBar } from 'cli-progress';
import { EXIT } from '../../agent/cli/exit';
import { loadConfigFile, NocConfig } from '../../config/load';
import { formatProblem } from '../../config/problems';
import { formatDate, zoneLabel, type Lang } from '../format';
import { influxEdge, InfluxEdge } from '../influx/client';

/** What the four service-level commands share: the InfluxDB edge, labels, dates, progress. */
export function edgeFor(config: NocConfig): InfluxEdge {
  return influxEdge(config.influx);
}

export const langOf = (config: NocConfig): Lang => config.organisation.language;

/** "1 Oktober 2025" in the organisation's time zone. */
export function localDate(ms: number, config: NocConfig): string {
  return formatDate(ms, langOf(config), config.organisation.timezone);
}

/** "1 Oktober 2025 – 31 Oktober 2025 (WIB)": the inclusive last day of [from, to). */
export function periodText(from: number, to: number, config: NocConfig): string {
  const zone = zoneLabel(config.organisation.timezone);
  return `${localDate(from, config)} – ${localDate(to - 1, config)} (${zone})`;
}

/**
 * A progress bar on stderr for long queries, only when a person watches (stdout is a TTY);
 * scripts and tests get clean output.
 */
export function progressBar(enabled = Boolean(process.stdout.isTTY)) {
  if (!enabled) return { update: (_d: number, _t: number) => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: process.stderr,
    clearOnComplete: true,
    hideCursor: true,
    format: '{bar} {percentage}% | {value}/{total}',
  });
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

/** CSV for spreadsheets and scripts: comma-separated, dot decimals, quoted when needed. */
export function csv(header: string[], rows: (string | number | null | undefined)[][]): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n');
}

export const yesNo = (v: boolean | null, lang: Lang) =>
  v === null ? '-' : v ? (lang === 'id' ? 'ya' : 'yes') : lang === 'id' ? 'tidak' : 'no';

/**
 * Loads the configuration for the read-only figures: any schema problem stops (exit 2), but of
 * the secrets only InfluxDB's matter; SNMP/RouterOS keys unset in an operator's shell do not.
 */
export function loadForFigures(file: string): NocConfig {
  const { config, problems, secretProblems } = loadConfigFile(file);
  const all = [...problems, ...secretProblems.filter((p) => p.path.startsWith('influx.'))];
  if (!config || all.length) {
    for (const p of all) console.error(formatProblem(p));
    console.error(`${file}: ${all.length} masalah konfigurasi / configuration problem(s)`);
    process.exit(EXIT.invalidConfig);
  }
  return config;
}
