/**
 * The pages every logged-in user opens first — the national overview and a
 * municipality's monthly measures — read with as little database work as
 * the figures allow, and never staler than the database:
 *
 * - A finished measurement run's measures never change (they are stored in
 *   the same transaction that marks the run done, and the table refuses
 *   UPDATE and DELETE). A municipality's measures page is cached under the
 *   run's id; each request asks only which run is the newest finished one,
 *   so a new run is shown from the moment it is done.
 * - The overview also shows each case's status, which changes only when a
 *   case event is appended (events are never updated or deleted). It is
 *   cached under a version — the newest finished run, the number of case
 *   events and the highest event id — that each request reads in one small
 *   query; any new event changes the count, even one whose transaction
 *   commits after a later-numbered one.
 *
 * Permissions are not cached: the caller filters the overview by the
 * municipalities the user may see, on every request. The caches belong to
 * the database object they were read from and are bounded in size.
 */
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../storage/schema.js';
import { newestMeasurementRun, type OverviewRow } from './measure-views.js';
import { currentStatuses } from './supervision-cases.js';

type Db = Kysely<DatabaseSchema>;

export interface MunicipalityMeasure {
  readonly month: string;
  readonly goal: string;
  readonly scope: string;
  readonly target: number;
  readonly passive: number;
  readonly passiveShare: number | null;
}

export interface MunicipalityMeasures {
  /** The measurement run the figures come from; null when none has finished. */
  readonly measurementRunId: number | null;
  readonly items: readonly MunicipalityMeasure[];
}

export interface MeasureSelection {
  /** First and last month, `YYYY-MM`, inclusive. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly scope?: string | undefined;
}

export interface NationalOverview {
  readonly measurementRunId: number | null;
  /** One row per municipality asked for, in the order asked. */
  readonly rows: readonly OverviewRow[];
}

/** Cached measures are bounded by their number of rows, overviews by count. */
const MAX_CACHED_MEASURE_ROWS = 200_000;
const MAX_CACHED_OVERVIEWS = 4;

interface Caches {
  readonly measures: BoundedCache<MunicipalityMeasures>;
  readonly overviews: BoundedCache<ReadonlyMap<number, OverviewRow>>;
}

const caches = new WeakMap<Db, Caches>();

function cachesOf(database: Db): Caches {
  let found = caches.get(database);
  if (found === undefined) {
    found = {
      measures: new BoundedCache(MAX_CACHED_MEASURE_ROWS),
      overviews: new BoundedCache(MAX_CACHED_OVERVIEWS),
    };
    caches.set(database, found);
  }
  return found;
}

/**
 * A municipality's monthly focus measures of the newest finished run,
 * ordered by month, goal and scope.
 */
export async function municipalityMeasures(
  database: Db,
  municipality: number,
  selection: MeasureSelection,
): Promise<MunicipalityMeasures> {
  const runId = await newestMeasurementRun(database);
  if (runId === undefined) return { measurementRunId: null, items: [] };
  const key = JSON.stringify([
    runId,
    municipality,
    selection.from ?? null,
    selection.to ?? null,
    selection.scope ?? null,
  ]);
  const cache = cachesOf(database).measures;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let query = database
    .selectFrom('measured_focus_measures')
    .select(['month', 'goal', 'scope', 'target', 'passive', 'passive_share'])
    .where('measurement_run_id', '=', runId)
    .where('municipality_code', '=', municipality);
  if (selection.from !== undefined) query = query.where('month', '>=', selection.from);
  if (selection.to !== undefined) query = query.where('month', '<=', selection.to);
  if (selection.scope !== undefined) query = query.where('scope', '=', selection.scope);
  const rows = await query.orderBy('month').orderBy('goal').orderBy('scope').execute();
  const measures: MunicipalityMeasures = {
    measurementRunId: runId,
    items: rows.map((row) => ({
      month: row.month,
      goal: row.goal,
      scope: row.scope,
      target: row.target,
      passive: row.passive,
      passiveShare: row.passive_share,
    })),
  };
  cache.set(key, measures, Math.max(1, rows.length));
  return measures;
}

