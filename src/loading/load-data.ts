/**
 * A data load (data.md "Bad input"), from a folder of register extracts to a
 * stored, versioned load:
 *
 * 1. scan: every file's encoding, header, delimiter and structure, its SHA-256
 *    and row count; any file-level problem stops the load (InputError);
 * 2. validate: DuckDB reads each file, types and checks every field, then
 *    compares rows (duplicates, keys, overlapping benefit periods); every
 *    refused row is recorded with file, line, column, value and reason;
 * 3. decide: CPR numbers without a key refuse the load; otherwise any refused
 *    row refuses it too, unless valid rows are accepted (`acceptValidRows`);
 * 4. write: persons and one sorted Parquet file per input file, the rejects
 *    file and manifest.json, in a staging folder; then commit (load-catalog.ts).
 *
 * Rows read = rows loaded + rows rejected, for every file, always: the counts
 * are checked before anything is committed.
 */
import { neutraliseFormulaSql } from '../files/spreadsheet-cell.js';
import { availableParallelism } from 'node:os';
import { chmod, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { writeFileAtomic } from '../files/atomic-write.js';
import { InputError, type InputProblem } from '../files/input-error.js';
import { readMunicipalities } from '../reference/municipalities.js';
import { maskCprNumbers } from './cpr-number.js';
import { runCrossRowChecks } from './cross-row-checks.js';
import { DuckDbSession, sqlString, type SqlValue } from './duckdb-session.js';
import { dataPeriodOfStore } from './data-period.js';
import { digestFile } from './file-digest.js';
import { fileChanged, findInputFiles, type FoundInputFile } from './input-folder.js';
import { INPUT_FILE_NAMES, type InputFileName } from './input-file-specs.js';
import {
  commitLoad,
  createStaging,
  currentLoadId,
  loadsFolder,
  removeAbandonedStaging,
} from './load-catalog.js';
import { newLoadId } from './load-id.js';
import {
  LOAD_FORMAT_VERSION,
  type LoadManifest,
  type ManifestInputFile,
  type ManifestStoredFile,
} from './load-manifest.js';
import { prepareInputFile, type PreparedInput } from './prepare-input-file.js';
import { PersonIdReader, personIdForSql } from './person-id.js';
import type { PseudonymKey } from './pseudonym-key.js';
import { writePersons, writeTable, type TableToStore } from './store-writer.js';
import { PROBLEMS_TABLE_SQL, validateFile, type ValidatedFile } from './validate-file.js';
import { PERSON_ID_FUNCTION } from './validation-sql.js';

export type LoadPhase = 'scan' | 'validate' | 'compare' | 'write' | 'commit';

export interface LoadRequest {
  /** The folder of input files. */
  readonly source: string;
  readonly dataDirectory: string;
  /** Load the valid rows and write the rejected ones to rejects.csv in the load. */
  readonly acceptValidRows: boolean;
  /** Also write every rejected row here (even when the load is refused). */
  readonly rejectsFile?: string;
  readonly key?: PseudonymKey;
  readonly now: Date;
  readonly createdBy: string;
  /** DuckDB's memory limit (default 2GB). */
  readonly memoryLimit?: string;
  readonly threads?: number;
  /** How many problems the report lists (default 20). */
  readonly shownProblems?: number;
  /** Called as each phase starts (for progress and benchmarks). */
  readonly onPhase?: (phase: LoadPhase) => void;
  /** Called after each DuckDB statement with its duration (for benchmarks). */
  readonly trace?: (sql: string, milliseconds: number) => void;
}

export interface FileCount {
  readonly file: string;
  readonly rowsRead: number;
  readonly rowsRejected: number;
  readonly byReason: readonly { readonly label: string; readonly count: number }[];
}

export interface LoadReport {
  readonly warnings: readonly string[];
  readonly files: readonly FileCount[];
  /** The first problems, CPR numbers first, then by file and line. */
  readonly problems: readonly InputProblem[];
  readonly totalProblems: number;
  /** Rows refused because `person_id` is a CPR number and no key is configured. */
  readonly cprNumbers: number;
  /** Where rejected rows were written. */
  readonly rejectsWritten: readonly string[];
  /** The load in use before this one (still in use when this one is refused). */
  readonly loadInUse: string | undefined;
}

export type LoadResult =
  | ({
      readonly status: 'loaded';
      readonly id: string;
      readonly folder: string;
      readonly manifest: LoadManifest;
    } & LoadReport)
  | ({ readonly status: 'refused' } & LoadReport);

export const DEFAULT_MEMORY_LIMIT = '2GB';
const SHOWN_PROBLEMS = 20;

/**
 * The store holds personal data: the data directory this load creates, the
 * `loads` folder and every folder and file of the load are private to the
 * user (700 and 600), whatever the umask — DuckDB writes the Parquet files,
 * so the process's umask is set to 077 while the load runs.
 */
export async function loadData(request: LoadRequest): Promise<LoadResult> {
  const restoreUmask = privateUmask();
  try {
    return await loadPrivately(request);
  } finally {
    restoreUmask();
  }
}

const PRIVATE_FOLDER = 0o700;

/** Sets the umask to 077; returns what puts the old one back (a no-op where it cannot be set). */
function privateUmask(): () => void {
  let previous: number;
  try {
    previous = process.umask(0o077);
  } catch {
    // Worker threads cannot set the umask.
    return () => undefined;
  }
  return () => {
    process.umask(previous);
  };
}

async function loadPrivately(request: LoadRequest): Promise<LoadResult> {
  const phase = request.onPhase ?? (() => undefined);
  const dataDirectory = request.dataDirectory;
  const created = await mkdir(dataDirectory, { recursive: true, mode: PRIVATE_FOLDER });
  if (created !== undefined) await chmod(dataDirectory, PRIVATE_FOLDER);
  await mkdir(loadsFolder(dataDirectory), { recursive: true, mode: PRIVATE_FOLDER });
  // A store made by an earlier version may be readable by everyone.
  await chmod(loadsFolder(dataDirectory), PRIVATE_FOLDER).catch(() => undefined);
  await removeAbandonedStaging(dataDirectory);
  const id = newLoadId(request.now);
  const staging = await createStaging(dataDirectory, id);
  const work = join(staging, '.work');
  await mkdir(work);
  let session: DuckDbSession | undefined;
  let committed = false;
  let found: readonly FoundInputFile[] = [];
  try {
    session = await DuckDbSession.open({
      memoryLimit: request.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
      threads: request.threads ?? availableParallelism(),
      tempDirectory: join(work, 'duckdb'),
      ...(request.trace === undefined ? {} : { trace: request.trace }),
    });

    phase('scan');
    const folder = await findInputFiles(request.source);
    if (folder.problems.length > 0) throw new InputError(folder.problems);
    found = folder.files;
    const prepared: PreparedInput[] = [];
    for (const found of folder.files) prepared.push(await prepareInputFile(found, session));
    const fileProblems = prepared.flatMap((input) => input.problems);
    if (fileProblems.length > 0) throw new InputError(fileProblems.map(masked));
    const warnings = [
      ...folder.warnings,
      ...prepared.flatMap((input) => input.warnings),
      ...prepared
        .filter((input) => input.rowsRead === 0)
        .map((input) => `${input.found.file}: filen har ingen rækker`),
    ].map(maskCprNumbers);

    phase('validate');
    const personIds = new PersonIdReader(request.key);
    session.registerTextFunction(PERSON_ID_FUNCTION, (raw) => personIdForSql(personIds.read(raw)));
    await session.run(PROBLEMS_TABLE_SQL);
    const settings = { session, workFolder: work, personIds, municipalityCodes: [] };
    const validated: ValidatedFile[] = [];
    const municipalitiesInput = prepared.find(
      (input) => input.found.spec.name === 'municipalities',
    );
    let municipalityCodes: number[];
    if (municipalitiesInput !== undefined) {
      const municipalities = await validateFile(
        municipalitiesInput,
        orderOf('municipalities'),
        settings,
      );
      await runCrossRowChecks(session, municipalities);
      validated.push(municipalities);
      municipalityCodes = (
        await session.rows(
          'SELECT code::INTEGER AS code FROM t_municipalities WHERE check_id IS NULL',
        )
      ).map((row) => Number(row['code']));
    } else {
      municipalityCodes = await storeShippedMunicipalities(session);
    }
    for (const input of prepared) {
      if (input.found.spec.name === 'municipalities') continue;
      validated.push(
        await validateFile(input, orderOf(input.found.spec.name), {
          ...settings,
          municipalityCodes,
        }),
      );
    }

    phase('compare');
    for (const file of validated) {
      if (file.input.found.spec.name !== 'municipalities') await runCrossRowChecks(session, file);
    }

    const report = {
      ...(await summarise(session, prepared, warnings, request.shownProblems)),
      loadInUse: await currentLoadId(dataDirectory),
    };
    const rejectsWritten: string[] = [];
    if (request.rejectsFile !== undefined) {
      await writeRejects(session, request.rejectsFile);
      rejectsWritten.push(request.rejectsFile);
    }
    if (report.cprNumbers > 0 || (report.totalProblems > 0 && !request.acceptValidRows))
      return { status: 'refused', ...report, rejectsWritten };

    phase('write');
    const tables: TableToStore[] = [
      ...(municipalitiesInput === undefined ? [shippedMunicipalitiesTable()] : []),
      ...validated.map((file) => ({
        name: file.input.found.spec.name,
        table: file.table,
        personLevel: file.input.found.spec.personLevel,
        columns: file.stored.map((column) => column.name),
        sortBy: file.input.found.spec.sortBy,
      })),
    ];
    const stored: ManifestStoredFile[] = [await writePersons(session, tables, staging)];
    const order = (name: string) => (name === 'persons' ? -1 : orderOf(name as InputFileName));
    for (const table of [...tables].sort((a, b) => order(a.name) - order(b.name)))
      stored.push(await writeTable(session, table, staging));
    // Every input file has now been read for the last time: the checksums and
    // rows are of the files found only if none was replaced or written to since.
    await refuseChangedInputs(found);
    const dataPeriod = await dataPeriodOfStore(session, staging, stored);
    const checked = await Promise.all(
      stored.map(async (file) => ({ ...file, ...(await digestFile(join(staging, file.file))) })),
    );
    let rejectsFile: string | undefined;
    if (report.totalProblems > 0) {
      rejectsFile = 'rejects.csv';
      await writeRejects(session, join(staging, rejectsFile));
    }
    const manifest: LoadManifest = {
      formatVersion: LOAD_FORMAT_VERSION,
      id,
      createdAt: request.now.toISOString().replace(/\.\d+Z$/, 'Z'),
      createdBy: request.createdBy,
      source: request.source,
      pseudonymised: request.key !== undefined,
      acceptedValidRows: request.acceptValidRows,
      municipalitiesFrom: municipalitiesInput === undefined ? 'shipped' : 'load',
      persons: stored[0]?.rows ?? 0,
      ...(dataPeriod === undefined ? {} : { dataPeriod }),
      files: manifestFiles(prepared, report, stored),
      stored: checked,
      warnings: report.warnings,
      ...(rejectsFile === undefined ? {} : { rejectsFile }),
    };
    await writeFileAtomic(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    session.close();
    session = undefined;
    await rm(work, { recursive: true, force: true });

    phase('commit');
    const final = await commitLoad(dataDirectory, id, staging);
    committed = true;
    if (rejectsFile !== undefined) rejectsWritten.push(join(final, rejectsFile));
    return { status: 'loaded', id, folder: final, manifest, ...report, rejectsWritten };
  } catch (error) {
    // A file changed under the load explains any failure that follows from it
    // (e.g. DuckDB reading other rows than the scan counted).
    if (!committed) await refuseChangedInputs(found);
    throw error;
  } finally {
    session?.close();
    if (!committed) await rm(staging, { recursive: true, force: true });
  }
}

async function refuseChangedInputs(files: readonly FoundInputFile[]): Promise<void> {
  const changed: InputProblem[] = [];
  for (const file of files) {
    if (await fileChanged(file))
      changed.push({
        file: file.file,
        reason:
          'filen blev ændret, mens den blev indlæst; indlæs igen, når filen ikke længere ændres',
      });
  }
  if (changed.length > 0) throw new InputError(changed);
}

/** A file-level problem as shown: a CPR number in a header or file name is masked too. */
function masked(problem: InputProblem): InputProblem {
  return {
    ...problem,
    file: maskCprNumbers(problem.file),
    reason: maskCprNumbers(problem.reason),
    ...(problem.column === undefined ? {} : { column: maskCprNumbers(problem.column) }),
    ...(problem.value === undefined ? {} : { value: maskCprNumbers(problem.value) }),
  };
}

function orderOf(name: InputFileName): number {
  return INPUT_FILE_NAMES.indexOf(name);
}

async function summarise(
  session: DuckDbSession,
  prepared: readonly PreparedInput[],
  warnings: readonly string[],
  shown: number = SHOWN_PROBLEMS,
): Promise<Omit<LoadReport, 'rejectsWritten' | 'loadInUse'>> {
  const counts = await session.rows(
    `SELECT file, label, count(*)::DOUBLE AS n FROM problems GROUP BY file, label ORDER BY file, n DESC, label`,
  );
  const files = [...prepared]
    .sort((a, b) => orderOf(a.found.spec.name) - orderOf(b.found.spec.name))
    .map((input): FileCount => {
      const byReason = counts
        .filter((row) => row['file'] === input.found.file)
        .map((row) => ({ label: String(row['label']), count: Number(row['n']) }));
      return {
        file: input.found.file,
        rowsRead: input.rowsRead,
        rowsRejected: byReason.reduce((sum, reason) => sum + reason.count, 0),
        byReason,
      };
    });
  const [totals] = await session.rows(
    'SELECT count(*)::DOUBLE AS total, count(*) FILTER (WHERE fatal)::DOUBLE AS cpr FROM problems',
  );
  const listed = await session.rows(
    `SELECT file, position::DOUBLE AS position, position_kind, column_name, value, reason
     FROM problems ORDER BY fatal DESC, file_order, position LIMIT ${shown}`,
  );
  return {
    warnings,
    files,
    problems: listed.map((row) => problemOf(row)),
    totalProblems: Number(totals?.['total'] ?? 0),
    cprNumbers: Number(totals?.['cpr'] ?? 0),
  };
}

function problemOf(row: Record<string, SqlValue>): InputProblem {
  const position = Number(row['position']);
  const column = row['column_name'];
  const value = row['value'];
  return {
    file: String(row['file']),
    ...(row['position_kind'] === 'row' ? { row: position } : { line: position }),
    ...(typeof column === 'string' ? { column } : {}),
    ...(typeof value === 'string' ? { value } : {}),
    reason: String(row['reason']),
  };
}

function manifestFiles(
  prepared: readonly PreparedInput[],
  report: Omit<LoadReport, 'rejectsWritten' | 'loadInUse'>,
  stored: readonly ManifestStoredFile[],
): ManifestInputFile[] {
  return [...prepared]
    .sort((a, b) => orderOf(a.found.spec.name) - orderOf(b.found.spec.name))
    .map((input) => {
      const count = report.files.find((file) => file.file === input.found.file);
      const rowsRejected = count?.rowsRejected ?? 0;
      const rowsLoaded = input.rowsRead - rowsRejected;
      const written = stored.find((file) => file.name === input.found.spec.name)?.rows;
      if (written !== rowsLoaded) {
        throw new Error(
          `${input.found.file}: ${input.rowsRead} rows read, ${rowsRejected} rejected, but ${String(written)} stored`,
        );
      }
      return {
        name: input.found.spec.name,
        file: input.found.file,
        format: input.found.format,
        ...(input.found.format === 'csv' ? { delimiter: input.delimiter } : {}),
        sha256: input.sha256,
        bytes: input.bytes,
        rowsRead: input.rowsRead,
        rowsLoaded,
        rowsRejected,
        rejectedByReason: Object.fromEntries(
          (count?.byReason ?? []).map((reason) => [reason.label, reason.count]),
        ),
        ...(input.found.spec.extraColumns === 'covariates' ? { covariates: input.covariates } : {}),
      };
    });
}

/**
 * The rejects file: every rejected row with file, line (the row number for a
 * Parquet file), column, value (CPR numbers masked; a cell a spreadsheet would
 * run as a formula neutralised, src/files/spreadsheet-cell.ts) and reason; written beside
 * its target and renamed, so that it is complete or absent.
 */
async function writeRejects(session: DuckDbSession, path: string): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  await session.run(
    `COPY (SELECT ${neutraliseFormulaSql('file')} AS file, position AS line,
                  ${neutraliseFormulaSql('column_name')} AS "column",
                  ${neutraliseFormulaSql('value')} AS value, reason
           FROM problems ORDER BY file_order, position)
     TO ${sqlString(temporary)} (FORMAT csv, HEADER true, DELIMITER ',')`,
  );
  await rename(temporary, path);
}

async function storeShippedMunicipalities(session: DuckDbSession): Promise<number[]> {
  const municipalities = await readMunicipalities();
  await session.run(
    `CREATE TABLE t_municipalities (code SMALLINT, name VARCHAR, region VARCHAR, amk VARCHAR,
       delegated_to SMALLINT, check_id SMALLINT, bad_value VARCHAR)`,
  );
  await session.append(
    't_municipalities',
    municipalities.map((municipality) => [
      municipality.code,
      municipality.name,
      municipality.region,
      municipality.amk,
      municipality.delegatedTo ?? null,
      null,
      null,
    ]),
  );
  return municipalities.map((municipality) => municipality.code);
}

function shippedMunicipalitiesTable(): TableToStore {
  return {
    name: 'municipalities',
    table: 't_municipalities',
    personLevel: false,
    columns: ['code', 'name', 'region', 'amk', 'delegated_to'],
    sortBy: ['code'],
  };
}
