/**
 * `tilsyn cases import`: the statuses municipalities already had when the
 * system was taken into use, from a `;`-separated file, as case events with
 * source `import` — all lines or none, each bad line named by file, line and
 * field — against PGlite (a data directory) and PostgreSQL.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statesBefore } from '../../src/cases/assessment-runs.js';
import { caseEvents, currentStatus } from '../../src/cases/supervision-cases.js';
import { openDatabase, type Database, type DatabaseConfig } from '../../src/storage/database.js';
import { DATABASE_KINDS } from '../support/databases.js';
import { createTemporaryDatabase } from '../support/postgres.js';
import { runCli } from '../support/run-cli.js';

const GOOD = [
  'kode;status;fra dato;udvalgt år;baseline tilbud;baseline samtaler',
  '101;supervised;2025-05-01;2024;31,5;24,0',
  '751;Under administration;2024-06-15;;;',
  '461;none;2025-01-01;;;',
  '',
].join('\n');

describe.each(DATABASE_KINDS)('tilsyn cases import (%s)', (kind) => {
  let folder = '';
  let cliOptions: string[] = [];
  let config: DatabaseConfig;
  let dropPostgres: () => Promise<void> = () => Promise.resolve();

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'tilsyn-cases-import-'));
    if (kind === 'pglite') {
      cliOptions = ['--data-dir', join(folder, 'data')];
      config = { kind: 'pglite', directory: join(folder, 'data', 'database') };
    } else {
      const temporary = await createTemporaryDatabase();
      cliOptions = ['--database-url', temporary.url];
      config = { kind: 'postgres', url: temporary.url };
      dropPostgres = () => temporary.drop();
    }
  });

  afterAll(async () => {
    await dropPostgres();
    await rm(folder, { recursive: true, force: true });
  });

  const tilsyn = (file: string) =>
    runCli(['cases', 'import', '--file', file, ...cliOptions], {
      cwd: folder,
      now: new Date('2026-01-15T10:00:00Z'),
    });

  async function withDatabase<T>(use: (database: Database) => Promise<T>): Promise<T> {
    const database = await openDatabase(config);
    try {
      return await use(database);
    } finally {
      await database.destroy();
    }
  }

  it('refuses a file with bad lines, naming file, line and field of each, and imports none of it', async () => {
    await writeFile(
      join(folder, 'forkert.csv'),
      [
        'kode;status;fra dato;udvalgt år',
        '101;supervised;2025-05-01;2024',
        '999;supervised;2025-05-01;',
        '147;under opsyn;2025-13-01;',
        '151;administration;2026-02-01;',
        '153;none;2025-01-01;2023',
        '101;extended;2025-06-01;',
        '',
      ].join('\n'),
    );
    const refused = await tilsyn('forkert.csv');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'forkert.csv, linje 3, kolonne "kode" (værdi "999"): skal være en af de 98 kommunekoder',
    );
    expect(refused.stderr).toContain(
      'forkert.csv, linje 4, kolonne "status" (værdi "under opsyn"): skal være supervised, extended, administration eller none',
    );
    expect(refused.stderr).toContain(
      'forkert.csv, linje 4, kolonne "fra dato" (værdi "2025-13-01"): skal være en dato ÅÅÅÅ-MM-DD',
    );
    expect(refused.stderr).toContain(
      'forkert.csv, linje 5, kolonne "fra dato" (værdi "2026-02-01"): ligger efter i dag (2026-01-15)',
    );
    expect(refused.stderr).toContain(
      'forkert.csv, linje 6, kolonne "status" (værdi "none"): en kommune uden skærpet tilsyn kan ikke have udvalgt år eller baseline',
    );
    expect(refused.stderr).toContain(
      'forkert.csv, linje 7, kolonne "kode" (værdi "101"): kommunen står også i linje 2',
    );
    const missing = await tilsyn('findes-ikke.csv');
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain('findes-ikke.csv: filen findes ikke');
    await withDatabase(async (database) => {
      expect(await database.selectFrom('imported_statuses').selectAll().execute()).toEqual([]);
      expect(await currentStatus(database, 101)).toBe('none');
    });
  });

  it('imports each line as a case event with source import, with its status from its date, audited', async () => {
    await writeFile(join(folder, 'statusser.csv'), GOOD);
    const imported = await tilsyn('statusser.csv');
    expect(imported).toMatchObject({
      code: 0,
      stdout: '3 statusser er indlæst fra statusser.csv.\n',
    });
    await withDatabase(async (database) => {
      expect(await currentStatus(database, 101)).toBe('supervised');
      expect(await currentStatus(database, 751)).toBe('administration');
      expect(await currentStatus(database, 461)).toBe('none');
      const events = await caseEvents(database, 101);
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        kind: 'status_imported',
        eventDate: '2025-05-01',
        statusAfter: 'supervised',
        summary: 'Skærpet tilsyn fra 2025-05-01 (indlæst fra statusser.csv, linje 2)',
        subjectTable: 'imported_statuses',
      });
      const sources = await database
        .selectFrom('case_events')
        .select('source')
        .distinct()
        .execute();
      expect(sources).toEqual([{ source: 'import' }]);
      const record = await database
        .selectFrom('imported_statuses')
        .select([
          'municipality_code',
          'status',
          'from_date',
          'selected_year',
          'baseline_offers',
          'baseline_conversations',
          'file',
          'line',
        ])
        .where('municipality_code', '=', 101)
        .executeTakeFirstOrThrow();
      expect(record).toEqual({
        municipality_code: 101,
        status: 'supervised',
        from_date: '2025-05-01',
        selected_year: 2024,
        baseline_offers: 31.5,
        baseline_conversations: 24,
        file: 'statusser.csv',
        line: 2,
      });
      const audit = await database
        .selectFrom('audit_log')
        .select(['actor', 'municipality_code'])
        .where('action', '=', 'case.import_status')
        .orderBy('municipality_code')
        .execute();
      expect(audit).toEqual([
        { actor: 'cli', municipality_code: 101 },
        { actor: 'cli', municipality_code: 461 },
        { actor: 'cli', municipality_code: 751 },
      ]);
    });
  });

  it('gives the assessment its starting states: a status counts from the assessment decided after it began', async () => {
    await withDatabase(async (database) => {
      // The assessment of year Y is decided in April of Y + 1.
      expect((await statesBefore(database, 2023)).states).toEqual(new Map());
      expect([...(await statesBefore(database, 2024)).states.keys()]).toEqual([751, 461]);
      const states = (await statesBefore(database, 2025)).states;
      expect(states.get(101)).toEqual({
        status: 'supervised',
        selectedYear: 2024,
        baseline: { offers: 31.5, conversations: 24 },
      });
      expect(states.get(751)).toEqual({
        status: 'administration',
        selectedYear: undefined,
        baseline: { offers: undefined, conversations: undefined },
      });
      expect(states.get(461)?.status).toBe('none');
    });
  });

  it('refuses to import again a municipality whose case already has a status, changing nothing', async () => {
    await writeFile(
      join(folder, 'igen.csv'),
      ['kode;status;fra dato', '147;supervised;2025-05-01', '101;extended;2025-06-01', ''].join(
        '\n',
      ),
    );
    const again = await tilsyn('igen.csv');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(
      'igen.csv, linje 3, kolonne "kode" (værdi "101"): kommunens sag har allerede en status i systemet; importen er kun til kommuner uden historik',
    );
    await withDatabase(async (database) => {
      expect(await currentStatus(database, 147)).toBe('none');
      expect(await currentStatus(database, 101)).toBe('supervised');
      expect(await database.selectFrom('imported_statuses').selectAll().execute()).toHaveLength(3);
    });
  });
});
