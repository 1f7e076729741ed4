import type { Command } from 'commander';
import { capacityWithWarning } from '../../../analytics/cli/capacity-data';
import { edgeFor, langOf, loadForFigures, yesNo } from '../../../analytics/cli/common';
import { num, pct, watts } from '../../../analytics/format';
import { capacityLines } from '../../../analytics/report/daily';
import { configPath } from '../config-option';
import { EXIT } from '../exit';
import { renderTable } from '../format';

const T = {
  id: {
    racks: [
      'rak',
      'lokasi',
      'U terpakai',
      'U kosong',
      'blok kosong terbesar',
      'daya teralokasi',
      'daya terukur',
      'tersedia sisi A',
      'tersedia sisi B',
      'redundan A/B',
    ],
    feeds: [
      'rak',
      'catu daya',
      'sisi',
      'kapasitas',
      'tersedia',
      'teralokasi',
      'terukur',
      'beban',
      'utilisasi',
      'maks',
      'sisa',
    ],
    ups: ['UPS', 'beban', 'sisa beban', 'waktu cadangan', 'sisa waktu cadangan', 'memadai'],
    agencies: ['Perangkat Daerah', 'perangkat', 'U', 'daya teralokasi'],
    title: 'Kapasitas colocation Pusat Data',
  },
  en: {
    racks: [
      'rack',
      'site',
      'U used',
      'U free',
      'largest free block',
      'allocated power',
      'measured power',
      'available side A',
      'available side B',
      'A/B redundant',
    ],
    feeds: [
      'rack',
      'feed',
      'side',
      'rating',
      'available',
      'allocated',
      'measured',
      'load',
      'utilisation',
      'max',
      'headroom',
    ],
    ups: ['UPS', 'load', 'load headroom', 'runtime', 'runtime headroom', 'adequate'],
    agencies: ['agency', 'devices', 'U', 'allocated power'],
    title: 'Colocation capacity of the Pusat Data',
  },
};

export function registerCapacity(program: Command): void {
  program
    .command('capacity')
    .description(
      'rack space (U used/free, largest contiguous block), power per feed (allocated, measured, available), A/B redundancy, UPS headroom, usage per agency',
    )
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .option('--site <id>', 'only the racks of this site')
    .option('--format <f>', 'table | json', 'table')
    .option('--write', 'also write the capacity measurement to InfluxDB')
    .action(async (opts: { config?: string; site?: string; format: string; write?: boolean }) => {
      const config = loadForFigures(configPath(opts.config));
      if (opts.site && !config.sites.some((s) => s.id === opts.site)) {
        console.error(`noc capacity: site "${opts.site}" is not in the configuration`);
        process.exitCode = EXIT.failed;
        return;
      }
      const lang = langOf(config);
      const { report, warning } = await capacityWithWarning(config, opts.site);
      if (warning) console.error(warning);
      if (opts.write) await edgeFor(config).write(capacityLines(report, config, Date.now()));
      if (opts.format === 'json') {
        console.log(JSON.stringify(report, null, 2));
        return;
      }
      const t = T[lang];
      const names = new Map(config.agencies.map((a) => [a.id, a.name]));
      console.log(t.title);
      console.log(
        renderTable(
          t.racks,
          report.racks.map((r) => [
            r.id,
            r.site,
            `${r.space.usedU} U`,
            `${r.space.freeU} U`,
            `${r.space.largestFreeU} U`,
            watts(r.power.allocatedWatts, lang),
            watts(r.power.measuredWatts, lang),
            watts(r.power.sideAvailableWatts.A, lang),
            watts(r.power.sideAvailableWatts.B, lang),
            r.power.hasPair ? yesNo(r.power.redundant, lang) : '-',
          ]),
        ),
      );
      console.log('');
      console.log(
        renderTable(
          t.feeds,
          report.racks.flatMap((r) =>
            r.power.feeds.map((f) => [
              r.id,
              f.id,
              f.side,
              watts(f.ratedWatts, lang),
              watts(f.availableWatts, lang),
              watts(f.allocatedWatts, lang),
              f.measuredWatts === null
                ? '-'
                : watts(f.measuredWatts, lang) + (f.measuredSharedBy > 1 ? ` (1/${f.measuredSharedBy})` : ''),
              watts(f.loadWatts, lang),
              pct(f.utilisationPercent, lang, 1),
              pct(f.maxUtilisationPercent, lang, 0),
              watts(f.headroomWatts, lang),
            ]),
          ),
        ),
      );
      if (report.ups.length) {
        console.log('');
        const min = lang === 'id' ? 'menit' : 'min';
        const m = (v: number | null) => (v === null ? '-' : `${num(v, 0, lang)} ${min}`);
        console.log(
          renderTable(
            t.ups,
            report.ups.map((u) => [
              u.id,
              pct(u.loadPercent, lang, 0),
              pct(u.loadHeadroomPercent, lang, 0),
              m(u.runtimeMinutes),
              m(u.runtimeHeadroomMinutes),
              yesNo(u.ok, lang),
            ]),
          ),
        );
      }
      console.log('');
      console.log(
        renderTable(
          [
            config.organisation.agencyLabel === 'OPD' || lang === 'en'
              ? t.agencies[0]
              : config.organisation.agencyLabel,
            ...t.agencies.slice(1),
          ],
          report.agencies.map((a) => [
            names.get(a.agency) ?? a.agency,
            String(a.devices),
            `${a.units} U`,
            watts(a.allocatedWatts, lang),
          ]),
        ),
      );
    });
}
