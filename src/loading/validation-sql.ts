/**
 * Builds the SQL statement that reads a file into DuckDB, converts every
 * field to its stored type and finds, for each row, the first problem (in
 * column order) — or none. The table it creates has the stored columns, plus
 * `check_id` (NULL for a good row, else the number of the failed check). Its
 * `rowid` is the row's ordinal in the file.
 *
 * A cheap test that a row is valid runs first; only rows that fail it go
 * through the checks one by one. The offending values are found by a second
 * statement (`offendingValuesSql`), run only when a file has problems: a
 * column for them in the main table would cost 16 bytes a row even when empty.
 *
 * A CPR number in `person_id` never reaches the table: the column is read
 * through `tilsyn_person_id` (person-id.ts), which normalises the id and
 * replaces a CPR number by its keyed hash, or marks it refused.
 */
import { sqlIdentifier, sqlString } from './duckdb-session.js';
import type { ColumnSpec } from './input-file-specs.js';
import {
  EARLIEST_DATE,
  EARLIEST_YEAR,
  LATEST_DATE,
  LATEST_YEAR,
  MAX_FIELD_CHARACTERS,
  MAX_HOURS_IN_MONTH,
} from './plausibility-limits.js';
import { REASONS, type ProblemReason } from './problem-reasons.js';

export interface ValidationColumn {
  readonly spec: ColumnSpec;
  /** A VARCHAR expression over the source, or undefined when the (optional) column is absent. */
  readonly source: string | undefined;
}

export interface ValidationContext {
  readonly table: string;
  /** `FROM` clause body: `read_csv(…)` or `read_parquet(…)`. */
  readonly from: string;
  readonly columns: readonly ValidationColumn[];
  /** `;` allows the decimal comma. */
  readonly delimiter: ',' | ';';
  /** Codes accepted in `municipality` columns. */
  readonly municipalityCodes: readonly number[];
}

export interface Check {
  /** 1, 2, 3 … in the order the checks are tried. */
  readonly id: number;
  readonly column: string;
  readonly problem: ProblemReason;
}

export interface ValidationStatement {
  readonly sql: string;
  /**
   * Creates `table` with one row per row of the file (same order, so `rowid`
   * is the ordinal): `check_id` and `bad_value` (the offending field as read,
   * CPR numbers masked).
   */
  offendingValuesSql(table: string): string;
  readonly checks: readonly Check[];
  /** Stored columns of the table, in order, with their DuckDB types. */
  readonly stored: readonly { readonly name: string; readonly type: string }[];
}

/**
 * The scalar function that reads a raw `person_id` (person-id.ts), registered
 * in the session by load-data.ts.
 */
export const PERSON_ID_FUNCTION = 'tilsyn_person_id';

const NUMBER_PATTERN = sqlString('[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?');
const INTEGER_PATTERN = sqlString('[+-]?[0-9]+');
const DANISH_THOUSANDS_PATTERN = sqlString('[+-]?[1-9][0-9]{0,2}([.][0-9]{3})+(,[0-9]+)?');

interface ColumnPlan {
  readonly prepared: readonly string[];
  /**
   * A cheap test that implies every check of the column passes (NULL or false
   * when in doubt: the checks then decide). Omitted for columns of small files.
   */
  readonly valid?: string;
  readonly checks: readonly {
    readonly when: string;
    readonly problem: ProblemReason;
    readonly value?: string;
  }[];
  readonly output: string;
  readonly type: string;
}

