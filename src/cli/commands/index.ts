/**
 * Every command of the `tilsyn` CLI, in the order `tilsyn --help` lists them.
 */
import type { Command } from '../command.js';
import { generateCommand } from './generate.js';
import { rulesCommand } from './rules.js';

export const COMMANDS: readonly Command[] = [rulesCommand, generateCommand];
