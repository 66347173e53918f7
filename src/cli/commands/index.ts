/**
 * Every command of the `tilsyn` CLI, in the order `tilsyn --help` lists them:
 * the pipeline first (generate → load → measure → benchmark → assess), then
 * the tools around it.
 */
import type { Command } from '../command.js';
import { assessCommand } from './assess.js';
import { benchmarkCommand } from './benchmark.js';
import { casesCommand } from './cases.js';
import { demoCommand } from './demo.js';
import { explainCommand } from './explain.js';
import { generateCommand } from './generate.js';
import { letterCommand } from './letter.js';
import { loadCommand } from './load.js';
import { loadsCommand } from './loads.js';
import { measureCommand } from './measure.js';
import { passiveCasesCommand } from './passive-cases.js';
import { reportCommand } from './report.js';
import { riskCommand } from './risk.js';
import { rulesCommand } from './rules.js';
import { runsCommand } from './runs.js';
import { sampleCommand } from './sample.js';
import { serveCommand } from './serve.js';
import { statusReportCommand } from './status-report.js';
import { tokensCommand } from './tokens.js';
import { usersCommand } from './users.js';

export const COMMANDS: readonly Command[] = [
  demoCommand,
  generateCommand,
  loadCommand,
  loadsCommand,
  measureCommand,
  benchmarkCommand,
  assessCommand,
  riskCommand,
  statusReportCommand,
  reportCommand,
  letterCommand,
  passiveCasesCommand,
  sampleCommand,
  explainCommand,
  rulesCommand,
  serveCommand,
  runsCommand,
  casesCommand,
  usersCommand,
  tokensCommand,
];
