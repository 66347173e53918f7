/**
 * The quarterly status report of a month (issue 9 § 3): its inputs from the
 * aggregated files or from a load (the months Figure 1 needs measured in one
 * run; the expected rates official or from the benchmark model), the AMK's
 * contact records when given, refused with a clear error when incomplete.
 */
import { resolve } from 'node:path';
import type { AssessmentInputs } from '../core/assessment/assessment-inputs.js';
import { MunicipalityNameMatcher } from '../core/benchmark/municipality-names.js';
import type { YearMonth } from '../core/calendar/year-month.js';
import { missingRiskInputs } from '../core/risk/risk-view.js';
import { statusReport } from '../core/status-report/status-report.js';
import type { StatusReport } from '../core/status-report/status-report-types.js';
import { readAmkContacts } from '../inputs/read-amk-contacts.js';
import { readOfficialFigures } from '../inputs/read-official-figures.js';
import { readMunicipalities } from '../reference/municipalities.js';
import type { AssessmentSource } from './assess.js';
import {
  municipalityNames,
  readAggregatedInputs,
  refuseMissing,
  type InputFiles,
} from './legal-inputs.js';
import { withLoad } from './open-load.js';
import { statusReportInputsOfLoad } from './status-report-inputs-of-load.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';

export interface StatusReportRequest {
  readonly month: YearMonth;
  /** The folder relative file names are read from. */
  readonly cwd: string;
  readonly source: AssessmentSource;
  /** The AMK's contact records (CSV), until the case system keeps them. */
  readonly contacts?: string;
}

export async function statusReportOfMonth(request: StatusReportRequest): Promise<StatusReport> {
  const { month, cwd, source } = request;
  const names = await municipalityNames();
  const municipalities = await readMunicipalities();
  let inputs: AssessmentInputs;
  let files: InputFiles;
  let loadId: string | undefined;
  if (source.kind === 'files') {
    ({ inputs, files } = await readAggregatedInputs(source.files, cwd, names));
  } else {
    const ratesFile = source.rates;
    const official =
      ratesFile === undefined
        ? undefined
        : await readOfficialFigures(
            resolve(cwd, ratesFile),
            ratesFile,
            names.known,
            new MunicipalityNameMatcher(municipalities),
          );
    ({ inputs, files, loadId } = await withLoad(source.load, async (load) => {
      const { inputs: measured } = await statusReportInputsOfLoad({
        load,
        month,
        municipalities: names.codes,
        rules: OFFICIAL_RULES,
        ...(official === undefined ? {} : { official: official.rates }),
      });
      const loadName = `indlæsning ${load.id}`;
      return {
        inputs: measured,
        files: { focus: loadName, rates: ratesFile ?? `benchmarkmodellen (${loadName})` },
        loadId: load.id,
      };
    }));
  }
  refuseMissing(missingRiskInputs(OFFICIAL_RULES, inputs, month), files, names);
  const contacts =
    request.contacts === undefined
      ? []
      : await readAmkContacts(resolve(cwd, request.contacts), request.contacts, names.known);
  return statusReport({
    rules: OFFICIAL_RULES,
    month,
    inputs,
    municipalities,
    contacts,
    source: { focus: files.focus, rates: files.rates, loadId },
  });
}
