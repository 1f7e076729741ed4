import type { Command } from 'commander';
import {
  csv,
  edgeFor,
  langOf,
  loadForFigures,
  periodText,
  progressBar,
  yesNo,
} from '../../../analytics/cli/common';
import { duration, pct } from '../../../analytics/format';
import { currentMonth, parsePeriod } from '../../../analytics/period';
import { availabilityDailyLines, dailyRetentionPolicy } from '../../../analytics/report/daily';
import { availabilityRows, GroupBy, kindsFor, objectTimelines } from '../../../analytics/report/availability';
import { availabilityBook } from '../../../analytics/report/daily-book';
import { configPath } from '../config-option';
import { EXIT } from '../exit';
import { renderTable } from '../format';

const BY = ['device', 'link', 'service', 'agency', 'site'];

const HEAD = {
  id: [
    'objek',
    'nama',
    'ketersediaan',
    'target',
    'memenuhi',
    'tier TIA-942',
    'gangguan',
    'total henti',
    'MTTR',
    'MTBF',
    'terlama',
    'tidak terpantau',
    'pemeliharaan',
  ],
  en: [
    'object',
    'name',
    'availability',
    'target',
    'meets',
    'TIA-942 tier',
    'outages',
    'downtime',
    'MTTR',
    'MTBF',
    'longest',
    'not monitored',
    'maintenance',
  ],
};

export function registerAvailability(program: Command): void {
  program
    .command('availability')
    .description(
      'availability (ketersediaan) per device, link, service, agency or site over a period, with outages, MTTR, MTBF and TIA-942 tiers',
    )
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .option('--period <p>', 'YYYY, YYYY-MM or YYYY-MM-DD (default: this month)')
    .option('--by <what>', BY.join(' | '), 'device')
    .option('--format <f>', 'table | json | csv', 'table')
    .option('--write', 'also write the daily summaries (availability_daily) to InfluxDB')
    .action(
      async (opts: { config?: string; period?: string; by: string; format: string; write?: boolean }) => {
        if (!BY.includes(opts.by) || !['table', 'json', 'csv'].includes(opts.format)) {
          console.error(
            `noc availability: --by must be one of ${BY.join(', ')}; --format table, json or csv`,
          );
          process.exitCode = EXIT.failed;
          return;
        }
        const config = loadForFigures(configPath(opts.config));
        const lang = langOf(config);
        const now = Date.now();
        const period = parsePeriod(
          opts.period ?? currentMonth(now, config.organisation.timezone),
          config.organisation.timezone,
        );
        const edge = edgeFor(config);
        const bar = progressBar();
        // Tables and CSV add up the stored daily summaries (a year in seconds); JSON lists every
        // outage's start and end, which only the timelines have, and --write makes the summaries.
        const fromSummaries = !opts.write && opts.format !== 'json';
        const q = { from: period.from, to: period.to, now, progress: bar.update };
        const t = fromSummaries
          ? await availabilityBook(edge, config, q)
          : await objectTimelines(edge, config, {
              ...q,
              by: opts.by as GroupBy,
              // The daily summaries cover every object; a table only what it shows.
              kinds: opts.write ? undefined : kindsFor(opts.by as GroupBy),
            });
        bar.stop();
        const rows = availabilityRows(t, opts.by as GroupBy);
        if (opts.write && 'final' in t)
          await edge.write(availabilityDailyLines(t), dailyRetentionPolicy(config));
        // Agencies and sites are shown by name; devices, links and services carry their own.
        const groups = opts.by === 'agency' ? config.agencies : opts.by === 'site' ? config.sites : [];
        const names = new Map<string, string>(groups.map((x) => [x.id, x.name]));

        if (opts.format === 'json') {
          const s = (ms: number | null) => (ms === null ? null : ms / 1000);
          console.log(
            JSON.stringify(
              {
                period: period.label,
                from: new Date(t.from).toISOString(),
                to: new Date(t.to).toISOString(),
                source: 'final' in t ? t.source.kind : t.describe,
                rows: rows.map((r) => ({
                  kind: r.kind,
                  id: r.id,
                  name: names.get(r.id) ?? r.name,
                  availabilityPercent: r.result.availabilityPercent,
                  targetPercent: r.targetPercent ?? null,
                  targetSource: r.targetSource ?? null,
                  meetsTarget: r.meetsTarget,
                  tier: r.tier,
                  outages: r.result.outageCount,
                  downtimeSeconds: s(r.result.downMs),
                  mttrSeconds: s(r.result.mttrMs),
                  mtbfSeconds: s(r.result.mtbfMs),
                  longestOutageSeconds: s(r.result.longestOutageMs),
                  notMonitoredSeconds: s(r.result.unknownMs),
                  maintenanceSeconds: s(r.result.maintenanceMs),
                  parentCausedSeconds: s(r.result.parentMs),
                  coveragePercent: r.result.coveragePercent,
                  outageList: r.result.outages.map((o) => ({
                    from: new Date(o.from).toISOString(),
                    to: new Date(o.to).toISOString(),
                    seconds: o.durationMs / 1000,
                  })),
                })),
              },
              null,
              2,
            ),
          );
          return;
        }
        if (opts.format === 'csv') {
          console.log(
            csv(
              [
                'kind',
                'id',
                'availability_percent',
                'target_percent',
                'meets_target',
                'tier',
                'outages',
                'downtime_s',
                'mttr_s',
                'mtbf_s',
                'longest_s',
                'not_monitored_s',
                'maintenance_s',
                'parent_s',
              ],
              rows.map((r) => [
                r.kind,
                r.id,
                r.result.availabilityPercent,
                r.targetPercent,
                r.meetsTarget === null ? '' : String(r.meetsTarget),
                r.tier,
                r.result.outageCount,
                r.result.downMs / 1000,
                r.result.mttrMs === null ? null : r.result.mttrMs / 1000,
                r.result.mtbfMs === null ? null : r.result.mtbfMs / 1000,
                r.result.longestOutageMs / 1000,
                r.result.unknownMs / 1000,
                r.result.maintenanceMs / 1000,
                r.result.parentMs / 1000,
              ]),
            ),
          );
          return;
        }
        const title = lang === 'id' ? 'Ketersediaan' : 'Availability';
        console.log(`${title} ${periodText(t.from, t.to, config)}`);
        console.log(
          renderTable(
            HEAD[lang],
            rows.map((r) => [
              r.id,
              names.get(r.id) ?? r.name,
              r.result.availabilityPercent === null
                ? lang === 'id'
                  ? 'tidak terpantau'
                  : 'not monitored'
                : pct(r.result.availabilityPercent, lang),
              r.targetPercent === undefined ? '-' : pct(r.targetPercent, lang),
              yesNo(r.meetsTarget, lang),
              r.tier ?? '-',
              String(r.result.outageCount),
              duration(r.result.downMs, lang),
              duration(r.result.mttrMs, lang),
              duration(r.result.mtbfMs, lang),
              duration(r.result.longestOutageMs, lang),
              duration(r.result.unknownMs, lang),
              duration(r.result.maintenanceMs, lang),
            ]),
          ),
        );
        console.log(
          lang === 'id'
            ? 'Tier TIA-942: I 99,671 % · II 99,741 % · III 99,982 % · IV 99,995 %. Pemeliharaan dan gangguan akibat perangkat induk tidak dihitung.'
            : 'TIA-942 tiers: I 99.671 % · II 99.741 % · III 99.982 % · IV 99.995 %. Maintenance and outages caused by a parent are not counted.',
        );
      },
    );
}
