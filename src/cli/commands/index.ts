/**
 * Every command of the `tilsyn` CLI, in the order `tilsyn --help` lists them.
 */
import type { Command } from '../command.js';
import { loadCommand } from './load.js';
import { loadsCommand } from './loads.js';
import { rulesCommand } from './rules.js';

export const COMMANDS: readonly Command[] = [rulesCommand, loadCommand, loadsCommand];
