/**
 * The named scenario municipalities of the example aggregates
 * (examples/aggregates/): their focus measures and result-goal differences
 * year by year, and the decisions the law gives for them. The generator
 * (make-example-aggregates.ts) writes the files and the README from this
 * list; the CLI test runs the whole example and checks every decision.
 *
 * The figures are invented: they do not describe the real municipalities.
 */
import type { BenefitType } from '../src/core/domain/benefit-type.js';
import type { DecisionKind } from '../src/core/domain/supervision.js';

/** Passive per 1000 in the target group, every month of the year. */
export interface ScenarioYear {
  readonly offers: number;
  readonly conversations: number;
  /** Actual minus expected full-time persons, in percent of the expected count. */
  readonly resultPercent?: number;
  /** Actual minus expected full-time persons, as a count (overrides resultPercent). */
  readonly resultPersons?: number;
}

export interface Scenario {
  readonly code: number;
  readonly title: string;
  readonly story: string;
  /** 2019 … 2025. */
  readonly years: Readonly<Record<number, ScenarioYear>>;
  /** The decision of each assessment year 2020 … 2025. */
  readonly decisions: Readonly<Record<number, DecisionKind>>;
}

export const EXAMPLE_FIRST_YEAR = 2019;
export const EXAMPLE_LAST_YEAR = 2025;

const steady = (offers: number, conversations: number, resultPercent: number): ScenarioYear => ({
  offers,
  conversations,
  resultPercent,
});

/**
 * Lolland's conversations goal is given per benefit type (scope column), so
 * that the 2019 § 8 case sample can find the types that missed it. Per-type
 * share of the target group (per 1000) and the passive share per type in
 * 2021 (per 1000); other years scale the passive shares.
 */
export const PER_TYPE_MUNICIPALITY = 360;
export const PER_TYPE_WEIGHTS: Readonly<Record<BenefitType, number>> = {
  dagpenge: 200,
  sygedagpenge: 150,
  jobafklaring: 50,
  selvforsoergelse: 50,
  uddannelseshjaelp: 100,
  kontanthjaelp: 250,
  revalidering: 30,
  ressourceforloeb: 120,
  ledighedsydelse: 50,
};
export const PER_TYPE_CONVERSATIONS_2021: Readonly<Record<BenefitType, number>> = {
  dagpenge: 300,
  sygedagpenge: 150,
  jobafklaring: 150,
  selvforsoergelse: 300,
  uddannelseshjaelp: 350,
  kontanthjaelp: 380,
  revalidering: 100,
  ressourceforloeb: 190,
  ledighedsydelse: 150,
};
/** Factor on the 2021 per-type conversations shares, by year. */
export const PER_TYPE_FACTOR: Readonly<Record<number, number>> = {
  2019: 0.55,
  2020: 0.6,
  2021: 1,
  2022: 0.6,
  2023: 0.55,
  2024: 0.55,
  2025: 0.55,
};

