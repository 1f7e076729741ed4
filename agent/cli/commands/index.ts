import type { Command } from 'commander';
import { registerConfig } from './config';
import { registerDashboards } from './dashboards';
import { registerDemo } from './demo';
import { registerLab } from './lab';
import { registerPoll } from './poll';
import { registerReport } from './report';
import { registerValidate } from './validate';

/** Every `noc` subcommand, one file each. */
export const commands: ((program: Command) => void)[] = [
  registerConfig,
  registerDashboards,
  registerDemo,
  registerLab,
  registerPoll,
  registerReport,
  registerValidate,
];
