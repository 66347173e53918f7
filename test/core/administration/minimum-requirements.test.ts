import { describe, expect, it } from 'vitest';
import {
  MinimumRequirementCounts,
  judgeMinimumRequirement,
  minimumRequirementFulfilled,
  minimumRequirementRule,
} from '../../../src/core/administration/minimum-requirements.js';
import { assessYear } from '../../../src/core/assessment/annual-assessment.js';
import type { CaseState } from '../../../src/core/assessment/case-state.js';
import { ExpectedRates } from '../../../src/core/assessment/expected-rates.js';
import { yearMonth } from '../../../src/core/calendar/year-month.js';
import { MonthlyAggregates } from '../../../src/core/focus-measures/monthly-aggregates.js';
import { formatCitation } from '../../../src/core/rules/legal-source.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';
import { reasonText } from '../../../src/core/text/legal-text.js';
import { rateOf, yearOfShares } from '../../support/aggregates.js';

describe('the minimum requirements under administration (bek. nr. 301 § 12, stk. 1, nr. 1)', () => {
  it('are 70 % (offers) and 80 % (conversations) from 22 March 2023, 80 % and 80 % before (bek. nr. 1409 § 13)', () => {
    const at = (month: string) => ({
      offers: minimumRequirementRule(OFFICIAL_RULES, yearMonth(month), 'offers'),
      conversations: minimumRequirementRule(OFFICIAL_RULES, yearMonth(month), 'conversations'),
    });
    // March 2023 ends after 22 March: the month's last day decides.
    expect(at('2023-03').offers.value).toBe(70);
    expect(at('2023-02').offers.value).toBe(80);
    expect(at('2023-03').conversations.value).toBe(80);
    expect(formatCitation(at('2023-03').offers.source)).toBe(
      'bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1',
    );
    expect(formatCitation(at('2022-12').offers.source)).toBe(
      'bek. nr. 1409 af 16/12/2019 § 13, stk. 1, nr. 1',
    );
  });

  it('"til mindst 70 pct.": 70 of 100 fulfils it, 69 of 100 does not; 7 of 10 fulfils it exactly', () => {
    expect(minimumRequirementFulfilled({ target: 100, met: 70 }, 70)).toBe(true);
    expect(minimumRequirementFulfilled({ target: 100, met: 69 }, 70)).toBe(false);
    expect(minimumRequirementFulfilled({ target: 10, met: 7 }, 70)).toBe(true);
    // 4 of 5 is 80 % exactly: no rounding error can make it miss.
    expect(minimumRequirementFulfilled({ target: 5, met: 4 }, 80)).toBe(true);
  });

  it('an empty group fulfils it, with no share', () => {
    const figure = judgeMinimumRequirement(
      OFFICIAL_RULES,
      { municipality: 101, month: yearMonth('2024-12'), requirement: 'offers' },
      { target: 0, met: 0 },
    );
    expect(figure).toMatchObject({ share: undefined, required: 70, fulfilled: true });
  });

  it('judges a month with the share in force that month: 75 of 100 meets 70 % in 2024 but not 80 % in 2022', () => {
    const judge = (month: string) =>
      judgeMinimumRequirement(
        OFFICIAL_RULES,
        { municipality: 101, month: yearMonth(month), requirement: 'offers' },
        { target: 100, met: 75 },
      );
    expect(judge('2024-12')).toMatchObject({ share: 75, required: 70, fulfilled: true });
    expect(judge('2022-12')).toMatchObject({ share: 75, required: 80, fulfilled: false });
  });
});

describe('the annual assessment of a municipality under administration reports the December figures', () => {
  const administration: CaseState = {
    status: 'administration',
    selectedYear: 2021,
    baseline: { offers: 50, conversations: 40 },
  };
  const assess = (
    before: CaseState,
    counts: MinimumRequirementCounts | undefined,
    conversationsPermille = 300,
  ) => {
    const assessment = assessYear(
      OFFICIAL_RULES,
      2024,
      {
        municipalities: [101],
        aggregates: new MonthlyAggregates(
          yearOfShares(101, 2024, { offers: 200, conversations: conversationsPermille }),
        ),
        rates: new ExpectedRates([rateOf(101, 2024, 1)]),
        ...(counts === undefined ? {} : { minimumRequirements: counts }),
      },
      new Map([[101, before]]),
    );
    const [entry] = assessment.municipalities;
    if (entry === undefined) throw new Error('no municipality assessed');
    return entry;
  };
  const counts = new MinimumRequirementCounts([
    {
      municipality: 101,
      month: yearMonth('2024-12'),
      requirement: 'offers',
      target: 200,
      met: 139,
    },
    {
      municipality: 101,
      month: yearMonth('2024-12'),
      requirement: 'conversations',
      target: 200,
      met: 160,
    },
    // November is not what the assessment reports.
    { municipality: 101, month: yearMonth('2024-11'), requirement: 'offers', target: 200, met: 0 },
  ]);

  it('says whether each requirement was met: offers 139 of 200 (69,5 %) below 70 %, conversations 160 of 200 (80 %) met', () => {
    const entry = assess(administration, counts);
    expect(entry.decision.kind).toBe('administration_continues');
    const minimum = entry.decision.reasons.filter((reason) =>
      reason.code.startsWith('minimum_requirement'),
    );
    expect(minimum).toMatchObject([
      {
        code: 'minimum_requirement_not_met',
        requirement: 'offers',
        month: '2024-12',
        target: 200,
        met: 139,
        share: 69.5,
        required: 70,
      },
      {
        code: 'minimum_requirement_met',
        requirement: 'conversations',
        target: 200,
        met: 160,
        share: 80,
        required: 80,
      },
    ]);
    expect(minimum.map(reasonText)).toEqual([
      'Minimumskravet om mindst 1 beskæftigelsesrettet tilbud årligt i december 2024: 139 af 200 (69,5 %); kravet er mindst 70 % (bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1): ikke opfyldt.',
      'Minimumskravet om 4 samtaler årligt i december 2024: 160 af 200 (80,0 %); kravet er mindst 80 % (bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1): opfyldt.',
    ]);
  });

  it('reports them also when administration ends', () => {
    const entry = assess(administration, counts, 100);
    expect(entry.decision.kind).toBe('administration_ends');
    expect(entry.decision.reasons.map((reason) => reason.code)).toContain(
      'minimum_requirement_not_met',
    );
  });

  it('without figures the requirements are "ikke opgjort", never met', () => {
    const entry = assess(administration, undefined);
    const minimum = entry.decision.reasons.filter((reason) =>
      reason.code.startsWith('minimum_requirement'),
    );
    expect(minimum.map((reason) => reason.code)).toEqual([
      'minimum_requirement_not_measured',
      'minimum_requirement_not_measured',
    ]);
    const [offers] = minimum;
    if (offers === undefined) throw new Error('no reason for the offers requirement');
    expect(reasonText(offers)).toBe(
      'Minimumskravet om mindst 1 beskæftigelsesrettet tilbud årligt i december 2024 (mindst 70 %, bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1) er ikke opgjort: der er ingen tal for det i opgørelsens inddata.',
    );
  });

  it('a municipality not under administration gets no minimum-requirement reasons', () => {
    const entry = assess(
      { status: 'supervised', selectedYear: 2023, baseline: { offers: 30, conversations: 40 } },
      counts,
    );
    expect(entry.decision.reasons.some((reason) => reason.code.startsWith('minimum'))).toBe(false);
  });
});
