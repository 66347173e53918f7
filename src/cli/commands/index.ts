/**
 * Every command of the `tilsyn` CLI, in the order `tilsyn --help` lists them.
 */
import type { Command } from '../command.js';
import { benchmarkCommand } from './benchmark.js';
import { rulesCommand } from './rules.js';

export const COMMANDS: readonly Command[] = [rulesCommand, benchmarkCommand];
