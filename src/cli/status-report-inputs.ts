/**
 * The inputs of the quarterly status report from the command line: the
 * aggregated files (`--focus`, `--rates`) or a data load (`--load`, with the
 * official figures of `--rates` when given), and the AMK's contact records
 * (`--contacts`), refused with a clear error when incomplete for the month.
 */
import { resolve } from 'node:path';
import type { AssessmentInputs } from '../core/assessment/assessment-inputs.js';
import { MunicipalityNameMatcher } from '../core/benchmark/municipality-names.js';
import type { YearMonth } from '../core/calendar/year-month.js';
import { missingRiskInputs } from '../core/risk/risk-view.js';
import type { StatusReportRequest } from '../core/status-report/status-report.js';
import { readOfficialFigures } from '../benchmark-io/read-official-figures.js';
import { readAmkContacts } from '../inputs/read-amk-contacts.js';
import { statusReportInputsOfLoad } from '../pipeline/status-report-inputs-of-load.js';
import { readMunicipalities } from '../reference/municipalities.js';
import { optionalString, requiredString } from './arguments.js';
import type { CommandIo, OptionsConfig, ParsedArguments } from './command.js';
import { DATA_DIRECTORY_HELP, DATA_DIRECTORY_OPTION, dataDirectory } from './data-directory.js';
import {
  municipalityNames,
  readAggregatedInputs,
  refuseMissing,
  type InputFiles,
} from './legal-inputs.js';
import { openLoadArgument } from './load-argument.js';
import { UsageError } from './usage-error.js';

export const STATUS_REPORT_OPTIONS: OptionsConfig = {
  ...DATA_DIRECTORY_OPTION,
  month: { type: 'string' },
  load: { type: 'string' },
  focus: { type: 'string' },
  rates: { type: 'string' },
  contacts: { type: 'string' },
};

export const STATUS_REPORT_INPUTS_HELP = `  --month ÅÅÅÅ-MM  rapportens måned
  --focus FIL      månedlige fokusmålinger (focus_measures) for mindst de 29
                   måneder op til måneden (figur 1 og dens gennemsnit)
  --rates FIL      forventede og faktiske ydelsesgrader (expected_rates); med
                   --load: officielle tal (Y30R21 eller expected_rates)
  --load ID|MAPPE  beregn fokusmålingerne og ydelsesgraderne af en indlæsning
                   (benchmarkmodellen giver de forventede, når --rates mangler)
  --contacts FIL   AMK's kontakter til tabel 3 (municipality, first_contact,
                   wants_assistance ja|nej|ikke_besluttet, mapping_done ja|nej,
                   effort); uden den er kolonnerne tomme
${DATA_DIRECTORY_HELP}`;

export async function readStatusReportRequest(
  args: ParsedArguments,
  io: CommandIo,
  month: YearMonth,
): Promise<StatusReportRequest> {
  const names = await municipalityNames();
  const municipalities = await readMunicipalities();
  let inputs: AssessmentInputs;
  let files: InputFiles;
  let loadId: string | undefined;
  const load = optionalString(args, 'load');
  if (load === undefined) {
    ({ inputs, files } = await readAggregatedInputs(args, io, names));
  } else {
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
            new MunicipalityNameMatcher(municipalities),
          );
    const opened = await openLoadArgument(
      requiredString(args, 'load'),
      dataDirectory(args, io),
      io,
    );
    try {
      ({ inputs } = await statusReportInputsOfLoad({
        load: opened.load,
        month,
        municipalities: names.codes,
        ...(official === undefined ? {} : { official: official.rates }),
      }));
      loadId = opened.load.id;
      const loadName = `indlæsning ${opened.load.id}`;
      files = { focus: loadName, rates: ratesFile ?? `benchmarkmodellen (${loadName})` };
    } finally {
      await opened.release();
    }
  }
  refuseMissing(missingRiskInputs(inputs, month), files, names);
  const contactsFile = optionalString(args, 'contacts');
  const contacts =
    contactsFile === undefined
      ? []
      : await readAmkContacts(resolve(io.cwd, contactsFile), contactsFile, names.known);
  return {
    month,
    inputs,
    municipalities,
    contacts,
    source: { focus: files.focus, rates: files.rates, loadId },
  };
}
