/**
 * What the legal commands (`assess`, `risk`, `sample`) share: the 98
 * municipalities with their names, the aggregated input files named as the
 * user wrote them, refusing incomplete inputs, and writing an output file
 * atomically.
 */
import { resolve } from 'node:path';
import type { AssessmentInputs, MissingInput } from '../core/assessment/assessment-inputs.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { InputError } from '../files/input-error.js';
import { missingInputProblems } from '../inputs/missing-input-problems.js';
import { readExpectedRates } from '../inputs/read-expected-rates.js';
import { readFocusMeasures } from '../inputs/read-focus-measures.js';
import { readMunicipalities } from '../reference/municipalities.js';
import { optionalString, requiredString } from '../cli/arguments.js';
import type { CommandIo, ParsedArguments } from '../cli/command.js';

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
}

/** Reads `--focus` and `--rates` for all 98 municipalities. */
export async function readAggregatedInputs(
  args: ParsedArguments,
  io: CommandIo,
  names: MunicipalityNames,
): Promise<{ inputs: AssessmentInputs; files: InputFiles }> {
  const files = { focus: requiredString(args, 'focus'), rates: requiredString(args, 'rates') };
  const aggregates = await readFocusMeasures(
    resolve(io.cwd, files.focus),
    files.focus,
    names.known,
  );
  const rates = await readExpectedRates(resolve(io.cwd, files.rates), files.rates, names.known);
  return { inputs: { municipalities: names.codes, aggregates, rates }, files };
}

/** Refuses incomplete inputs with a problem per gap, naming the file. */
export function refuseMissing(
  missing: readonly MissingInput[],
  files: InputFiles,
  names: MunicipalityNames,
): void {
  if (missing.length > 0) throw new InputError(missingInputProblems(missing, files, names.nameOf));
}

/**
 * Prints `text`, or with `--out FILE` writes it atomically (never
 * half-written) and says where.
 */
export async function emit(args: ParsedArguments, io: CommandIo, text: string): Promise<void> {
  const out = optionalString(args, 'out');
  if (out === undefined) {
    io.stdout(text);
    return;
  }
  await writeFileAtomic(resolve(io.cwd, out), text);
  io.stdout(`Skrevet til ${out}\n`);
}
