import type { Command } from 'commander';
import { loadForAlerting, openStore } from '../../../alerting/cli/common';
import { acknowledge } from '../../../alerting/view';
import { configPath } from '../config-option';
import { EXIT } from '../exit';

export function registerAck(program: Command): void {
  program
    .command('ack')
    .description('acknowledge an incident: stops escalation and tells the helpdesk who took it')
    .argument('<id>', 'incident id, e.g. INC-20260301-0001')
    .requiredOption('--by <name>', 'who takes it (kept in the audit trail)')
    .option('--note <text>', 'a note for the ticket')
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .action((id: string, opts: { by: string; note?: string; config?: string }) => {
      const config = loadForAlerting(configPath(opts.config));
      const store = openStore(config);
      try {
        const r = acknowledge(store, config, id, opts.by, opts.note, Date.now());
        if (!r.ok) {
          console.error(`noc ack: ${r.reason}`);
          process.exitCode = EXIT.failed;
          return;
        }
        console.log(`${id} diterima oleh ${opts.by}; tindak lanjut dikirim ke helpdesk oleh agen`);
      } finally {
        store.close();
      }
    });
}
