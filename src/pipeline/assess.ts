/**
 * The annual assessment of one year, or the life of the cases over several
 * years in sequence, for all 98 municipalities: from the aggregated files
 * (focus measures and expected rates), or from a load (measured here, with
 * the expected rates of the official figures when given, else of the
 * benchmark model fitted per year on the load's framework conditions).
 */
import { resolve } from 'node:path';
import {
  missingAssessmentInputs,
  type AssessmentInputs,
} from '../core/assessment/assessment-inputs.js';
import type { CaseState } from '../core/assessment/case-state.js';
import { MunicipalityNameMatcher } from '../core/benchmark/municipality-names.js';
import { runAssessments, type CaseHistory } from '../core/lifecycle/run-assessments.js';
import { readOfficialFigures } from '../inputs/read-official-figures.js';
import { readStatus } from '../inputs/read-status.js';
import { readMunicipalities } from '../reference/municipalities.js';
import { assessmentInputsOfLoad } from './assessment-inputs-of-load.js';
import {
  municipalityNames,
  readAggregatedInputs,
  refuseMissing,
  type InputFiles,
  type MunicipalityNames,
} from './legal-inputs.js';
import { withLoad, type LoadSource } from './open-load.js';

/** Where the focus measures and the rates come from. */
export type AssessmentSource =
  | { readonly kind: 'files'; readonly files: InputFiles }
  | {
      readonly kind: 'load';
      readonly load: LoadSource;
      /** Official figures (an expected_rates file or a Y30R21 export), when given. */
      readonly rates?: string;
    };

export interface AssessRequest {
  readonly fromYear: number;
  readonly toYear: number;
  /** The folder relative file names are read from. */
  readonly cwd: string;
  readonly source: AssessmentSource;
  /** The status file: each municipality's case before the first year. */
  readonly status?: string;
}

export interface AssessResult {
  readonly history: CaseHistory;
  readonly names: MunicipalityNames;
}

export async function assessYears(request: AssessRequest): Promise<AssessResult> {
  const { fromYear, toYear, cwd, source } = request;
  const names = await municipalityNames();
  const { inputs, files } =
    source.kind === 'files'
      ? await readAggregatedInputs(source.files, cwd, names)
      : await loadInputs(source, cwd, names, fromYear, toYear);
  for (let year = fromYear; year <= toYear; year += 1)
    refuseMissing(missingAssessmentInputs(inputs, year), files, names);
  const statusFile = request.status;
  const initial: Map<number, CaseState> =
    statusFile === undefined
      ? new Map<number, CaseState>()
      : await readStatus(resolve(cwd, statusFile), statusFile, names.known, fromYear);
  return { history: runAssessments(fromYear, toYear, inputs, initial), names };
}

/** The focus measures and actual rates computed from a load; expected rates official or modelled. */
async function loadInputs(
  source: Extract<AssessmentSource, { kind: 'load' }>,
  cwd: string,
  names: MunicipalityNames,
  fromYear: number,
  toYear: number,
): Promise<{ inputs: AssessmentInputs; files: InputFiles }> {
  const ratesFile = source.rates;
  const official =
    ratesFile === undefined
      ? undefined
      : await readOfficialFigures(
          resolve(cwd, ratesFile),
          ratesFile,
          names.known,
          new MunicipalityNameMatcher(await readMunicipalities()),
        );
  return withLoad(source.load, async (load) => {
    const { inputs } = await assessmentInputsOfLoad({
      load,
      fromYear,
      toYear,
      municipalities: names.codes,
      ...(official === undefined ? {} : { official: official.rates }),
    });
    const loadName = `indlæsning ${load.id}`;
    return {
      inputs,
      files: { focus: loadName, rates: ratesFile ?? `benchmarkmodellen (${loadName})` },
    };
  });
}
