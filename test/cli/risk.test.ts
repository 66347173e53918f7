import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const FOCUS = 'examples/aggregates/focus_measures.csv';
const RATES = 'examples/aggregates/expected_rates.csv';

interface RiskDocument {
  schema: string;
  ruleVersion: string;
  ratesYear: number;
  tables: {
    goal: string;
    threshold: number;
    canGround: boolean;
    rows: { code: number; onTheBorder: boolean; differencePersons: number }[];
  }[];
  municipalities: unknown[];
}

async function riskJson(month: string): Promise<RiskDocument> {
  const result = await runCli([
    'risk',
    '--month',
    month,
    '--focus',
    FOCUS,
    '--rates',
    RATES,
    '--json',
  ]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as RiskDocument;
}

describe('tilsyn risk', () => {
  it('shows Table 1 (conversations) and Table 2 (offers) sorted by passive share, with the border note', async () => {
    const result = await runCli(['risk', '--month', '2024-12', '--focus', FOCUS, '--rates', RATES]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /Tabel 1\. Kommuner, der ikke opfylder fokusmålet om samtaler .*\n.*Kommune\s+Forventede antal\s+Faktisk antal\s+Forskel \(antal\)\s+Forskel \(pct\.-point\)\s+Gns\. passivandel de seneste 12 mdr\. \(%\)\n.*\n\s+Slagelse \(330\).*\n\s+Ishøj \(183\)\s+[\d.]+\s+[\d.]+\s+0\s+\+0,004\s+22,0\n/,
    );
    expect(result.stdout).toContain(
      '  Anm.: Ishøj (183) er "på grænsen": forskellen afrundes til 0 fuldtidspersoner, men den faktiske ydelsesgrad er over den forventede, så resultatmålet er ikke opfyldt.',
    );
    expect(result.stdout).toMatch(/Tabel 2\. .*tilbud mv\. .*\n.*\n.*\n\s+Odense \(461\)/);
  });

  it('gives the same tables as JSON, using the rates of the month’s own year in December', async () => {
    const document = await riskJson('2024-12');
    expect(document.schema).toBe('tilsyn.risk/1');
    expect(document.ratesYear).toBe(2024);
    expect(document.municipalities).toHaveLength(98);
    expect(
      document.tables.map((table) => [
        table.goal,
        table.threshold,
        table.canGround,
        table.rows.map((row) => [row.code, row.onTheBorder]),
      ]),
    ).toEqual([
      [
        'conversations',
        20,
        true,
        [
          [330, false],
          [183, true],
        ],
      ],
      ['offers', 30, true, [[461, false]]],
    ]);
  });

  it('uses the rates of the year before in other months', async () => {
    expect((await riskJson('2024-11')).ratesYear).toBe(2023);
  });

  it('in mid-2022 the offers goal is judged by the 2022 assessment’s rules but cannot ground a decision', async () => {
    const document = await riskJson('2022-06');
    // The 2022 assessment is published on 1 April 2023, under bek. nr. 301.
    expect(document.ruleVersion).toBe('v2023');
    expect(document.tables.map((table) => [table.goal, table.threshold, table.canGround])).toEqual([
      ['conversations', 20, true],
      ['offers', 30, false],
    ]);
    const result = await runCli(['risk', '--month', '2022-06', '--focus', FOCUS, '--rates', RATES]);
    expect(result.stdout).toContain(
      'Anm.: Fokusmålet om tilbud mv. kan ikke begrunde en afgørelse ved opgørelsen af 2022 (først fra 2023)',
    );
  });

  it('judges February 2023 at the 30 % offers threshold of the 2023 assessment, like March 2023, and 2021 at 20 %', async () => {
    const february = await riskJson('2023-02');
    const march = await riskJson('2023-03');
    const june2021 = await riskJson('2021-06');
    expect([february.ruleVersion, february.tables[1]?.threshold]).toEqual(['v2023', 30]);
    expect([march.ruleVersion, march.tables[1]?.threshold]).toEqual(['v2023', 30]);
    expect([june2021.ruleVersion, june2021.tables[1]?.threshold]).toEqual(['v2021', 20]);
  });

  it('refuses a month whose rates or months are not in the files', async () => {
    const result = await runCli(['risk', '--month', '2019-06', '--focus', FOCUS, '--rates', RATES]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${RATES}: har ingen forventede ydelsesgrader for 2018 eller et tidligere år`,
    );
    expect(result.stderr).toContain(
      `${FOCUS}: mangler månederne 2018-07 – 2018-12 for København (101), mål "offers", scope "all" (de indgår i fokusmålingen for 2019-06)`,
    );
  });

  it('a malformed month is bad usage', async () => {
    const result = await runCli(['risk', '--month', '2024-13', '--focus', FOCUS, '--rates', RATES]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'Fejl: --month skal være en måned på formen ÅÅÅÅ-MM, ikke "2024-13"\nSe "tilsyn risk --help".\n',
    );
  });
});
