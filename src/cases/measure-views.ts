/**
 * The stored measures as people read them: the monthly focus measures and
 * minimum requirements of the newest finished measurement run, filtered by
 * municipality, period and scope, a page at a time; and the national
 * overview (each municipality's newest month and its case status).
 * Aggregated figures only: no person-level data.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.js';
import { currentStatuses } from './supervision-cases.js';

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

/** Every municipality in `codes` with its status and newest measured month. */
export async function nationalOverview(
  database: Db,
  codes: readonly number[],
): Promise<{ measurementRunId: number | null; rows: OverviewRow[] }> {
  const runId = await newestMeasurementRun(database);
  const statuses = await currentStatuses(database);
  const latest = new Map<
    number,
    { month: string; offers: number | null; conversations: number | null }
  >();
  if (runId !== undefined && codes.length > 0) {
    // The run's last month, from its row: no scan of its measures.
    const newest = await database
      .selectFrom('measurement_runs')
      .select('to_month as month')
      .where('id', '=', runId)
      .executeTakeFirst();
    const month: string | null = newest?.month ?? null;
    if (month !== null) {
      const rows = await database
        .selectFrom('measured_focus_measures')
        .select(['municipality_code', 'goal', 'passive_share'])
        .where('measurement_run_id', '=', runId)
        .where('month', '=', month)
        .where('scope', '=', 'all')
        .where('municipality_code', 'in', [...codes])
        .execute();
      for (const row of rows) {
        const entry = latest.get(row.municipality_code) ?? {
          month,
          offers: null,
          conversations: null,
        };
        if (row.goal === 'offers') entry.offers = row.passive_share;
        if (row.goal === 'conversations') entry.conversations = row.passive_share;
        latest.set(row.municipality_code, entry);
      }
    }
  }
  return {
    measurementRunId: runId ?? null,
    rows: codes.map((code) => {
      const entry = latest.get(code);
      return {
        municipality: code,
        status: statuses.get(code) ?? 'none',
        month: entry?.month ?? null,
        offersShare: entry?.offers ?? null,
        conversationsShare: entry?.conversations ?? null,
      };
    }),
  };
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
