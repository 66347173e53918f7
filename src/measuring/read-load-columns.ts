/**
 * Reads a stored load (the Parquet files of docs/architecture.md, "The load
 * store") into the typed columns of the measurement core.
 *
 * DuckDB scans each file in order (it preserves insertion order) and hands
 * out chunks of 2048 rows; the raw bytes of each vector are copied straight
 * into preallocated typed arrays (`vector_get_data`), with no per-value
 * conversion. Only the columns the engine needs are read. The person_key
 * column is not stored: it becomes the per-person offsets, and the reader
 * checks on the way that the rows are sorted by person and date as the store
 * promises.
 *
 * Optional files that a load lacks (exemptions, offers, hours, framework
 * conditions) read as empty; without `municipalities.parquet` the shipped list
 * of the 98 municipalities applies.
 *
 * With `shared`, the arrays live in SharedArrayBuffers so that worker threads
 * can measure ranges of persons without copying.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import duckdb from '@duckdb/node-bindings';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { ONGOING, type LoadColumns } from '../core/measures/load-columns.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { readMunicipalities } from '../reference/municipalities.js';

type ColumnKind = 'int16' | 'uint8' | 'int32' | 'float64' | 'day' | 'dayOrOngoing';

interface ColumnSpec {
  /** SQL expression selecting the column, cast to the kind's DuckDB type. */
  readonly sql: string;
  readonly kind: ColumnKind;
  /** Checked to be non-decreasing within each person. */
  readonly sorted?: boolean;
}

type TypedColumn = Int16Array | Uint8Array | Int32Array | Float64Array;

const BYTES: Record<ColumnKind, number> = {
  int16: 2,
  uint8: 1,
  int32: 4,
  float64: 8,
  day: 4,
  dayOrOngoing: 4,
};

const CAST: Record<ColumnKind, string> = {
  int16: 'SMALLINT',
  uint8: 'UTINYINT',
  int32: 'INTEGER',
  float64: 'DOUBLE',
  day: 'DATE',
  dayOrOngoing: 'DATE',
};

/** Where the figures of a read went, for the benchmark and the run record. */
export interface ReadStatistics {
  readonly rows: Record<string, number>;
  readonly milliseconds: number;
}

export interface ReadOptions {
  /** Allocate the columns in SharedArrayBuffers (for worker threads). */
  readonly shared?: boolean;
  /** Read only this person (by person_key): explanations. */
  readonly personKey?: number;
}

export interface LoadReader {
  readonly folder: string;
  /** Municipality codes of the load, ascending. */
  municipalities(): Promise<MunicipalityCode[]>;
  /** Residents aged 16–66 by municipality and year, from the framework conditions (empty map when absent). */
  residents(): Promise<Map<string, number>>;
  /** The person_key of a person_id, or undefined. */
  personKey(personId: string): Promise<number | undefined>;
  /**
   * The person_id (the load's pseudonym) of each person_key, in the order
   * given; a key not in the load is an error.
   */
  personIds(keys: readonly number[]): Promise<string[]>;
  columns(options?: ReadOptions): Promise<{ columns: LoadColumns; statistics: ReadStatistics }>;
  close(): void;
}

/** Person keys looked up per statement by `personIds`. */
const PERSON_ID_CHUNK = 10_000;

/** Key of the residents map. */
export function residentsKey(municipality: number, year: number): string {
  return `${municipality}:${year}`;
}

