/**
 * Every command of the `tilsyn` CLI, in the order `tilsyn --help` lists them.
 */
import type { Command } from '../command.js';
import { assessCommand } from './assess.js';
import { benchmarkCommand } from './benchmark.js';
import { riskCommand } from './risk.js';
import { rulesCommand } from './rules.js';
import { sampleCommand } from './sample.js';

export const COMMANDS: readonly Command[] = [
  assessCommand,
  riskCommand,
  sampleCommand,
  benchmarkCommand,
  rulesCommand,
];
