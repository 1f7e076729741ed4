import type { Command } from 'commander';
import { registerAvailability } from './availability';
import { registerBandwidth } from './bandwidth';
import { registerCapacity } from './capacity';
import { registerColocation } from './colocation';
import { registerConfig } from './config';
import { registerPoll } from './poll';
import { registerValidate } from './validate';

/** Every `noc` subcommand, one file each. */
export const commands: ((program: Command) => void)[] = [registerValidate, registerConfig, registerPoll];
commands.push(registerAvailability);
commands.push(registerBandwidth);
commands.push(registerCapacity);
commands.push(registerColocation);
