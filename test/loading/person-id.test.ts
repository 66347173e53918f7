import { createHmac } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cprDigitsOf } from '../../src/loading/cpr-number.js';
import { currentLoadId } from '../../src/loading/load-catalog.js';
import { PersonIdReader } from '../../src/loading/person-id.js';
import { createWorkspace, query, type Workspace } from '../support/load-folders.js';
import { runCli } from '../support/run-cli.js';

const KEY = '6f1c0b9e2d4a8357c1e0f9a2b7d6e3c45a8f1e0d2c9b7a6354e1f0a9c8b7d6e5';
const hash = (digits: string) => createHmac('sha256', KEY).update(digits).digest('hex');

/** Ways a CPR number is written in real extracts, each with the ten digits it stands for. */
const CPR_FORMS: readonly (readonly [string, string])[] = [
  ['0101901234', '0101901234'],
  ['010190-1234', '0101901234'],
  ['010190 1234', '0101901234'],
  ['\t0101901235', '0101901235'],
  ['0101901236\u00a0', '0101901236'],
  ['0101901242.0', '0101901242'],
  ['1.01901243E9', '0101901243'],
  ['101901244', '0101901244'],
  ['CPR0101901237', '0101901237'],
  ['010190/1239', '0101901239'],
  ['01.01.90-1240', '0101901240'],
  ['０１０１９０１２４１', '0101901241'],
];

describe('a person id', () => {
  const reader = new PersonIdReader(undefined);

  it.each(CPR_FORMS)('%j is a CPR number (%s)', (value, digits) => {
    expect(reader.read(value)).toEqual({ kind: 'cpr' });
    expect(cprDigitsOf(value.normalize('NFKC').trim())).toBe(digits);
  });

  it.each([
    ['p001', 'a pseudonym'],
    ['P000000123', 'the synthetic data’s pseudonym'],
    ['99999999999999999999999', 'a long number'],
    ['3102901234', 'ten digits that are no date (31 February)'],
    ['0101901234.5', 'a number with a decimal part'],
    ['a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2', 'a hash'],
  ])('%j is not a CPR number (%s)', (value) => {
    expect(reader.read(value)).toEqual({ kind: 'id', id: value });
  });

  it('is trimmed of white space of every kind, so that one person stays one', () => {
    for (const value of [
      'p001',
      ' p001',
      'p001 ',
      '\tp001',
      'p001\u00a0',
      '\u3000p001',
      'ｐ００１',
    ])
      expect(reader.read(value)).toEqual({ kind: 'id', id: 'p001' });
    expect(reader.read(' \u00a0 ')).toEqual({ kind: 'empty' });
  });

  it('holding a control or format character is refused, with the character named', () => {
    expect(reader.read('p0\u000001')).toEqual({ kind: 'control', character: 'U+0000' });
    expect(reader.read('p001\n')).toEqual({ kind: 'control', character: 'U+000A' });
    expect(reader.read('p0\r01')).toEqual({ kind: 'control', character: 'U+000D' });
    expect(reader.read('p0\t01')).toEqual({ kind: 'control', character: 'U+0009' });
    expect(reader.read('p0\u200b01')).toEqual({ kind: 'control', character: 'U+200B' });
  });

  it('that is a CPR number, in any form, is replaced by the keyed hash of its ten digits', () => {
    const keyed = new PersonIdReader({ bytes: Buffer.from(KEY) });
    for (const [value, digits] of CPR_FORMS)
      expect(keyed.read(value)).toEqual({ kind: 'id', id: hash(digits) });
  });
});

let workspace: Workspace;
beforeAll(async () => {
  workspace = await createWorkspace();
});
afterAll(async () => {
  await workspace.cleanUp();
});

/** Every byte of every file under `folder`, as Latin-1 text. */
async function allBytes(folder: string): Promise<string> {
  let text = '';
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      text += (await readFile(join(entry.parentPath, entry.name))).toString('latin1');
  }
  return text;
}

const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;
/** One row a month from January 2020, so that no two rows are one person's month twice. */
const workHours = (ids: readonly string[]) =>
  [
    'person_id,month,hours',
    ...ids.map(
      (id, index) =>
        `${quoted(id)},${2020 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')},37.5`,
    ),
    '',
  ].join('\n');

