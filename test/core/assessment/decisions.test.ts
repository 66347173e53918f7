import { describe, expect, it } from 'vitest';
import { assessYear } from '../../../src/core/assessment/annual-assessment.js';
import { ExpectedRates } from '../../../src/core/assessment/expected-rates.js';
import type { CaseState } from '../../../src/core/assessment/case-state.js';
import { MonthlyAggregates } from '../../../src/core/focus-measures/monthly-aggregates.js';
import { formatCitation, formatParagraph } from '../../../src/core/rules/legal-source.js';
import { DECISION_CASES, type DecisionCase } from './decision-cases.js';
import { monthsOf, rateOf } from '../../support/aggregates.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';

function assessCase(test: DecisionCase) {
  const goalRows = (goal: 'offers' | 'conversations', permille: number | null) =>
    monthsOf(101, goal, `${test.year}-01`, `${test.year}-12`, () =>
      permille === null ? { target: 0, passive: 0 } : { target: 1000, passive: permille },
    );
  const before: CaseState = {
    status: test.before,
    selectedYear: test.before === 'none' ? undefined : test.year - 1,
    baseline: {
      offers: test.baseline?.offers,
      conversations: test.baseline?.conversations,
    },
  };
  const assessment = assessYear(
    OFFICIAL_RULES,
    test.year,
    {
      municipalities: [101],
      aggregates: new MonthlyAggregates([
        ...goalRows('offers', test.offers),
        ...goalRows('conversations', test.conversations),
      ]),
      rates: new ExpectedRates([rateOf(101, test.year, test.resultDifference)]),
    },
    new Map([[101, before]]),
  );
  const [municipality] = assessment.municipalities;
  if (!municipality) throw new Error('no municipality assessed');
  return municipality;
}

describe('the decision of the annual assessment', () => {
  it.each(DECISION_CASES.map((test) => [test.name, test] as const))('%s', (_name, test) => {
    const { decision } = assessCase(test);
    expect(decision.kind).toBe(test.decision);
    const basis = decision.legalBasis;
    expect(
      basis.kind === 'citation'
        ? `${basis.instrument.id} ${formatParagraph(basis)}`
        : formatParagraph(basis),
    ).toBe(test.basis);
    const codes = decision.reasons.map((reason) => reason.code);
    for (const reason of test.reasons ?? []) expect(codes).toContain(reason);
  });

  it('stores both December focus measures and the year as the baseline on selection', () => {
    const assessed = assessCase({
      name: 'selection',
      year: 2021,
      before: 'none',
      offers: 234,
      conversations: 251,
      resultDifference: 1,
      decision: 'selected',
      basis: '',
    });
    expect(assessed.after.status).toBe('supervised');
    expect(assessed.after.selectedYear).toBe(2021);
    expect(assessed.after.baseline).toEqual({
      offers: assessed.focusGoals.offers.measure,
      conversations: assessed.focusGoals.conversations.measure,
    });
    expect(assessed.after.baseline.offers).toBeCloseTo(23.4, 12);
    expect(assessed.after.baseline.conversations).toBeCloseTo(25.1, 12);
  });

  it('gives the figures of the extension test: required, reached and needed improvement', () => {
    const assessed = assessCase({
      name: 'extension',
      year: 2023,
      before: 'supervised',
      baseline: { offers: 50, conversations: 10 },
      offers: 400,
      conversations: 100,
      resultDifference: 0,
      decision: 'extended',
      basis: '',
    });
    expect(assessed.improvements).toEqual([
      {
        goal: 'offers',
        baseline: 50,
        current: 40,
        threshold: 30,
        required: 20,
        reached: 10,
        needed: 10,
        sufficient: true,
      },
    ]);
    expect(assessed.after).toMatchObject({ status: 'extended', baseline: { offers: 50 } });
  });

  it('ending supervision clears the case: status none, no baseline', () => {
    const assessed = assessCase({
      name: 'end',
      year: 2023,
      before: 'supervised',
      baseline: { conversations: 30 },
      offers: 100,
      conversations: 150,
      resultDifference: 2,
      decision: 'supervision_ends',
      basis: '',
    });
    expect(assessed.after).toEqual({
      status: 'none',
      selectedYear: undefined,
      baseline: { offers: undefined, conversations: undefined },
    });
  });

  it('names the transitional rule when a year cannot select', () => {
    const assessed = assessCase({
      name: '2020',
      year: 2020,
      before: 'none',
      offers: 500,
      conversations: 500,
      resultDifference: 5,
      decision: 'stays_out',
      basis: '',
    });
    expect(assessed.decision.reasons[0]).toMatchObject({
      code: 'no_selection_this_year',
      year: 2020,
      firstYear: 2021,
      source: { instrument: { id: 'bek-564-2021' } },
    });
  });
});