export function validationStatement(context: ValidationContext): ValidationStatement {
  const names = new Map<string, number>();
  context.columns.forEach((column, index) => names.set(column.spec.name, index));
  const plans = context.columns.map((column, index) => planColumn(column, index, names, context));

  const sourceColumns = context.columns.map((column, index) => {
    // Trimmed only when it starts or ends with a space: trimming every value
    // cost a quarter of the statement.
    const source = column.source;
    const raw =
      source === undefined
        ? 'NULL::VARCHAR'
        : column.spec.kind.type === 'person'
          ? `${PERSON_ID_FUNCTION}(${source})`
          : `nullif(CASE WHEN ${source} LIKE ' %' OR ${source} LIKE '% ' THEN trim(${source}) ELSE ${source} END, '')`;
    const value =
      column.spec.defaultValue === undefined
        ? raw
        : `coalesce(${raw}, ${sqlString(column.spec.defaultValue)})`;
    return `${value} AS v_${index}`;
  });
  const prepared = plans.flatMap((plan) => plan.prepared);

  const checks: Check[] = [];
  const whens: string[] = [];
  const values: string[] = [];
  plans.forEach((plan, index) => {
    const column = context.columns[index]?.spec.name ?? '';
    for (const check of plan.checks) {
      const id = checks.length + 1;
      checks.push({ id, column, problem: check.problem });
      // An empty field fails only the emptiness check; the others test a value.
      const when =
        check.problem === REASONS.empty ? check.when : `v_${index} IS NOT NULL AND (${check.when})`;
      whens.push(`WHEN ${when} THEN ${id}`);
      values.push(`WHEN ${id} THEN ${check.value ?? `v_${index}`}`);
    }
  });

  const outputs = plans.map(
    (plan, index) => `${plan.output} AS ${sqlIdentifier(context.columns[index]?.spec.name ?? '')}`,
  );
  const valid = plans.every((plan) => plan.valid !== undefined)
    ? plans.map((plan) => `(${plan.valid ?? 'false'})`).join(' AND ')
    : 'false';
  const checked = [
    `WITH s AS (SELECT ${sourceColumns.join(', ')} FROM ${context.from}),`,
    `p AS (SELECT *${prepared.map((expression) => `, ${expression}`).join('')} FROM s),`,
    `c AS (SELECT *, (CASE WHEN ${valid} THEN NULL ELSE CASE ${whens.join(' ')} END END)::SMALLINT AS check_id FROM p)`,
  ];
  const sql = [
    `CREATE TABLE ${sqlIdentifier(context.table)} AS`,
    ...checked,
    `SELECT ${outputs.join(', ')}, check_id FROM c`,
  ].join('\n');
  const offendingValuesSql = (table: string) =>
    [
      `CREATE TABLE ${sqlIdentifier(table)} AS`,
      ...checked,
      `SELECT check_id, CASE check_id ${values.join(' ')} END AS bad_value FROM c`,
    ].join('\n');
  return {
    sql,
    offendingValuesSql,
    checks,
    stored: plans.map((plan, index) => ({
      name: context.columns[index]?.spec.name ?? '',
      type: plan.type,
    })),
  };
}

