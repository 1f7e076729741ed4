import type { Command } from 'commander';
import { switchUps } from '../../lab/control';
import { Lab } from '../../lab/lab';
import type { UpsMode } from '../../lab/devices/ups-state';
import { EXIT } from '../exit';

export function registerLab(program: Command): void {
  const lab = program
    .command('lab')
    .description('the demo lab: switch a simulated UPS, or run the simulated devices alone');

  lab
    .command('ups')
    .description('switch a simulated UPS of the running lab to battery, or back to mains (normal)')
    .argument('<mode>', 'battery | normal')
    .argument('<ups-id>', 'the UPS device id (ups-demo in the demo)')
    .option('--dir <dir>', 'the lab directory given to noc demo', '.noc-demo')
    .action(async (mode: string, id: string, opts: { dir: string }) => {
      if (mode !== 'battery' && mode !== 'normal') {
        console.error(`noc lab ups: mode must be "battery" or "normal", not "${mode}"`);
        process.exitCode = EXIT.failed;
        return;
      }
      try {
        const r = await switchUps(opts.dir, id, mode as UpsMode);
        console.log(
          r.mode === 'battery'
            ? `${r.id}: berjalan dengan baterai (upsOutputSource 5), muatan ${r.chargePercent} %`
            : `${r.id}: kembali ke listrik PLN (upsOutputSource 3), muatan ${r.chargePercent} %`,
        );
      } catch (err) {
        console.error(`noc lab ups: ${(err as Error).message}`);
        process.exitCode = EXIT.failed;
      }
    });

  lab
    .command('start')
    .description('run only the simulated SNMP devices (no InfluxDB, no agent) until Ctrl-C')
    .option('--dir <dir>', 'where lab.json (ports, control URL) is written', '.noc-demo')
    .option('--base-port <port>', 'first UDP port (default: free ports)')
    .action(async (opts: { dir: string; basePort?: string }) => {
      const running = new Lab({ dir: opts.dir, basePort: opts.basePort ? Number(opts.basePort) : undefined });
      const info = await running.start();
      for (const d of info.devices)
        console.log(`${d.id.padEnd(12)} ${d.kind.padEnd(7)} 127.0.0.1:${d.port} community ${d.community}`);
      console.log(`kontrol: ${info.controlUrl} (Ctrl-C untuk berhenti)`);
      await new Promise<void>((resolve) => {
        const stop = () => void running.stop().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
