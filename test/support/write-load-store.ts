/**
 * Turns readable records into a stored load the way users make one: the
 * records are written as the raw files of data.md and loaded with the real
 * loader (`loadData`), so the engine's tests read exactly what `tilsyn load`
 * stores — there is one writer of the load store, not two.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadData } from '../../src/loading/load-data.js';
import { readMunicipalities } from '../../src/reference/municipalities.js';
import { DEFAULT_MUNICIPALITY, inStoreOrder, type PersonRecords } from './load-records.js';

export interface StoreOptions {
  /** Municipality codes of the load's `municipalities` file (default: the 98 shipped ones). */
  readonly municipalities?: readonly number[];
  /** Residents 16–66 by municipality and year: `{ 101: { 2024: 1000 } }`. */
  readonly residents?: Readonly<Record<number, Readonly<Record<number, number>>>>;
  /** The clock of the load (its id and time). */
  readonly now?: Date;
  /** A whole `framework_conditions.csv` (with covariates), instead of one built from `residents`. */
  readonly frameworkConditionsCsv?: string;
  /**
   * The last month of the extract (`YYYY-MM`): a load can be measured up to
   * the last month with a record, so a person outside every benefit (an hour
   * of work in that month) marks it, as any real extract's records do.
   */
  readonly dataUntil?: string;
}

/** The person that marks `dataUntil`: in no benefit period, so in no measure. */
export const DATA_UNTIL_PERSON = 'zz-data-until';

/** Writes `persons` as the raw files of data.md into `folder`. */
export async function writeRawFiles(
  folder: string,
  persons: readonly PersonRecords[],
  options: StoreOptions = {},
): Promise<void> {
  const ordered = inStoreOrder(
    options.dataUntil === undefined
      ? persons
      : [
          ...persons,
          { id: DATA_UNTIL_PERSON, workHours: [{ month: options.dataUntil, hours: 1 }] },
        ],
  );
  const csv = (header: string, rows: readonly string[]) =>
    `${header}\n${rows.map((row) => `${row}\n`).join('')}`;
  const files: Record<string, string> = {
    'benefit_periods.csv': csv(
      'person_id,municipality,benefit,from,to',
      ordered.flatMap((person) =>
        (person.periods ?? []).map(
          (row) =>
            `${person.id},${row.municipality ?? DEFAULT_MUNICIPALITY},${row.benefit},${row.from},${row.to ?? ''}`,
        ),
      ),
    ),
    'conversations.csv': csv(
      'person_id,date,kind,form,held_by',
      ordered.flatMap((person) =>
        (person.conversations ?? []).map(
          (row) =>
            `${person.id},${row.date},${row.kind ?? 'jobsamtale'},${row.form ?? 'personligt'},${row.heldBy ?? 'jobcenter'}`,
        ),
      ),
    ),
    'offers.csv': csv(
      'person_id,type,from,to',
      ordered.flatMap((person) =>
        (person.offers ?? []).map((row) => `${person.id},${row.type},${row.from},${row.to ?? ''}`),
      ),
    ),
    'work_hours.csv': csv(
      'person_id,month,hours',
      ordered.flatMap((person) =>
        (person.workHours ?? []).map((row) => `${person.id},${row.month},${row.hours}`),
      ),
    ),
    'exemptions.csv': csv(
      'person_id,reason,from,to',
      ordered.flatMap((person) =>
        (person.exemptions ?? []).map(
          (row) => `${person.id},${row.reason},${row.from},${row.to ?? ''}`,
        ),
      ),
    ),
    'framework_conditions.csv':
      options.frameworkConditionsCsv ??
      csv(
        'municipality,year,residents_16_66',
        Object.entries(options.residents ?? {}).flatMap(([municipality, years]) =>
          Object.entries(years).map(([year, count]) => `${municipality},${year},${count}`),
        ),
      ),
  };
  if (options.municipalities !== undefined) {
    const known = new Map((await readMunicipalities()).map((m) => [m.code, m]));
    files['municipalities.csv'] = csv(
      'code,name,region,amk,delegated_to',
      options.municipalities.map((code) => {
        const municipality = known.get(code);
        if (!municipality) throw new Error(`unknown municipality ${code} in a test fixture`);
        return `${code},${municipality.name},${municipality.region},${municipality.amk},`;
      }),
    );
  }
  for (const [name, content] of Object.entries(files)) await writeFile(join(folder, name), content);
}

/**
 * Loads `persons` into the data directory `dataDirectory` with the real
 * loader and returns the new load's id (it becomes the current load).
 */
export async function loadRecords(
  dataDirectory: string,
  persons: readonly PersonRecords[],
  options: StoreOptions = {},
): Promise<{ id: string; folder: string }> {
  const raw = await mkdtemp(join(tmpdir(), 'tilsyn-records-'));
  try {
    await writeRawFiles(raw, persons, options);
    const result = await loadData({
      source: raw,
      dataDirectory,
      acceptValidRows: false,
      now: options.now ?? new Date('2026-11-23T12:00:00Z'),
      createdBy: 'test',
      memoryLimit: '512MB',
      threads: 1,
    });
    if (result.status !== 'loaded') {
      throw new Error(
        `test records were refused by the loader: ${JSON.stringify(result.problems.slice(0, 5))}`,
      );
    }
    return { id: result.id, folder: result.folder };
  } finally {
    await rm(raw, { recursive: true, force: true });
  }
}

/** Stores `persons` as a load folder at `folder` (outside any catalog); returns its id. */
export async function writeLoadStore(
  folder: string,
  persons: readonly PersonRecords[],
  options: StoreOptions = {},
): Promise<string> {
  const data = await mkdtemp(join(tmpdir(), 'tilsyn-store-'));
  try {
    const { id, folder: stored } = await loadRecords(data, persons, options);
    await cp(stored, folder, { recursive: true });
    return id;
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}
