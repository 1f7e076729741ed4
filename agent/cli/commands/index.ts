import type { Command } from 'commander';
import { registerAck } from './ack';
import { registerAvailability } from './availability';
import { registerBandwidth } from './bandwidth';
import { registerCapacity } from './capacity';
import { registerColocation } from './colocation';
import { registerConfig } from './config';
import { registerDashboards } from './dashboards';
import { registerDemo } from './demo';
import { registerIncidents } from './incidents';
import { registerLab } from './lab';
import { registerMaintenance } from './maintenance';
import { registerPoll } from './poll';
import { registerReport } from './report';
import { registerRun } from './run';
import { registerTestTicket } from './test-ticket';
import { registerValidate } from './validate';

/** Every `noc` subcommand, one file each. */
export const commands: ((program: Command) => void)[] = [
  registerAck,
  registerAvailability,
  registerBandwidth,
  registerCapacity,
  registerColocation,
  registerConfig,
  registerDashboards,
  registerDemo,
  registerIncidents,
  registerLab,
  registerMaintenance,
  registerPoll,
  registerReport,
  registerRun,
  registerTestTicket,
  registerValidate,
];