export const SCENARIOS: readonly Scenario[] = [
  {
    code: 360,
    title: 'Selected 2021, supervision ends 2022 (with the 2019 sample review)',
    story:
      'Misses the result goal and the conversations goal in 2021 (27.0 %) and is selected in April 2022 under bek. nr. 564 (the 2019 numbering, with the sample review of § 8). Conversations below 20 % in 2022: supervision ends (2019 § 11). Its conversations goal is also given per benefit type, and examples/case-sample/ holds its target group at 31 December 2021 for the sample.',
    years: {
      2019: steady(180, 0, 2),
      2020: steady(180, 0, 2),
      2021: steady(180, 0, 3),
      2022: steady(180, 0, 3),
      2023: steady(220, 0, 2),
      2024: steady(220, 0, 2),
      2025: steady(220, 0, 2),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'selected',
      2022: 'supervision_ends',
      2023: 'stays_out',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 376,
    title: 'Selected 2021, extended 2022, supervision ends 2023',
    story:
      'Conversations 30 % in 2021: selected. 24 % in 2022: required improvement 10 points, reached 6 ≥ 5: the recovery period is extended to 31 December 2023 (bek. nr. 301 § 11). 18 % in 2023: supervision ends under the extension paragraph (§ 11, 2nd sentence).',
    years: {
      2019: steady(150, 180, 2),
      2020: steady(150, 190, 2),
      2021: steady(150, 300, 2),
      2022: steady(150, 240, 2),
      2023: steady(220, 180, 2),
      2024: steady(150, 150, 2),
      2025: steady(150, 150, 2),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'selected',
      2022: 'extended',
      2023: 'supervision_ends',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 430,
    title: 'Selected 2021, extended 2022, administration 2023, administration ends 2024',
    story:
      'Conversations 32 % in 2021: selected. 25 % in 2022: reached 7 of 12 points (≥ 6): extended. 23 % in 2023 after the extension: administration (§ 12), minimum requirements from 1 May 2024 and a review of all passive cases. 19 % and offers 25 % (< 30 %) in 2024: administration ends (§ 13).',
    years: {
      2019: steady(150, 180, 1.5),
      2020: steady(150, 190, 1.5),
      2021: steady(150, 320, 1.5),
      2022: steady(150, 250, 1.5),
      2023: steady(150, 230, 1.5),
      2024: steady(250, 190, 1.5),
      2025: steady(200, 170, 1.5),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'selected',
      2022: 'extended',
      2023: 'administration',
      2024: 'administration_ends',
      2025: 'stays_out',
    },
  },
  {
    code: 330,
    title: 'Selected 2022, administration 2023 (less than half), continues 2024, ends 2025',
    story:
      'Conversations 28 % in 2022: selected under bek. nr. 301 (no sample review). 26 % in 2023: reached 2 of the 4 points an extension needs: administration. 24 % in 2024: administration continues with a new review of all passive cases. 18 % and offers 25 % in 2025: administration ends.',
    years: {
      2019: steady(150, 170, 2),
      2020: steady(150, 180, 2),
      2021: steady(150, 190, 2),
      2022: steady(150, 280, 2),
      2023: steady(150, 260, 2),
      2024: steady(150, 240, 2),
      2025: steady(250, 180, 2),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'stays_out',
      2022: 'selected',
      2023: 'administration',
      2024: 'administration_continues',
      2025: 'administration_ends',
    },
  },
  {
    code: 461,
    title:
      'Misses only the offers goal: not selected 2021–2022, selected 2023, extended 2024, ends 2025',
    story:
      'Offers 26 % in 2021 and 34 % in 2022 (conversations 15 %) and the result goal missed, but the offers goal cannot ground a decision before the assessment of 2023 (COVID-19, bek. nr. 564). Offers 36 % in 2023: selected. 32 % in 2024: required improvement 6 points, reached 4 ≥ 3: extended. 28 % in 2025: supervision ends.',
    years: {
      2019: steady(180, 150, 2),
      2020: steady(200, 150, 2),
      2021: steady(260, 150, 2),
      2022: steady(340, 150, 2),
      2023: steady(360, 150, 2),
      2024: steady(320, 150, 2),
      2025: steady(280, 150, 2),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'selected',
      2024: 'extended',
      2025: 'supervision_ends',
    },
  },
  {
    code: 183,
    title: 'On the border: 3 full-time persons above expected; selected 2024, ends 2025',
    story:
      'Every year the actual benefit rate is 3 full-time persons above the expected: the difference rounds to 0 (tens), but the result goal is missed (unrounded comparison). Conversations 22 % in 2024: selected. The risk view of 2024-12 names it "på grænsen".',
    years: {
      2019: { offers: 150, conversations: 150, resultPersons: 3 },
      2020: { offers: 150, conversations: 150, resultPersons: 3 },
      2021: { offers: 150, conversations: 150, resultPersons: 3 },
      2022: { offers: 150, conversations: 150, resultPersons: 3 },
      2023: { offers: 150, conversations: 150, resultPersons: 3 },
      2024: { offers: 150, conversations: 220, resultPersons: 3 },
      2025: { offers: 150, conversations: 160, resultPersons: 3 },
    },
    decisions: {
      2020: 'stays_out',
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'stays_out',
      2024: 'selected',
      2025: 'supervision_ends',
    },
  },
  {
    code: 165,
    title: 'Would be selected on 2020, but the assessment of 2020 selects nobody (COVID-19)',
    story:
      'Conversations 30 % and offers 25 % in 2020 and the result goal missed: no selection on the assessment of 2020 (bek. nr. 564). Conversations 15 % in 2021: not selected.',
    years: {
      2019: steady(150, 250, 2),
      2020: steady(250, 300, 2),
      2021: steady(150, 150, 2),
      2022: steady(150, 150, 2),
      2023: steady(150, 150, 2),
      2024: steady(150, 150, 2),
      2025: steady(150, 150, 2),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'stays_out',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 153,
    title:
      'Conversations exactly 20.0 % in 2021: the goal is missed ("mindre end"), selected; ends 2022',
    story:
      'A passive share exactly at the threshold does not meet the focus goal, which requires "mindre end 20 pct.". Selected 2021; conversations 16 % in 2022: supervision ends.',
    years: {
      2019: steady(150, 150, 1),
      2020: steady(150, 150, 1),
      2021: steady(150, 200, 1),
      2022: steady(150, 160, 1),
      2023: steady(150, 150, 1),
      2024: steady(150, 150, 1),
      2025: steady(150, 150, 1),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'selected',
      2022: 'supervision_ends',
      2023: 'stays_out',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 751,
    title: 'Actual benefit rate equal to the expected: the result goal is met, no selection',
    story:
      'Conversations 25 % in 2023, but the actual benefit rate is exactly the expected (difference 0): the result goal ("ikke må overstige") is met and the municipality is not selected.',
    years: {
      2019: steady(150, 150, 0),
      2020: steady(150, 150, 0),
      2021: steady(150, 150, 0),
      2022: steady(150, 150, 0),
      2023: steady(150, 250, 0),
      2024: steady(150, 150, 0),
      2025: steady(150, 150, 0),
    },
    decisions: {
      2020: 'stays_out',
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'stays_out',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
];
