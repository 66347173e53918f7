/**
 * The annual assessments from the command line's inputs (`--year` or
 * `--from`/`--to`; `--focus`/`--rates` or `--load`; `--status`), shared by
 * `tilsyn assess`, `tilsyn report assessment` and `tilsyn letter`.
 */
import { resolve } from 'node:path';
import { missingAssessmentInputs } from '../core/assessment/assessment-inputs.js';
import type { CaseState } from '../core/assessment/case-state.js';
import type { CaseHistory } from '../core/lifecycle/run-assessments.js';
import { runAssessments } from '../core/lifecycle/run-assessments.js';
import { readStatus } from '../aggregates/read-status.js';
import type { AssessmentInputs } from '../core/assessment/assessment-inputs.js';
import { MunicipalityNameMatcher } from '../core/benchmark/municipality-names.js';
import { readOfficialFigures } from '../benchmark-io/read-official-figures.js';
import { assessmentInputsOfLoad } from '../pipeline/assessment-inputs-of-load.js';
import { readMunicipalities } from '../reference/municipalities.js';
import { optionalString, optionalYear, requiredString } from './arguments.js';
import type { CommandIo, OptionsConfig, ParsedArguments } from './command.js';
import { DATA_DIRECTORY_OPTION, dataDirectory } from './data-directory.js';
import { openLoadArgument } from './load-argument.js';
import { UsageError } from './usage-error.js';
import {
  municipalityNames,
  readAggregatedInputs,
  refuseMissing,
  type InputFiles,
  type MunicipalityNames,
} from './legal-inputs.js';

export const ASSESSMENT_INPUT_OPTIONS: OptionsConfig = {
  ...DATA_DIRECTORY_OPTION,
  load: { type: 'string' },
  year: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  focus: { type: 'string' },
  rates: { type: 'string' },
  status: { type: 'string' },
};

export async function assessmentsFromArguments(
  args: ParsedArguments,
  io: CommandIo,
): Promise<{ history: CaseHistory; names: MunicipalityNames }> {
  const { fromYear, toYear } = assessmentYears(args);
  const names = await municipalityNames();
  const { inputs, files } =
    optionalString(args, 'load') === undefined
      ? await readAggregatedInputs(args, io, names)
      : await readLoadInputs(args, io, names, fromYear, toYear);
  for (let year = fromYear; year <= toYear; year += 1)
    refuseMissing(missingAssessmentInputs(inputs, year), files, names);
  const statusFile = optionalString(args, 'status');
  const initial: Map<number, CaseState> =
    statusFile === undefined
      ? new Map<number, CaseState>()
      : await readStatus(resolve(io.cwd, statusFile), statusFile, names.known, fromYear);
  const history = runAssessments(fromYear, toYear, inputs, initial);
  return { history, names };
}

/** `--load`: the focus measures and actual rates computed from a load; expected rates official or modelled. */
async function readLoadInputs(
  args: ParsedArguments,
  io: CommandIo,
  names: MunicipalityNames,
  fromYear: number,
  toYear: number,
): Promise<{ inputs: AssessmentInputs; files: InputFiles }> {
  if (optionalString(args, 'focus') !== undefined)
    throw new UsageError('--load beregner fokusmålingerne og kan ikke kombineres med --focus');
  const ratesFile = optionalString(args, 'rates');
  const official =
    ratesFile === undefined
      ? undefined
      : await readOfficialFigures(
          resolve(io.cwd, ratesFile),
          ratesFile,
          names.known,
          new MunicipalityNameMatcher(await readMunicipalities()),
        );
  const opened = await openLoadArgument(requiredString(args, 'load'), dataDirectory(args, io), io);
  try {
    const { inputs } = await assessmentInputsOfLoad({
      load: opened.load,
      fromYear,
      toYear,
      municipalities: names.codes,
      ...(official === undefined ? {} : { official: official.rates }),
    });
    const loadName = `indlæsning ${opened.load.id}`;
    return {
      inputs,
      files: { focus: loadName, rates: ratesFile ?? `benchmarkmodellen (${loadName})` },
    };
  } finally {
    await opened.release();
  }
}

function assessmentYears(args: ParsedArguments): {
  fromYear: number;
  toYear: number;
} {
  const year = optionalYear(args, 'year');
  const from = optionalYear(args, 'from');
  const to = optionalYear(args, 'to');
  if (year !== undefined) {
    if (from !== undefined || to !== undefined)
      throw new UsageError('brug enten --year eller --from og --to, ikke begge');
    return { fromYear: year, toYear: year };
  }
  if (from === undefined || to === undefined)
    throw new UsageError('angiv --year ÅR, eller --from ÅR og --to ÅR');
  if (to < from) throw new UsageError(`--to (${to}) ligger før --from (${from})`);
  return { fromYear: from, toYear: to };
}
