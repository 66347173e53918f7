/**
 * A measurement run's progress, step by step, as GET on the run shows it:
 * reading the load, measuring, the benchmark, storing, and "Færdig" at 1 —
 * only ever increasing. A run that fails while storing stores nothing and
 * says in Danish which step failed and why. Against PGlite and PostgreSQL.
 *
 * Each progress change is seen by a trigger the test puts on the
 * `measurement_runs` table (a real database trigger, not a hook in the
 * application), so no step can slip past between two polls.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import type { TilsynApp } from '../../src/http/tilsyn-app.js';
import { MEASUREMENT_STEPS } from '../../src/cases/measurement-runs.js';
import { addTestUser, logIn, type LoggedIn } from '../support/api.js';
import { syntheticCaseLoad, type CaseLoad } from '../support/case-load.js';
import { createTestDatabase, DATABASE_KINDS, type TestDatabase } from '../support/databases.js';

let load: CaseLoad;

beforeAll(async () => {
  load = await syntheticCaseLoad();
}, 300_000);

afterAll(async () => {
  await load.remove();
});

interface RunView {
  readonly status: string;
  readonly progress: number;
  readonly progressText: string | null;
  readonly error: string | null;
}

const WATCH_PROGRESS = [
  `create table progress_seen (
    seen integer generated always as identity primary key,
    run_id integer not null,
    progress double precision not null,
    progress_text text
  )`,
  `create function watch_progress() returns trigger language plpgsql as $$
    begin
      if new.progress is distinct from old.progress
         or new.progress_text is distinct from old.progress_text then
        insert into progress_seen (run_id, progress, progress_text)
          values (new.id, new.progress, new.progress_text);
      end if;
      return new;
    end
  $$`,
  `create trigger measurement_runs_watch_progress after update on measurement_runs
    for each row execute function watch_progress()`,
];

describe.each(DATABASE_KINDS)('the progress of a measurement run (%s)', (kind) => {
  let database: TestDatabase & { close(): Promise<void> };
  let app: TilsynApp;
  let ministry: LoggedIn;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    for (const statement of WATCH_PROGRESS) await sql.raw(statement).execute(database.database);
    app = await buildApp({ database: database.database, dataDirectory: load.dataDirectory });
    ministry = await logIn(
      app,
      await addTestUser(database.database, { username: 'tilsyn', role: 'ministry' }),
    );
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: { cookie: ministry.cookie, 'x-csrf-token': ministry.csrfToken },
      ...(payload === undefined ? {} : { payload }),
    });

  async function runToTheEnd(): Promise<{ runId: number; run: RunView }> {
    const started = await call('POST', '/api/measurement-runs', {
      load: load.loadId,
      fromYear: 2025,
      toYear: 2025,
    });
    expect(started.statusCode).toBe(202);
    const { runId } = started.json<{ runId: number }>();
    for (;;) {
      const run = (await call('GET', `/api/measurement-runs/${runId}`)).json<RunView>();
      if (run.status !== 'queued' && run.status !== 'running') return { runId, run };
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const seen = async (runId: number) =>
    (
      await sql<{
        progress: number;
        progress_text: string;
      }>`select progress, progress_text from progress_seen where run_id = ${runId} order by seen`.execute(
        database.database,
      )
    ).rows.map((row) => [row.progress, row.progress_text] as const);

  const storedRows = async (runId: number) => {
    const count = async (
      table:
        | 'measured_focus_measures'
        | 'measured_minimum_requirements'
        | 'measured_benefit_rates'
        | 'benchmark_results',
    ) =>
      Number(
        (
          await database.database
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<string>().as('count'))
            .where('measurement_run_id', '=', runId)
            .executeTakeFirstOrThrow()
        ).count,
      );
    return {
      focus: await count('measured_focus_measures'),
      minimum: await count('measured_minimum_requirements'),
      rates: await count('measured_benefit_rates'),
      benchmark: await count('benchmark_results'),
    };
  };

  it('goes through every step in order, only increasing, and ends at 1 "Færdig"', async () => {
    const { runId, run } = await runToTheEnd();
    expect(run).toMatchObject({ status: 'done', progress: 1, progressText: 'Færdig', error: null });
    const stored = await storedRows(runId);
    expect(stored.focus).toBeGreaterThan(0);
    expect(stored.minimum).toBeGreaterThan(0);
    expect(stored.rates).toBeGreaterThan(0);
    expect(stored.benchmark).toBe(98);
    const number = (value: number) => value.toLocaleString('da-DK');
    expect(await seen(runId)).toEqual([
      [0.05, 'Læser indlæsningen og kontrollerer filerne'],
      [0.15, 'Måler fokusmål, minimumskrav og ydelsesandele måned for måned'],
      [0.6, 'Beregner benchmark (forventede ydelsesandele)'],
      [
        0.8,
        `Gemmer ${number(stored.focus)} fokusmål, ${number(stored.minimum)} minimumskrav, ${number(stored.rates)} ydelsesandele og ${number(stored.benchmark)} benchmarkresultater`,
      ],
      [1, 'Færdig'],
    ]);
    const fractions = (await seen(runId)).map(([fraction]) => fraction);
    for (let index = 1; index < fractions.length; index += 1)
      expect(fractions[index]).toBeGreaterThan(fractions[index - 1] ?? 1);
    expect(MEASUREMENT_STEPS.done).toEqual({ fraction: 1, text: 'Færdig' });
  }, 300_000);

  it('stores nothing of a run that fails while storing, and names the step and the cause', async () => {
    // The database refuses the benefit rates: the focus measures and minimum
    // requirements inserted before them in the same transaction must go too.
    await sql
      .raw(
        `create function refuse_rates() returns trigger language plpgsql as $$
          begin raise exception 'disken er fuld (testens udløser)'; end $$`,
      )
      .execute(database.database);
    await sql
      .raw(
        `create trigger measured_benefit_rates_refuse before insert on measured_benefit_rates
          for each row execute function refuse_rates()`,
      )
      .execute(database.database);
    try {
      const { runId, run } = await runToTheEnd();
      expect(run.status).toBe('failed');
      expect(run.progressText).toBe('Fejlet');
      expect(run.progress).toBe(0.8);
      expect(run.error).toMatch(
        /^Kørslen fejlede under trinnet "Gemmer [\d.]+ fokusmål, [\d.]+ minimumskrav, [\d.]+ ydelsesandele og 98 benchmarkresultater": disken er fuld \(testens udløser\)\. Intet fra kørslen er gemt\.$/,
      );
      expect(await storedRows(runId)).toEqual({ focus: 0, minimum: 0, rates: 0, benchmark: 0 });
      const fractions = (await seen(runId)).map(([fraction]) => fraction);
      expect(fractions).toEqual([0.05, 0.15, 0.6, 0.8, 0.8]);
      expect((await seen(runId)).at(-1)).toEqual([0.8, 'Fejlet']);
    } finally {
      await sql
        .raw('drop trigger measured_benefit_rates_refuse on measured_benefit_rates')
        .execute(database.database);
    }
  }, 300_000);
});
