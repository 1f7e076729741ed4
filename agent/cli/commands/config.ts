import type { Command } from 'commander';
import { stringify } from 'yaml';
import { configPath, loadForCommand } from '../config-option';

export function registerConfig(program: Command): void {
  const config = program.command('config').description('inspect the configuration');
  config
    .command('show')
    .description('print the effective configuration with defaults filled in; secrets print as ***')
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .action((opts: { config?: string }) => {
      const loaded = loadForCommand(configPath(opts.config));
      // Through JSON so every Secret prints itself as ***.
      console.log(stringify(JSON.parse(JSON.stringify(loaded))));
    });
}
