import type { Command } from 'commander';
import { loadForAlerting, openStore } from '../../../alerting/cli/common';
import { formatDuration, formatTime } from '../../../alerting/text';
import { languageOf } from '../../../alerting/view';
import { configPath } from '../config-option';
import { renderTable } from '../format';

export function registerIncidents(program: Command): void {
  program
    .command('incidents')
    .description('list incidents from the incident store (newest first)')
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .option('--open', 'only incidents not yet resolved')
    .option('--limit <n>', 'at most this many', '50')
    .option('--format <f>', 'table | json', 'table')
    .option('--audit', 'the audit trail instead: who changed what (acks, maintenance, fire/resolve)')
    .action((opts: { config?: string; open?: boolean; limit: string; format: string; audit?: boolean }) => {
      const config = loadForAlerting(configPath(opts.config));
      const store = openStore(config);
      try {
        if (opts.audit) {
          const trail = store.auditTrail(Number(opts.limit) || 50);
          if (opts.format === 'json') return console.log(JSON.stringify(trail, null, 2));
          const lang = languageOf(config);
          const rows = trail.map((a) => [
            formatTime(a.time, lang, config.organisation.timezone),
            a.actor,
            a.action,
            a.object,
            a.detail ?? '',
          ]);
          return console.log(
            renderTable(
              lang === 'id'
                ? ['WAKTU', 'OLEH', 'TINDAKAN', 'OBJEK', 'RINCIAN']
                : ['TIME', 'BY', 'ACTION', 'OBJECT', 'DETAIL'],
              rows,
            ),
          );
        }
        const incidents = store.incidents({ open: opts.open, limit: Number(opts.limit) || 50 });
        const withTickets = incidents.map((i) => ({ ...i, tickets: store.tickets(i.id) }));
        if (opts.format === 'json') {
          console.log(JSON.stringify(withTickets, null, 2));
          return;
        }
        const lang = languageOf(config);
        const tz = config.organisation.timezone;
        const now = Date.now();
        const header =
          lang === 'id'
            ? [
                'ID',
                'STATUS',
                'KEPARAHAN',
                'PERANGKAT',
                'ATURAN',
                'SUBJEK',
                'MULAI',
                'DURASI',
                'TIKET',
                'KETERANGAN',
              ]
            : [
                'ID',
                'STATE',
                'SEVERITY',
                'DEVICE',
                'RULE',
                'SUBJECT',
                'STARTED',
                'DURATION',
                'TICKET',
                'NOTE',
              ];
        const rows = withTickets.map((i) => [
          i.id,
          i.state + (i.flapping ? ' (flapping)' : ''),
          i.severity,
          i.device,
          i.rule,
          i.subject,
          formatTime(i.startedAt, lang, tz),
          formatDuration(((i.resolvedAt ?? now) - i.startedAt) / 1000, lang),
          i.tickets.map((t) => `${t.connector}:${t.ref}`).join(' ') || '-',
          i.suppressed
            ? `${i.suppressed}${i.parentIncident ? ` ${i.parentIncident}` : ''}`
            : i.ackedBy
              ? `ack ${i.ackedBy}`
              : '',
        ]);
        console.log(renderTable(header, rows));
      } finally {
        store.close();
      }
    });
}
