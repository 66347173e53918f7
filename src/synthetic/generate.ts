/**
 * `generate`: the synthetic national data set, written to a folder.
 *
 * The municipalities are generated as independent units (on worker
 * threads), each into part files; the parts are concatenated in
 * municipality order — so every file is sorted by person_id, then date —
 * and the small tables, an optional Parquet conversion and `generator.json`
 * follow. Everything is written into a staging folder beside the target and
 * renamed into place at the end: a crashed run leaves no half data set.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { monthIndex, type YearMonth } from '../core/calendar/year-month.js';
import { readMunicipalities } from '../reference/municipalities.js';
import { CsvWriter } from './csv-writer.js';
import {
  PERSON_TABLES,
  PERSON_TABLE_NAMES,
  type GenerationSettings,
  type Geography,
  type RowsByYear,
} from './generation-settings.js';
import { figuresOf } from './municipality-figures.js';
import { partFile, planUnits, type UnitResult } from './municipality-generator.js';
import { convertToParquet } from './parquet-export.js';
import { MAXIMUM_PERSON_NUMBER } from './person-ids.js';
import {
  FRAMEWORK_COLUMNS,
  MUNICIPALITY_COLUMNS,
  frameworkLines,
  municipalityLines,
} from './reference-tables.js';
import { runUnits } from './unit-pool.js';

/** Version of the generator's model: the same seed and scale give the same data within a version. */
export const GENERATOR_MODEL_VERSION = 1;

export type OutputFormat = 'csv' | 'parquet';

export interface GenerateOptions {
  readonly seed: number;
  readonly scale: number;
  readonly outDirectory: string;
  readonly format: OutputFormat;
  readonly cprIds: boolean;
  readonly firstMonth: YearMonth;
  readonly lastMonth: YearMonth;
  readonly workers: number;
  /** Replace a non-empty output folder. */
  readonly force: boolean;
  /** Generate only the persons of these municipalities (for checks and tests); default all. */
  readonly onlyMunicipalities?: readonly number[];
  readonly onUnitDone?: (result: UnitResult, done: number, total: number) => void;
}

export interface GenerationSummary {
  readonly directory: string;
  readonly persons: number;
  /** Rows per file name. */
  readonly rows: Readonly<Record<string, number>>;
  readonly rowsByYear: RowsByYear;
  /** Each unit's own count of its target group after steering. */
  readonly units: readonly UnitResult[];
}

/** Refused because the output folder has content and `force` was not given. */
export class OutputNotEmptyError extends Error {
  constructor(readonly directory: string) {
    super(`output folder ${directory} is not empty`);
    this.name = 'OutputNotEmptyError';
  }
}

/** Refused because the scale and period need more person numbers than the identifiers hold. */
export class TooManyPersonsError extends Error {
  constructor(
    readonly needed: number,
    readonly maximum: number,
  ) {
    super(`the run needs ${needed} person numbers; the identifiers hold ${maximum}`);
    this.name = 'TooManyPersonsError';
  }
}

/** Whether `directory` exists and holds anything. */
export function isNonEmptyDirectory(directory: string): boolean {
  return existsSync(directory) && readdirSync(directory).length > 0;
}