/**
 * Every municipality in `codes` with its case status and the newest
 * measured month of the newest finished run (scope `all`, both goals).
 */
export async function nationalOverview(
  database: Db,
  codes: readonly number[],
): Promise<NationalOverview> {
  const version = await database
    .selectNoFrom((eb) => [
      eb
        .selectFrom('measurement_runs')
        .select('id')
        .where('status', '=', 'done')
        .orderBy('id', 'desc')
        .limit(1)
        .as('run_id'),
      eb
        .selectFrom('case_events')
        .select((inner) => inner.fn.countAll<string>().as('events'))
        .as('events'),
      eb
        .selectFrom('case_events')
        .select((inner) => inner.fn.max('id').as('last'))
        .as('last_event'),
    ])
    .executeTakeFirstOrThrow();
  const runId = version.run_id ?? null;
  const key = JSON.stringify([runId, String(version.events), version.last_event ?? null]);
  const cache = cachesOf(database).overviews;
  let byCode = cache.get(key);
  if (byCode === undefined) {
    byCode = await overviewOfRun(database, runId);
    cache.set(key, byCode, 1);
  }
  const rows = codes.map(
    (code): OverviewRow =>
      byCode.get(code) ?? {
        municipality: code,
        status: 'none',
        month: null,
        offersShare: null,
        conversationsShare: null,
      },
  );
  return { measurementRunId: runId, rows };
}

/** The overview row of every municipality that has a case or measures. */
async function overviewOfRun(
  database: Db,
  runId: number | null,
): Promise<ReadonlyMap<number, OverviewRow>> {
  const statuses = await currentStatuses(database);
  const latest = new Map<number, { offers: number | null; conversations: number | null }>();
  let month: string | null = null;
  if (runId !== null) {
    // The run's last month, from its row: no scan of its measures.
    const run = await database
      .selectFrom('measurement_runs')
      .select('to_month')
      .where('id', '=', runId)
      .executeTakeFirst();
    month = run?.to_month ?? null;
    if (month !== null) {
      const rows = await database
        .selectFrom('measured_focus_measures')
        .select(['municipality_code', 'goal', 'passive_share'])
        .where('measurement_run_id', '=', runId)
        .where('month', '=', month)
        .where('scope', '=', 'all')
        .execute();
      for (const row of rows) {
        const entry = latest.get(row.municipality_code) ?? { offers: null, conversations: null };
        if (row.goal === 'offers') entry.offers = row.passive_share;
        if (row.goal === 'conversations') entry.conversations = row.passive_share;
        latest.set(row.municipality_code, entry);
      }
    }
  }
  const overview = new Map<number, OverviewRow>();
  for (const code of new Set([...statuses.keys(), ...latest.keys()])) {
    const entry = latest.get(code);
    overview.set(code, {
      municipality: code,
      status: statuses.get(code) ?? 'none',
      month: entry === undefined ? null : month,
      offersShare: entry?.offers ?? null,
      conversationsShare: entry?.conversations ?? null,
    });
  }
  return overview;
}

/** A map that forgets its least recently used entries beyond a total weight. */
class BoundedCache<Value> {
  readonly #entries = new Map<string, { readonly value: Value; readonly weight: number }>();
  readonly #maxWeight: number;
  #weight = 0;

  constructor(maxWeight: number) {
    this.#maxWeight = maxWeight;
  }

  get(key: string): Value | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    // Most recently used last.
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: Value, weight: number): void {
    const old = this.#entries.get(key);
    if (old !== undefined) {
      this.#entries.delete(key);
      this.#weight -= old.weight;
    }
    if (weight > this.#maxWeight) return;
    this.#entries.set(key, { value, weight });
    this.#weight += weight;
    for (const [oldest, entry] of this.#entries) {
      if (this.#weight <= this.#maxWeight) break;
      this.#entries.delete(oldest);
      this.#weight -= entry.weight;
    }
  }
}
