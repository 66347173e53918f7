import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const FOCUS = join(process.cwd(), 'examples/aggregates/focus_measures.csv');
const RATES = join(process.cwd(), 'examples/aggregates/expected_rates.csv');
const FRAMEWORK = join(process.cwd(), 'test/fixtures/benchmark/framework_conditions.csv');
const ACTUAL = join(process.cwd(), 'test/fixtures/benchmark/benefit_rates.csv');

let root = '';

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'tilsyn-excel-exports-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function lines(file: string): Promise<string[]> {
  const bytes = await readFile(join(root, file));
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.toString('utf8').slice(1).split('\r\n');
}

describe('the CSV for Excel of tilsyn assess --out', () => {
  it('has one row per municipality and year with Danish headers, names, decimal commas and the decision', async () => {
    const result = await runCli(
      [
        'assess',
        '--from',
        '2023',
        '--to',
        '2024',
        '--focus',
        FOCUS,
        '--rates',
        RATES,
        '--out',
        'assess.csv',
        '--excel',
      ],
      { cwd: root },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const rows = await lines('assess.csv');
    expect(rows[0]).toMatch(
      /^Opgørelsesår;Regler;Kommunekode;Kommune;Forventet ydelsesgrad \(%\);Faktisk ydelsesgrad \(%\);Forskel \(pct\.-point\);Resultatmål opfyldt;/,
    );
    expect(rows.filter((row) => /^\d{4};/.test(row))).toHaveLength(2 * 98);
    const ishoej = rows.find((row) => row.startsWith('2024;bek. nr. 301 af 20/03/2023;183;Ishøj;'));
    expect(ishoej).toContain(';9,82;');
    expect(ishoej).toContain(';22,0;20;Nej;');
    expect(ishoej).toContain(';Omfattes af skærpet tilsyn;bek. nr. 301 af 20/03/2023 § 6, stk. 1;');
  });

  it('leaves the machine-readable form as it was without --excel', async () => {
    const result = await runCli(
      [
        'assess',
        '--year',
        '2024',
        '--focus',
        FOCUS,
        '--rates',
        RATES,
        '--json',
        '--out',
        'assess.json',
      ],
      {
        cwd: root,
      },
    );
    expect(result.code).toBe(0);
    expect(
      (JSON.parse(await readFile(join(root, 'assess.json'), 'utf8')) as { schema: string }).schema,
    ).toBe('tilsyn.assess/1');
  });
});

describe('the CSV for Excel of tilsyn benchmark --out', () => {
  it('writes the expected rates with Danish headers and municipality names instead of the expected_rates file', async () => {
    const result = await runCli(
      [
        'benchmark',
        '--year',
        '2024',
        '--framework',
        FRAMEWORK,
        '--actual',
        ACTUAL,
        '--out',
        'rates.csv',
        '--excel',
      ],
      { cwd: root },
    );
    expect(result.code).toBe(0);
    const rows = await lines('rates.csv');
    expect(rows[0]).toBe(
      'Kommunekode;Kommune;År;Forventet antal fuldtidspersoner;Faktisk antal fuldtidspersoner;Forventet ydelsesgrad (%);Faktisk ydelsesgrad (%);Forskel (fuldtidspersoner);Forskel (pct.-point);Placering;Periode;Kilde',
    );
    expect(rows[1]).toMatch(
      /^101;København;2024;[\d,]+;[\d,]+;\d+,\d;\d+,\d;-?[\d,]+;-?\d+,\d\d;\d+;2024;model:benchmark-2024-/,
    );
  });
});

describe('the CSV for Excel of tilsyn risk --out', () => {
  it('lists Tables 1 and 2 with names, published counts and the border flag', async () => {
    const result = await runCli(
      [
        'risk',
        '--month',
        '2024-12',
        '--focus',
        FOCUS,
        '--rates',
        RATES,
        '--out',
        'risk.csv',
        '--excel',
      ],
      { cwd: root },
    );
    expect(result.code).toBe(0);
    expect(await lines('risk.csv')).toEqual([
      'Tabel;Fokusmål;Kommunekode;Kommune;Forventede antal ledige;Faktisk antal ledige;Forskel (fuldtidspersoner);Forskel (pct.-point);Gns. passivandel de seneste 12 mdr. (%);Grænse (%);På grænsen',
      expect.stringMatching(/^1;Samtaler;330;Slagelse;7580;7730;150;0,3\d\d;24,0;20;Nej$/),
      expect.stringMatching(/^1;Samtaler;183;Ishøj;8320;8320;0;0,004;22,0;20;Ja$/),
      expect.stringMatching(/^2;Tilbud mv\.;461;Odense;21310;21740;430;0,3\d\d;32,0;30;Nej$/),
      '',
    ]);
  });
});
