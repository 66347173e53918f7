/**
 * The early effort (measures.md M11–M12, regime.md § 6): the agency's
 * follow-up of the first 6 months of each spell, its alert rule and the
 * months the follow-up begins, all from STAR's letter of 4 May 2021 (seed
 * 003).
 *
 * regime.md § 6 also asks for a second parameter set "from 2023" (6
 * consecutive months below 80 %, followed up twice a year). No seed gives
 * it — not the letter, not the guidance to either order, not the political
 * agreement — so it is not a rule of this tree (the seed wins over the
 * specification).
 */
import { yearMonth, type YearMonth } from '../../calendar/year-month.js';
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
  MONTH,
  MONTHS_OF_YEAR,
  PERCENT,
  nullable,
} from '../value-types.js';

const FOLLOW_UP = 'Opfølgning på den tidlige beskæftigelsesindsats';
const CONTACT_RULE =
  'rette henvendelse til kommuner, som i tre sammenhængende måneder har en andel på mere end 20 pct. i en ydelsesgruppe med mindst ti borgere, hvor lovens minimumskrav til samtaler eller tilbud ikke er opfyldt';
const letter = (quote: string, note?: string) =>
  cite(STAR_BREV_2021, FOLLOW_UP, { quote, ...(note === undefined ? {} : { note }) });

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

  /**
   * The first month of the follow-up of the conversations requirement: from
   * it on, months are followed and contacts made (STAR's letter of 4 May
   * 2021: "fra juni"). Dagpenge have their own start, below.
   */
  'early_effort.alerts.start.conversations': ruleNode<YearMonth>({
    area: 'early_effort',
    label: 'Opfølgningen på samtalekravet begynder (måned)',
    stage: 'measurement',
    type: MONTH,
    values: [
      {
        since: 'v2019',
        value: yearMonth('2021-06'),
        source: letter(
          'Styrelsen for Arbejdsmarked og Rekruttering (STAR) skal hermed orientere om, hvordan styrelsen fra juni følger op på lovkravene i den tidlige beskæftigelsesindsats',
          '"fra juni" in the letter of 4 May 2021: June 2021.',
        ),
      },
    ],
  }),

  /** The first month of the follow-up of the conversations requirement for dagpenge recipients (the group a_dagpenge). */
  'early_effort.alerts.start.conversations_dagpenge': ruleNode<YearMonth>({
    area: 'early_effort',
    label: 'Opfølgningen på samtalekravet for dagpengemodtagere begynder (måned)',
    stage: 'measurement',
    type: MONTH,
    values: [
      {
        since: 'v2019',
        value: yearMonth('2022-03'),
        source: letter(
          'Jobcenterindblikrapporterne vil derfor først danne grundlag for opfølgning på kommunernes lovpligtige samtaler med dagpengemodtagere i foråret 2022.',
          '"foråret 2022" names no month: the project reads its first month, March 2022 (the earliest the follow-up can have begun).',
        ),
      },
    ],
  }),

  /** The first month of the follow-up of the offer requirement (every group). */
  'early_effort.alerts.start.offer': ruleNode<YearMonth>({
    area: 'early_effort',
    label: 'Opfølgningen på tilbudskravet begynder (måned)',
    stage: 'measurement',
    type: MONTH,
    values: [
      {
        since: 'v2019',
        value: yearMonth('2022-03'),
        source: letter(
          'Der vil endvidere først blive foretaget en opfølgning på kommunernes afgivelse af lovpligtige tilbud i foråret 2022, når der har været 6 sammenhængende måneder, som ikke er påvirket af suspension mv.',
          '"foråret 2022" names no month: the project reads its first month, March 2022 (the earliest the follow-up can have begun).',
        ),
      },
    ],
  }),
};
