/**
 * AN APPROXIMATION, for checking the synthetic data set only: the target
 * group, the passive shares, the focus measures and the actual benefit rate
 * computed with plain DuckDB SQL from a generated folder, independently of
 * the generator's own bookkeeping. The real measurement engine
 * (src/core/measures) is authoritative; this check exists so that the
 * scenario design can be verified before it lands.
 *
 * It follows measures.md day by day (spells by M1/M2, countable, dead and
 * exempt days, the 50 % rule, the window, counted conversations with the
 * first-jobsamtale rule, counted offers with the § 91 rule, hours from the
 * month of W) but has not been reviewed against the engine: edge cases
 * (ties, conversations outside the spell, R on a dead day) may differ.
 * Rule dates and values come from the dated parameters of the core.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Parameter } from '../../src/core/rules/dated-parameter.js';
import {
  CONVERSATIONS_REQUIRED,
  FIRST_JOB_CONVERSATION_IN_PERSON,
  ORDINARY_WORK_HOURS_FOR_OFFER,
  SECTION_91_OFFER_RECIPIENTS,
} from '../../src/core/rules/focus-goal-parameters.js';
import { COVID_DEAD_PERIOD } from '../../src/core/rules/transitional-parameters.js';
import { PARQUET_SCHEMAS } from '../../src/synthetic/parquet-export.js';

export interface FocusRow {
  readonly municipality: number;
  readonly month: string;
  readonly target: number;
  readonly passiveConversations: number;
  readonly passiveOffers: number;
}

export interface RateRow {
  readonly municipality: number;
  readonly year: number;
  readonly residents: number;
  readonly fullTimePersons: number;
  readonly covariates: readonly number[];
}

/** `CASE` over the values of a dated parameter, by the date in `column`. */
function datedCase(parameter: Parameter<number>, column: string): string {
  const [first, ...rest] = parameter.values;
  if (!first) throw new Error(`${parameter.name} has no values`);
  const branches = [...rest]
    .reverse()
    .map((entry) => `WHEN ${column} >= DATE '${entry.from}' THEN ${entry.value}`)
    .join(' ');
  return branches === '' ? String(first.value) : `CASE ${branches} ELSE ${first.value} END`;
}

const covidDays = COVID_DEAD_PERIOD.values
  .map((entry) => `d.d BETWEEN DATE '${entry.value.from}' AND DATE '${entry.value.to}'`)
  .join(' OR ');
const firstInPerson =
  FIRST_JOB_CONVERSATION_IN_PERSON.values.find((entry) => entry.value)?.from ?? '9999-12-31';
const section91Entry = SECTION_91_OFFER_RECIPIENTS.values.find(
  (entry) => entry.value !== undefined,
);
const section91 = {
  from: section91Entry?.from ?? '9999-12-31',
  recipients: (section91Entry?.value ?? []).map((type) => `'${type}'`).join(', ') || "''",
};
const hoursThreshold = datedCase(ORDINARY_WORK_HOURS_FOR_OFFER, 't.r');
const conversationsRequired = datedCase(CONVERSATIONS_REQUIRED, 't.r');

