import type { Command } from 'commander';
import { registerAck } from './ack';
import { registerConfig } from './config';
import { registerDashboards } from './dashboards';
import { registerDemo } from './demo';
import { registerIncidents } from './incidents';
import { registerLab } from './lab';
import { registerMaintenance } from './maintenance';
import { registerPoll } from './poll';
import { registerReport } from './report';
import { registerTestTicket } from './test-ticket';
import { registerValidate } from './validate';

/** Every `noc` subcommand, one file each. */
export const commands: ((program: Command) => void)[] = [
  registerAck,
  registerConfig,
  registerDashboards,
  registerDemo,
  registerIncidents,
  registerLab,
  registerMaintenance,
  registerPoll,
  registerReport,
  registerTestTicket,
  registerValidate,
];
