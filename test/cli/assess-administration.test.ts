/**
 * The annual assessment of a municipality under administration reports the
 * December figures of both minimum requirements beside the focus goals
 * (issue 9 § 1): from a `minimum_requirements` file with `--focus`, computed
 * with `--load`, or "ikke opgjort" without figures. On the example
 * aggregates Slagelse (330) is under administration from the assessment of
 * 2023 and continues at the assessment of 2024.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const FOCUS = 'examples/aggregates/focus_measures.csv';
const RATES = 'examples/aggregates/expected_rates.csv';
let directory = '';
let minimum = '';

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'tilsyn-assess-administration-'));
  minimum = join(directory, 'minimum_requirements.csv');
  await writeFile(
    minimum,
    [
      'municipality,month,requirement,target,met,share,required,fulfilled',
      // The file's share, required and fulfilled are not read: the rules judge the counts.
      '330,2024-12,offers,1000,712,71.2,99,false',
      '330,2024-12,conversations,1000,799,79.9,80,true',
      '330,2024-11,offers,1000,0,0,70,false',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

const assess = (...extra: string[]) =>
  runCli([
    'assess',
    '--from',
    '2022',
    '--to',
    '2024',
    '--focus',
    FOCUS,
    '--rates',
    RATES,
    ...extra,
  ]);

describe('tilsyn assess under administration', () => {
  it('says in the decision text whether each requirement was met in December', async () => {
    const result = await assess('--minimum-requirements', minimum);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const slagelse = result.stdout.slice(
      result.stdout.indexOf('  Slagelse (330): Fortsat under administration'),
    );
    expect(slagelse).toContain(
      '    • Minimumskravet om mindst 1 beskæftigelsesrettet tilbud årligt i december 2024: 712 af 1.000 (71,2 %); kravet er mindst 70 % (bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1): opfyldt.\n' +
        '    • Minimumskravet om 4 samtaler årligt i december 2024: 799 af 1.000 (79,9 %); kravet er mindst 80 % (bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1): ikke opfyldt.\n',
    );
  });

  it('gives the figures beside the focus goals in the JSON, only for municipalities under administration', async () => {
    const result = await assess('--minimum-requirements', minimum, '--json');
    const json = JSON.parse(result.stdout) as {
      years: {
        year: number;
        municipalities: { code: number; minimumRequirements?: Record<string, unknown> }[];
      }[];
    };
    const of = (year: number, code: number) =>
      json.years
        .find((entry) => entry.year === year)
        ?.municipalities.find((municipality) => municipality.code === code);
    expect(of(2024, 330)?.minimumRequirements).toEqual({
      offers: {
        month: '2024-12',
        target: 1000,
        met: 712,
        share: 71.2,
        required: 70,
        fulfilled: true,
        legalBasis: expect.objectContaining({
          citation: 'bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1',
        }) as unknown,
      },
      conversations: {
        month: '2024-12',
        target: 1000,
        met: 799,
        share: 79.9,
        required: 80,
        fulfilled: false,
        legalBasis: expect.objectContaining({
          citation: 'bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1',
        }) as unknown,
      },
    });
    // Put under administration at the assessment of 2023: the requirements applied only from
    // May 2024, so the assessment of 2023 reports none.
    expect(of(2023, 330)?.minimumRequirements).toBeUndefined();
    expect(of(2024, 101)?.minimumRequirements).toBeUndefined();
  });

  it('without the file the requirements are "ikke opgjort", and the JSON says fulfilled null', async () => {
    const text = await assess();
    expect(text.stdout).toContain(
      '    • Minimumskravet om 4 samtaler årligt i december 2024 (mindst 80 %, bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1) er ikke opgjort: der er ingen tal for det i opgørelsens inddata.',
    );
    const json = JSON.parse((await assess('--json')).stdout) as {
      years: {
        year: number;
        municipalities: { code: number; minimumRequirements?: { offers: unknown } }[];
      }[];
    };
    expect(
      json.years
        .find((entry) => entry.year === 2024)
        ?.municipalities.find((municipality) => municipality.code === 330)?.minimumRequirements
        ?.offers,
    ).toMatchObject({ target: null, met: null, share: null, required: 70, fulfilled: null });
  });

  it('refuses a file with more persons meeting a requirement than in the group, naming file, line and field', async () => {
    const bad = join(directory, 'bad.csv');
    await writeFile(bad, 'municipality,month,requirement,target,met\n330,2024-12,offers,10,11\n');
    const result = await assess('--minimum-requirements', bad);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('linje 2');
    expect(result.stderr).toContain('met');
    expect(result.stderr).toContain('flere, der opfylder kravet, end personer i målgruppen');
  });

  it('--load computes the requirements and refuses a file beside it', async () => {
    const result = await runCli([
      'assess',
      '--year',
      '2024',
      '--load',
      directory,
      '--minimum-requirements',
      minimum,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '--load beregner minimumskravene og kan ikke kombineres med --minimum-requirements',
    );
  });
});

describe('the letter of a municipality that stays under administration', () => {
  it('says whether the minimum requirements were met in December', async () => {
    const out = join(directory, 'letter.txt');
    const result = await runCli([
      'letter',
      '--municipality',
      '330',
      '--from',
      '2022',
      '--to',
      '2024',
      '--focus',
      FOCUS,
      '--rates',
      RATES,
      '--minimum-requirements',
      minimum,
      '--out',
      out,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const letter = await readFile(out, 'utf8');
    expect(letter).toContain('Minimumskravene i december 2024');
    expect(letter.replace(/\s+/g, ' ')).toContain(
      'Minimumskravet om 4 samtaler årligt i december 2024: 799 af 1.000 (79,9 %); kravet er mindst 80 % (bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1): ikke opfyldt.',
    );
  });
});
