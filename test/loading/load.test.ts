import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbSession } from '../../src/loading/duckdb-session.js';
import { currentLoadId, listLoads, openLoad } from '../../src/loading/load-catalog.js';
import type { LoadManifest } from '../../src/loading/load-manifest.js';
import { createWorkspace, query, VALID_LOAD, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

let workspace: Workspace;
beforeAll(async () => {
  workspace = await createWorkspace();
});
afterAll(async () => {
  await workspace.cleanUp();
});

async function load(folder: string, ...options: string[]) {
  return runCli(['load', folder, '--data-dir', workspace.dataDirectory, ...options], {
    env: { TILSYN_USER: 'tester' },
  });
}

async function manifestOf(id: string): Promise<LoadManifest> {
  const text = await readFile(join(workspace.dataDirectory, 'loads', id, 'manifest.json'), 'utf8');
  return JSON.parse(text) as LoadManifest;
}

async function stored(id: string, name: string, orderBy = ''): Promise<unknown[][]> {
  const path = join(workspace.dataDirectory, 'loads', id, `${name}.parquet`);
  const rows = await query(`SELECT * FROM '${path}' ${orderBy}`);
  return rows.map((row) => Object.values(row));
}

describe('a valid load', () => {
  let id: string;
  let result: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    result = await load(await workspace.loadFolder({}, 'valid'));
    id = (await currentLoadId(workspace.dataDirectory)) ?? '';
  });

  it('is stored, put in use and reported with rows read = loaded + rejected per file', () => {
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(id).toMatch(/^20261123T120000Z-[0-9a-f]{4}$/);
    expect(result.stdout).toBe(
      [
        `Indlæsning ${id} er gemt og i brug.`,
        `Kilde: ${join(workspace.root, 'valid')}`,
        '',
        'Rækker pr. fil (læst = indlæst + afvist):',
        '  benefit_periods.csv       9 = 9 + 0',
        '  conversations.csv         5 = 5 + 0',
        '  offers.csv                6 = 6 + 0',
        '  work_hours.csv            3 = 3 + 0',
        '  exemptions.csv            4 = 4 + 0',
        '  framework_conditions.csv  3 = 3 + 0',
        '  expected_rates.csv        2 = 2 + 0',
        '  focus_measures.csv        3 = 3 + 0',
        '',
        'Personer: 5',
        '',
      ].join('\n'),
    );
  });

  it('numbers persons 0 … n−1 in the order of person_id', async () => {
    expect(await stored(id, 'persons')).toEqual([
      [0, 'p001'],
      [1, 'p002'],
      [2, 'p003'],
      [3, 'p004'],
      [4, 'p005'],
    ]);
  });

  it('stores benefit periods sorted by person and date, codes as their index in the domain lists', async () => {
    expect(await stored(id, 'benefit_periods')).toEqual([
      [0, 101, 0, '2019-01-01', '2019-12-31'],
      [0, 101, 5, '2020-01-01', null],
      [1, 147, 1, '2020-03-01', '2020-06-30'],
      [1, 147, 2, '2020-07-01', '2021-06-30'],
      [2, 751, 3, '2019-05-01', '2020-04-30'],
      [2, 751, 4, '2020-05-01', null],
      [3, 851, 6, '2021-01-01', '2021-12-31'],
      [3, 851, 7, '2022-01-01', null],
      [4, 461, 8, '2018-06-01', null],
    ]);
  });

  it('stores conversations in date order per person, whatever the order in the file', async () => {
    expect(await stored(id, 'conversations')).toEqual([
      [0, '2019-03-01', 0, 0, 0],
      [0, '2019-06-01', 0, 1, 1],
      [1, '2020-04-01', 1, 2, 0],
      [2, '2020-06-15', 2, 0, 0],
      [4, '2023-04-01', 0, 0, 0],
    ]);
  });

  it('stores offers, work hours (month as its first day) and exemptions', async () => {
    expect(await stored(id, 'offers')).toEqual([
      [0, 0, '2020-02-01', '2020-03-31'],
      [0, 5, '2021-01-04', '2021-01-29'],
      [2, 1, '2020-09-01', '2021-02-28'],
      [3, 2, '2022-03-01', '2022-03-31'],
      [4, 3, '2023-01-02', '2023-02-28'],
      [4, 4, '2023-05-01', null],
    ]);
    expect(await stored(id, 'work_hours')).toEqual([
      [0, '2020-05-01', 37.5],
      [2, '2021-01-01', 120],
      [4, '2023-06-01', 0.25],
    ]);
    expect(await stored(id, 'exemptions')).toEqual([
      [1, 2, '2020-05-01', '2020-05-31'],
      [2, 1, '2021-03-01', '2021-12-31'],
      [3, 0, '2022-06-01', null],
      [4, 3, '2023-02-01', '2023-02-14'],
    ]);
  });

  it('stores framework conditions with each covariate under its own name', async () => {
    const path = join(workspace.dataDirectory, 'loads', id, 'framework_conditions.parquet');
    expect(await query(`SELECT * FROM '${path}'`)).toEqual([
      {
        municipality: 101,
        year: 2022,
        residents_16_66: 450000,
        education_share: 0.41,
        immigrant_share: 0.19,
      },
      {
        municipality: 147,
        year: 2022,
        residents_16_66: 70000,
        education_share: 0.45,
        immigrant_share: 0.17,
      },
      {
        municipality: 751,
        year: 2022,
        residents_16_66: 240000,
        education_share: 0.38,
        immigrant_share: 0.12,
      },
    ]);
  });

  it('stores the optional aggregates and the shipped municipalities', async () => {
    expect(await stored(id, 'expected_rates')).toEqual([
      [101, 2022, 41000.5, 43000, 9.1, 9.6],
      [147, 2022, 6000, 5800.25, 8.6, 8.3],
    ]);
    expect(await stored(id, 'focus_measures')).toEqual([
      [101, '2022-12', 'conversations', 'all', 1200, 300],
      [101, '2022-12', 'offers', 'all', 1200, 400],
      [147, '2022-12', 'conversations', 'kontanthjaelp_mv', 200, 20],
    ]);
    const municipalities = await stored(id, 'municipalities');
    expect(municipalities).toHaveLength(98);
    expect(municipalities[0]).toEqual([101, 'København', 'Region Hovedstaden', 'AMK Øst', null]);
  });

  it('uses the stored column types of the load store contract', async () => {
    const path = join(workspace.dataDirectory, 'loads', id, 'benefit_periods.parquet');
    const columns = await query(`DESCRIBE SELECT * FROM '${path}'`);
    expect(columns.map((column) => [column['column_name'], column['column_type']])).toEqual([
      ['person_key', 'INTEGER'],
      ['municipality', 'SMALLINT'],
      ['benefit', 'UTINYINT'],
      ['from', 'DATE'],
      ['to', 'DATE'],
    ]);
  });

  it('records id, time, who, source, and the SHA-256, size and rows of every file in the manifest', async () => {
    const manifest = await manifestOf(id);
    expect(manifest).toMatchObject({
      formatVersion: 1,
      id,
      createdAt: '2026-11-23T12:00:00Z',
      createdBy: 'tester',
      source: join(workspace.root, 'valid'),
      pseudonymised: false,
      acceptedValidRows: false,
      municipalitiesFrom: 'shipped',
      persons: 5,
      warnings: [],
    });
    const bytes = await readFile(join(VALID_LOAD, 'conversations.csv'));
    expect(manifest.files.find((file) => file.name === 'conversations')).toEqual({
      name: 'conversations',
      file: 'conversations.csv',
      format: 'csv',
      delimiter: ',',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      rowsRead: 5,
      rowsLoaded: 5,
      rowsRejected: 0,
      rejectedByReason: {},
    });
    expect(manifest.files.find((file) => file.name === 'framework_conditions')?.covariates).toEqual(
      ['education_share', 'immigrant_share'],
    );
    expect(manifest.stored.map((file) => [file.file, file.rows])).toEqual([
      ['persons.parquet', 5],
      ['municipalities.parquet', 98],
      ['benefit_periods.parquet', 9],
      ['conversations.parquet', 5],
      ['offers.parquet', 6],
      ['work_hours.parquet', 3],
      ['exemptions.parquet', 4],
      ['framework_conditions.parquet', 3],
      ['expected_rates.parquet', 2],
      ['focus_measures.parquet', 3],
    ]);
  });

  it('leaves only the load folder and CURRENT behind: no staging folder, no work files', async () => {
    const entries = await readdir(join(workspace.dataDirectory, 'loads'));
    expect(entries.filter((entry) => entry.startsWith('.'))).toEqual([]);
    const files = await readdir(join(workspace.dataDirectory, 'loads', id));
    expect(files.sort()).toEqual([
      'benefit_periods.parquet',
      'conversations.parquet',
      'exemptions.parquet',
      'expected_rates.parquet',
      'focus_measures.parquet',
      'framework_conditions.parquet',
      'manifest.json',
      'municipalities.parquet',
      'offers.parquet',
      'persons.parquet',
      'work_hours.parquet',
    ]);
  });

  it('is opened by the reading API as current, by id and by path', async () => {
    const current = await openLoad(workspace.dataDirectory);
    expect(current.id).toBe(id);
    expect(current.file('benefit_periods')).toBe(
      join(workspace.dataDirectory, 'loads', id, 'benefit_periods.parquet'),
    );
    expect(current.has('focus_measures')).toBe(true);
    expect((await openLoad(workspace.dataDirectory, id)).folder).toBe(current.folder);
    expect((await openLoad(workspace.dataDirectory, current.folder)).id).toBe(id);
  });
});

