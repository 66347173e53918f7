import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseOverview } from '../../src/cases/case-overview.js';
import { caseSystem } from '../../src/cases/case-system.js';
import { seedDemo } from '../../src/cases/seed-demo.js';
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
    await expect(seedDemo(test.database, { dataDirectory })).rejects.toMatchObject({
      code: 'database_not_empty',
    });
  }, 300_000);
});
