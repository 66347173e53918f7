/**
 * Effort and scenarios: how hard each municipality works for its long-term
 * recipients, year by year, and which decisions the annual assessments of
 * 2021–2025 should therefore reach on the synthetic data.
 *
 * A municipality's effort is the passive share it runs at — the share of its
 * target group (spells of at least 365 countable days) that is passive for
 * conversations (fewer than 4 counted conversations in the window) and for
 * offers (no counted offer in the window and too few hours of ordinary
 * work). The generator steers each municipality's monthly shares to these
 * values (effort-controller.ts), so the 12-month averages of the annual
 * assessments come out as designed. Together with the designed benefit-rate
 * residual (above or below what the framework conditions predict) this
 * fixes the decisions.
 *
 * The named scenario municipalities are mid-sized and keep at least 3
 * points between every designed share and the threshold or extension limit
 * it must clear, so that noise does not flip a decision at scale ≥ 0.1. At
 * scale 0.01 their target groups hold a few dozen persons and the shares are
 * noisy: decisions may differ there.
 *
 * Thresholds (regime.md § 1): conversations < 20 %; offers < 20 % (v2019,
 * v2021) and < 30 % (v2023, from the assessment of 2022); offers ground
 * decisions only from the assessment of 2023; extension when the reached
 * improvement b − c is at least half of the required b − t.
 */
import type { MunicipalityCode } from '../core/domain/municipality.js';
import type { DecisionKind } from '../core/domain/supervision.js';
import { SeededRandom } from '../core/random/seeded-random.js';
import { DESIGN_SEED } from './design-seed.js';
import { uniform } from './distributions.js';
import { MUNICIPALITY_FIGURES, figuresOf } from './municipality-figures.js';

/** A value per calendar year; years outside the table take the nearest year's value. */
export type YearlyValues = Readonly<Record<number, number>>;

export interface EffortDesign {
  readonly code: MunicipalityCode;
  /** Short name of the scenario (A, B, …) or "free" for the other municipalities. */
  readonly scenario: string;
  readonly story: string;
  /**
   * Benefit-rate residual in percentage points: how far the municipality's
   * actual rate lies above (+) or below (−) what its framework conditions
   * predict. `undefined` for free municipalities (drawn, see benefit-rate-model.ts).
   */
  readonly residual?: number;
  /** Passive share for conversations the municipality runs at, % of its target group, per year. */
  readonly conversations: YearlyValues;
  /** Passive share for offers the municipality runs at, %, per year, as it counts them itself. */
  readonly offers: YearlyValues;
  /**
   * The offers focus measure expected under the rules in force, where it
   * differs from the level the municipality steers by (it counts by the old
   * rules); approximate, from the check of a generated data set.
   */
  readonly measuredOffers?: YearlyValues;
  /**
   * The first year in which the municipality follows the 2023 counting rules
   * in its own steering (first conversation in person, § 91 offers only for
   * uddannelseshjælp and selvforsørgelse). Before it, it steers by the old
   * rules and its true passive shares under the new rules drift up.
   */
  readonly followsNewRulesFrom: number;
  /** Share of first job conversations held by phone or digitally after 22 March 2023. */
  readonly phoneFirstShare: number;
  /** Share of offers to kontanthjælp-type recipients that are § 91 øvrig vejledning og opkvalificering. */
  readonly section91Reliance: number;
  /** The decisions the assessments of these years should reach (designed scenarios only). */
  readonly expectedDecisions?: Readonly<Record<number, DecisionKind>>;
}

const NEW_RULES_YEAR = 2023;

