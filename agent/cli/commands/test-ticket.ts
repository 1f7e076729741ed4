import type { Command } from 'commander';
import { createConnector } from '../../../alerting/connectors';
import { renderMessage, TicketView } from '../../../alerting/text';
import { languageOf } from '../../../alerting/view';
import { configPath, loadForCommand } from '../config-option';
import { EXIT } from '../exit';

export function registerTestTicket(program: Command): void {
  program
    .command('test-ticket')
    .description('send a clearly marked test ticket through one connector, then close it')
    .requiredOption('--connector <id>', 'connector id from alerting.connectors')
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .action(async (opts: { connector: string; config?: string }) => {
      const config = loadForCommand(configPath(opts.config));
      const settings = config.alerting.connectors.find((c) => c.id === opts.connector);
      if (!settings) {
        const known = config.alerting.connectors.map((c) => c.id).join(', ') || '(none configured)';
        console.error(`noc test-ticket: no connector "${opts.connector}"; configured: ${known}`);
        process.exitCode = EXIT.failed;
        return;
      }
      const connector = createConnector(settings);
      for (const p of connector.validate()) console.error(`peringatan: ${opts.connector}: ${p}`);
      const now = Date.now();
      const id = `TEST-${new Date(now).toISOString().slice(0, 19).replace(/[-:T]/g, '')}`;
      const lang = languageOf(config);
      const view: TicketView = {
        incidentId: id,
        rule: 'test',
        title: lang === 'id' ? 'Uji coba koneksi helpdesk noc' : 'noc helpdesk connection test',
        severity: 'rendah',
        priority: 4,
        category: 'Gangguan',
        device: 'noc-server',
        deviceName: 'noc-server',
        team: 'test',
        teamName: 'NOC',
        tier: 2,
        evidence: { field: 'test', value: true, threshold: true },
        affected: { devices: ['noc-server'], agencies: [], services: [] },
        startedAt: now,
        flapping: false,
        test: true,
      };
      const tz = config.organisation.timezone;
      try {
        const ref = await connector.open(renderMessage('open', view, lang, tz));
        console.log(`${opts.connector}: tiket uji ${ref.ref} dibuat`);
        const end = Date.now();
        await connector.close(
          ref,
          renderMessage(
            'close',
            { ...view, resolvedAt: end, durationSeconds: Math.round((end - now) / 1000) },
            lang,
            tz,
          ),
        );
        console.log(`${opts.connector}: tiket uji ${ref.ref} ditutup`);
      } catch (err) {
        console.error(`noc test-ticket: ${(err as Error).message}`);
        process.exitCode = EXIT.failed;
      } finally {
        await connector.stop?.();
      }
    });
}