describe('loading CPR numbers written in other forms', () => {
  const ids = CPR_FORMS.map(([value]) => value);

  it('without a key refuses every one of them, naming file, line and column but never the value', async () => {
    const result = await runCli([
      'load',
      await workspace.loadFolder({ 'work_hours.csv': workHours(ids) }),
      '--data-dir',
      join(workspace.root, 'forms-refused'),
    ]);
    expect(result.code).toBe(2);
    for (let line = 2; line <= ids.length + 1; line += 1)
      expect(result.stderr).toContain(
        `work_hours.csv, linje ${line}, kolonne "person_id": ligner et CPR-nummer`,
      );
    for (const [value, digits] of CPR_FORMS) {
      expect(result.stderr).not.toContain(value.trim());
      expect(result.stderr).not.toContain(digits.slice(6));
    }
  });

  it('with a key stores the keyed hash of the ten digits, the same for every form of one number', async () => {
    const data = join(workspace.root, 'forms-hashed');
    const result = await runCli(
      [
        'load',
        await workspace.loadFolder({ 'work_hours.csv': workHours(ids) }),
        '--data-dir',
        data,
      ],
      { env: { TILSYN_PSEUDONYM_KEY: KEY } },
    );
    expect(result.code).toBe(0);
    const id = (await currentLoadId(data)) ?? '';
    const stored = await query(
      `SELECT p.person_id FROM '${join(data, 'loads', id, 'work_hours.parquet')}' w
       JOIN '${join(data, 'loads', id, 'persons.parquet')}' p USING (person_key)`,
    );
    expect(new Set(stored.map((row) => row['person_id']))).toEqual(
      new Set(CPR_FORMS.map(([, digits]) => hash(digits))),
    );
    const bytes = await allBytes(data);
    for (const [value, digits] of CPR_FORMS) {
      expect(bytes).not.toContain(digits);
      expect(bytes).not.toContain(value.trim());
    }
  });
});

describe('person ids that would make one person two', () => {
  it('are one person when they differ only in white space at the ends', async () => {
    const data = join(workspace.root, 'trimmed');
    const result = await runCli([
      'load',
      await workspace.loadFolder({
        'work_hours.csv': workHours(['p001', ' p001', '\tp001', 'p001\u00a0', 'ｐ００１']),
      }),
      '--data-dir',
      data,
    ]);
    expect(result.code).toBe(0);
    const id = (await currentLoadId(data)) ?? '';
    const persons = await query(
      `SELECT DISTINCT person_key FROM '${join(data, 'loads', id, 'work_hours.parquet')}'`,
    );
    expect(persons).toHaveLength(1);
  });

  it('are refused with file, line and column when they hold NUL, a line break or an inner tab', async () => {
    const result = await runCli([
      'load',
      await workspace.loadFolder({
        'work_hours.csv': workHours(['p001', 'p0\u000001', 'p001\n', 'p0\t01']),
      }),
      '--data-dir',
      join(workspace.root, 'control'),
    ]);
    expect(result.code).toBe(2);
    const reason = 'person_id indeholder et styre- eller formateringstegn';
    expect(result.stderr).toContain(
      `work_hours.csv, linje 3, kolonne "person_id" (værdi "U+0000"): ${reason}`,
    );
    expect(result.stderr).toContain(
      `work_hours.csv, linje 4, kolonne "person_id" (værdi "U+000A"): ${reason}`,
    );
    expect(result.stderr).toContain(
      `work_hours.csv, linje 6, kolonne "person_id" (værdi "U+0009"): ${reason}`,
    );
  });
});

describe('a covariate too large for a number', () => {
  it('is refused with file, line and column instead of being stored as infinity', async () => {
    const result = await runCli([
      'load',
      await workspace.loadFolder({
        'framework_conditions.csv':
          'municipality,year,residents_16_66,education_share,immigrant_share\n101,2022,450000,1e400,0.19\n',
      }),
      '--data-dir',
      join(workspace.root, 'infinity'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /framework_conditions\.csv, linje 2, kolonne "education_share" \(værdi "1e400"\): /,
    );
  });
});

describe('a rejected value that is a long number, not a CPR number', () => {
  it('is shown as it is, not masked', async () => {
    const result = await runCli([
      'load',
      await workspace.loadFolder({
        'work_hours.csv': 'person_id,month,hours\np001,2020-05,99999999999999999999999\n',
      }),
      '--data-dir',
      join(workspace.root, 'long-number'),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'work_hours.csv, linje 2, kolonne "hours" (værdi "99999999999999999999999"): ',
    );
  });
});
