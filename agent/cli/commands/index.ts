import type { Command } from 'commander';
import { registerConfig } from './config';
import { registerDemo } from './demo';
import { registerLab } from './lab';
import { registerPoll } from './poll';
import { registerValidate } from './validate';

/** Every `noc` subcommand, one file each. */
export const commands: ((program: Command) => void)[] = [
  registerValidate,
  registerConfig,
  registerPoll,
  registerDemo,
  registerLab,
];
