/**
 * The assessment's inputs on the command line (`--year` or `--from`/`--to`;
 * `--focus`/`--rates` or `--load` with optional official `--rates`;
 * `--status`), shared by `tilsyn assess`, `tilsyn report assessment`,
 * `tilsyn status-report` and `tilsyn letter`.
 */
import type { AssessmentSource, AssessRequest } from '../pipeline/assess.js';
import { UsageError } from '../files/usage-error.js';
import { optionalString, optionalYear, requiredString } from './arguments.js';
import type { CommandIo, OptionsConfig, ParsedArguments } from './command.js';
import { DATA_DIRECTORY_OPTION } from './data-directory.js';
import { loadSource } from './load-argument.js';

export const ASSESSMENT_INPUT_OPTIONS: OptionsConfig = {
  ...DATA_DIRECTORY_OPTION,
  load: { type: 'string' },
  year: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  focus: { type: 'string' },
  rates: { type: 'string' },
  status: { type: 'string' },
  'minimum-requirements': { type: 'string' },
};

/** The help line of `--minimum-requirements`, for the commands that take the assessment's inputs. */
export const MINIMUM_REQUIREMENTS_HELP = `  --minimum-requirements FIL
                   minimumskravene under administration pr. kommune og måned
                   (minimum_requirements.csv fra tilsyn measure) ved --focus;
                   kommuner under administration får december-tallene med
                   (uden filen: "ikke opgjort"). Med --load beregnes de`;

/** The assessment request of the command line. */
export function assessRequestOf(args: ParsedArguments, io: CommandIo): AssessRequest {
  const { fromYear, toYear } = assessmentYears(args);
  const status = optionalString(args, 'status');
  return {
    fromYear,
    toYear,
    cwd: io.cwd,
    source: assessmentSource(args, io),
    ...(status === undefined ? {} : { status }),
  };
}

/** `--focus` and `--rates`, or `--load` with optional official `--rates`. */
export function assessmentSource(args: ParsedArguments, io: CommandIo): AssessmentSource {
  const minimumRequirements = optionalString(args, 'minimum-requirements');
  if (optionalString(args, 'load') === undefined)
    return {
      kind: 'files',
      files: {
        focus: requiredString(args, 'focus'),
        rates: requiredString(args, 'rates'),
        ...(minimumRequirements === undefined ? {} : { minimumRequirements }),
      },
    };
  if (optionalString(args, 'focus') !== undefined)
    throw new UsageError('--load beregner fokusmålingerne og kan ikke kombineres med --focus');
  if (minimumRequirements !== undefined)
    throw new UsageError(
      '--load beregner minimumskravene og kan ikke kombineres med --minimum-requirements',
    );
  const rates = optionalString(args, 'rates');
  return { kind: 'load', load: loadSource(args, io), ...(rates === undefined ? {} : { rates }) };
}

export function assessmentYears(args: ParsedArguments): {
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
