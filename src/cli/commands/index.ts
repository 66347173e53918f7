/**
 * Every command of the `tilsyn` CLI, in the order `tilsyn --help` lists them.
 */
import type { Command } from '../command.js';
import { explainCommand } from './explain.js';
import { measureCommand } from './measure.js';
import { rulesCommand } from './rules.js';

export const COMMANDS: readonly Command[] = [rulesCommand, measureCommand, explainCommand];
