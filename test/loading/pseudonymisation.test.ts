import { createHmac } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbSession } from '../../src/loading/duckdb-session.js';
import { currentLoadId } from '../../src/loading/load-catalog.js';
import type { LoadManifest } from '../../src/loading/load-manifest.js';
import { PersonIdReader } from '../../src/loading/person-id.js';
import { rewriteCsvFile } from '../../src/loading/rewrite-csv-file.js';
import { scanCsvFile } from '../../src/loading/scan-csv-file.js';
import { createWorkspace, query, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

const KEY = 'b41f8e07c2d95a36e1f04b78c3a2d6950e7f1c84b3a9d2e6f05c17a48b3e9d2c';
const CPR_A = '0101901234';
const CPR_B = '3112992345';
/** Every way the two CPR numbers could be written somewhere. */
const FORBIDDEN = [CPR_A, CPR_B, '010190-1234', '311299-2345', KEY];
const hash = (cpr: string) => createHmac('sha256', KEY).update(cpr).digest('hex');

const FILES = {
  'benefit_periods.csv': [
    'person_id,municipality,benefit,from,to',
    `${CPR_A},101,dagpenge,2019-01-01,2019-12-31`,
    '311299-2345,147,sygedagpenge,2020-03-01,2020-06-30',
    'p003,751,selvforsoergelse,2019-05-01,2020-04-30',
    '',
  ].join('\n'),
  'conversations.csv': [
    'person_id,date,kind,form,held_by',
    `${CPR_A},2019-03-01,jobsamtale,personligt,jobcenter`,
    `${CPR_B},2020-02-30,jobsamtale,personligt,jobcenter`,
    '',
  ].join('\n'),
};

let workspace: Workspace;
beforeAll(async () => {
  workspace = await createWorkspace();
});
afterAll(async () => {
  await workspace.cleanUp();
});

/** Every byte of every file under `folder`, as Latin-1 text (any byte sequence is found). */
async function allBytes(folder: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      text += (await readFile(join(entry.parentPath, entry.name))).toString('latin1');
  }
  return text;
}

describe('CPR numbers with a pseudonymisation key', () => {
  let result: Awaited<ReturnType<typeof runCli>>;
  let folder: string;
  let rejects: string;
  beforeAll(async () => {
    rejects = join(workspace.root, 'afviste.csv');
    result = await runCli(
      [
        'load',
        await workspace.loadFolder(FILES),
        '--data-dir',
        workspace.dataDirectory,
        '--accept-valid-rows',
        '--rejects',
        rejects,
      ],
      { env: { TILSYN_PSEUDONYM_KEY: KEY } },
    );
    folder = join(
      workspace.dataDirectory,
      'loads',
      (await currentLoadId(workspace.dataDirectory)) ?? '',
    );
  });

  it('are replaced by HMAC-SHA256(key, the ten digits) before anything is stored', async () => {
    expect(result.code).toBe(0);
    const persons = await query(`SELECT person_id FROM '${join(folder, 'persons.parquet')}'`);
    expect(persons.map((row) => row['person_id']).sort()).toEqual(
      [hash(CPR_A), hash(CPR_B), 'p001', 'p002', 'p003', 'p004', 'p005'].sort(),
    );
  });

  it('mark the load as pseudonymised without storing the key', async () => {
    const manifest = JSON.parse(
      await readFile(join(folder, 'manifest.json'), 'utf8'),
    ) as LoadManifest;
    expect(manifest.pseudonymised).toBe(true);
  });

  it('appear in no stored byte, no rejects file and no output', async () => {
    const stored = await allBytes(join(workspace.dataDirectory));
    const rejected = await readFile(rejects, 'latin1');
    expect(rejected).toContain(
      'conversations.csv,3,date,2020-02-30,datoen findes ikke i kalenderen',
    );
    for (const text of FORBIDDEN) {
      expect(stored).not.toContain(text);
      expect(rejected).not.toContain(text);
      expect(result.stdout).not.toContain(text);
      expect(result.stderr).not.toContain(text);
    }
  });

  it('give the same pseudonyms with the key in a file (--pseudonym-key-file), a final line break ignored', async () => {
    const keyFile = join(workspace.root, 'nøgle.txt');
    await writeFile(keyFile, `${KEY}\n`);
    const data = join(workspace.root, 'with-key-file');
    const again = await runCli([
      'load',
      await workspace.loadFolder(FILES),
      '--data-dir',
      data,
      '--accept-valid-rows',
      '--pseudonym-key-file',
      keyFile,
    ]);
    expect(again.code).toBe(0);
    const id = (await currentLoadId(data)) ?? '';
    const persons = await query(
      `SELECT person_id FROM '${join(data, 'loads', id, 'persons.parquet')}'`,
    );
    expect(persons.map((row) => row['person_id'])).toContain(hash(CPR_A));
  });

  it('are hashed, not written, when a file with broken lines is rewritten for DuckDB', async () => {
    const source = join(workspace.root, 'broken.csv');
    await writeFile(
      source,
      `person_id,date,kind,form,held_by\n${CPR_A},2019-03-01,jobsamtale\n010190-1234,2019-03-01,jobsamtale,personligt,jobcenter\r\np001,2019-06-01,jobsamtale,telefon,akasse\n`,
    );
    const scan = await scanCsvFile(source, 'conversations.csv', { decimalColumns: false });
    expect(scan.needsRewrite).toBe(true);
    const target = join(workspace.root, 'rewritten.csv');
    const withKey = await rewriteCsvFile(
      scan,
      target,
      0,
      new PersonIdReader({ bytes: Buffer.from(KEY) }),
    );
    const text = await readFile(target, 'utf8');
    expect(text).toBe(
      `person_id,date,kind,form,held_by\n${hash(CPR_A)},2019-03-01,jobsamtale,personligt,jobcenter\np001,2019-06-01,jobsamtale,telefon,akasse\n`,
    );
    expect(withKey.lineMap.positionOf(1)).toBe(4);
    const withoutKey = await rewriteCsvFile(scan, target, 0, new PersonIdReader(undefined));
    expect(await readFile(target, 'utf8')).toBe(
      'person_id,date,kind,form,held_by\np001,2019-06-01,jobsamtale,telefon,akasse\n',
    );
    expect(withoutKey.cprProblems.map((problem) => [problem.line, problem.value])).toEqual([
      [3, undefined],
    ]);
  });
});

