import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseOverview } from '../../src/cases/case-overview.js';
import { caseSystem } from '../../src/cases/case-system.js';
import { minimumRequirementChecks } from '../../src/cases/minimum-requirement-checks.js';
import { seedDemo } from '../../src/cases/seed-demo.js';
import { monthRange, yearMonth } from '../../src/core/calendar/year-month.js';
import { verifyPassword } from '../../src/cases/users.js';
import { CASE_LOAD_SCALE, CASE_LOAD_SEED } from '../support/case-load.js';
import { DATABASE_KINDS, useTestDatabase } from '../support/databases.js';

let dataDirectory = '';

beforeAll(async () => {
  dataDirectory = await mkdtemp(join(tmpdir(), 'tilsyn-seed-demo-'));
});

afterAll(async () => {
  await rm(dataDirectory, { recursive: true, force: true });
});

describe.each(DATABASE_KINDS)('the demo seed (%s)', (kind) => {
  const test = useTestDatabase(kind);

  // Generating, loading and measuring five years takes a minute or more on a busy 2-core machine.
  it('fills an empty database with issued years, a case with its records and a user per role', async () => {
    const result = await seedDemo(test.database, {
      dataDirectory,
      scale: CASE_LOAD_SCALE,
      seed: CASE_LOAD_SEED,
    });
    expect(result.assessmentRunIds).toHaveLength(5);
    const runs = await test.database
      .selectFrom('assessment_runs')
      .select(['year', 'status'])
      .orderBy('year')
      .execute();
    expect(runs).toEqual(
      [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, status: 'issued' })),
    );
    const decisions = await test.database
      .selectFrom('decisions')
      .select('decision')
      .distinct()
      .execute();
    expect(decisions.map((row) => row.decision)).toEqual(
      expect.arrayContaining([
        'selected',
        'extended',
        'supervision_ends',
        'administration',
        'administration_ends',
      ]),
    );
    for (const username of Object.values(result.users))
      expect(await verifyPassword(test.database, username, result.password)).toBeDefined();
    expect(result.caseMunicipality).toBeTypeOf('number');
    const system = caseSystem({ database: test.database, dataDirectory });
    const overview = await caseOverview(system, result.caseMunicipality ?? -1);
    expect(overview.decisions.length).toBe(5);
    const dates = overview.events.map((event) => event.eventDate);
    expect(dates).toEqual([...dates].sort());
    expect(overview.accounts).toHaveLength(1);
    expect(overview.recoveryPlan?.milestones).toHaveLength(4);
    expect(overview.meetings).toHaveLength(1);
    expect(overview.amkContacts).toHaveLength(1);
    // Each administration's minimum requirements are checked every month from the month they
    // apply to the month before the decision that ended it (issued on 20 April in the demo).
    const endings = await test.database
      .selectFrom('decisions')
      .select(['municipality_code', 'year'])
      .where('decision', '=', 'administration_ends')
      .execute();
    expect(endings.length).toBeGreaterThan(0);
    const { to_month: lastMeasured } = await test.database
      .selectFrom('measurement_runs')
      .select('to_month')
      .executeTakeFirstOrThrow();
    for (const ending of endings) {
      const start = await test.database
        .selectFrom('deadlines')
        .select('due_date')
        .where('municipality_code', '=', ending.municipality_code)
        .where('kind', '=', 'minimum_requirements_from')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      const checks = await minimumRequirementChecks(system, {
        municipality: ending.municipality_code,
        includeEnded: true,
      });
      const months = [...new Set(checks.map((check) => check.month))];
      expect(months[0]).toBe(start.due_date.slice(0, 7));
      const beforeEnd = `${String(ending.year + 1)}-03`;
      expect(months.at(-1)).toBe(beforeEnd < lastMeasured ? beforeEnd : lastMeasured);
      expect(months).toEqual(
        monthRange(yearMonth(months[0] ?? ''), yearMonth(months.at(-1) ?? '')),
      );
      expect(checks).toHaveLength(months.length * 2);
      expect(checks.every((check) => check.administrationEnded)).toBe(true);
    }
    // No municipality is under administration after the demo's last assessment.
    expect(await minimumRequirementChecks(system)).toEqual([]);
    await expect(seedDemo(test.database, { dataDirectory })).rejects.toMatchObject({
      code: 'database_not_empty',
    });
    // Issuing renders and stores each decision’s letter (HTML, text and PDF).
  }, 300_000);
});
