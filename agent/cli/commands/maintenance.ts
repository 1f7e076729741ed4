import type { Command } from 'commander';
import { loadForAlerting, openStore } from '../../../alerting/cli/common';
import { configWindows, MaintenanceWindow, parseWhen } from '../../../alerting/maintenance';
import { formatTime } from '../../../alerting/text';
import { languageOf } from '../../../alerting/view';
import { rrule } from '../../../config/schema/alerting';
import { configPath } from '../config-option';
import { EXIT } from '../exit';
import { renderTable } from '../format';

interface AddOptions {
  device?: string;
  site?: string;
  agency?: string;
  from: string;
  to: string;
  reason: string;
  recurrence?: string;
  by?: string;
  config?: string;
}

const fail = (message: string): never => {
  console.error(`noc maintenance: ${message}`);
  process.exit(EXIT.failed);
};

export function registerMaintenance(program: Command): void {
  const m = program
    .command('maintenance')
    .description('maintenance windows (pemeliharaan): no tickets, excluded from availability');
  m.command('add')
    .description('add a window for one device, site or agency ("YYYY-MM-DD HH:MM", local time)')
    .option('--device <id>')
    .option('--site <id>')
    .option('--agency <id>')
    .requiredOption('--from <time>', 'start, e.g. "2026-03-01 22:00"')
    .requiredOption('--to <time>', 'end of the (first) occurrence')
    .requiredOption('--reason <text>', 'why (shown in tickets and the audit report)')
    .option('--recurrence <rrule>', 'e.g. "FREQ=WEEKLY;BYDAY=SU;UNTIL=2026-12-31"')
    .option('--by <name>', 'who adds it (audit trail)', 'cli')
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .action((opts: AddOptions) => {
      const config = loadForAlerting(configPath(opts.config));
      const targets = [opts.device, opts.site, opts.agency].filter(Boolean);
      if (targets.length !== 1) fail('name exactly one of --device, --site or --agency');
      if (opts.device && !config.devices.some((d) => d.id === opts.device))
        fail(`device "${opts.device}" is not in the configuration`);
      if (opts.site && !config.sites.some((d) => d.id === opts.site))
        fail(`site "${opts.site}" is not in the configuration`);
      if (opts.agency && !config.agencies.some((d) => d.id === opts.agency))
        fail(`agency "${opts.agency}" is not in the configuration`);
      if (opts.recurrence && !rrule.safeParse(opts.recurrence).success)
        fail(`--recurrence ${rrule.safeParse(opts.recurrence).error?.issues[0].message}`);
      const tz = config.organisation.timezone;
      let from = 0;
      let to = 0;
      try {
        from = parseWhen(opts.from, tz);
        to = parseWhen(opts.to, tz);
      } catch (err) {
        fail((err as Error).message);
      }
      if (to <= from) fail('--to must be after --from');
      const now = Date.now();
      const w: MaintenanceWindow = {
        id: `m-${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}-${(now % 1e6).toString(36)}`,
        device: opts.device,
        site: opts.site,
        agency: opts.agency,
        from,
        to,
        reason: opts.reason,
        recurrence: opts.recurrence,
        createdBy: opts.by ?? 'cli',
      };
      const store = openStore(config);
      try {
        store.transaction(() => {
          store.addMaintenance(w, now);
          store.audit(w.createdBy, 'maintenance-add', w.id, JSON.stringify(w), now);
        });
      } finally {
        store.close();
      }
      console.log(
        `${w.id}: ${targets[0]} ${formatTime(from, languageOf(config), tz)} - ${formatTime(to, languageOf(config), tz)}${w.recurrence ? ` (${w.recurrence})` : ''}`,
      );
    });

  m.command('list')
    .description('windows from the configuration and from the CLI')
    .option('--format <f>', 'table | json', 'table')
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .action((opts: { format: string; config?: string }) => {
      const config = loadForAlerting(configPath(opts.config));
      const store = openStore(config);
      const tz = config.organisation.timezone;
      const windows = [...configWindows(config.alerting.maintenance, tz), ...store.maintenance()];
      store.close();
      if (opts.format === 'json') return console.log(JSON.stringify(windows, null, 2));
      const lang = languageOf(config);
      const rows = windows.map((w) => [
        w.id,
        w.device ? `device ${w.device}` : w.site ? `site ${w.site}` : `agency ${w.agency}`,
        formatTime(w.from, lang, tz),
        formatTime(w.to, lang, tz),
        w.recurrence ?? '-',
        w.reason,
        w.createdBy,
      ]);
      const header =
        lang === 'id'
          ? ['ID', 'OBJEK', 'MULAI', 'SELESAI', 'BERULANG', 'ALASAN', 'OLEH']
          : ['ID', 'OBJECT', 'FROM', 'TO', 'RECURRENCE', 'REASON', 'BY'];
      console.log(renderTable(header, rows));
    });

  m.command('remove')
    .description('remove a window added from the CLI (it stays in the audit trail)')
    .argument('<id>')
    .option('--by <name>', 'who removes it (audit trail)', 'cli')
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .action((id: string, opts: { by: string; config?: string }) => {
      const config = loadForAlerting(configPath(opts.config));
      if (config.alerting.maintenance.some((w) => w.id === id))
        fail(`"${id}" is in the configuration file: remove it there`);
      const store = openStore(config);
      const now = Date.now();
      const removed = store.transaction(() => {
        const ok = store.removeMaintenance(id, now);
        if (ok) store.audit(opts.by, 'maintenance-remove', id, undefined, now);
        return ok;
      });
      store.close();
      if (!removed) fail(`no window "${id}"`);
      console.log(`${id} dihapus`);
    });
}