describe('deciding without data: "kræver vurdering" (issue 9 § 4)', () => {
  it('names the goals not measured, the missing baselines and the possible decisions, and leaves the status as it was', () => {
    const before: CaseState = {
      status: 'supervised',
      selectedYear: 2022,
      baseline: { offers: 40, conversations: 30 },
    };
    const assessed = assessCase({
      name: 'not measured',
      year: 2023,
      before: 'supervised',
      baseline: { offers: 40, conversations: 30 },
      offers: 100,
      conversations: null,
      resultDifference: 2,
      decision: 'requires_judgement',
      basis: '',
    });
    expect(assessed.decision.kind).toBe('requires_judgement');
    expect(assessed.decision.reasons.at(-1)).toEqual({
      code: 'requires_judgement',
      notMeasured: ['conversations'],
      baselineMissing: [],
      possible: ['supervision_ends', 'extended', 'administration'],
    });
    expect(assessed.after).toEqual({ ...before, selectedYear: 2022 });
    expect(assessed.decision.legalBasis).toMatchObject({
      kind: 'fortolkning',
      label: 'ingen hjemmel til en automatisk afgørelse uden tal; en person afgør',
    });
  });

  it('a missing baseline: the improvement is not computed and the decision is left open between extension and administration', () => {
    const assessed = assessCase({
      name: 'baseline',
      year: 2023,
      before: 'supervised',
      baseline: { conversations: 40 },
      offers: 350,
      conversations: 150,
      resultDifference: 2,
      decision: 'requires_judgement',
      basis: '',
    });
    expect(assessed.improvements).toMatchObject([
      { goal: 'offers', baseline: undefined, sufficient: false },
    ]);
    expect(assessed.decision.reasons.at(-1)).toEqual({
      code: 'requires_judgement',
      notMeasured: [],
      baselineMissing: ['offers'],
      possible: ['extended', 'administration'],
    });
    expect(assessed.after.status).toBe('supervised');
  });
});

describe('administration before the review of all passive cases is first due (seed 000, guidance to § 12)', () => {
  const administration = (year: number) =>
    assessCase({
      name: 'administration',
      year,
      before: 'supervised',
      baseline: { offers: 50, conversations: 30 },
      offers: 100,
      conversations: 300,
      resultDifference: 2,
      decision: 'administration',
      basis: '',
    });

  it('an administration decided at the assessment of 2022 (April 2023, bek. nr. 301) carries the guidance sentence as a note', () => {
    const { decision } = administration(2022);
    expect(decision.kind).toBe('administration');
    expect(decision.notes).toHaveLength(1);
    const [note] = decision.notes;
    expect(note?.code).toBe('passive_case_review_not_yet_current');
    expect(note?.firstAssessmentYear).toBe(2023);
    expect(note?.text).toBe(
      'Retningslinjerne og supplerende materiale til brug for sagsgennemgangen vil foreligge, før der for første gang skal foretages gennemgang af alle passivsager. Dette vil tidligst være aktuelt i forlængelse af den årlige opgørelse i april 2024.',
    );
    expect(note && formatCitation(note.source)).toBe(
      'bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 2',
    );
  });

  it('from the assessment of 2023 (April 2024) there is no note', () => {
    expect(administration(2023).decision.notes).toEqual([]);
  });

  it('other decisions never carry it', () => {
    const selected = assessCase({
      name: 'selected',
      year: 2022,
      before: 'none',
      offers: 100,
      conversations: 300,
      resultDifference: 2,
      decision: 'selected',
      basis: '',
    });
    expect(selected.decision.notes).toEqual([]);
  });
});
