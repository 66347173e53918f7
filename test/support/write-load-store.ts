/**
 * Writes readable records as a load folder in exactly the load-store format
 * of docs/architecture.md (Parquet via DuckDB, codes as list indices, sorted
 * by person_key and date, a manifest), so that tests cover the real reading
 * path of the measurement engine.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { BENEFIT_TYPES } from '../../src/core/domain/benefit-type.js';
import {
  CONVERSATION_FORMS,
  CONVERSATION_HOLDERS,
  CONVERSATION_KINDS,
  EXEMPTION_REASONS,
  OFFER_TYPES,
} from '../../src/core/domain/events.js';
import { DEFAULT_MUNICIPALITY, inStoreOrder, type PersonRecords } from './load-records.js';

export interface StoreOptions {
  readonly id?: string;
  /** Municipality codes of the load (default: those the records use, plus 101). */
  readonly municipalities?: readonly number[];
  /** Residents 16–66 by municipality and year: `{ 101: { 2024: 1000 } }`. */
  readonly residents?: Readonly<Record<number, Readonly<Record<number, number>>>>;
}

function text(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function dateOrNull(value: string | undefined): string {
  return value === undefined ? 'NULL' : `DATE ${text(value)}`;
}

async function writeTable(
  connection: DuckDBConnection,
  folder: string,
  name: string,
  schema: string,
  rows: readonly string[],
  order: string,
): Promise<void> {
  await connection.run(`CREATE OR REPLACE TABLE ${name} (${schema})`);
  if (rows.length > 0) await connection.run(`INSERT INTO ${name} VALUES ${rows.join(', ')}`);
  await connection.run(
    `COPY (SELECT * FROM ${name} ORDER BY ${order}) TO ${text(join(folder, `${name}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`,
  );
}

export async function writeLoadStore(
  folder: string,
  persons: readonly PersonRecords[],
  options: StoreOptions = {},
): Promise<void> {
  await mkdir(folder, { recursive: true });
  const ordered = inStoreOrder(persons);
  const used = new Set<number>([DEFAULT_MUNICIPALITY]);
  for (const person of ordered)
    for (const period of person.periods ?? [])
      used.add(period.municipality ?? DEFAULT_MUNICIPALITY);
  const municipalities = [...(options.municipalities ?? [...used])].sort((a, b) => a - b);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await writeTable(
      connection,
      folder,
      'persons',
      'person_key INTEGER, person_id VARCHAR',
      ordered.map((person, key) => `(${key}, ${text(person.id)})`),
      'person_key',
    );
    await writeTable(
      connection,
      folder,
      'municipalities',
      'code SMALLINT, name VARCHAR, region VARCHAR, amk VARCHAR, delegated_to SMALLINT',
      municipalities.map((code) => `(${code}, ${text(`Kommune ${code}`)}, 'Region', 'AMK', NULL)`),
      'code',
    );
    await writeTable(
      connection,
      folder,
      'benefit_periods',
      'person_key INTEGER, municipality SMALLINT, benefit UTINYINT, "from" DATE, "to" DATE',
      ordered.flatMap((person, key) =>
        (person.periods ?? []).map(
          (row) =>
            `(${key}, ${row.municipality ?? DEFAULT_MUNICIPALITY}, ${BENEFIT_TYPES.indexOf(row.benefit)}, ${dateOrNull(row.from)}, ${dateOrNull(row.to)})`,
        ),
      ),
      'person_key, "from"',
    );
    await writeTable(
      connection,
      folder,
      'conversations',
      'person_key INTEGER, "date" DATE, kind UTINYINT, form UTINYINT, held_by UTINYINT',
      ordered.flatMap((person, key) =>
        (person.conversations ?? []).map(
          (row) =>
            `(${key}, ${dateOrNull(row.date)}, ${CONVERSATION_KINDS.indexOf(row.kind ?? 'jobsamtale')}, ${CONVERSATION_FORMS.indexOf(row.form ?? 'personligt')}, ${CONVERSATION_HOLDERS.indexOf(row.heldBy ?? 'jobcenter')})`,
        ),
      ),
      'person_key, "date"',
    );
    await writeTable(
      connection,
      folder,
      'offers',
      'person_key INTEGER, type UTINYINT, "from" DATE, "to" DATE',
      ordered.flatMap((person, key) =>
        (person.offers ?? []).map(
          (row) =>
            `(${key}, ${OFFER_TYPES.indexOf(row.type)}, ${dateOrNull(row.from)}, ${dateOrNull(row.to)})`,
        ),
      ),
      'person_key, "from"',
    );
    await writeTable(
      connection,
      folder,
      'work_hours',
      'person_key INTEGER, "month" DATE, hours DOUBLE',
      ordered.flatMap((person, key) =>
        (person.workHours ?? []).map(
          (row) => `(${key}, DATE ${text(`${row.month}-01`)}, ${row.hours})`,
        ),
      ),
      'person_key, "month"',
    );
    await writeTable(
      connection,
      folder,
      'exemptions',
      'person_key INTEGER, reason UTINYINT, "from" DATE, "to" DATE',
      ordered.flatMap((person, key) =>
        (person.exemptions ?? []).map(
          (row) =>
            `(${key}, ${EXEMPTION_REASONS.indexOf(row.reason)}, ${dateOrNull(row.from)}, ${dateOrNull(row.to)})`,
        ),
      ),
      'person_key, "from"',
    );
    const residents = Object.entries(options.residents ?? {}).flatMap(([municipality, years]) =>
      Object.entries(years).map(([year, count]) => `(${municipality}, ${year}, ${count})`),
    );
    await writeTable(
      connection,
      folder,
      'framework_conditions',
      'municipality SMALLINT, year SMALLINT, residents_16_66 INTEGER',
      residents,
      'municipality, year',
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  await writeFile(
    join(folder, 'manifest.json'),
    `${JSON.stringify(
      {
        formatVersion: 1,
        id: options.id ?? 'test-load',
        createdAt: '2026-11-23T12:00:00.000Z',
        createdBy: 'test',
        source: 'test records',
        pseudonymised: false,
        files: [],
      },
      null,
      2,
    )}\n`,
  );
}