describe('the same data in other forms', () => {
  it('a ;-separated file with decimal comma, BOM and CRLF line breaks stores the same values', async () => {
    const hours =
      '\uFEFFperson_id;month;hours\r\np001;2020-05;37,5\r\np003;2021-01;120\r\np005;2023-06;0,25\r\n';
    const result = await load(await workspace.loadFolder({ 'work_hours.csv': hours }));
    expect(result.code).toBe(0);
    const id = (await currentLoadId(workspace.dataDirectory)) ?? '';
    expect(await stored(id, 'work_hours')).toEqual([
      [0, '2020-05-01', 37.5],
      [2, '2021-01-01', 120],
      [4, '2023-06-01', 0.25],
    ]);
    expect((await manifestOf(id)).files.find((file) => file.name === 'work_hours')).toMatchObject({
      delimiter: ';',
      rowsRead: 3,
      rowsLoaded: 3,
    });
  });

  it('RFC 4180 quoting, a quote inside an unquoted field, blank lines, spaces and no final line break are read as meant', async () => {
    const conversations = [
      '"person_id","date","kind","form","held_by"',
      '"p""1",2019-06-01,jobsamtale,telefon,akasse',
      '',
      ' p2 , 2019-03-01 ,"jobsamtale", personligt ,jobcenter',
      'p3"x,2020-04-01,sygeopfoelgning,digitalt,jobcenter',
      '"p4,5",2020-06-15,other,personligt,jobcenter',
      '',
      'p5,2023-04-01,jobsamtale,personligt,jobcenter',
    ].join('\r\n');
    const result = await load(await workspace.loadFolder({ 'conversations.csv': conversations }));
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const id = (await currentLoadId(workspace.dataDirectory)) ?? '';
    const path = join(workspace.dataDirectory, 'loads', id);
    const rows = await query(
      `SELECT p.person_id, c.date FROM '${path}/conversations.parquet' c
       JOIN '${path}/persons.parquet' p USING (person_key) ORDER BY c.date`,
    );
    expect(rows.map((row) => [row['person_id'], row['date']])).toEqual([
      ['p2', '2019-03-01'],
      ['p"1', '2019-06-01'],
      ['p3"x', '2020-04-01'],
      ['p4,5', '2020-06-15'],
      ['p5', '2023-04-01'],
    ]);
  });

  it('Parquet input files with typed columns store the same values as the CSV files', async () => {
    const folder = await workspace.loadFolder({}, 'parquet');
    const csv = (name: string) => `read_csv('${join(VALID_LOAD, name)}.csv', all_varchar = true)`;
    const copies = [
      `COPY (SELECT person_id, municipality::SMALLINT AS municipality, benefit, "from"::DATE AS "from", "to"::DATE AS "to" FROM ${csv('benefit_periods')}) TO '${folder}/benefit_periods.parquet'`,
      `COPY (SELECT person_id, "date"::DATE AS "date", kind, form, held_by FROM ${csv('conversations')}) TO '${folder}/conversations.parquet'`,
      `COPY (SELECT person_id, month, hours::DOUBLE AS hours FROM ${csv('work_hours')}) TO '${folder}/work_hours.parquet'`,
      `COPY (SELECT * FROM ${csv('offers')}) TO '${folder}/offers.parquet'`,
    ];
    const session = await DuckDbSession.open({
      memoryLimit: '512MB',
      threads: 1,
      tempDirectory: '',
    });
    for (const sql of copies) await session.run(sql);
    session.close();
    for (const name of ['benefit_periods', 'conversations', 'work_hours', 'offers'])
      await rm(join(folder, `${name}.csv`));
    const result = await load(folder);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const id = (await currentLoadId(workspace.dataDirectory)) ?? '';
    const [first] = (await listLoads(workspace.dataDirectory)).filter((entry) =>
      entry.manifest.source.endsWith('/valid'),
    );
    for (const name of ['benefit_periods', 'conversations', 'work_hours', 'offers', 'persons'])
      expect(await stored(id, name), name).toEqual(await stored(first?.id ?? '', name));
    expect((await manifestOf(id)).files.find((file) => file.name === 'offers')).toMatchObject({
      file: 'offers.parquet',
      format: 'parquet',
      rowsRead: 6,
    });
  });
});
