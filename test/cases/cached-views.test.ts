import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { municipalityMeasures, nationalOverview } from '../../src/cases/cached-views.js';
import { appendCaseEvent, caseIdOf } from '../../src/cases/supervision-cases.js';
import { openDatabase, type Database } from '../../src/storage/database.js';
import { DATABASE_KINDS, useTestDatabase } from '../support/databases.js';

/** A measurement run of two municipalities' last two months, its shares drawn from `base`. */
async function storeRun(database: Database, status: 'running' | 'done', base: number) {
  const run = await database
    .insertInto('measurement_runs')
    .values({
      load_id: 'test',
      rules_version: 'v2023',
      from_month: '2025-11',
      to_month: '2025-12',
      status,
      progress: status === 'done' ? 1 : 0.7,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = [101, 147].flatMap((municipality, m) =>
    ['2025-11', '2025-12'].flatMap((month, t) =>
      ['offers', 'conversations'].map((goal, g) => ({
        measurement_run_id: run.id,
        municipality_code: municipality,
        month,
        goal,
        scope: 'all',
        target: 1000,
        passive: base + 100 * m + 10 * t + g,
        passive_share: (base + 100 * m + 10 * t + g) / 1000,
      })),
    ),
  );
  await database.insertInto('measured_focus_measures').values(rows).execute();
  return run.id;
}

describe.each(DATABASE_KINDS)('the remembered overview and measures pages (%s)', (kind) => {
  const test = useTestDatabase(kind);

  it("shows a municipality's measures from a new run from the moment the run is done, not before", async () => {
    const first = await storeRun(test.database, 'done', 200);
    const read = () => municipalityMeasures(test.database, 147, { from: '2025-12', scope: 'all' });
    const before = await read();
    expect(before).toEqual({
      measurementRunId: first,
      items: [
        {
          month: '2025-12',
          goal: 'conversations',
          scope: 'all',
          target: 1000,
          passive: 311,
          passiveShare: 0.311,
        },
        {
          month: '2025-12',
          goal: 'offers',
          scope: 'all',
          target: 1000,
          passive: 310,
          passiveShare: 0.31,
        },
      ],
    });
    expect(await read()).toEqual(before);

    const second = await storeRun(test.database, 'running', 500);
    expect(await read()).toEqual(before);
    await test.database
      .updateTable('measurement_runs')
      .set({ status: 'done', progress: 1 })
      .where('id', '=', second)
      .execute();
    const after = await read();
    expect(after.measurementRunId).toBe(second);
    expect(after.items.map((item) => item.passive)).toEqual([611, 610]);
  });

  it("shows a case's new status at the next read, though the overview was just read", async () => {
    const overview = () => nationalOverview(test.database, [101, 147, 151]);
    const before = await overview();
    expect(before.rows.map((row) => [row.municipality, row.status, row.month])).toEqual([
      [101, 'none', '2025-12'],
      [147, 'none', '2025-12'],
      [151, 'none', null],
    ]);
    expect(before.rows[1]).toMatchObject({ offersShare: 0.61, conversationsShare: 0.611 });
    expect(await overview()).toEqual(before);

    await appendCaseEvent(test.database, CLI_ACTOR, {
      caseId: await caseIdOf(test.database, 101),
      kind: 'decision_issued',
      eventDate: '2026-04-28',
      statusAfter: 'supervised',
      summary: 'Udvalgt til skærpet tilsyn',
    });
    expect((await overview()).rows.map((row) => row.status)).toEqual([
      'supervised',
      'none',
      'none',
    ]);
  });
});

// PGlite is opened by one process at a time; with PostgreSQL another server
// or the CLI may append events that this process's caches never hear of.
describe("the remembered overview with another process's events (postgres)", () => {
  const test = useTestDatabase('postgres');

  it("shows the status another connection's event set, at the next read", async () => {
    await storeRun(test.database, 'done', 200);
    const overview = () => nationalOverview(test.database, [101, 151]);
    expect((await overview()).rows.map((row) => row.status)).toEqual(['none', 'none']);
    const other = await openDatabase(test.config);
    try {
      await appendCaseEvent(other, CLI_ACTOR, {
        caseId: await caseIdOf(other, 151),
        kind: 'decision_issued',
        eventDate: '2026-04-28',
        statusAfter: 'supervised',
        summary: 'Udvalgt til skærpet tilsyn',
      });
    } finally {
      await other.destroy();
    }
    expect((await overview()).rows.map((row) => row.status)).toEqual(['none', 'supervised']);
  });
});
