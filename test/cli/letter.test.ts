import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LetterInput } from '../../src/core/letters/letter-input.js';
import { pdfText } from '../support/pdf-text.js';
import { runCli } from '../support/run-cli.js';

const run = promisify(execFile);
const FOCUS = join(process.cwd(), 'examples/aggregates/focus_measures.csv');
const RATES = join(process.cwd(), 'examples/aggregates/expected_rates.csv');
const BIN = join(process.cwd(), 'bin/tilsyn.js');

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-letter-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The letter of `municipality`'s decision at the assessment of `toYear` (from 2021), as text. */
async function letter(municipality: number, toYear: number, extra: string[] = []): Promise<string> {
  const out = `letter-${municipality}-${toYear}-${extra.length}.txt`;
  const result = await runCli(
    [
      'letter',
      '--municipality',
      String(municipality),
      '--from',
      '2021',
      '--to',
      String(toYear),
      '--focus',
      FOCUS,
      '--rates',
      RATES,
      '--out',
      out,
      ...extra,
    ],
    { cwd: root },
  );
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return (await readFile(join(root, out), 'utf8')).replace(/\s+/g, ' ');
}

describe('the decision letters', () => {
  it('selection: dated, to the municipality by name and code, with the §, its sentence, the figures and the deadlines', async () => {
    const text = await letter(183, 2024);
    expect(text).toContain('Dato: 30. april 2025');
    expect(text).toContain('Ishøj (kommunekode 183)');
    expect(text).toContain('ISHØJ OMFATTES AF SKÆRPET TILSYN MED BESKÆFTIGELSESINDSATSEN');
    expect(text).toContain('Afgørelsen er truffet efter bek. nr. 301 af 20/03/2023 § 6, stk. 1:');
    expect(text).toContain(
      '»En kommune bliver omfattet af skærpet tilsyn, hvis kommunens faktiske ydelsesgrad overstiger',
    );
    expect(text).toContain(
      '9,82 % (forventet 9,81 %, forskel +0,004 procentpoint) Højst den forventede Ikke opfyldt',
    );
    expect(text).toMatch(
      /Fokusmålet om samtaler: andel passive, gns\. 12 mdr\. 22,0 % Under 20 % Ikke opfyldt/,
    );
    expect(text).toContain('Kommunen skal senest 31. juli 2025 sende en skriftlig redegørelse');
    expect(text).toContain('genopretningsperiode fra 1. april 2025 til 31. december 2025');
    expect(text).toMatch(
      /31\. juli 2025 Redegørelse og genopretningsplan senest bek\. nr\. 301 af 20\/03\/2023 § 7/,
    );
  });

  it('selection under the 2019 rules (assessment of 2021): the § numbers of bek. nr. 1409 and the sample case review', async () => {
    const text = await letter(153, 2021);
    expect(text).toContain('Dato: 30. april 2022');
    expect(text).toContain('Afgørelsen er truffet efter bek. nr. 1409 af 16/12/2019 § 6, stk. 1');
    expect(text).toContain('uvildig gennemgang af en stikprøve af sager');
    expect(text).toContain('bek. nr. 1409 af 16/12/2019 § 8');
  });

  it('selection: the deadlines run from the letter’s date when it is given', async () => {
    const text = await letter(183, 2024, ['--date', '2025-04-15']);
    expect(text).toContain('Dato: 15. april 2025');
    expect(text).toContain('Kommunen skal senest 15. juli 2025 sende en skriftlig redegørelse');
  });

  it('extension: the baseline, the measure now, the required and the reached improvement', async () => {
    const text = await letter(430, 2022);
    expect(text).toContain('GENOPRETNINGSPERIODEN FOR FAABORG-MIDTFYN FORLÆNGES MED 12 MÅNEDER');
    expect(text).toContain('forlænges derfor med 12 måneder til 31. december 2023');
    expect(text).toContain('bek. nr. 301 af 20/03/2023 § 11');
    expect(text).toContain('(opgørelsen af 2021)');
    expect(text).toMatch(
      /Samtaler 32,0 % 25,0 % under 20,0 % 12,00 procentpoint 6,00 procentpoint 7,00 procentpoint/,
    );
  });

  it('end of supervision: the goals are met and the supervision ends without an application', async () => {
    const text = await letter(153, 2022);
    expect(text).toContain('DET SKÆRPEDE TILSYN MED BRØNDBY OPHØRER');
    expect(text).toContain('Kommunen er derfor ikke længere omfattet af skærpet tilsyn.');
  });

  it('administration: the minimum requirements from the month after the notice, and the review of all passive cases with its deadline', async () => {
    const text = await letter(330, 2023);
    expect(text).toContain('SLAGELSE SÆTTES UNDER ADMINISTRATION I DET SKÆRPEDE TILSYN');
    expect(text).toContain(
      'Jobcenteret skal fra 1. maj 2024 give mindst 1 beskæftigelsesrettet tilbud årligt til mindst 70 pct. og 4 samtaler årligt til mindst 80 pct.',
    );
    expect(text).toContain('ordinære løntimer træder ikke i stedet for et tilbud');
    expect(text).toContain('ikke var opfyldt pr. 31. december 2023');
    expect(text).toContain('senest 31. juli 2024');
    expect(text).toContain('§ 22 e');
  });

  it('administration continues, and ends', async () => {
    expect(await letter(330, 2024)).toContain('SLAGELSE ER FORTSAT UNDER ADMINISTRATION');
    const ends = await letter(430, 2024);
    expect(ends).toContain('ADMINISTRATIONEN AF FAABORG-MIDTFYN I DET SKÆRPEDE TILSYN OPHØRER');
    expect(ends).toContain('bek. nr. 301 af 20/03/2023 § 13');
  });

  it('a municipality that stays out gets no letter', async () => {
    const result = await runCli(
      [
        'letter',
        '--municipality',
        '101',
        '--year',
        '2024',
        '--focus',
        FOCUS,
        '--rates',
        RATES,
        '--out',
        'none.txt',
      ],
      { cwd: root },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'København (101): omfattes ikke af skærpet tilsyn ved opgørelsen af 2024',
    );
  });
});

