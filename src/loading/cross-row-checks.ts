/**
 * Checks that compare rows, run on the rows that passed their own checks:
 *
 * - an exact duplicate (the same stored values in every column) is refused,
 *   naming the line of the first occurrence, which is kept;
 * - a key that must be unique (framework_conditions: municipality and year, …)
 *   is refused on its later rows, naming the first;
 * - benefit_periods: a period that overlaps an earlier-starting period of the
 *   same person (measures.md § 2: "Periods of one person that overlap are bad
 *   input") is refused, naming the period it overlaps — the earlier one that
 *   reaches furthest. Rows are compared with every earlier row, also those
 *   refused for overlapping, so the outcome does not depend on the order in
 *   which refusals are made;
 * - municipalities: `delegated_to` must be a code in the same file.
 *
 * Each refused row is recorded in `problems` and marked `check_id = -1`.
 */
import { DuckDbSession, sqlIdentifier, sqlString } from './duckdb-session.js';
import { REASONS, type ProblemReason } from './problem-reasons.js';
import type { ValidatedFile } from './validate-file.js';

export async function runCrossRowChecks(
  session: DuckDbSession,
  file: ValidatedFile,
): Promise<void> {
  const spec = file.input.found.spec;
  const table = sqlIdentifier(file.table);
  const refused = sqlIdentifier(`refused_${spec.name}`);
  await session.run(`CREATE TABLE ${refused} (ordinal BIGINT)`);
  const good = `check_id IS NULL AND rowid NOT IN (SELECT ordinal FROM ${refused})`;
  const allColumns = file.stored.map((column) => sqlIdentifier(column.name)).join(', ');

  // Duplicates are rare: rows whose hash occurs more than once are the only
  // candidates, and only they are compared exactly (a window over all rows
  // partitioned by every column costs seconds per ten million rows).
  const hash = `hash(${allColumns})`;
  await refuse(
    session,
    file,
    refused,
    `SELECT ordinal, first AS related, NULL::VARCHAR AS value FROM (
       SELECT rowid AS ordinal, min(rowid) OVER (PARTITION BY ${allColumns}) AS first
       FROM ${table}
       WHERE check_id IS NULL AND ${hash} IN (
         SELECT h FROM (SELECT ${hash} AS h FROM ${table} WHERE check_id IS NULL)
         GROUP BY h HAVING count(*) > 1))
     WHERE ordinal <> first`,
    REASONS.duplicateRow,
    undefined,
  );

  if (spec.key !== undefined) {
    const key = spec.key.columns.map(sqlIdentifier).join(', ');
    await refuse(
      session,
      file,
      refused,
      `SELECT ordinal, first AS related, NULL::VARCHAR AS value FROM (
         SELECT rowid AS ordinal, min(rowid) OVER (PARTITION BY ${key}) AS first
         FROM ${table} WHERE ${good})
       WHERE ordinal <> first`,
      REASONS.duplicateKey(spec.key.description),
      undefined,
    );
  }

  if (spec.noOverlap !== undefined) {
    const from = sqlIdentifier(spec.noOverlap.from);
    const reach = `coalesce(${sqlIdentifier(spec.noOverlap.to)}, DATE '9999-12-31')`;
    await refuse(
      session,
      file,
      refused,
      `SELECT ordinal, related, NULL::VARCHAR AS value FROM (
         SELECT rowid AS ordinal, ${from} AS start,
           max(${reach}) OVER earlier AS reach,
           arg_max(rowid, {'reach': ${reach}, 'first': -rowid}) OVER earlier AS related
         FROM ${table} WHERE ${good}
         WINDOW earlier AS (PARTITION BY person_id ORDER BY ${from}, rowid
                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING))
       WHERE reach >= start`,
      REASONS.overlap,
      undefined,
    );
  }

  if (spec.name === 'municipalities') {
    await refuse(
      session,
      file,
      refused,
      `SELECT rowid AS ordinal, NULL::BIGINT AS related, delegated_to::VARCHAR AS value
       FROM ${table} WHERE ${good} AND delegated_to IS NOT NULL
         AND delegated_to NOT IN (SELECT code FROM ${table} WHERE ${good})`,
      REASONS.delegatedToUnknown,
      'delegated_to',
    );
  }

  const [count] = await session.rows(`SELECT count(*)::DOUBLE AS n FROM ${refused}`);
  if (Number(count?.['n'] ?? 0) > 0) {
    await session.run(
      `UPDATE ${table} SET check_id = -1 WHERE rowid IN (SELECT ordinal FROM ${refused})`,
    );
  }
}

/**
 * Records the rows `candidates` selects (columns ordinal, related, value) as
 * refused for `problem`; the reason names the related row's line when there is one.
 */
async function refuse(
  session: DuckDbSession,
  file: ValidatedFile,
  refused: string,
  candidates: string,
  problem: ProblemReason,
  column: string | undefined,
): Promise<void> {
  const found = sqlIdentifier(`found_${file.input.found.spec.name}`);
  const positions = sqlIdentifier(file.positions);
  const word = file.positionKind === 'line' ? 'linje' : 'række';
  await session.run(`CREATE OR REPLACE TABLE ${found} AS ${candidates}`);
  await session.run(
    `INSERT INTO problems
     SELECT ${file.order}, ${sqlString(file.input.found.file)}, f.ordinal + p."offset",
       ${sqlString(file.positionKind)}, ${column === undefined ? 'NULL' : sqlString(column)}, f.value,
       ${sqlString(problem.label)},
       CASE WHEN f.related IS NULL THEN ${sqlString(problem.reason)}
            ELSE ${sqlString(`${problem.reason} ${word} `)} || (f.related + r."offset")::VARCHAR END,
       false
     FROM ${found} f
     ASOF JOIN ${positions} p ON f.ordinal >= p.ordinal
     ASOF LEFT JOIN ${positions} r ON f.related >= r.ordinal`,
  );
  await session.run(`INSERT INTO ${refused} SELECT ordinal FROM ${found}`);
  await session.run(`DROP TABLE ${found}`);
}