function planColumn(
  column: ValidationColumn,
  index: number,
  names: ReadonlyMap<string, number>,
  context: ValidationContext,
): ColumnPlan {
  const spec = column.spec;
  const v = `v_${index}`;
  const x = `x_${index}`;
  const tooLong = { when: `length(${v}) > ${MAX_FIELD_CHARACTERS}`, problem: REASONS.fieldTooLong };
  const empty = { when: `${v} IS NULL`, problem: REASONS.empty };
  const kind = spec.kind;
  switch (kind.type) {
    case 'person': {
      // The value comes from tilsyn_person_id (person-id.ts): normalised,
      // pseudonymised, or a mark that starts with NUL for a refused id.
      const refused = `starts_with(${v}, chr(0))`;
      return {
        prepared: [],
        checks: [
          tooLong,
          empty,
          {
            when: `starts_with(${v}, chr(0) || 'ctl:')`,
            problem: REASONS.personControl,
            value: `substr(${v}, 6)`,
          },
          { when: `${v} = chr(0) || 'cpr'`, problem: REASONS.cprNumber, value: 'NULL::VARCHAR' },
        ],
        output: `CASE WHEN ${refused} THEN NULL ELSE ${v} END`,
        type: 'VARCHAR',
        valid: `strlen(${v}) <= ${MAX_FIELD_CHARACTERS} AND NOT ${refused}`,
      };
    }
    case 'municipality':
    case 'municipality-code':
    case 'delegated-to': {
      const format = {
        when: `NOT regexp_full_match(${v}, '[0-9]{3}')`,
        problem: REASONS.municipalityFormat,
      };
      const checks =
        kind.type === 'delegated-to'
          ? [tooLong, format]
          : kind.type === 'municipality-code'
            ? [tooLong, empty, format]
            : [
                tooLong,
                empty,
                format,
                {
                  when: `NOT coalesce(${municipalityLookup(context.municipalityCodes)}[${x}], false)`,
                  problem: REASONS.municipalityUnknown,
                },
              ];
      return {
        prepared: [`TRY_CAST(${v} AS SMALLINT) AS ${x}`],
        checks,
        output: x,
        type: 'SMALLINT',
        ...(kind.type === 'municipality'
          ? {
              valid: `${x}::VARCHAR = ${v} AND ${municipalityLookup(context.municipalityCodes)}[${x}]`,
            }
          : {}),
      };
    }
    case 'code': {
      const list = `[${kind.codes.map(sqlString).join(', ')}]`;
      return {
        prepared: [`list_position(${list}, ${v}) AS ${x}`],
        checks: [
          tooLong,
          ...(spec.defaultValue === undefined ? [empty] : []),
          {
            when: `coalesce(${x}, 0) = 0`,
            problem: REASONS.unknownCode(kind.label, kind.codes),
          },
        ],
        output: kind.stored === 'index' ? `(${x} - 1)::UTINYINT` : v,
        type: kind.stored === 'index' ? 'UTINYINT' : 'VARCHAR',
        valid: `${x} > 0`,
      };
    }
    case 'date':
    case 'end-date': {
      const startIndex = kind.type === 'end-date' ? names.get(kind.startColumn) : undefined;
      return {
        prepared: [`TRY_CAST(${v} AS DATE) AS ${x}`],
        checks: [
          tooLong,
          ...(kind.type === 'date' ? [empty] : []),
          {
            when: `NOT regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}-[0-9]{2}')`,
            problem: REASONS.dateFormat,
          },
          { when: `${x} IS NULL`, problem: REASONS.dateImpossible },
          {
            when: `${x} < DATE '${EARLIEST_DATE}' OR ${x} > DATE '${LATEST_DATE}'`,
            problem: REASONS.dateRange,
          },
          ...(startIndex === undefined
            ? []
            : [{ when: `${x} < x_${startIndex}`, problem: REASONS.toBeforeFrom }]),
        ],
        output: x,
        type: 'DATE',
        valid:
          `${kind.type === 'end-date' ? `${v} IS NULL OR ` : ''}(${x}::VARCHAR = ${v}` +
          ` AND ${x} BETWEEN DATE '${EARLIEST_DATE}' AND DATE '${LATEST_DATE}'` +
          `${startIndex === undefined ? '' : ` AND ${x} >= x_${startIndex}`})`,
      };
    }
    case 'month':
      return {
        prepared: [`TRY_CAST(${v} || '-01' AS DATE) AS ${x}`],
        checks: [
          tooLong,
          empty,
          {
            when: `NOT regexp_full_match(${v}, '[0-9]{4}-[0-9]{2}') OR ${x} IS NULL`,
            problem: REASONS.monthFormat,
          },
          {
            when: `${x} < DATE '${EARLIEST_DATE}' OR ${x} > DATE '${LATEST_DATE}'`,
            problem: REASONS.monthRange,
          },
        ],
        output: kind.stored === 'date' ? x : v,
        type: kind.stored === 'date' ? 'DATE' : 'VARCHAR',
        valid: `${x}::VARCHAR = ${v} || '-01' AND ${x} BETWEEN DATE '${EARLIEST_DATE}' AND DATE '${LATEST_DATE}'`,
      };
    case 'year':
      return {
        prepared: [`TRY_CAST(${v} AS INTEGER) AS ${x}`],
        checks: [
          tooLong,
          empty,
          {
            when: `NOT regexp_full_match(${v}, ${INTEGER_PATTERN}) OR ${x} IS NULL`,
            problem: REASONS.integerFormat,
          },
          {
            when: `${x} NOT BETWEEN ${EARLIEST_YEAR} AND ${LATEST_YEAR}`,
            problem: REASONS.yearRange,
          },
        ],
        output: `${x}::SMALLINT`,
        type: 'SMALLINT',
      };
    case 'hours':
    case 'decimal': {
      // The Danish form of data.md: decimal comma, and a `.` before exactly
      // three digits a thousands separator (as parseDecimal in csv-table.ts).
      const normalised =
        context.delimiter === ';'
          ? `CASE WHEN regexp_full_match(${v}, ${DANISH_THOUSANDS_PATTERN}) THEN replace(replace(${v}, '.', ''), ',', '.') ELSE replace(${v}, ',', '.') END`
          : v;
      const n = `n_${index}`;
      const range =
        kind.type === 'hours'
          ? [
              { when: `${x} < 0`, problem: REASONS.hoursNegative },
              { when: `${x} > ${MAX_HOURS_IN_MONTH}`, problem: REASONS.hoursTooMany },
            ]
          : kind.range === 'non-negative'
            ? [{ when: `${x} < 0`, problem: REASONS.negative }]
            : kind.range === 'percent'
              ? [{ when: `${x} < 0 OR ${x} > 100`, problem: REASONS.percentRange }]
              : [];
      return {
        prepared: [`${normalised} AS ${n}`, `TRY_CAST(${normalised} AS DOUBLE) AS ${x}`],
        checks: [
          tooLong,
          empty,
          ...(context.delimiter === ','
            ? [
                {
                  when: `contains(${v}, ',') AND regexp_full_match(replace(${v}, ',', '.'), ${NUMBER_PATTERN})`,
                  problem: REASONS.decimalComma,
                },
              ]
            : []),
          {
            when: `NOT regexp_full_match(${n}, ${NUMBER_PATTERN}) OR ${x} IS NULL`,
            problem: REASONS.numberFormat,
          },
          // `1e400` is read as infinity: no figure of a register is.
          { when: `isinf(${x})`, problem: REASONS.numberTooLarge },
          ...range,
        ],
        output: x,
        type: 'DOUBLE',
        ...(kind.type === 'hours'
          ? {
              valid: `strlen(${v}) <= ${MAX_FIELD_CHARACTERS} AND regexp_full_match(${n}, ${NUMBER_PATTERN}) AND ${x} BETWEEN 0 AND ${MAX_HOURS_IN_MONTH}`,
            }
          : {}),
      };
    }
    case 'count': {
      const limit = kind.notAbove === undefined ? undefined : names.get(kind.notAbove);
      return {
        prepared: [`TRY_CAST(${v} AS INTEGER) AS ${x}`],
        checks: [
          tooLong,
          empty,
          {
            when: `NOT regexp_full_match(${v}, ${INTEGER_PATTERN}) OR ${x} IS NULL`,
            problem: REASONS.integerFormat,
          },
          kind.positive === true
            ? { when: `${x} <= 0`, problem: REASONS.notPositive }
            : { when: `${x} < 0`, problem: REASONS.negative },
          ...(limit === undefined || kind.notAbove === undefined
            ? []
            : [
                {
                  when: `${x} > x_${limit}`,
                  problem: {
                    label: `${spec.name} er større end ${kind.notAbove}`,
                    reason: `${spec.name} er større end ${kind.notAbove}`,
                  },
                },
              ]),
        ],
        output: x,
        type: 'INTEGER',
      };
    }
    case 'text':
      return { prepared: [], checks: [tooLong, empty], output: v, type: 'VARCHAR' };
  }
}

/** A constant list indexed by municipality code: true for the known codes. */
function municipalityLookup(codes: readonly number[]): string {
  const known = new Set(codes);
  const flags: string[] = [];
  for (let code = 1; code <= 999; code += 1) flags.push(known.has(code) ? 'true' : 'false');
  return `[${flags.join(',')}]`;
}