/** The designed scenarios. Codes are official municipality codes. */
export const SCENARIOS: readonly EffortDesign[] = [
  {
    code: 330,
    scenario: 'A',
    story:
      'Slagelse misses the result goal; conversations passive ≈ 27 % in 2021 → selected April 2022; ≈ 15 % in 2022 → supervision ends April 2023.',
    residual: 1.8,
    conversations: { 2019: 24, 2020: 25, 2021: 27, 2022: 15, 2023: 14, 2024: 14, 2025: 13 },
    offers: { 2019: 16, 2020: 26, 2021: 19, 2022: 17, 2023: 20, 2024: 19, 2025: 18 },
    followsNewRulesFrom: NEW_RULES_YEAR,
    phoneFirstShare: 0.08,
    section91Reliance: 0.2,
    expectedDecisions: {
      2021: 'selected',
      2022: 'supervision_ends',
      2023: 'stays_out',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 730,
    scenario: 'B',
    story:
      'Randers misses the result goal; conversations ≈ 34 % in 2021 → selected; ≈ 23.5 % in 2022, 10.5 of the required 14 points reached (≥ half) → extended; both goals met in 2023 → supervision ends April 2024.',
    residual: 2.0,
    conversations: { 2019: 30, 2020: 31, 2021: 34, 2022: 23.5, 2023: 15, 2024: 14, 2025: 14 },
    offers: { 2019: 16, 2020: 26, 2021: 18, 2022: 17, 2023: 21, 2024: 20, 2025: 19 },
    followsNewRulesFrom: NEW_RULES_YEAR,
    phoneFirstShare: 0.1,
    section91Reliance: 0.2,
    expectedDecisions: {
      2021: 'selected',
      2022: 'extended',
      2023: 'supervision_ends',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 370,
    scenario: 'C',
    story:
      'Næstved misses the result goal; conversations ≈ 33 % in 2021 → selected; ≈ 31 % in 2022, 2 of 13 points reached (< half) → administration April 2023; ≈ 28 % in 2023 → administration continues; both goals met in 2024 → administration ends April 2025.',
    residual: 2.2,
    conversations: { 2019: 30, 2020: 31, 2021: 33, 2022: 31, 2023: 28, 2024: 14, 2025: 13 },
    offers: { 2019: 17, 2020: 27, 2021: 20, 2022: 18, 2023: 22, 2024: 19, 2025: 18 },
    followsNewRulesFrom: NEW_RULES_YEAR,
    phoneFirstShare: 0.12,
    section91Reliance: 0.2,
    expectedDecisions: {
      2021: 'selected',
      2022: 'administration',
      2023: 'administration_continues',
      2024: 'administration_ends',
      2025: 'stays_out',
    },
  },
  {
    code: 316,
    scenario: 'D',
    story:
      'Holbæk misses the result goal; conversations fine in 2021, ≈ 33 % in 2022 (steered towards 38 %: a sharp rise takes months to show in 12-month windows) → selected April 2023; ≈ 23 % in 2023, about 10 of 13 points reached (≥ half) → extended; ≈ 25 % in 2024 → administration April 2025; both goals met in 2025 → administration ends April 2026.',
    residual: 1.8,
    conversations: { 2019: 14, 2020: 15, 2021: 14, 2022: 38, 2023: 23, 2024: 25, 2025: 14 },
    offers: { 2019: 15, 2020: 25, 2021: 18, 2022: 17, 2023: 20, 2024: 19, 2025: 18 },
    followsNewRulesFrom: NEW_RULES_YEAR,
    phoneFirstShare: 0.1,
    section91Reliance: 0.2,
    expectedDecisions: {
      2021: 'stays_out',
      2022: 'selected',
      2023: 'extended',
      2024: 'administration',
      2025: 'administration_ends',
    },
  },
  {
    code: 561,
    scenario: 'E',
    story:
      'Esbjerg misses the result goal; offers passive ≈ 38 % in 2021–2023 with conversations fine → not selected on 2021 or 2022 (offers cannot ground a decision before the assessment of 2023), selected April 2024; offers ≈ 22 % in 2024 → supervision ends April 2025.',
    residual: 2.0,
    conversations: { 2019: 12, 2020: 13, 2021: 12, 2022: 12, 2023: 12, 2024: 12, 2025: 12 },
    offers: { 2019: 30, 2020: 40, 2021: 38, 2022: 38, 2023: 38, 2024: 22, 2025: 20 },
    followsNewRulesFrom: NEW_RULES_YEAR,
    phoneFirstShare: 0.06,
    section91Reliance: 0.2,
    expectedDecisions: {
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'selected',
      2024: 'supervision_ends',
      2025: 'stays_out',
    },
  },
  {
    code: 657,
    scenario: 'F',
    story:
      'Herning misses the conversations goal every year (≈ 30 %) but meets the result goal (2 points below its expected rate) → never selected.',
    residual: -2.0,
    conversations: { 2019: 29, 2020: 30, 2021: 30, 2022: 30, 2023: 29, 2024: 29, 2025: 28 },
    offers: { 2019: 22, 2020: 30, 2021: 24, 2022: 24, 2023: 26, 2024: 25, 2025: 25 },
    followsNewRulesFrom: NEW_RULES_YEAR,
    phoneFirstShare: 0.1,
    section91Reliance: 0.2,
    expectedDecisions: {
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'stays_out',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 540,
    scenario: 'G',
    story:
      'Sønderborg misses the result goal and keeps steering by the old rules after 22 March 2023: it goes on giving § 91 offers to kontanthjælp recipients and many first conversations by phone. Its true offers passive share rises through 2023 and is well above 30 % in 2024 → selected April 2025 on offers; it follows the new rules from 2025 → supervision ends April 2026.',
    residual: 1.8,
    conversations: { 2019: 11, 2020: 12, 2021: 11, 2022: 11, 2023: 11, 2024: 11, 2025: 11 },
    offers: { 2019: 14, 2020: 24, 2021: 16, 2022: 15, 2023: 15, 2024: 15, 2025: 16 },
    measuredOffers: { 2019: 14, 2020: 24, 2021: 16, 2022: 15, 2023: 19, 2024: 36, 2025: 16 },
    followsNewRulesFrom: 2025,
    phoneFirstShare: 0.3,
    section91Reliance: 0.6,
    expectedDecisions: {
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'stays_out',
      2024: 'selected',
      2025: 'supervision_ends',
    },
  },
  {
    code: 791,
    scenario: 'H',
    story:
      'Viborg runs just below the conversations threshold (≈ 18–19 %) and meets the result goal → never selected; near the threshold for the focus measures.',
    residual: -1.2,
    conversations: { 2019: 18, 2020: 18, 2021: 18, 2022: 18, 2023: 18, 2024: 18, 2025: 18 },
    offers: { 2019: 18, 2020: 27, 2021: 19, 2022: 19, 2023: 24, 2024: 24, 2025: 24 },
    followsNewRulesFrom: NEW_RULES_YEAR,
    phoneFirstShare: 0.1,
    section91Reliance: 0.2,
    expectedDecisions: {
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'stays_out',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 621,
    scenario: 'I',
    story:
      'Kolding lies on the border of the result goal (designed residual 0: the rounded difference is 0 and the sign is a matter of noise) and meets both focus goals → never selected.',
    residual: 0,
    conversations: { 2019: 12, 2020: 13, 2021: 12, 2022: 12, 2023: 12, 2024: 12, 2025: 12 },
    offers: { 2019: 15, 2020: 25, 2021: 17, 2022: 16, 2023: 18, 2024: 18, 2025: 18 },
    followsNewRulesFrom: NEW_RULES_YEAR,
    phoneFirstShare: 0.08,
    section91Reliance: 0.2,
    expectedDecisions: {
      2021: 'stays_out',
      2022: 'stays_out',
      2023: 'stays_out',
      2024: 'stays_out',
      2025: 'stays_out',
    },
  },
  {
    code: 740,
    scenario: 'F2',
    story:
      'Silkeborg misses the conversations goal (≈ 23 %) but is well below its expected benefit rate → never selected.',
    residual: -1.5,
    conversations: { 2019: 23, 2020: 24, 2021: 23, 2022: 23, 2023: 23, 2024: 22, 2025: 22 },
    offers: { 2019: 18, 2020: 28, 2021: 20, 2022: 20, 2023: 22, 2024: 22, 2025: 22 },
    followsNewRulesFrom: NEW_RULES_YEAR,
    phoneFirstShare: 0.12,
    section91Reliance: 0.2,
  },
  {
    code: 630,
    scenario: 'F3',
    story:
      'Vejle misses the conversations goal (≈ 22 %) but is well below its expected benefit rate → never selected.',
    residual: -1.4,
    conversations: { 2019: 22, 2020: 23, 2021: 22, 2022: 22, 2023: 22, 2024: 22, 2025: 21 },
    offers: { 2019: 17, 2020: 27, 2021: 19, 2022: 19, 2023: 21, 2024: 21, 2025: 21 },
    followsNewRulesFrom: NEW_RULES_YEAR,
    phoneFirstShare: 0.1,
    section91Reliance: 0.2,
  },
];

/** Years for which the free municipalities get a drawn effort level. */
const FREE_YEARS = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025] as const;

/** Municipalities with fewer residents 16–66 than this run at lower passive shares. */
const SMALL_MUNICIPALITY = 15_000;

/**
 * The other municipalities comply: conversations passive 5–16 % and offers
 * 9–22 % (higher in 2020–2021, when COVID-19 stopped most offers), with
 * drawn year-to-year variation, so that they meet both focus goals with a
 * margin whatever their result goal. Small municipalities, whose target
 * groups hold few persons and so move in big steps, run lower still.
 */
function freeDesign(code: MunicipalityCode): EffortDesign {
  const random = new SeededRandom(DESIGN_SEED, 5000 + code);
  const small = figuresOf(code).residents < SMALL_MUNICIPALITY;
  const conversationLevel = small ? uniform(random, 4, 8) : uniform(random, 7, 14.5);
  const offersLevel = small ? uniform(random, 6, 11) : uniform(random, 9, 18);
  const conversations: Record<number, number> = {};
  const offers: Record<number, number> = {};
  for (const year of FREE_YEARS) {
    conversations[year] = Math.min(16, Math.max(3, conversationLevel + uniform(random, -1.5, 1.5)));
    const covid = year === 2020 ? 9 : year === 2021 ? 3 : 0;
    const newRules = year >= NEW_RULES_YEAR ? uniform(random, -2, 4) : 0;
    offers[year] = Math.min(
      year >= NEW_RULES_YEAR ? 22 : 30,
      Math.max(6, offersLevel + covid + newRules + uniform(random, -1.5, 1.5)),
    );
  }
  return {
    code,
    scenario: 'free',
    story: 'Complies with both focus goals.',
    conversations,
    offers,
    followsNewRulesFrom: NEW_RULES_YEAR,
    phoneFirstShare: uniform(random, 0.03, 0.18),
    section91Reliance: uniform(random, 0.12, 0.3),
  };
}

const DESIGNS = new Map<MunicipalityCode, EffortDesign>(
  MUNICIPALITY_FIGURES.map((figures) => {
    const scenario = SCENARIOS.find((candidate) => candidate.code === figures.code);
    return [figures.code, scenario ?? freeDesign(figures.code)];
  }),
);

/** The effort design of a municipality (a named scenario or a free one). */
export function effortDesignOf(code: MunicipalityCode): EffortDesign {
  const design = DESIGNS.get(code);
  if (!design) throw new RangeError(`No effort design for municipality ${code}`);
  return design;
}

/** The value of `values` for `year`, or of the nearest year in the table. */
export function valueForYear(values: YearlyValues, year: number): number {
  const direct = values[year];
  if (direct !== undefined) return direct;
  const years = Object.keys(values)
    .map(Number)
    .sort((a, b) => a - b);
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('Empty yearly values');
  return values[year < first ? first : last] ?? 0;
}
