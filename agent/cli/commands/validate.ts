import type { Command } from 'commander';
import { loadConfigFile } from '../../../config/load';
import { ConfigProblem, formatProblem } from '../../../config/problems';
import { EXIT } from '../exit';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a configuration file; prints every problem with its key path (exit 2 on any)')
    .argument('<file>', 'the YAML configuration')
    .option('--secrets', 'treat secrets that cannot be read (unset variable, missing file) as errors too')
    .action((file: string, opts: { secrets?: boolean }) => {
      const { config, problems, secretProblems } = loadConfigFile(file);
      const errors = opts.secrets ? [...problems, ...secretProblems] : problems;
      if (!opts.secrets) for (const line of groupSecretWarnings(secretProblems)) console.error(line);
      if (!config || errors.length) {
        for (const p of errors) console.error(formatProblem(p));
        console.error(`${file}: ${errors.length} masalah konfigurasi / configuration problem(s)`);
        process.exitCode = EXIT.invalidConfig;
        return;
      }
      console.log(
        `${file}: OK (${config.devices.length} perangkat, ${config.links.length} link, ` +
          `${config.services.length} layanan, ${config.racks.length} rak)`,
      );
    });
}

/** One warning per missing variable or file rather than one per key that uses it. */
function groupSecretWarnings(problems: ConfigProblem[]): string[] {
  const byMessage = new Map<string, string[]>();
  for (const p of problems) byMessage.set(p.message, [...(byMessage.get(p.message) ?? []), p.path]);
  return [...byMessage].map(([message, paths]) => {
    const shown = paths.slice(0, 3).join(', ') + (paths.length > 3 ? `, … (${paths.length} keys)` : '');
    return `peringatan: ${message}; noc run will refuse to start without it (${shown})`;
  });
}