describe('a CPR number stored as an integer in a Parquet file', () => {
  async function folderWithIntegerIds(): Promise<string> {
    const folder = await workspace.loadFolder({ 'work_hours.csv': null });
    const session = await DuckDbSession.open({
      memoryLimit: '256MB',
      threads: 1,
      tempDirectory: '',
    });
    await session.run(
      `COPY (SELECT * FROM (VALUES (101901234::BIGINT, '2020-05', 37.5), (3::BIGINT, '2021-01', 120.0))
             t(person_id, month, hours)) TO '${join(folder, 'work_hours.parquet')}'`,
    );
    session.close();
    return folder;
  }

  it('has lost its leading zero, and is still recognised and refused without a key', async () => {
    const result = await runCli([
      'load',
      await folderWithIntegerIds(),
      '--data-dir',
      join(workspace.root, 'integer-refused'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'work_hours.parquet, række 1, kolonne "person_id": ligner et CPR-nummer',
    );
    expect(result.stderr).not.toContain('101901234');
  });

  it('is replaced by the keyed hash of the ten digits, the same as when written as text', async () => {
    const data = join(workspace.root, 'integer-hashed');
    const result = await runCli(['load', await folderWithIntegerIds(), '--data-dir', data], {
      env: { TILSYN_PSEUDONYM_KEY: KEY },
    });
    expect(result.code).toBe(0);
    const id = (await currentLoadId(data)) ?? '';
    const persons = await query(
      `SELECT person_id FROM '${join(data, 'loads', id, 'persons.parquet')}'`,
    );
    expect(persons.map((row) => row['person_id'])).toContain(hash(CPR_A));
    expect(persons.map((row) => row['person_id'])).toContain('3');
    expect(await allBytes(data)).not.toContain('101901234');
  });
});

describe('a CPR number in a header', () => {
  it('is masked in the warning about an unknown column and in the error about a missing one', async () => {
    const offers = `person_id,type,from,${CPR_A}\np001,other,2021-01-04,2021-01-29\n`;
    const result = await runCli([
      'load',
      await workspace.loadFolder({ 'offers.csv': offers }),
      '--data-dir',
      join(workspace.root, 'cpr-header'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Fejl i inddata:\noffers.csv, linje 1, kolonne "to": påkrævet kolonne mangler\n',
    );
    const extra = `person_id,type,from,to,${CPR_A}\np001,other,2021-01-04,2021-01-29,x\n`;
    const warned = await runCli([
      'load',
      await workspace.loadFolder({ 'offers.csv': extra }),
      '--data-dir',
      join(workspace.root, 'cpr-header-2'),
    ]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toBe('Advarsel: offers.csv: ukendt kolonne "**********" ignoreres\n');
  });
});

describe('a pseudonymisation key', () => {
  const refusal = (weakness: string) =>
    `Fejl: pseudonymiseringsnøglen er for svag: ${weakness}; lav en tilfældig nøgle med "openssl rand -hex 32" (eller en nøglefil med "openssl rand -out FIL 32")\nSe "tilsyn load --help".\n`;

  it.each([
    ['kort', 'den er 4 byte lang, men skal være mindst 32'],
    ['æøåÆØÅ€€', 'den er 18 byte lang, men skal være mindst 32'],
    ['a'.repeat(40), 'den har kun 1 forskellige byteværdier (mindst 10)'],
    ['0'.repeat(64), 'den har kun 1 forskellige byteværdier (mindst 10)'],
    ['abcdefghijkl'.repeat(4), 'den gentager det samme stykke på 12 byte'],
  ])('%j is refused as too weak, with how to make a good one', async (key, weakness) => {
    const result = await runCli(
      ['load', await workspace.loadFolder(), '--data-dir', join(workspace.root, 'weak-key')],
      { env: { TILSYN_PSEUDONYM_KEY: key } },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(refusal(weakness));
  });

  it('of 32 random bytes in a file is used as it is, a last byte that is a line break included', async () => {
    const bytes = Buffer.from(
      'a3f1097c5e2bd846103fe9c7582a6db4f01e93c75a2b8d460c9e1f73b5a2480a',
      'hex',
    );
    const keyFile = join(workspace.root, 'nøgle.bin');
    await writeFile(keyFile, bytes);
    const data = join(workspace.root, 'binary-key');
    const result = await runCli([
      'load',
      await workspace.loadFolder(FILES),
      '--data-dir',
      data,
      '--accept-valid-rows',
      '--pseudonym-key-file',
      keyFile,
    ]);
    expect(result.code).toBe(0);
    const id = (await currentLoadId(data)) ?? '';
    const persons = await query(
      `SELECT person_id FROM '${join(data, 'loads', id, 'persons.parquet')}'`,
    );
    expect(persons.map((row) => row['person_id'])).toContain(
      createHmac('sha256', bytes).update(CPR_A).digest('hex'),
    );
  });

  it('cannot be given on the command line itself', async () => {
    const result = await runCli(['load', '.', '--pseudonym-key', KEY]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ukendt tilvalg --pseudonym-key');
    expect(result.stderr).not.toContain(KEY);
  });
});