function quoted(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** `read_csv(…)` or `read_parquet(…)` of a table in `directory`. */
function source(directory: string, table: string): string {
  const parquet = join(directory, `${table}.parquet`);
  if (existsSync(parquet)) return `read_parquet(${quoted(parquet)})`;
  const schema = PARQUET_SCHEMAS[table] ?? {};
  const columns = `{${Object.entries(schema)
    .map(([name, type]) => `${quoted(name)}: ${quoted(type)}`)
    .join(', ')}}`;
  return `read_csv(${quoted(join(directory, `${table}.csv`))}, header = true, auto_detect = false, columns = ${columns})`;
}

async function rows(connection: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRowObjectsJS();
}

export interface ApproximateMeasures {
  readonly focus: FocusRow[];
  readonly rates: RateRow[];
  readonly personsPerYear: Record<string, number>;
}

/**
 * Computes the monthly target group and passive counts per municipality for
 * every month from `firstMonth` to `lastMonth` (`YYYY-MM`), and the actual
 * full-time persons per municipality and year.
 */
export async function approximateMeasures(
  directory: string,
  firstMonth: string,
  lastMonth: string,
): Promise<ApproximateMeasures> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const lastDay = `last_day(DATE '${lastMonth}-01')`;
  try {
    await connection.run(`
      CREATE TABLE bp AS
      SELECT person_id, municipality, benefit, "from" AS f, coalesce("to", ${lastDay}) AS t
      FROM ${source(directory, 'benefit_periods')};
      CREATE TABLE ex AS
      SELECT person_id, reason, "from" AS f, coalesce("to", ${lastDay}) AS t
      FROM ${source(directory, 'exemptions')};
      CREATE TABLE conv AS SELECT * FROM ${source(directory, 'conversations')};
      CREATE TABLE offers AS
      SELECT person_id, type, "from" AS f, coalesce("to", DATE '9999-12-31') AS t
      FROM ${source(directory, 'offers')};
      CREATE TABLE hours AS
      SELECT person_id, CAST(month || '-01' AS DATE) AS m, hours FROM ${source(directory, 'work_hours')};
      CREATE TABLE fc AS SELECT * FROM ${source(directory, 'framework_conditions')};

      -- Spells by M1 and M2.
      CREATE TABLE periods AS
      WITH o AS (
        SELECT *, lag(t) OVER w AS pt, lag(benefit) OVER w AS pb
        FROM bp WINDOW w AS (PARTITION BY person_id ORDER BY f)
      ), g AS (
        SELECT *, f - pt - 1 AS gap,
          CAST(CASE WHEN day(pt + 1) = 1 THEN pt + 1
                    ELSE CAST(date_trunc('month', pt + 1) AS DATE) + INTERVAL 1 MONTH END AS DATE) AS ms
        FROM o
      ), j AS (
        SELECT *, CAST(ms + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) <= f - 1 AS whole FROM g
      )
      SELECT person_id, municipality, benefit, f, t,
        sum(CASE
          WHEN pt IS NULL THEN 1
          WHEN benefit = pb AND benefit = 'dagpenge' AND gap <= 365 THEN 0
          WHEN benefit = pb AND benefit IN ('sygedagpenge', 'jobafklaring') AND gap = 0 THEN 0
          WHEN benefit = pb AND benefit NOT IN ('dagpenge', 'sygedagpenge', 'jobafklaring') AND NOT whole THEN 0
          WHEN pb = 'selvforsoergelse' AND benefit IN ('uddannelseshjaelp', 'kontanthjaelp') AND NOT whole THEN 0
          ELSE 1 END) OVER (PARTITION BY person_id ORDER BY f) AS spell
      FROM j;
      CREATE TABLE spells AS
      SELECT person_id, spell, min(f) AS s, max(t) AS e FROM periods GROUP BY ALL;

      -- Every covered day of the long spells, with its countable and exempt
      -- days counted from the start of the spell (exact, day by day).
      CREATE TABLE long_spells AS
      SELECT person_id, spell, s, e FROM spells
      WHERE e - s >= 364 AND e >= DATE '${firstMonth}-01';
      CREATE TABLE days AS
      SELECT p.person_id, p.spell,
        CAST(unnest(generate_series(p.f, least(p.t, ${lastDay}), INTERVAL 1 DAY)) AS DATE) AS d
      FROM periods p JOIN long_spells l ON l.person_id = p.person_id AND l.spell = p.spell;
      CREATE TABLE marked AS
      WITH dead AS (
        SELECT DISTINCT d.person_id, d.spell, d.d FROM days d JOIN ex x ON x.person_id = d.person_id
          AND d.d BETWEEN x.f AND x.t AND x.reason IN ('standby', 'barsel')
      ), exempt AS (
        SELECT DISTINCT d.person_id, d.spell, d.d FROM days d JOIN ex x ON x.person_id = d.person_id
          AND d.d BETWEEN x.f AND x.t AND x.reason IN ('sygdom', 'other')
      )
      SELECT d.person_id, d.spell, d.d,
        ${covidDays} OR dead.d IS NOT NULL AS dead,
        exempt.d IS NOT NULL AS exempt
      FROM days d
      LEFT JOIN dead ON dead.person_id = d.person_id AND dead.spell = d.spell AND dead.d = d.d
      LEFT JOIN exempt ON exempt.person_id = d.person_id AND exempt.spell = d.spell AND exempt.d = d.d;
      DROP TABLE days;
      CREATE TABLE counted AS
      SELECT person_id, spell, d, dead,
        CAST(sum(CASE WHEN dead THEN 0 ELSE 1 END) OVER w AS INTEGER) AS c,
        CAST(sum(CASE WHEN exempt AND NOT dead THEN 1 ELSE 0 END) OVER w AS INTEGER) AS x
      FROM marked WINDOW w AS (PARTITION BY person_id, spell ORDER BY d ROWS UNBOUNDED PRECEDING);
      DROP TABLE marked;

      CREATE TABLE months AS
      SELECT strftime(d, '%Y-%m') AS month, CAST(last_day(d) AS DATE) AS r
      FROM (SELECT CAST(range AS DATE) AS d FROM range(DATE '${firstMonth}-01', DATE '${lastMonth}-01' + INTERVAL 1 MONTH, INTERVAL 1 MONTH));

      -- The target group: on a covered benefit at R with 365 countable days, exempt < 50 %.
      CREATE TABLE tg0 AS
      SELECT m.month, m.r, p.person_id, p.municipality, p.spell, k.c
      FROM months m JOIN periods p ON p.f <= m.r AND p.t >= m.r
      JOIN counted k ON k.person_id = p.person_id AND k.spell = p.spell AND k.d = m.r
      WHERE k.c >= 365 AND 2 * k.x < k.c;
      -- The window starts on the countable day numbered c − 364.
      CREATE TABLE tg AS
      SELECT t.month, t.r, t.person_id, t.municipality, t.spell, k.d AS w
      FROM tg0 t JOIN counted k ON k.person_id = t.person_id AND k.spell = t.spell
        AND k.c = t.c - 364 AND NOT k.dead;

      -- First jobsamtale of each spell (in person first on a tie).
      CREATE TABLE first_job AS
      SELECT s.person_id, s.spell, arg_min(v.date, v.date) AS d,
        arg_min(v.form, (v.date, v.form <> 'personligt')) AS form
      FROM spells s JOIN conv v ON v.person_id = s.person_id AND v.kind = 'jobsamtale'
        AND v.date >= s.s AND v.date <= s.e
      GROUP BY ALL;

      CREATE TABLE conv_count AS
      SELECT t.person_id, t.r, count(*) AS n
      FROM tg t JOIN conv v ON v.person_id = t.person_id AND v.date BETWEEN t.w AND t.r
      WHERE v.kind IN ('jobsamtale', 'sygeopfoelgning')
      GROUP BY ALL;

      CREATE TABLE offers2 AS
      SELECT o.*, p.benefit AS b FROM offers o
      LEFT JOIN bp p ON p.person_id = o.person_id AND p.f <= o.f AND p.t >= o.f;

      CREATE TABLE offer_ok AS
      SELECT DISTINCT t.person_id, t.r
      FROM tg t JOIN offers2 o ON o.person_id = t.person_id AND o.f <= t.r AND o.t >= t.w
      WHERE o.type <> 'other' AND (o.type <> 'oevrig_vejledning_opkvalificering'
        OR o.f < DATE '${section91.from}' OR o.b IN (${section91.recipients}));

      CREATE TABLE hours_sum AS
      SELECT t.person_id, t.r, sum(h.hours) AS h
      FROM tg t JOIN hours h ON h.person_id = t.person_id
        AND h.m BETWEEN CAST(date_trunc('month', t.w) AS DATE) AND CAST(date_trunc('month', t.r) AS DATE)
      GROUP BY ALL;
    `);
    const focus = (
      await rows(
        connection,
        `
      SELECT t.municipality, t.month, count(*) AS target,
        count(*) FILTER (WHERE coalesce(c.n, 0)
          - CASE WHEN j.d BETWEEN t.w AND t.r AND j.d >= DATE '${firstInPerson}' AND j.form <> 'personligt'
                 THEN 1 ELSE 0 END < ${conversationsRequired}) AS passive_conversations,
        count(*) FILTER (WHERE o.person_id IS NULL
          AND coalesce(h.h, 0) < ${hoursThreshold}) AS passive_offers
      FROM tg t
      LEFT JOIN conv_count c ON c.person_id = t.person_id AND c.r = t.r
      LEFT JOIN first_job j ON j.person_id = t.person_id AND j.spell = t.spell
      LEFT JOIN offer_ok o ON o.person_id = t.person_id AND o.r = t.r
      LEFT JOIN hours_sum h ON h.person_id = t.person_id AND h.r = t.r
      GROUP BY ALL ORDER BY 1, 2`,
      )
    ).map((row) => ({
      municipality: Number(row['municipality']),
      month: String(row['month']),
      target: Number(row['target']),
      passiveConversations: Number(row['passive_conversations']),
      passiveOffers: Number(row['passive_offers']),
    }));
    const covariateNames = Object.keys(PARQUET_SCHEMAS['framework_conditions'] ?? {}).slice(3);
    const rates = (
      await rows(
        connection,
        `
      WITH years AS (SELECT DISTINCT year FROM fc),
      days AS (
        SELECT p.municipality, y.year,
          sum(greatest(0, least(p.t, make_date(y.year, 12, 31)) - greatest(p.f, make_date(y.year, 1, 1)) + 1)) AS d
        FROM bp p JOIN years y ON p.f <= make_date(y.year, 12, 31) AND p.t >= make_date(y.year, 1, 1)
        GROUP BY ALL
      )
      SELECT fc.*, coalesce(days.d, 0) / (make_date(fc.year, 12, 31) - make_date(fc.year, 1, 1) + 1) AS fte
      FROM fc LEFT JOIN days ON days.municipality = fc.municipality AND days.year = fc.year
      ORDER BY fc.municipality, fc.year`,
      )
    ).map((row) => ({
      municipality: Number(row['municipality']),
      year: Number(row['year']),
      residents: Number(row['residents_16_66']),
      fullTimePersons: Number(row['fte']),
      covariates: covariateNames.map((name) => Number(row[name])),
    }));
    const personsPerYear: Record<string, number> = {};
    for (const row of await rows(
      connection,
      `SELECT y.year, count(DISTINCT p.person_id) AS n
       FROM (SELECT DISTINCT year FROM fc) y JOIN bp p
         ON p.f <= make_date(y.year, 12, 31) AND p.t >= make_date(y.year, 1, 1)
       GROUP BY ALL ORDER BY 1`,
    ))
      personsPerYear[String(row['year'])] = Number(row['n']);
    return { focus, rates, personsPerYear };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
