import type { Command } from 'commander';
import { capacityWithWarning, reasonText } from '../../../analytics/cli/capacity-data';
import { langOf, loadForFigures } from '../../../analytics/cli/common';
import { checkColocation } from '../../../analytics/colocation';
import { configPath } from '../config-option';
import { EXIT } from '../exit';

/**
 * The colocation SOP check (ketersediaan rak, ketersediaan catu daya) before accepting a server.
 * Exit 0 when at least one rack can take it, 1 when none can.
 */
export function registerColocation(program: Command): void {
  const colocation = program
    .command('colocation')
    .description('colocation (penitipan server) in the Pusat Data');
  colocation
    .command('check')
    .description(
      'which racks can take a server now (contiguous U, feed power, A/B redundancy) and why not for the others; exit 1 when none',
    )
    .requiredOption('--units <n>', 'height of the server in U')
    .requiredOption('--watts <w>', 'its power (allocated or nameplate watts)')
    .option('--redundant', 'dual-corded on an A/B pair: each side alone must carry the rack with it')
    .option('--agency <id>', 'the agency (tenant) placing it')
    .option('--site <id>', 'only racks of this site')
    .option('--format <f>', 'table | json', 'table')
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .action(
      async (opts: {
        units: string;
        watts: string;
        redundant?: boolean;
        agency?: string;
        site?: string;
        format: string;
        config?: string;
      }) => {
        const units = Number(opts.units);
        const wattsNeeded = Number(opts.watts);
        if (!Number.isInteger(units) || units < 1 || !(wattsNeeded > 0)) {
          console.error(
            'noc colocation check: --units must be a whole number ≥ 1 and --watts a positive number',
          );
          process.exitCode = EXIT.failed;
          return;
        }
        const config = loadForFigures(configPath(opts.config));
        const agency = opts.agency ? config.agencies.find((a) => a.id === opts.agency) : undefined;
        if (opts.agency && !agency) {
          console.error(`noc colocation check: agency "${opts.agency}" is not in the configuration`);
          process.exitCode = EXIT.failed;
          return;
        }
        const lang = langOf(config);
        const { report, warning } = await capacityWithWarning(config, opts.site);
        if (warning) console.error(warning);
        const fits = checkColocation(report.racks, {
          units,
          watts: wattsNeeded,
          redundant: Boolean(opts.redundant),
        });
        const any = fits.some((f) => f.fits);
        process.exitCode = any ? EXIT.ok : EXIT.failed;
        if (opts.format === 'json') {
          console.log(
            JSON.stringify(
              {
                request: {
                  units,
                  watts: wattsNeeded,
                  redundant: Boolean(opts.redundant),
                  agency: opts.agency ?? null,
                },
                racks: fits,
              },
              null,
              2,
            ),
          );
          return;
        }
        const who = agency ? (lang === 'id' ? ` untuk ${agency.name}` : ` for ${agency.name}`) : '';
        const red = opts.redundant ? (lang === 'id' ? ', redundan A/B' : ', A/B redundant') : '';
        console.log(
          lang === 'id'
            ? `Cek colocation: ${units} U, ${wattsNeeded} W${red}${who}`
            : `Colocation check: ${units} U, ${wattsNeeded} W${red}${who}`,
        );
        for (const f of fits) {
          if (f.fits)
            console.log(
              lang === 'id'
                ? `  BISA   ${f.rack}: mulai U${f.position!.u}, catu daya ${f.feeds!.join('+')}`
                : `  FITS   ${f.rack}: from U${f.position!.u}, feed ${f.feeds!.join('+')}`,
            );
          else
            console.log(
              `  ${lang === 'id' ? 'TIDAK' : 'NO   '}  ${f.rack}: ${f.reasons.map((r) => reasonText(r, lang)).join('; ')}`,
            );
        }
        if (!any)
          console.log(
            lang === 'id'
              ? 'Tidak ada rak yang dapat menampung server ini.'
              : 'No rack can take this server.',
          );
      },
    );
}