export async function generateDataSet(options: GenerateOptions): Promise<GenerationSummary> {
  const target = resolve(options.outDirectory);
  if (isNonEmptyDirectory(target) && !options.force) throw new OutputNotEmptyError(target);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const stagingPrefix = `.${basename(target)}.staging-`;
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(stagingPrefix))
      await rm(join(parent, entry), { recursive: true, force: true });
  }
  const staging = join(parent, `${stagingPrefix}${randomBytes(6).toString('hex')}`);
  const parts = join(staging, 'parts');
  await mkdir(parts, { recursive: true });
  try {
    const summary = await generateInto(staging, parts, options);
    await rm(parts, { recursive: true, force: true });
    if (existsSync(target)) {
      const old = join(parent, `.${basename(target)}.old-${randomBytes(6).toString('hex')}`);
      await rename(target, old);
      await rename(staging, target);
      await rm(old, { recursive: true, force: true });
    } else await rename(staging, target);
    return { ...summary, directory: target };
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

async function generateInto(
  staging: string,
  parts: string,
  options: GenerateOptions,
): Promise<GenerationSummary> {
  const municipalities = await readMunicipalities();
  const codes = municipalities.map((municipality) => municipality.code);
  const geography: Geography = {
    municipalities: municipalities.map((municipality) => ({
      code: municipality.code,
      regionCode: municipality.regionCode,
      residents: figuresOf(municipality.code).residents,
    })),
  };
  const settings: GenerationSettings = {
    seed: options.seed,
    scale: options.scale,
    firstMonth: monthIndex(options.firstMonth),
    lastMonth: monthIndex(options.lastMonth),
    cprIds: options.cprIds,
  };
  const only = options.onlyMunicipalities;
  const plans = planUnits(codes, settings).filter(
    (plan) => only === undefined || only.includes(plan.code),
  );
  const last = plans[plans.length - 1];
  const needed = last ? last.firstPersonNumber + last.entrants - 1 : 0;
  if (needed > MAXIMUM_PERSON_NUMBER) throw new TooManyPersonsError(needed, MAXIMUM_PERSON_NUMBER);
  let done = 0;
  const results = await runUnits(
    plans.map((plan) => ({ settings, plan, geography, partsDirectory: parts })),
    options.workers,
    (result) => {
      done += 1;
      options.onUnitDone?.(result, done, plans.length);
    },
  );

  const rows: Record<string, number> = {};
  const rowsByYear: RowsByYear = {};
  for (const table of PERSON_TABLE_NAMES) {
    const path = join(staging, `${table}.csv`);
    const header = new CsvWriter(path);
    header.header(PERSON_TABLES[table]);
    header.close();
    const descriptor = openSync(path, 'a');
    try {
      // Each part is removed once copied, so the disk holds little more than one copy.
      for (const plan of plans) {
        const part = partFile(parts, plan.code, table);
        appendFile(descriptor, part);
        rmSync(part);
      }
    } finally {
      closeSync(descriptor);
    }
    const byYear: Record<string, number> = {};
    let total = 0;
    for (const result of results) {
      for (const [year, count] of Object.entries(result.rows[table] ?? {})) {
        byYear[year] = (byYear[year] ?? 0) + count;
        total += count;
      }
    }
    rowsByYear[table] = sortedByKey(byYear);
    rows[table] = total;
  }

  const municipalityWriter = new CsvWriter(join(staging, 'municipalities.csv'));
  municipalityWriter.header(MUNICIPALITY_COLUMNS);
  for (const line of municipalityLines(municipalities)) municipalityWriter.line(line);
  municipalityWriter.close();
  rows['municipalities'] = municipalityWriter.rows;

  const frameworkWriter = new CsvWriter(join(staging, 'framework_conditions.csv'));
  frameworkWriter.header(FRAMEWORK_COLUMNS);
  const firstYear = Math.floor(settings.firstMonth / 12);
  const lastYear = Math.floor(settings.lastMonth / 12);
  for (const line of frameworkLines(codes, firstYear, lastYear, options.scale))
    frameworkWriter.line(line);
  frameworkWriter.close();
  rows['framework_conditions'] = frameworkWriter.rows;

  const tables = [...PERSON_TABLE_NAMES, 'framework_conditions', 'municipalities'];
  if (options.format === 'parquet') {
    await convertToParquet(staging, tables);
    for (const table of tables) await rm(join(staging, `${table}.csv`));
  }
  const extension = options.format === 'parquet' ? 'parquet' : 'csv';
  const persons = results.reduce((sum, result) => sum + result.persons, 0);
  const files: Record<string, number> = {};
  for (const table of tables) files[`${table}.${extension}`] = rows[table] ?? 0;
  const manifest = {
    generator: 'tilsyn generate',
    modelVersion: GENERATOR_MODEL_VERSION,
    seed: options.seed,
    scale: options.scale,
    period: { from: options.firstMonth, to: options.lastMonth },
    format: options.format,
    personIds: options.cprIds ? 'cpr-shaped' : 'pseudonym',
    persons,
    files,
    rowsByYear,
  };
  await writeFile(join(staging, 'generator.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { directory: staging, persons, rows, rowsByYear, units: results };
}

const COPY_BUFFER = Buffer.alloc(8 << 20);

/** Appends the bytes of `source` to the open file `descriptor`. */
function appendFile(descriptor: number, source: string): void {
  const input = openSync(source, 'r');
  try {
    for (;;) {
      const read = readSync(input, COPY_BUFFER, 0, COPY_BUFFER.length, null);
      if (read === 0) break;
      let written = 0;
      while (written < read) written += writeSync(descriptor, COPY_BUFFER, written, read - written);
    }
  } finally {
    closeSync(input);
  }
}

function sortedByKey(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
