/**
 * The early effort (measures.md M11–M12, regime.md § 6): the agency's
 * follow-up of the first 6 months of each spell, with the two parameter sets
 * of its alert rule, computed side by side.
 */
import type { BenefitType } from '../../domain/benefit-type.js';
import { STAR_BREV_2021, cite, fortolkning } from '../legal-source.js';
import { ruleNode } from '../rule-node.js';
import {
  BENEFIT_TYPE_LIST,
  BOOLEAN,
  COUNT,
  DAYS,
  MONTHS,
  MONTHS_FROM_ONE,
  MONTHS_OF_YEAR,
  PERCENT,
  nullable,
} from '../value-types.js';

const FOLLOW_UP = 'Opfølgning på den tidlige beskæftigelsesindsats';
const CONTACT_RULE =
  'rette henvendelse til kommuner, som i tre sammenhængende måneder har en andel på mere end 20 pct. i en ydelsesgruppe med mindst ti borgere, hvor lovens minimumskrav til samtaler eller tilbud ikke er opfyldt';
const letter = (quote: string, note?: string) =>
  cite(STAR_BREV_2021, FOLLOW_UP, { quote, ...(note === undefined ? {} : { note }) });

/** Set 2023 has no source among the seeds: regime.md § 6 gives it. */
const SET_2023 = (what: string) =>
  fortolkning(
    `regime.md § 6: "From 2023 the agency instead uses 6 consecutive months below 80 % and follows up twice a year". No seed gives this parameter set. ${what}`,
    'regime.md § 6',
  );

