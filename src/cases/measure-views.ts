/**
 * The stored measures as people read them: the monthly focus measures and
 * minimum requirements of the newest finished measurement run, filtered by
 * municipality, period and scope, a page at a time; and the national
 * overview's rows (each municipality's newest month and its case status;
 * read in `cached-views.ts`).
 * Aggregated figures only: no person-level data.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.js';

type Db = Kysely<DatabaseSchema>;

export interface MeasureFilter {
  readonly municipalities?: readonly number[] | undefined;
  /** First and last month, `YYYY-MM`, inclusive. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly scope?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface Page<Row> {
  /** The measurement run the figures come from; null when none has finished. */
  readonly measurementRunId: number | null;
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  readonly items: readonly Row[];
}

export interface FocusMeasureRow {
  readonly municipality: number;
  readonly month: string;
  readonly goal: string;
  readonly scope: string;
  readonly target: number;
  readonly passive: number;
  readonly passiveShare: number | null;
}

export interface MinimumRequirementRow {
  readonly municipality: number;
  readonly month: string;
  readonly requirement: string;
  readonly target: number;
  readonly met: number;
  readonly share: number | null;
  readonly required: number;
  readonly fulfilled: boolean;
}

/** The newest measurement run that finished, or undefined. */
export async function newestMeasurementRun(database: Db): Promise<number | undefined> {
  const row = await database
    .selectFrom('measurement_runs')
    .select('id')
    .where('status', '=', 'done')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id;
}

export async function focusMeasurePage(
  database: Db,
  filter: MeasureFilter,
): Promise<Page<FocusMeasureRow>> {
  const runId = await newestMeasurementRun(database);
  if (runId === undefined) return emptyPage(filter);
  let query = database
    .selectFrom('measured_focus_measures')
    .where('measurement_run_id', '=', runId);
  if (filter.municipalities !== undefined)
    query = query.where('municipality_code', 'in', [...filter.municipalities, -1]);
  if (filter.from !== undefined) query = query.where('month', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('month', '<=', filter.to);
  if (filter.scope !== undefined) query = query.where('scope', '=', filter.scope);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    query
      .select(['municipality_code', 'month', 'goal', 'scope', 'target', 'passive', 'passive_share'])
      .orderBy('municipality_code')
      .orderBy('month')
      .orderBy('goal')
      .orderBy('scope')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  return {
    measurementRunId: runId,
    total: Number(count.total),
    limit: filter.limit,
    offset: filter.offset,
    items: rows.map((row) => ({
      municipality: row.municipality_code,
      month: row.month,
      goal: row.goal,
      scope: row.scope,
      target: row.target,
      passive: row.passive,
      passiveShare: row.passive_share,
    })),
  };
}

export async function minimumRequirementPage(
  database: Db,
  filter: MeasureFilter,
): Promise<Page<MinimumRequirementRow>> {
  const runId = await newestMeasurementRun(database);
  if (runId === undefined) return emptyPage(filter);
  let query = database
    .selectFrom('measured_minimum_requirements')
    .where('measurement_run_id', '=', runId);
  if (filter.municipalities !== undefined)
    query = query.where('municipality_code', 'in', [...filter.municipalities, -1]);
  if (filter.from !== undefined) query = query.where('month', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('month', '<=', filter.to);
  if (filter.scope !== undefined) query = query.where('requirement', '=', filter.scope);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
    query
      .select([
        'municipality_code',
        'month',
        'requirement',
        'target',
        'met',
        'share',
        'required',
        'fulfilled',
      ])
      .orderBy('municipality_code')
      .orderBy('month')
      .orderBy('requirement')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
  ]);
  return {
    measurementRunId: runId,
    total: Number(count.total),
    limit: filter.limit,
    offset: filter.offset,
    items: rows.map((row) => ({
      municipality: row.municipality_code,
      month: row.month,
      requirement: row.requirement,
      target: row.target,
      met: row.met,
      share: row.share,
      required: row.required,
      fulfilled: row.fulfilled,
    })),
  };
}

export interface OverviewRow {
  readonly municipality: number;
  readonly status: string;
  /** The newest measured month, and the passive share of each goal then (scope `all`). */
  readonly month: string | null;
  readonly offersShare: number | null;
  readonly conversationsShare: number | null;
}

function emptyPage<Row>(filter: MeasureFilter): Page<Row> {
  return {
    measurementRunId: null,
    total: 0,
    limit: filter.limit,
    offset: filter.offset,
    items: [],
  };
}
