/**
 * The focus goals and what counts towards them: bek. nr. 1409 af 16/12/2019
 * §§ 3 and 5 (v2019, v2021), bek. nr. 301 af 20/03/2023 §§ 3 and 5 (v2023),
 * and the law's § 22 b (the 12-month average).
 */
import type { BenefitType } from '../../domain/benefit-type.js';
import type { ConversationKind, OfferType } from '../../domain/events.js';
import {
  BEK_1409_2019,
  BEK_301_2023,
  LBK_ORGANISERING,
  cite,
  fortolkning,
} from '../legal-source.js';
import { ruleNode } from '../rule-node.js';
import {
  BENEFIT_TYPE_LIST,
  BOOLEAN,
  CONVERSATION_KIND_LIST,
  COUNT,
  HOURS,
  HOUR_PRECISION,
  MONTHS_FROM_ONE,
  OFFER_TYPE_LIST,
  PERCENT,
  nullable,
} from '../value-types.js';

export const FOCUS_GOAL_NODES = {
  /**
   * Offers goal (fokusmål om tilbud), § 5, nr. 1: the average passive share
   * for offers must be **strictly below** this percentage.
   */
  'focus.offers.threshold': ruleNode<number>({
    area: 'focus_goals',
    label: 'Fokusmål om tilbud: passivandelen skal i gennemsnit være under',
    stage: 'assessment',
    type: PERCENT,
    values: [
      {
        since: 'v2019',
        value: 20,
        source: cite(BEK_1409_2019, '§ 5', {
          nr: 1,
          quote:
            'den gennemsnitlige andel borgere, som i de seneste 12 måneder af ydelsesforløbet ikke har modtaget mindst 1 beskæftigelsesrettet tilbud eller haft mindst 6 ugers ordinær beskæftigelse beregnet som 225 timer, skal være mindre end 20 pct.',
        }),
      },
      {
        since: 'v2023',
        value: 30,
        source: cite(BEK_301_2023, '§ 5', {
          nr: 1,
          quote:
            'som i de seneste 12 måneder af ydelsesforløbet ikke har modtaget mindst et beskæftigelsesrettet tilbud eller haft mindst 100 timers ordinær beskæftigelse, skal være mindre end 30 pct.',
        }),
      },
    ],
  }),

  /**
   * Hours of ordinary work in the last 12 months of the spell that stand in
   * for an offer, § 5, nr. 1. The value in force on the reference date
   * applies: it belongs to the measure, not to an event (measures.md M9).
   */
  'focus.offers.ordinary_work_hours': ruleNode<number>({
    area: 'focus_goals',
    label: 'Timer ordinær beskæftigelse, der sidestilles med et tilbud',
    stage: 'measurement',
    type: HOURS,
    values: [
      {
        since: 'v2019',
        value: 225,
        source: cite(BEK_1409_2019, '§ 5', {
          nr: 1,
          quote: 'mindst 6 ugers ordinær beskæftigelse beregnet som 225 timer',
        }),
      },
      {
        since: 'v2023',
        value: 100,
        source: cite(BEK_301_2023, '§ 5', {
          nr: 1,
          quote: 'eller haft mindst 100 timers ordinær beskæftigelse',
        }),
      },
    ],
  }),

  /**
   * Conversations goal (fokusmål om samtaler), § 5, nr. 2: the average
   * passive share for conversations must be **strictly below** this
   * percentage.
   */
  'focus.conversations.threshold': ruleNode<number>({
    area: 'focus_goals',
    label: 'Fokusmål om samtaler: passivandelen skal i gennemsnit være under',
    stage: 'assessment',
    type: PERCENT,
    values: [
      {
        since: 'v2019',
        value: 20,
        source: cite(BEK_1409_2019, '§ 5', {
          nr: 2,
          quote:
            'den gennemsnitlige andel borgere, som i de seneste 12 måneder af ydelsesforløbet ikke har modtaget mindst 4 samtaler, skal være mindre end 20 pct.',
        }),
      },
      {
        since: 'v2023',
        value: 20,
        source: cite(BEK_301_2023, '§ 5', {
          nr: 2,
          quote:
            'som i de seneste 12 måneder af ydelsesforløbet har modtaget færre end 4 samtaler, skal være mindre end 20 pct.',
        }),
      },
    ],
  }),

  /** Conversations in the window that make a person non-passive for conversations, § 5, nr. 2. */
  'focus.conversations.required': ruleNode<number>({
    area: 'focus_goals',
    label: 'Samtaler i de seneste 12 måneder af forløbet, der gør en person ikke-passiv',
    stage: 'measurement',
    type: COUNT,
    values: [
      {
        since: 'v2019',
        value: 4,
        source: cite(BEK_1409_2019, '§ 5', { nr: 2, quote: 'ikke har modtaget mindst 4 samtaler' }),
      },
      {
        since: 'v2023',
        value: 4,
        source: cite(BEK_301_2023, '§ 5', { nr: 2, quote: 'har modtaget færre end 4 samtaler' }),
      },
    ],
  }),

  /**
   * How many months the focus measure averages: the focus measure of month M
   * averages the monthly shares of M−(n−1) … M. Law § 22 b.
   */
  'focus.averaging_months': ruleNode<number>({
    area: 'focus_goals',
    label: 'Måneder i gennemsnittet, der afgør fokusmålene',
    stage: 'assessment',
    type: MONTHS_FROM_ONE,
    values: [
      {
        since: 'lov2019',
        value: 12,
        source: cite(LBK_ORGANISERING, '§ 22 b', {
          quote:
            'og lever kommunen i et gennemsnit over de sidste 12 måneder ikke op til de fastsatte fokusmål',
        }),
      },
    ],
  }),

  /**
   * Whether the first job conversation of a spell counts only when held in
   * person. Applied to each conversation by its own date (measures.md M7).
   */
  'focus.conversations.first_in_person': ruleNode<boolean>({
    area: 'focus_goals',
    label: 'Forløbets første jobsamtale tæller kun ved personligt fremmøde',
    stage: 'measurement',
    type: BOOLEAN,
    values: [
      {
        since: 'v2019',
        value: false,
        source: cite(BEK_1409_2019, '§ 3', {
          stk: 1,
          quote:
            'Samtaler omfatter individuelle jobsamtaler i kontaktforløbet efter § 31 og § 32 i lov om en aktiv beskæftigelsesindsats.',
          note: 'Vejledningen til § 3 (seed 004). No requirement on the form of the conversation.',
        }),
      },
      {
        since: 'v2023',
        value: true,
        source: cite(BEK_301_2023, '§ 3', {
          stk: 1,
          quote:
            'Det er altså afgørende, at den første jobsamtale er holdt ved personligt fremmøde for at blive talt med ved opgørelsen af fokusmålet',
          note: 'Vejledningen til § 3, stk. 1, with LAB § 33 as amended from 22 March 2023.',
        }),
      },
    ],
  }),

  /**
   * M7 — the kinds of conversation that count: individual job conversations
   * (LAB §§ 31–32, also those held by an unemployment fund) and sickness
   * follow-up conversations (SDP § 13 b).
   */
  'focus.conversations.counted_kinds': ruleNode<readonly ConversationKind[]>({
    area: 'focus_goals',
    label: 'Samtaler, der tæller med',
    stage: 'measurement',
    type: CONVERSATION_KIND_LIST,
    values: [
      {
        since: 'v2019',
        value: ['jobsamtale', 'sygeopfoelgning'],
        source: cite(BEK_1409_2019, '§ 3', {
          stk: 1,
          quote:
            'Samtaler omfatter individuelle jobsamtaler i kontaktforløbet efter § 31 og § 32 i lov om en aktiv beskæftigelsesindsats. […] Desuden indgår sygeopfølgningssamtaler efter § 13 b i lov om sygedagpenge ved opgørelsen af samtaler.',
          note: 'Vejledningen til § 3 (seed 004).',
        }),
      },
      {
        since: 'v2023',
        value: ['jobsamtale', 'sygeopfoelgning'],
        source: cite(BEK_301_2023, '§ 3', {
          stk: 1,
          quote:
            'Ved samtaler forstås i denne bekendtgørelse individuelle jobsamtaler i kontaktforløbet, jf. §§ 31 og 32 i lov om en aktiv beskæftigelsesindsats, samt sygeopfølgningssamtaler efter § 13 b i lov om sygedagpenge.',
        }),
      },
    ],
  }),

  /**
   * M8 — the offer types that count: offers under LAB chapters 11–14. The
   * LAB § 91 offer ("øvrig vejledning og opkvalificering") is
   * `oevrig_vejledning_opkvalificering`; whom it counts for is
   * `focus.offers.section_91_recipients`.
   */
  'focus.offers.counted_types': ruleNode<readonly OfferType[]>({
    area: 'focus_goals',
    label: 'Tilbud, der tæller med (LAB kapitel 11–14)',
    stage: 'measurement',
    type: OFFER_TYPE_LIST,
    values: [
      {
        since: 'v2019',
        value: [
          'virksomhedspraktik',
          'loentilskud',
          'nytteindsats',
          'vejledning_opkvalificering',
          'oevrig_vejledning_opkvalificering',
        ],
        source: cite(BEK_1409_2019, '§ 3', {
          stk: 2,
          quote: 'tilbud efter reglerne i kapitel 11-14 i lov om en aktiv beskæftigelsesindsats',
        }),
      },
      {
        since: 'v2023',
        value: [
          'virksomhedspraktik',
          'loentilskud',
          'nytteindsats',
          'vejledning_opkvalificering',
          'oevrig_vejledning_opkvalificering',
        ],
        source: cite(BEK_301_2023, '§ 3', {
          stk: 2,
          quote:
            'Ved beskæftigelsesrettet tilbud forstås i denne bekendtgørelse et tilbud efter reglerne i kapitel 11-14 i lov om en aktiv beskæftigelsesindsats',
        }),
      },
    ],
  }),

  /**
   * Which recipients an offer of "øvrig vejledning og opkvalificering" (LAB
   * § 91) counts for, by the offer's start date (measures.md M8). `null`:
   * every recipient.
   */
  'focus.offers.section_91_recipients': ruleNode<readonly BenefitType[] | null>({
    area: 'focus_goals',
    label: 'Modtagere, for hvem et § 91-tilbud (øvrig vejledning og opkvalificering) tæller',
    stage: 'measurement',
    type: nullable(BENEFIT_TYPE_LIST, 'alle modtagere'),
    values: [
      {
        since: 'v2019',
        value: null,
        source: cite(BEK_1409_2019, '§ 3', {
          stk: 2,
          quote: 'tilbud efter reglerne i kapitel 11-14 i lov om en aktiv beskæftigelsesindsats',
        }),
      },
      {
        since: 'v2023',
        value: ['uddannelseshjaelp', 'selvforsoergelse'],
        source: cite(BEK_301_2023, '§ 3', {
          stk: 2,
          quote:
            'dog ikke tilbud om øvrig vejledning og opkvalificering, jf. § 91 i lov om en aktiv beskæftigelsesindsats, til andre personer end uddannelseshjælps- og overgangsydelsesmodtagere omfattet af § 6, nr. 4 og 5',
          note: 'The code selvforsoergelse covers overgangsydelse; the registers do not tell it apart from selvforsørgelses- og hjemrejseydelse (measures.md M8).',
        }),
      },
    ],
  }),

  /**
   * M9 — hours of ordinary work are counted to this fraction of an hour
   * (each month's hours are rounded before they are added, so that sums are
   * exact).
   */
  'focus.offers.work_hours_precision': ruleNode<number>({
    area: 'focus_goals',
    label: 'Timer ordinær beskæftigelse afrundes til (brøkdel af en time)',
    stage: 'measurement',
    type: HOUR_PRECISION,
    values: [
      {
        since: 'v2019',
        value: 0.01,
        source: fortolkning(
          'No rule says how hours are counted. eIndkomst reports hours with two decimals; rounding each month to 0.01 of an hour before adding makes the sums exact, so 99.99 hours is below 100 on every machine.',
          'measures.md M9',
        ),
      },
    ],
  }),
};
