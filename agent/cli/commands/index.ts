import type { Command } from 'commander';
import { registerConfig } from './config';
import { registerPoll } from './poll';
import { registerValidate } from './validate';
import { registerIncidents } from './incidents';
import { registerAck } from './ack';
import { registerMaintenance } from './maintenance';
import { registerTestTicket } from './test-ticket';

/** Every `noc` subcommand, one file each. */
export const commands: ((program: Command) => void)[] = [registerValidate, registerConfig, registerPoll];
commands.push(registerIncidents, registerAck, registerMaintenance, registerTestTicket);
