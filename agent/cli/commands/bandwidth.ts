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
import type { CommittedVerdict } from '../../../analytics/bandwidth';
import { gb, mbps, num, pct } from '../../../analytics/format';
import { currentMonth, parsePeriod } from '../../../analytics/period';
import { bandwidthReport, BandwidthRow } from '../../../analytics/report/bandwidth';
import { bandwidthDailyLines, dailyRetentionPolicy } from '../../../analytics/report/daily';
import { bandwidthMonthlyPoints, isClosedMonth } from '../../../analytics/report/monthly';
import { toLines } from '../../../analytics/report/points';
import { configPath } from '../config-option';
import { EXIT } from '../exit';
import { renderTable } from '../format';

const VERDICT: Record<'id' | 'en', Record<CommittedVerdict, string>> = {
  id: {
    ok: 'tercapai',
    below: 'TEMUAN: di bawah komitmen',
    'not-saturated': 'tidak jenuh',
    'no-target': '-',
    'no-data': 'tidak ada data',
  },
  en: {
    ok: 'reached',
    below: 'FINDING: below committed',
    'not-saturated': 'not saturated',
    'no-target': '-',
    'no-data': 'no data',
  },
};
const HEAD = {
  id: [
    'link',
    'komitmen',
    'p95 masuk',
    'p95 keluar',
    'p95 maks',
    'p95 agregat',
    'rata-rata',
    'puncak',
    'volume masuk',
    'volume keluar',
    'laju komitmen',
  ],
  en: [
    'link',
    'committed',
    'p95 in',
    'p95 out',
    'p95 max',
    'p95 aggregate',
    'average',
    'peak',
    'volume in',
    'volume out',
    'committed rate',
  ],
};
const SLA = {
  id: { availability: 'ketersediaan', latency: 'latensi', loss: 'kehilangan paket' },
  en: { availability: 'availability', latency: 'latency', loss: 'packet loss' },
};

