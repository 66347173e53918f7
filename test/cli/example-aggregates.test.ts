import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scripts/example-scenarios.js';
import { runCli } from '../support/run-cli.js';

const FILES = [
  '--focus',
  'examples/aggregates/focus_measures.csv',
  '--rates',
  'examples/aggregates/expected_rates.csv',
];

interface Entry {
  code: number;
  decision: { kind: string; legalBasis: { citation: string }; reasons: { code: string }[] };
  resultGoal: { met: boolean; differencePoints: number; differencePersons: number };
  deadlines: { kind: string; date: string }[];
}
interface Document {
  years: { year: number; ruleVersion: string; municipalities: Entry[] }[];
}

async function assessExample(from: number, to: number): Promise<Document> {
  const result = await runCli([
    'assess',
    '--from',
    String(from),
    '--to',
    String(to),
    ...FILES,
    '--json',
  ]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Document;
}

function entryOf(document: Document, year: number, code: number): Entry {
  const entry = document.years
    .find((candidate) => candidate.year === year)
    ?.municipalities.find((candidate) => candidate.code === code);
  if (!entry) throw new Error(`no ${code} in ${year}`);
  return entry;
}

describe('the example aggregates, assessed 2020–2025', async () => {
  const document = await assessExample(2020, 2025);

  it.each(SCENARIOS.map((scenario) => [scenario.code, scenario.title, scenario] as const))(
    'municipality %i: %s',
    (code, _title, scenario) => {
      const decisions = Object.fromEntries(
        Object.keys(scenario.decisions).map((year) => [
          year,
          entryOf(document, Number(year), code).decision.kind,
        ]),
      );
      expect(decisions).toEqual(scenario.decisions);
    },
  );

  it('every other municipality stays out every year', () => {
    const scenarioCodes = new Set(SCENARIOS.map((scenario) => scenario.code));
    for (const year of document.years) {
      expect(year.municipalities).toHaveLength(98);
      for (const entry of year.municipalities)
        if (!scenarioCodes.has(entry.code)) expect(entry.decision.kind).toBe('stays_out');
    }
  });

  it('covers every path of the life of a case', () => {
    const paths = SCENARIOS.map((scenario) =>
      Object.values(scenario.decisions)
        .filter((kind) => kind !== 'stays_out')
        .join(' → '),
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        'selected → supervision_ends',
        'selected → extended → supervision_ends',
        'selected → extended → administration → administration_ends',
        'selected → administration → administration_continues → administration_ends',
      ]),
    );
  });

  it('cites the § of each version: 2019 numbering for 2021, 2023 numbering from 2022', () => {
    expect(entryOf(document, 2021, 360).decision.legalBasis.citation).toBe(
      'bek. nr. 1409 af 16/12/2019 § 6, stk. 1',
    );
    expect(entryOf(document, 2022, 360).decision.legalBasis.citation).toBe(
      'bek. nr. 301 af 20/03/2023 § 10',
    );
    expect(entryOf(document, 2023, 376).decision.legalBasis.citation).toBe(
      'bek. nr. 301 af 20/03/2023 § 11',
    );
    expect(document.years.map((year) => [year.year, year.ruleVersion])).toEqual([
      [2020, 'v2021'],
      [2021, 'v2021'],
      [2022, 'v2023'],
      [2023, 'v2023'],
      [2024, 'v2023'],
      [2025, 'v2023'],
    ]);
  });

  it('a selection under the 2019 rules asks for the sample review with the account; under 2023 it does not', () => {
    expect(
      entryOf(document, 2021, 360).deadlines.map((deadline) => [deadline.kind, deadline.date]),
    ).toContainEqual(['sample_review', '2022-07-31']);
    expect(entryOf(document, 2022, 330).deadlines.map((deadline) => deadline.kind)).not.toContain(
      'sample_review',
    );
  });

  it('explains why missing only the offers goal did not select in 2021 and 2022', () => {
    for (const year of [2021, 2022]) {
      const entry = entryOf(document, year, 461);
      expect(entry.resultGoal.met).toBe(false);
      expect(entry.decision.reasons.map((reason) => reason.code)).toContain(
        'focus_goal_cannot_ground',
      );
    }
  });

  it('the municipality on the border misses the result goal by 3 full-time persons and is selected', () => {
    const entry = entryOf(document, 2024, 183);
    expect(entry.resultGoal.differencePersons).toBe(3);
    expect(entry.resultGoal.differencePoints).toBeGreaterThan(0);
    expect(entry.resultGoal.met).toBe(false);
  });

  it('an actual rate exactly at the expected rate meets the result goal', () => {
    const entry = entryOf(document, 2023, 751);
    expect(entry.resultGoal.differencePoints).toBe(0);
    expect(entry.resultGoal.met).toBe(true);
    expect(entry.decision.reasons.map((reason) => reason.code)).toContain('focus_goal_missed');
  });

  it('starting in 2021 gives the same decisions as starting in 2020 (nobody selected on 2020)', async () => {
    const from2021 = await assessExample(2021, 2025);
    expect(
      from2021.years.map((year) => year.municipalities.map((entry) => entry.decision.kind)),
    ).toEqual(
      document.years
        .slice(1)
        .map((year) => year.municipalities.map((entry) => entry.decision.kind)),
    );
  });
});

describe('the README main job (npm start)', () => {
  it('prints the readable Danish report of 2021–2025 with the life of the cases', async () => {
    const result = await runCli(['assess', '--from', '2021', '--to', '2025', ...FILES]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Årlig opgørelse 2021 — regler v2021 (bek. nr. 564 af 30/03/2021; §§ efter bek. nr. 1409 af 16/12/2019)',
    );
    expect(result.stdout).toContain('Sagsforløb 2021–2025');
    expect(result.stdout).toMatch(
      /Faaborg-Midtfyn \(430\)\s+udvalgt\s+forlænget\s+administration\s+adm\. ophører\s+–/,
    );
  });
});
