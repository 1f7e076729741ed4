import type { Command } from 'commander';
import { loadConfigFile } from '../../../config/load';
import { formatProblem } from '../../../config/problems';
import { EXIT } from '../exit';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a configuration file; prints every problem with its key path (exit 2 on any)')
    .argument('<file>', 'the YAML configuration')
    .action((file: string) => {
      const { config, problems } = loadConfigFile(file);
      if (!config) {
        for (const p of problems) console.error(formatProblem(p));
        console.error(`${file}: ${problems.length} masalah konfigurasi / configuration problem(s)`);
        process.exitCode = EXIT.invalidConfig;
        return;
      }
      console.log(
        `${file}: OK (${config.devices.length} perangkat, ${config.links.length} link, ${config.services.length} layanan, ${config.racks.length} rak)`,
      );
    });
}
