import type { Command } from 'commander';
import { resolve } from 'node:path';
import { exportDashboards } from '../../../dashboards/export';
import { loadConfigFile } from '../../../config/load';
import { formatProblem } from '../../../config/problems';
import { configPath } from '../config-option';
import { EXIT } from '../exit';

export function registerDashboards(program: Command): void {
  const group = program.command('dashboards').description('Grafana dashboards as code');
  group
    .command('export')
    .description('write every dashboard (JSON) and Grafana provisioning files (data source, provider) to DIR')
    .requiredOption('--out <dir>', "output folder, laid out like Grafana's provisioning folder")
    .option('--lang <lang>', 'id | en (default: organisation.language)')
    .option('-c, --config <file>', 'configuration file: thresholds and committed rates come from its targets')
    .action((opts: { out: string; lang?: string; config?: string }) => {
      const file = configPath(opts.config);
      // Dashboards need targets, not credentials: unreadable secrets do not stop an export.
      const { config, problems } = loadConfigFile(file);
      if (!config) {
        for (const p of problems) console.error(formatProblem(p));
        console.error(`${file}: ${problems.length} masalah konfigurasi / configuration problem(s)`);
        process.exit(EXIT.invalidConfig);
      }
      const lang = opts.lang ?? config.organisation.language;
      if (lang !== 'id' && lang !== 'en') {
        console.error(`noc dashboards export: --lang must be id or en, not "${lang}"`);
        process.exit(EXIT.failed);
      }
      const out = resolve(opts.out);
      const written = exportDashboards(config, out, lang);
      for (const rel of written) console.log(`${out}/${rel}`);
    });
}