export function registerBandwidth(program: Command): void {
  program
    .command('bandwidth')
    .description(
      'bandwidth against targets per link and agency queue: 95th percentile, utilisation, volume, committed-rate and ISP SLA checks (bill-style)',
    )
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .option('--link <id>', 'only this link')
    .option('--month <YYYY-MM>', 'the month (default: this month)')
    .option('--format <f>', 'table | json | csv', 'table')
    .option(
      '--write',
      "also write the daily summaries (bandwidth_daily) and, for a closed month, the month's bill (bandwidth_monthly) to InfluxDB",
    )
    .action(
      async (opts: { config?: string; link?: string; month?: string; format: string; write?: boolean }) => {
        const config = loadForFigures(configPath(opts.config));
        if (opts.link && !config.links.some((l) => l.id === opts.link)) {
          console.error(`noc bandwidth: link "${opts.link}" is not in the configuration`);
          process.exitCode = EXIT.failed;
          return;
        }
        const lang = langOf(config);
        const now = Date.now();
        const period = parsePeriod(
          opts.month ?? currentMonth(now, config.organisation.timezone),
          config.organisation.timezone,
        );
        const edge = edgeFor(config);
        const bar = progressBar();
        const report = await bandwidthReport(edge, config, {
          from: period.from,
          to: period.to,
          now,
          link: opts.link,
          keepSeries: Boolean(opts.write),
          progress: bar.update,
        });
        bar.stop();
        if (opts.write) {
          const lines = report.rows.flatMap((r) => {
            const s = report.series.get(`${r.kind}:${r.id}`);
            return s
              ? bandwidthDailyLines(
                  r.id,
                  { kind: r.kind, agency: r.agency },
                  s.times,
                  s.inBps,
                  s.outBps,
                  report.from,
                  report.to,
                  r.capacityBps,
                )
              : [];
          });
          // The month's bill only once the month is over: the audit report trusts a stored bill.
          const closed = isClosedMonth(period, now, config.organisation.timezone);
          if (closed) lines.push(...toLines(bandwidthMonthlyPoints(report.rows, config, period.from)));
          else
            console.error(
              lang === 'id'
                ? `bandwidth_monthly tidak ditulis: bulan ${period.label} belum berakhir`
                : `bandwidth_monthly not written: month ${period.label} has not ended`,
            );
          await edge.write(lines, dailyRetentionPolicy(config));
        }
        if (opts.format === 'json') {
          console.log(
            JSON.stringify(
              {
                month: period.label,
                from: new Date(report.from).toISOString(),
                to: new Date(report.to).toISOString(),
                source: report.source.kind,
                rows: report.rows,
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
                'committed_bps',
                'p95_in_bps',
                'p95_out_bps',
                'p95_max_bps',
                'p95_aggregate_bps',
                'avg_utilisation_percent',
                'peak_utilisation_percent',
                'volume_in_bytes',
                'volume_out_bytes',
                'committed_check',
                'ceiling_bps',
              ],
              report.rows.map((r) => [
                r.kind,
                r.id,
                r.committedBps,
                r.summary.p95InBps,
                r.summary.p95OutBps,
                r.summary.p95MaxBps,
                r.summary.p95AggregateBps,
                r.summary.avgUtilisationPercent,
                r.summary.peakUtilisationPercent,
                r.summary.volumeInBytes,
                r.summary.volumeOutBytes,
                r.summary.committed.verdict,
                r.summary.committed.ceilingBps,
              ]),
            ),
          );
          return;
        }
        console.log(
          `${lang === 'id' ? 'Bandwidth' : 'Bandwidth'} ${periodText(report.from, report.to, config)}`,
        );
        console.log(
          renderTable(
            HEAD[lang],
            report.rows.map((r) => billRow(r, lang)),
          ),
        );
        for (const r of report.rows.filter((x) => x.summary.committed.verdict === 'below')) {
          const c = r.summary.committed;
          console.log(
            lang === 'id'
              ? `Temuan ${r.id}: saat jenuh (${c.saturatedSamples} sampel 5 menit) throughput hanya ${mbps(c.ceilingBps, lang)}, ${num(c.shortfallPercent!, 1, lang)} % di bawah laju komitmen ${mbps(r.committedBps!, lang)}.`
              : `Finding ${r.id}: when saturated (${c.saturatedSamples} 5-minute samples) throughput reaches only ${mbps(c.ceilingBps, lang)}, ${num(c.shortfallPercent!, 1, lang)} % below the committed ${mbps(r.committedBps!, lang)}.`,
          );
        }
        for (const r of report.rows.filter((x) => x.sla.length)) {
          const head =
            lang === 'id'
              ? ['SLA ' + r.id, 'kontrak', 'terukur', 'memenuhi']
              : ['SLA ' + r.id, 'contract', 'measured', 'met'];
          const fmt = (metric: string, v: number | null) =>
            v === null
              ? '-'
              : metric === 'latency'
                ? `${num(v, 1, lang)} ms`
                : pct(v, lang, metric === 'availability' ? 3 : 2);
          console.log('');
          console.log(
            renderTable(
              head,
              r.sla.map((i) => [
                SLA[lang][i.metric],
                fmt(i.metric, i.contract),
                fmt(i.metric, i.measured),
                yesNo(i.met, lang),
              ]),
            ),
          );
        }
      },
    );
}

function billRow(r: BandwidthRow, lang: 'id' | 'en'): string[] {
  const s = r.summary;
  return [
    r.kind === 'queue' ? `${lang === 'id' ? 'antrean' : 'queue'} ${r.id}` : r.id,
    r.committedBps === undefined ? '-' : mbps(r.committedBps, lang),
    mbps(s.p95InBps, lang),
    mbps(s.p95OutBps, lang),
    mbps(s.p95MaxBps, lang),
    mbps(s.p95AggregateBps, lang),
    s.avgUtilisationPercent === null
      ? mbps(Math.max(s.avgInBps ?? 0, s.avgOutBps ?? 0), lang)
      : pct(s.avgUtilisationPercent, lang, 1),
    s.peakUtilisationPercent === null
      ? mbps(Math.max(s.peakInBps ?? 0, s.peakOutBps ?? 0), lang)
      : pct(s.peakUtilisationPercent, lang, 1),
    gb(s.volumeInBytes, lang),
    gb(s.volumeOutBytes, lang),
    VERDICT[lang][s.committed.verdict],
  ];
}
