import type { Command } from 'commander';
import { Alerting } from '../../../alerting';
import { createCollectors } from '../../../collectors/registry';
import { Agent } from '../../agent';
import { limitHeapGrowth } from '../../heap';
import { createLoggerFactory } from '../../log';
import { createWriter } from '../../writer';
import { configPath, loadForCommand } from '../config-option';
import { EXIT } from '../exit';

/**
 * `noc run`: the daemon. Refuses to start on any configuration problem (secrets included),
 * then polls, writes to InfluxDB (or the spool while InfluxDB is away) and serves /healthz and
 * /metrics until SIGTERM or SIGINT, which flush what is buffered and exit 0.
 */
export function registerRun(program: Command): void {
  program
    .command('run')
    .description(
      'run the agent: poll every device, write to InfluxDB (disk spool), serve /healthz and /metrics',
    )
    .option('-c, --config <file>', 'configuration file (default $NOC_CONFIG or /etc/noc/noc.yaml)')
    .action(async (opts: { config?: string }) => {
      const file = configPath(opts.config);
      const config = loadForCommand(file);
      const logFor = createLoggerFactory(config.agent.log);
      const log = logFor('agent');
      const writer = createWriter(config, logFor);
      // Incidents and tickets: on unless alerting.enabled is false (no connector = incidents only).
      const alerting = config.alerting.enabled
        ? new Alerting({ config, writer, log: logFor('alerting') })
        : undefined;
      const agent = new Agent({ config, collectors: createCollectors(), writer, logFor, alerting });
      limitHeapGrowth();
      try {
        await agent.start();
      } catch (err) {
        log.error(`cannot start: ${(err as Error).message}`);
        process.exit(EXIT.failed);
      }
      log.info(
        `running with ${file}; InfluxDB ${config.influx.url} (if it is down, samples wait in the spool)`,
      );
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        log.info(`${signal}: flushing and stopping`);
        agent
          .stop()
          .then(() => process.exit(EXIT.ok))
          .catch((err: Error) => {
            log.error(`stop failed: ${err.message}`);
            process.exit(EXIT.failed);
          });
      };
      process.on('SIGTERM', () => stop('SIGTERM'));
      process.on('SIGINT', () => stop('SIGINT'));
    });
}
