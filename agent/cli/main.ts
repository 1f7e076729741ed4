import { Command, CommanderError } from 'commander';
import { commands } from './commands';
import { VERSION } from '../version';
import { EXIT } from './exit';

export function buildProgram(): Command {
  const program = new Command('noc')
    .description(
      'noc: pemantauan infrastruktur Diskominfo (SNMP, RouterOS, ping, HTTP) ke InfluxDB dan helpdesk',
    )
    .version(VERSION)
    .showHelpAfterError()
    .configureHelp({ sortSubcommands: true });
  for (const register of commands) register(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    console.error(`noc: ${(err as Error).message}`);
    process.exitCode = EXIT.failed;
  }
}
