/**
 * What the legal stages (assessment, risk view, case sample) share: the 98
 * municipalities with their names, the aggregated input files named as the
 * user wrote them, and refusing incomplete inputs.
 */
import { resolve } from 'node:path';
import type { AssessmentInputs, MissingInput } from '../core/assessment/assessment-inputs.js';
import { InputError } from '../files/input-error.js';
import { missingInputProblems } from '../inputs/missing-input-problems.js';
import { readExpectedRates } from '../inputs/read-official-figures.js';
import { readFocusMeasures } from '../inputs/read-focus-measures.js';
import { readMinimumRequirements } from '../inputs/read-minimum-requirements.js';
import { readMunicipalities } from '../reference/municipalities.js';

export interface MunicipalityNames {
  /** The 98 codes, in code order. */
  readonly codes: readonly number[];
  readonly known: ReadonlySet<number>;
  /** "København (101)" */
  readonly nameOf: (code: number) => string;
  /** "København" */
  readonly plainNameOf: (code: number) => string;
}

export async function municipalityNames(): Promise<MunicipalityNames> {
  const municipalities = await readMunicipalities();
  const names = new Map(
    municipalities.map((municipality) => [municipality.code, municipality.name]),
  );
  const codes = municipalities.map((municipality) => municipality.code).sort((a, b) => a - b);
  return {
    codes,
    known: new Set(codes),
    nameOf: (code) => `${names.get(code) ?? 'Ukendt kommune'} (${code})`,
    plainNameOf: (code) => names.get(code) ?? `Kommune ${code}`,
  };
}

export interface InputFiles {
  readonly focus: string;
  readonly rates: string;
  /** The minimum requirements' counts (a `minimum_requirements` file), when given. */
  readonly minimumRequirements?: string;
}

/** Reads the focus measures and the expected rates for all 98 municipalities; `files` as the user named them. */
export async function readAggregatedInputs(
  files: InputFiles,
  cwd: string,
  names: MunicipalityNames,
): Promise<{ inputs: AssessmentInputs; files: InputFiles }> {
  const aggregates = await readFocusMeasures(resolve(cwd, files.focus), files.focus, names.known);
  const rates = await readExpectedRates(resolve(cwd, files.rates), files.rates, names.known);
  const minimumFile = files.minimumRequirements;
  const minimumRequirements =
    minimumFile === undefined
      ? undefined
      : await readMinimumRequirements(resolve(cwd, minimumFile), minimumFile, names.known);
  return {
    inputs: {
      municipalities: names.codes,
      aggregates,
      rates,
      ...(minimumRequirements === undefined ? {} : { minimumRequirements }),
    },
    files,
  };
}

/** Refuses incomplete inputs with a problem per gap, naming the file. */
export function refuseMissing(
  missing: readonly MissingInput[],
  files: InputFiles,
  names: MunicipalityNames,
  ratesYears?: readonly number[],
): void {
  if (missing.length > 0)
    throw new InputError(missingInputProblems(missing, files, names.nameOf, ratesYears));
}
