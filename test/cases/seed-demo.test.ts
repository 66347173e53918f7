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

  it('fills an empty database with issued years, a case with its records and a user per role', async () => {
    const result = await seedDemo(test.database, {
      dataDirectory,
      scale: CASE_LOAD_SCALE,
      seed: CASE_LOAD_SEED,
    });
    expect(result.assessmentRunIds).toHaveLength(2);
    const runs = await test.database
      .selectFrom('assessment_runs')
      .select(['year', 'status'])
      .orderBy('year')
      .execute();
    expect(runs).toEqual([
      { year: 2024, status: 'issued' },
      { year: 2025, status: 'issued' },
    ]);
    for (const username of Object.values(result.users))
      expect(await verifyPassword(test.database, username, result.password)).toBeDefined();
    expect(result.caseMunicipality).toBeTypeOf('number');
    const system = caseSystem({ database: test.database, dataDirectory });
    const overview = await caseOverview(system, result.caseMunicipality ?? -1);
    expect(overview.decisions.length).toBe(2);
    expect(overview.accounts).toHaveLength(1);
    expect(overview.recoveryPlan?.milestones).toHaveLength(4);
    expect(overview.meetings).toHaveLength(1);
    expect(overview.amkContacts).toHaveLength(1);
    await expect(seedDemo(test.database, { dataDirectory })).rejects.toMatchObject({
      code: 'database_not_empty',
    });
    // Issuing renders and stores each decision’s letter (HTML, text and PDF).
  }, 180_000);
});
