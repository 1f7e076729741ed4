import type { Command } from 'commander';
import { registerConfig } from './config';
import { registerPoll } from './poll';
import { registerRun } from './run';
import { registerValidate } from './validate';

/** Every `noc` subcommand, one file each. */
export const commands: ((program: Command) => void)[] = [
  registerValidate,
  registerConfig,
  registerPoll,
  registerRun,
];
