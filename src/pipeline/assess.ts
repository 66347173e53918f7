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
import type { ExpectedRate } from '../core/benchmark/expected-rates.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';
import type { RuleBook } from '../core/rules/rule-book.js';
import type { OpenedLoad } from '../loading/load-catalog.js';

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
  let read: { inputs: AssessmentInputs; files: InputFiles };
  if (source.kind === 'files') read = await readAggregatedInputs(source.files, cwd, names);
  else {
    const official = await officialFiguresOf(source, cwd, names);
    read = await withLoad(source.load, (load) =>
      inputsOfLoad(load, source, official, names, fromYear, toYear, OFFICIAL_RULES),
    );
  }
  const { inputs, files } = read;
  const missing = [];
  for (let year = fromYear; year <= toYear; year += 1)
    missing.push(...missingAssessmentInputs(OFFICIAL_RULES, inputs, year));
  refuseMissing(missing, files, names, inputs.rates.years());
  const initial = await initialStatesOf(request, names);
  return { history: runAssessments(OFFICIAL_RULES, fromYear, toYear, inputs, initial), names };
}

/** Each municipality's case before the first year: from the status file, or none under supervision. */
export async function initialStatesOf(
  request: Pick<AssessRequest, 'status' | 'cwd' | 'fromYear'>,
  names: MunicipalityNames,
): Promise<Map<number, CaseState>> {
  const statusFile = request.status;
  return statusFile === undefined
    ? new Map<number, CaseState>()
    : await readStatus(resolve(request.cwd, statusFile), statusFile, names.known, request.fromYear);
}

/** The official figures of `--rates` given with a load (an expected_rates file or a Y30R21 export). */
export async function officialFiguresOf(
  source: Extract<AssessmentSource, { kind: 'load' }>,
  cwd: string,
  names: MunicipalityNames,
): Promise<readonly ExpectedRate[] | undefined> {
  const ratesFile = source.rates;
  if (ratesFile === undefined) return undefined;
  const figures = await readOfficialFigures(
    resolve(cwd, ratesFile),
    ratesFile,
    names.known,
    new MunicipalityNameMatcher(await readMunicipalities()),
  );
  return figures.rates;
}

/**
 * The focus measures and actual rates measured from an opened load under
 * `rules`; the expected rates official (`official`) or modelled per year.
 */
export async function inputsOfLoad(
  load: OpenedLoad,
  source: Extract<AssessmentSource, { kind: 'load' }>,
  official: readonly ExpectedRate[] | undefined,
  names: MunicipalityNames,
  fromYear: number,
  toYear: number,
  rules: RuleBook,
): Promise<{ inputs: AssessmentInputs; files: InputFiles }> {
  const { inputs } = await assessmentInputsOfLoad({
    load,
    fromYear,
    toYear,
    municipalities: names.codes,
    rules,
    ...(official === undefined ? {} : { official }),
  });
  const loadName = `indlæsning ${load.id}`;
  return {
    inputs,
    files: { focus: loadName, rates: source.rates ?? `benchmarkmodellen (${loadName})` },
  };
}
