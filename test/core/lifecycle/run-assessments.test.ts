import { describe, expect, it } from 'vitest';
import { ExpectedRates } from '../../../src/core/assessment/expected-rates.js';
import { MonthlyAggregates } from '../../../src/core/focus-measures/monthly-aggregates.js';
import { isoDate } from '../../../src/core/calendar/iso-date.js';
import { runAssessments } from '../../../src/core/lifecycle/run-assessments.js';
import { monthsOf, rateOf, yearOfShares } from '../../support/aggregates.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';

/** Passive per 1000 for conversations and offers, year by year, 2021–2025. */
const PATHS: Record<number, { conversations: number[]; offers: number[]; result: number[] }> = {
  // selected 2021 → extended 2022 → administration 2023 → administration ends 2024 → out 2025
  101: {
    conversations: [300, 240, 220, 190, 150],
    offers: [100, 100, 100, 100, 100],
    result: [1, 1, 1, 1, 1],
  },
  // never selected: meets the result goal
  147: {
    conversations: [400, 400, 400, 400, 400],
    offers: [400, 400, 400, 400, 400],
    result: [-1, -1, -1, -1, -1],
  },
};

function inputs() {
  const rows = Object.entries(PATHS).flatMap(([code, path]) =>
    path.conversations.flatMap((conversations, index) =>
      yearOfShares(Number(code), 2021 + index, {
        conversations,
        offers: path.offers[index] ?? 0,
      }),
    ),
  );
  const rates = Object.entries(PATHS).flatMap(([code, path]) =>
    path.result.map((difference, index) => rateOf(Number(code), 2021 + index, difference)),
  );
  return {
    municipalities: [101, 147],
    aggregates: new MonthlyAggregates(rows),
    rates: new ExpectedRates(rates),
  };
}

describe('the life of a case over the assessments 2021–2025', () => {
  const history = runAssessments(OFFICIAL_RULES, 2021, 2025, inputs());
  const of = (code: number) =>
    history.years.map((year) => {
      const entry = year.municipalities.find((candidate) => candidate.municipality === code);
      if (!entry) throw new Error(`no ${code} in ${year.year}`);
      return entry;
    });

  it('carries the status from one assessment to the next', () => {
    expect(of(101).map((entry) => `${entry.before.status} → ${entry.decision.kind}`)).toEqual([
      'none → selected',
      'supervised → extended',
      'extended → administration',
      'administration → administration_ends',
      'none → stays_out',
    ]);
    expect(of(147).every((entry) => entry.decision.kind === 'stays_out')).toBe(true);
  });

  it('carries the baseline stored at selection into the extension test', () => {
    const [, extension] = of(101);
    expect(extension?.before.baseline.conversations).toBeCloseTo(30, 12);
    expect(extension?.improvements[0]).toMatchObject({ goal: 'conversations', sufficient: true });
    expect(extension?.improvements[0]?.reached).toBeCloseTo(6, 12);
    expect(extension?.improvements[0]?.needed).toBeCloseTo(5, 12);
  });

  it('gives each decision its deadlines: selection 2021 → account by 31 July 2022', () => {
    const [selection, extension, administration] = of(101);
    expect(selection?.deadlines.map((deadline) => [deadline.kind, deadline.date])).toContainEqual([
      'account',
      '2022-07-31',
    ]);
    expect(extension?.deadlines.map((deadline) => [deadline.kind, deadline.date])).toContainEqual([
      'extension_end',
      '2023-12-31',
    ]);
    expect(
      administration?.deadlines.map((deadline) => [deadline.kind, deadline.date]),
    ).toContainEqual(['minimum_requirements_from', '2024-05-01']);
  });

  it('states the publication date and notice deadline of each year', () => {
    expect(
      history.years.map((year) => [year.year, year.publicationDate, year.noticeDeadline]),
    ).toEqual([
      [2021, '2022-04-01', '2022-04-30'],
      [2022, '2023-04-01', '2023-04-30'],
      [2023, '2024-04-01', '2024-04-30'],
      [2024, '2025-04-01', '2025-04-30'],
      [2025, '2026-04-01', '2026-04-30'],
    ]);
  });

  it('leaves every municipality out of supervision at the end', () => {
    expect([...history.finalStates.values()].map((state) => state.status)).toEqual([
      'none',
      'none',
    ]);
  });

  it('starts from the given statuses and runs deadlines from actual notice dates', () => {
    const started = runAssessments(
      OFFICIAL_RULES,
      2023,
      2023,
      {
        ...inputs(),
        noticeDate: (year, code) => (code === 101 ? isoDate(`${year + 1}-04-10`) : undefined),
      },
      new Map([
        [
          101,
          { status: 'extended', selectedYear: 2021, baseline: { offers: 10, conversations: 30 } },
        ],
      ]),
    );
    const [entry] = started.years[0]?.municipalities ?? [];
    expect(entry?.decision.kind).toBe('administration');
    expect(entry?.noticeDate).toBe('2024-04-10');
    expect(entry?.deadlines.map((deadline) => [deadline.kind, deadline.date])).toEqual([
      ['notice', '2024-04-10'],
      ['minimum_requirements_from', '2024-05-01'],
      ['passive_case_review', '2024-07-10'],
    ]);
  });
});

describe('a year that requires judgement', () => {
  // Selected 2021 on conversations; in 2022 nobody is in the target group (conversations not
  // measured; offers cannot ground a decision in 2022); in 2023 both goals are met.
  const rows = [
    ...yearOfShares(101, 2021, { conversations: 300, offers: 100 }),
    ...monthsOf(101, 'offers', '2022-01', '2022-12', () => ({ target: 0, passive: 0 })),
    ...monthsOf(101, 'conversations', '2022-01', '2022-12', () => ({ target: 0, passive: 0 })),
    ...yearOfShares(101, 2023, { conversations: 150, offers: 100 }),
  ];
  const history = runAssessments(OFFICIAL_RULES, 2021, 2023, {
    municipalities: [101],
    aggregates: new MonthlyAggregates(rows),
    rates: new ExpectedRates([2021, 2022, 2023].map((year) => rateOf(101, year, 1))),
  });
  const entries = history.years.map((year) => {
    const [entry] = year.municipalities;
    if (!entry) throw new Error(`no municipality in ${year.year}`);
    return entry;
  });

  it('keeps the status and the baseline until a person decides, with no deadlines; the next assessment starts from them', () => {
    expect(entries.map((entry) => `${entry.before.status} → ${entry.decision.kind}`)).toEqual([
      'none → selected',
      'supervised → requires_judgement',
      'supervised → supervision_ends',
    ]);
    const [, judged] = entries;
    expect(judged?.after).toEqual(judged?.before);
    expect(judged?.after.baseline.conversations).toBeCloseTo(30, 12);
    expect(judged?.deadlines).toEqual([]);
  });
});