export const EARLY_EFFORT_NODES = {
  /**
   * M11 — the benefit types whose spells the early effort follows (LAB §§ 31
   * and 102): dagpenge, kontanthjælp, uddannelseshjælp and
   * selvforsørgelses-/hjemrejse-/overgangsydelse.
   */
  'early_effort.benefit_types': ruleNode<readonly BenefitType[]>({
    area: 'early_effort',
    label: 'Ydelser, hvis forløb følges i de første 6 måneder',
    stage: 'measurement',
    type: BENEFIT_TYPE_LIST,
    values: [
      {
        since: 'v2019',
        value: ['dagpenge', 'selvforsoergelse', 'uddannelseshjaelp', 'kontanthjaelp'],
        source: letter(
          'hvordan styrelsen fra juni følger op på lovkravene i den tidlige beskæftigelsesindsats, dvs. de første seks måneder af ledighedsforløbet, jf. §§ 31 og 102 i lov om en aktiv beskæftigelsesindsats',
          'The benefit types are the project reading of measures.md M11.',
        ),
      },
    ],
  }),

  /** M12 — the first 6 months of a spell, in countable days; the cohort month is the month this day is reached. */
  'early_effort.period_days': ruleNode<number>({
    area: 'early_effort',
    label: 'Den tidlige indsats: forløbets første dage (tællende dage)',
    stage: 'measurement',
    type: DAYS,
    values: [
      {
        since: 'v2019',
        value: 182,
        source: letter(
          'STAR vil løbende følge op på kommunens overholdelse af lovkravet om minimum fire samtaler i de første 6 måneder af ledighedsperioden.',
          '6 months read as 182 countable days (measures.md M12).',
        ),
      },
    ],
  }),

  /** M12 — job conversations required within the period. */
  'early_effort.conversations_required': ruleNode<number>({
    area: 'early_effort',
    label: 'Den tidlige indsats: jobsamtaler, der kræves i perioden',
    stage: 'measurement',
    type: COUNT,
    values: [
      {
        since: 'v2019',
        value: 4,
        source: letter(
          'STAR vil løbende følge op på kommunens overholdelse af lovkravet om minimum fire samtaler i de første 6 måneder af ledighedsperioden.',
        ),
      },
    ],
  }),

  /** M12 — whether the first job conversation must be held in person to count. */
  'early_effort.first_conversation_in_person': ruleNode<boolean>({
    area: 'early_effort',
    label: 'Den tidlige indsats: første jobsamtale tæller kun ved personligt fremmøde',
    stage: 'measurement',
    type: BOOLEAN,
    values: [
      {
        since: 'v2019',
        value: false,
        source: fortolkning(
          'The letter counts "minimum fire samtaler" without a requirement on their form; the in-person rule of the first jobsamtale (bek. nr. 301 § 3, stk. 1, guidance) belongs to the focus goal, so every jobsamtale counts here whatever its form.',
          'measures.md M12',
        ),
      },
    ],
  }),

  /** Alert rule, set 2021: a month is "unmet" when more than this share of the cohort lacks the requirement. */
  'early_effort.alerts.set_2021.unmet_share_above': ruleNode<number>({
    area: 'early_effort',
    label: 'Henvendelse (regelsæt 2021): andel uden minimumskravet over',
    stage: 'measurement',
    type: PERCENT,
    values: [{ since: 'v2019', value: 20, source: letter(CONTACT_RULE) }],
  }),

  /** …and the cohort of the benefit group holds at least this many persons. */
  'early_effort.alerts.set_2021.minimum_cohort': ruleNode<number>({
    area: 'early_effort',
    label: 'Henvendelse (regelsæt 2021): mindst antal borgere i ydelsesgruppen',
    stage: 'measurement',
    type: COUNT,
    values: [{ since: 'v2019', value: 10, source: letter(CONTACT_RULE) }],
  }),

  /** A contact follows this many consecutive unmet months. */
  'early_effort.alerts.set_2021.consecutive_months': ruleNode<number>({
    area: 'early_effort',
    label: 'Henvendelse (regelsæt 2021): sammenhængende måneder',
    stage: 'measurement',
    type: MONTHS_FROM_ONE,
    values: [{ since: 'v2019', value: 3, source: letter(CONTACT_RULE) }],
  }),

  /** Months of the year in which the agency follows up; `null`: every month. */
  'early_effort.alerts.set_2021.follow_up_months': ruleNode<readonly number[] | null>({
    area: 'early_effort',
    label: 'Henvendelse (regelsæt 2021): måneder, hvor der følges op',
    stage: 'measurement',
    type: nullable(MONTHS_OF_YEAR, 'hver måned'),
    values: [
      {
        since: 'v2019',
        value: null,
        source: letter(
          'STAR vil løbende følge op på kommunens overholdelse af lovkravet om minimum fire samtaler i de første 6 måneder af ledighedsperioden.',
          '"løbende": every month.',
        ),
      },
    ],
  }),

  /** An account is required when the month this many months after the contact is still unmet. */
  'early_effort.alerts.set_2021.account_after_months': ruleNode<number>({
    area: 'early_effort',
    label: 'Redegørelse (regelsæt 2021): måneder efter henvendelsen',
    stage: 'measurement',
    type: MONTHS,
    values: [
      {
        since: 'v2019',
        value: 6,
        source: letter(
          'Skulle en kommune mod forventning ikke have genoprettet indsatsen seks måneder efter arbejdsmarkedskontorets henvendelse, vil kommunen blive bedt om en skriftlig redegørelse for årsagen til den manglende indsats og en konkret genopretningsplan.',
        ),
      },
    ],
  }),

  'early_effort.alerts.set_2023.unmet_share_above': ruleNode<number>({
    area: 'early_effort',
    label: 'Henvendelse (regelsæt 2023): andel uden minimumskravet over',
    stage: 'measurement',
    type: PERCENT,
    values: [
      {
        since: 'v2019',
        value: 20,
        source: SET_2023('Below 80 % meeting it: more than 20 % unmet.'),
      },
    ],
  }),

  'early_effort.alerts.set_2023.minimum_cohort': ruleNode<number>({
    area: 'early_effort',
    label: 'Henvendelse (regelsæt 2023): mindst antal borgere i ydelsesgruppen',
    stage: 'measurement',
    type: COUNT,
    values: [
      {
        since: 'v2019',
        value: 10,
        source: SET_2023('The minimum of 10 persons of set 2021 is kept.'),
      },
    ],
  }),

  'early_effort.alerts.set_2023.consecutive_months': ruleNode<number>({
    area: 'early_effort',
    label: 'Henvendelse (regelsæt 2023): sammenhængende måneder',
    stage: 'measurement',
    type: MONTHS_FROM_ONE,
    values: [{ since: 'v2019', value: 6, source: SET_2023('6 consecutive months.') }],
  }),

  'early_effort.alerts.set_2023.follow_up_months': ruleNode<readonly number[] | null>({
    area: 'early_effort',
    label: 'Henvendelse (regelsæt 2023): måneder, hvor der følges op',
    stage: 'measurement',
    type: nullable(MONTHS_OF_YEAR, 'hver måned'),
    values: [
      {
        since: 'v2019',
        value: [6, 12],
        source: SET_2023('"Twice a year" read as June and December.'),
      },
    ],
  }),

  'early_effort.alerts.set_2023.account_after_months': ruleNode<number>({
    area: 'early_effort',
    label: 'Redegørelse (regelsæt 2023): måneder efter henvendelsen',
    stage: 'measurement',
    type: MONTHS,
    values: [{ since: 'v2019', value: 6, source: SET_2023('The 6 months of set 2021 are kept.') }],
  }),
};