/** Opens the load folder `folder` for reading. */
export async function openLoadReader(folder: string): Promise<LoadReader> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const file = (name: string) => join(folder, `${name}.parquet`);
  const quoted = (name: string) => `read_parquet('${file(name).replaceAll("'", "''")}')`;
  return {
    folder,
    async municipalities() {
      if (!existsSync(file('municipalities')))
        return (await readMunicipalities())
          .map((municipality) => municipality.code)
          .sort((a, b) => a - b);
      const result = await connection.runAndReadAll(
        `SELECT code::INTEGER FROM ${quoted('municipalities')} ORDER BY 1`,
      );
      return result.getRows().map((row) => Number(row[0]));
    },
    async residents() {
      const residents = new Map<string, number>();
      if (!existsSync(file('framework_conditions'))) return residents;
      const result = await connection.runAndReadAll(
        `SELECT municipality::INTEGER, year::INTEGER, residents_16_66::DOUBLE FROM ${quoted('framework_conditions')}`,
      );
      for (const row of result.getRows())
        residents.set(residentsKey(Number(row[0]), Number(row[1])), Number(row[2]));
      return residents;
    },
    async personKey(personId) {
      const prepared = await connection.prepare(
        `SELECT person_key::INTEGER FROM ${quoted('persons')} WHERE person_id = $1`,
      );
      prepared.bindVarchar(1, personId);
      const result = await prepared.runAndReadAll();
      const row = result.getRows()[0];
      return row === undefined ? undefined : Number(row[0]);
    },
    async personIds(keys) {
      const ids = new Map<number, string>();
      const wanted = [...new Set(keys.map((key) => Math.trunc(key)))].sort((a, b) => a - b);
      // In chunks, so that a national list (hundreds of thousands of persons) stays a few
      // statements of modest size.
      for (let start = 0; start < wanted.length; start += PERSON_ID_CHUNK) {
        const chunk = wanted.slice(start, start + PERSON_ID_CHUNK);
        const result = await connection.runAndReadAll(
          `SELECT person_key::INTEGER, person_id FROM ${quoted('persons')} WHERE person_key IN (${chunk.join(',')})`,
        );
        for (const row of result.getRows()) ids.set(Number(row[0]), String(row[1]));
      }
      return keys.map((key) => {
        const id = ids.get(Math.trunc(key));
        if (id === undefined) throw new Error(`No person with person_key ${key} in ${folder}`);
        return id;
      });
    },
    async columns(options = {}) {
      const started = performance.now();
      const personCount =
        options.personKey === undefined ? await countPersons(connection, quoted('persons')) : 1;
      const where =
        options.personKey === undefined
          ? ''
          : ` WHERE person_key = ${Math.trunc(options.personKey)}`;
      const base = options.personKey ?? 0;
      // The tables are read at the same time, each on its own connection, so that copying one
      // table's chunks overlaps DuckDB decoding the others.
      const read = async (name: string, specs: readonly ColumnSpec[]) => {
        // A load without an optional file (no exemptions, no hours …) has no such rows.
        if (!existsSync(file(name))) return emptyTable(specs, personCount, options.shared ?? false);
        const own = await instance.connect();
        try {
          return await readTable(own, {
            source: `${quoted(name)}${where}`,
            name,
            specs,
            personCount,
            personBase: base,
            shared: options.shared ?? false,
          });
        } finally {
          own.closeSync();
        }
      };
      const [periods, conversations, offers, workHours, exemptions] = await Promise.all([
        read('benefit_periods', [
          { sql: 'municipality', kind: 'int16' },
          { sql: 'benefit', kind: 'uint8' },
          { sql: '"from"', kind: 'day', sorted: true },
          { sql: '"to"', kind: 'dayOrOngoing' },
        ]),
        read('conversations', [
          { sql: '"date"', kind: 'day', sorted: true },
          { sql: 'kind', kind: 'uint8' },
          { sql: 'form', kind: 'uint8' },
          { sql: 'held_by', kind: 'uint8' },
        ]),
        read('offers', [
          { sql: 'type', kind: 'uint8' },
          { sql: '"from"', kind: 'day', sorted: true },
          { sql: '"to"', kind: 'dayOrOngoing' },
        ]),
        read('work_hours', [
          { sql: '(year("month") * 12 + month("month") - 1)', kind: 'int32', sorted: true },
          { sql: 'hours', kind: 'float64' },
        ]),
        read('exemptions', [
          { sql: 'reason', kind: 'uint8' },
          { sql: '"from"', kind: 'day', sorted: true },
          { sql: '"to"', kind: 'dayOrOngoing' },
        ]),
      ]);
      const columns: LoadColumns = {
        personCount,
        periods: {
          offsets: periods.offsets,
          municipality: int16Column(periods, 0),
          benefit: uint8Column(periods, 1),
          from: int32Column(periods, 2),
          to: int32Column(periods, 3),
        },
        conversations: {
          offsets: conversations.offsets,
          date: int32Column(conversations, 0),
          kind: uint8Column(conversations, 1),
          form: uint8Column(conversations, 2),
          heldBy: uint8Column(conversations, 3),
        },
        offers: {
          offsets: offers.offsets,
          type: uint8Column(offers, 0),
          from: int32Column(offers, 1),
          to: int32Column(offers, 2),
        },
        workHours: {
          offsets: workHours.offsets,
          month: int32Column(workHours, 0),
          hours: float64Column(workHours, 1),
        },
        exemptions: {
          offsets: exemptions.offsets,
          reason: uint8Column(exemptions, 0),
          from: int32Column(exemptions, 1),
          to: int32Column(exemptions, 2),
        },
      };
      return {
        columns,
        statistics: {
          rows: {
            benefit_periods: periods.rows,
            conversations: conversations.rows,
            offers: offers.rows,
            work_hours: workHours.rows,
            exemptions: exemptions.rows,
          },
          milliseconds: performance.now() - started,
        },
      };
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

function int16Column(table: ReadTable, index: number): Int16Array {
  const column = table.columns[index];
  if (!(column instanceof Int16Array)) throw new Error(`Column ${index} is not SMALLINT`);
  return column;
}

function uint8Column(table: ReadTable, index: number): Uint8Array {
  const column = table.columns[index];
  if (!(column instanceof Uint8Array)) throw new Error(`Column ${index} is not UTINYINT`);
  return column;
}

function int32Column(table: ReadTable, index: number): Int32Array {
  const column = table.columns[index];
  if (!(column instanceof Int32Array)) throw new Error(`Column ${index} is not INTEGER or DATE`);
  return column;
}

function float64Column(table: ReadTable, index: number): Float64Array {
  const column = table.columns[index];
  if (!(column instanceof Float64Array)) throw new Error(`Column ${index} is not DOUBLE`);
  return column;
}

async function countPersons(connection: DuckDBConnection, source: string): Promise<number> {
  const result = await connection.runAndReadAll(
    `SELECT coalesce(max(person_key) + 1, 0)::INTEGER FROM ${source}`,
  );
  return Number(result.getRows()[0]?.[0] ?? 0);
}

interface ReadTable {
  readonly rows: number;
  readonly offsets: Int32Array;
  readonly columns: readonly TypedColumn[];
}

function emptyTable(specs: readonly ColumnSpec[], personCount: number, shared: boolean): ReadTable {
  const bytes = 4 * (personCount + 1);
  return {
    rows: 0,
    offsets: new Int32Array(shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes)),
    columns: specs.map((spec) => allocate(spec.kind, 0, shared)),
  };
}

function allocate(kind: ColumnKind, length: number, shared: boolean): TypedColumn {
  const bytes = BYTES[kind] * length;
  const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  switch (kind) {
    case 'int16':
      return new Int16Array(buffer);
    case 'uint8':
      return new Uint8Array(buffer);
    case 'float64':
      return new Float64Array(buffer);
    default:
      return new Int32Array(buffer);
  }
}

/** View of `count` items of a vector's raw data, in the column's own type. */
function viewOf(kind: ColumnKind, raw: Uint8Array, count: number): TypedColumn {
  // Typed views need aligned offsets; DuckDB aligns its vectors, but copy if not.
  const bytes = raw.byteOffset % BYTES[kind] === 0 ? raw : raw.slice();
  switch (kind) {
    case 'int16':
      return new Int16Array(bytes.buffer, bytes.byteOffset, count);
    case 'uint8':
      return new Uint8Array(bytes.buffer, bytes.byteOffset, count);
    case 'float64':
      return new Float64Array(bytes.buffer, bytes.byteOffset, count);
    default:
      return new Int32Array(bytes.buffer, bytes.byteOffset, count);
  }
}

interface TableRequest {
  /** The SQL the rows are read from (the table, filtered to one person or not). */
  readonly source: string;
  /** The table's name, for messages. */
  readonly name: string;
  readonly specs: readonly ColumnSpec[];
  /** Persons the offsets cover. */
  readonly personCount: number;
  /** The person_key of the first person (0, or the one person read). */
  readonly personBase: number;
  /** Whether the columns are shared with worker threads. */
  readonly shared: boolean;
}

/** Reads `specs` of `source` (rows sorted by person_key) into typed columns with per-person offsets. */
async function readTable(connection: DuckDBConnection, request: TableRequest): Promise<ReadTable> {
  const { source, name, specs, personCount, personBase, shared } = request;
  const counted = await connection.runAndReadAll(`SELECT count(*)::BIGINT FROM ${source}`);
  const rows = Number(counted.getRows()[0]?.[0] ?? 0);
  const columns = specs.map((spec) => allocate(spec.kind, rows, shared));
  const offsetsBuffer = shared
    ? new SharedArrayBuffer(4 * (personCount + 1))
    : new ArrayBuffer(4 * (personCount + 1));
  const offsets = new Int32Array(offsetsBuffer);
  const select = specs.map((spec) => `(${spec.sql})::${CAST[spec.kind]}`).join(', ');
  const result = await connection.stream(
    `SELECT (person_key - ${personBase})::INTEGER, ${select} FROM ${source}`,
  );
  let written = 0;
  let previousPerson = -1;
  const sortedIndex = specs.findIndex((spec) => spec.sorted === true);
  const sortedColumn = columns[sortedIndex];
  let previousSorted = -Infinity;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null) break;
    const count = chunk.rowCount;
    if (count === 0) break;
    if (written + count > rows)
      throw new Error(`${name}: more rows than counted; the store changed while being read`);
    const raw = chunk.chunk;
    const personVector = duckdb.data_chunk_get_vector(raw, 0);
    const persons = viewOf('int32', duckdb.vector_get_data(personVector, count * 4), count);
    for (let index = 0; index < specs.length; index += 1) {
      const spec = specs[index];
      const target = columns[index];
      if (spec === undefined || target === undefined) continue;
      const vector = duckdb.data_chunk_get_vector(raw, index + 1);
      const data = duckdb.vector_get_data(vector, count * BYTES[spec.kind]);
      target.set(viewOf(spec.kind, data, count), written);
      if (spec.kind === 'dayOrOngoing') {
        // The binding returns null when every value is valid (its type says otherwise).
        const validity = duckdb.vector_get_validity(
          vector,
          Math.ceil(count / 64) * 8,
        ) as Uint8Array | null;
        if (validity !== null) {
          for (let row = 0; row < count; row += 1) {
            if (((validity[row >> 3] ?? 0) & (1 << (row & 7))) === 0)
              target[written + row] = ONGOING;
          }
        }
      }
    }
    // Offsets and the sort order the store promises.
    for (let row = 0; row < count; row += 1) {
      const person = persons[row] ?? 0;
      if (person !== previousPerson) {
        if (person < previousPerson || person >= personCount || person < 0)
          throw new Error(`${name}: rows are not sorted by person_key (the load store is damaged)`);
        for (let gap = previousPerson + 1; gap <= person; gap += 1) offsets[gap] = written + row;
        previousPerson = person;
        previousSorted = -Infinity;
      }
      if (sortedColumn !== undefined) {
        const value = sortedColumn[written + row] ?? 0;
        if (value < previousSorted)
          throw new Error(
            `${name}: rows of person_key ${person + personBase} are not sorted by date`,
          );
        previousSorted = value;
      }
    }
    written += count;
  }
  for (let gap = previousPerson + 1; gap <= personCount; gap += 1) offsets[gap] = written;
  if (written !== rows) throw new Error(`${name}: read ${written} rows of ${rows}`);
  return { rows, offsets, columns };
}
