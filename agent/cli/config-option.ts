import { loadConfigFile, NocConfig } from '../../config/load';
import { formatProblem } from '../../config/problems';
import { EXIT } from './exit';
export { configPath } from '../../config/location';

/**
 * Loads the config for a command that needs a working one: prints every problem with its key
 * path and exits 2 on any, secrets included (the command is about to use them).
 */
export function loadForCommand(file: string): NocConfig {
  const { config, problems, secretProblems } = loadConfigFile(file);
  const all = [...problems, ...secretProblems];
  if (!config || all.length) {
    for (const p of all) console.error(formatProblem(p));
    console.error(`${file}: ${all.length} masalah konfigurasi / configuration problem(s); not starting`);
    process.exit(EXIT.invalidConfig);
  }
  return config;
}
