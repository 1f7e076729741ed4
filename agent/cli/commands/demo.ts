import type { Command } from 'commander';
import { demoBanner } from '../../lab/banner';
import { startDemo } from '../../lab/demo';
import { EXIT } from '../exit';

interface DemoOptions {
  dir: string;
  basePort?: string;
  agent: boolean;
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'start the demo lab on loopback: private InfluxDB, simulated devices (router, switch, server, UPS, PDU) and the agent polling them',
    )
    .option('--dir <dir>', 'state directory (InfluxDB data, noc.yaml, spool, logs)', '.noc-demo')
    .option('--base-port <port>', 'first UDP port for the simulated devices (default: free ports)')
    .option('--no-agent', 'start InfluxDB and the simulated devices only')
    .action(async (opts: DemoOptions) => {
      // Piped into `head` or a closed terminal: keep running so Ctrl-C/SIGTERM still stops influxd.
      process.stdout.on('error', () => undefined);
      const demo = await startDemo({
        dir: opts.dir,
        basePort: opts.basePort ? Number(opts.basePort) : undefined,
        agent: opts.agent,
      });
      for (const line of demoBanner(demo)) console.log(line);
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) return;
          stopping = true;
          console.log(`\n${signal}: menghentikan agen, perangkat simulasi dan InfluxDB...`);
          demo.stop().then(() => {
            console.log('noc demo: selesai.');
            resolve();
          });
        };
        process.once('SIGINT', () => stop('SIGINT'));
        process.once('SIGTERM', () => stop('SIGTERM'));
      });
      process.exitCode = EXIT.ok;
    });
}