describe('the meeting invitation', () => {
  it('states the time and place, the § with its one-week rule, and the notice given', async () => {
    const result = await runCli(
      [
        'letter',
        '--municipality',
        '461',
        '--meeting-date',
        '2024-09-10',
        '--date',
        '2024-09-02',
        '--time',
        '10.00',
        '--out',
        'meeting.txt',
      ],
      { cwd: root },
    );
    expect(result.code).toBe(0);
    const text = (await readFile(join(root, 'meeting.txt'), 'utf8')).replace(/\s+/g, ' ');
    expect(text).toContain('Dato: 2. september 2024');
    expect(text).toContain('et møde 10. september 2024 kl. 10.00');
    expect(text).toContain('»Mødet indkaldes med mindst en uges varsel.«');
    expect(text).toContain(
      'Mødet skal indkaldes med mindst 7 dages varsel. Denne indkaldelse er sendt 2. september 2024, 8 dage før mødet.',
    );
  });

  it('is refused with less than a week’s notice', async () => {
    const result = await runCli(
      [
        'letter',
        '--municipality',
        '461',
        '--meeting-date',
        '2024-09-08',
        '--date',
        '2024-09-02',
        '--out',
        'short.txt',
      ],
      { cwd: root },
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Første mulige mødedato er 9. september 2024');
  });
});

describe('a stored letter', () => {
  it('regenerates byte for byte, as PDF, HTML and text, in separate processes', async () => {
    const stored = await runCli(
      [
        'letter',
        '--municipality',
        '183',
        '--from',
        '2021',
        '--to',
        '2024',
        '--focus',
        FOCUS,
        '--rates',
        RATES,
        '--reference',
        '25/12345',
        '--out',
        'stored.json',
      ],
      { cwd: root },
    );
    expect(stored.code).toBe(0);
    const input = JSON.parse(await readFile(join(root, 'stored.json'), 'utf8')) as LetterInput;
    expect(input.kind).toBe('selected');
    expect(input.decision?.deadlines.map((deadline) => deadline.date)).toEqual([
      '2025-04-01',
      '2025-07-31',
      '2025-12-31',
    ]);
    for (const format of ['pdf', 'html', 'txt']) {
      const outputs: Buffer[] = [];
      for (const name of ['first', 'second']) {
        await run(
          process.execPath,
          [BIN, 'letter', '--input', 'stored.json', '--out', `${name}.${format}`],
          { cwd: root },
        );
        outputs.push(await readFile(join(root, `${name}.${format}`)));
      }
      expect(outputs[0]?.length).toBeGreaterThan(500);
      expect(outputs[0]?.equals(outputs[1] ?? Buffer.alloc(0)), format).toBe(true);
    }
    const direct = await runCli(
      [
        'letter',
        '--municipality',
        '183',
        '--from',
        '2021',
        '--to',
        '2024',
        '--focus',
        FOCUS,
        '--rates',
        RATES,
        '--reference',
        '25/12345',
        '--out',
        'direct.pdf',
      ],
      { cwd: root },
    );
    expect(direct.code).toBe(0);
    expect(
      (await readFile(join(root, 'direct.pdf'))).equals(await readFile(join(root, 'first.pdf'))),
    ).toBe(true);
    const text = await pdfText(await readFile(join(root, 'first.pdf')));
    expect(text).toContain('Ishøj omfattes af skærpet tilsyn med beskæftigelsesindsatsen');
    expect(text).toContain('J.nr. 25/12345');
    expect(text).toContain('30. april 2025');
    const html = await readFile(join(root, 'first.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="da">/);
    expect(html).toContain('<h1>Ishøj omfattes af skærpet tilsyn med beskæftigelsesindsatsen</h1>');
  });

  it('refuses an input that is not a letter input, naming the field', async () => {
    await writeFile(
      join(root, 'bad.json'),
      JSON.stringify({ schema: 'tilsyn.letter-input/1', kind: 'party' }),
    );
    const result = await runCli(['letter', '--input', 'bad.json', '--out', 'bad.pdf'], {
      cwd: root,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('bad.json');
    expect(result.stderr).toContain('kind');
  });
});
