/**
 * The focus goals and what counts towards them: bek. nr. 1409 af 16/12/2019
 * §§ 3 and 5 (v2019, v2021) and bek. nr. 301 af 20/03/2023 §§ 3 and 5 (v2023).
 */
import { isoDate } from '../calendar/iso-date.js';
import type { BenefitType } from '../domain/benefit-type.js';
import { defineParameter } from './dated-parameter.js';
import { BEK_1409_2019, BEK_301_2023 } from './legal-source.js';

const V2019 = isoDate('2020-01-01');
const V2023 = isoDate('2023-03-22');

/**
 * Offers goal (fokusmål om tilbud), § 5, nr. 1: the average passive share for
 * offers must be **strictly below** this percentage.
 *
 * bek. nr. 301 af 20/03/2023 § 5, nr. 1: "Den gennemsnitlige andel personer
 * […] som i de seneste 12 måneder af ydelsesforløbet ikke har modtaget mindst
 * et beskæftigelsesrettet tilbud eller haft mindst 100 timers ordinær
 * beskæftigelse, skal være mindre end 30 pct."
 */
export const OFFERS_GOAL_THRESHOLD = defineParameter<number>(
  'offers_goal_threshold',
  'Offers goal: the 12-month average passive share must be strictly below this percentage.',
  [
    {
      from: V2019,
      value: 20,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 5',
        nr: 1,
        quote:
          'den gennemsnitlige andel borgere, som i de seneste 12 måneder af ydelsesforløbet ikke har modtaget mindst 1 beskæftigelsesrettet tilbud eller haft mindst 6 ugers ordinær beskæftigelse beregnet som 225 timer, skal være mindre end 20 pct.',
      },
    },
    {
      from: V2023,
      value: 30,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 5',
        nr: 1,
        quote:
          'som i de seneste 12 måneder af ydelsesforløbet ikke har modtaget mindst et beskæftigelsesrettet tilbud eller haft mindst 100 timers ordinær beskæftigelse, skal være mindre end 30 pct.',
      },
    },
  ],
);

/**
 * Hours of ordinary work in the last 12 months of the spell that stand in for
 * an offer, § 5, nr. 1. The value in force on the reference date applies: it
 * belongs to the measure, not to an event (measures.md M9).
 */
export const ORDINARY_WORK_HOURS_FOR_OFFER = defineParameter<number>(
  'ordinary_work_hours_for_offer',
  'Hours of ordinary work in the window that make a person non-passive for offers.',
  [
    {
      from: V2019,
      value: 225,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 5',
        nr: 1,
        quote: 'mindst 6 ugers ordinær beskæftigelse beregnet som 225 timer',
      },
    },
    {
      from: V2023,
      value: 100,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 5',
        nr: 1,
        quote: 'eller haft mindst 100 timers ordinær beskæftigelse',
      },
    },
  ],
);

/**
 * Conversations goal (fokusmål om samtaler), § 5, nr. 2: the average passive
 * share for conversations must be **strictly below** this percentage.
 *
 * bek. nr. 301 af 20/03/2023 § 5, nr. 2: "Den gennemsnitlige andel personer
 * […] som i de seneste 12 måneder af ydelsesforløbet har modtaget færre end 4
 * samtaler, skal være mindre end 20 pct."
 */
export const CONVERSATIONS_GOAL_THRESHOLD = defineParameter<number>(
  'conversations_goal_threshold',
  'Conversations goal: the 12-month average passive share must be strictly below this percentage.',
  [
    {
      from: V2019,
      value: 20,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 5',
        nr: 2,
        quote:
          'den gennemsnitlige andel borgere, som i de seneste 12 måneder af ydelsesforløbet ikke har modtaget mindst 4 samtaler, skal være mindre end 20 pct.',
      },
    },
    {
      from: V2023,
      value: 20,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 5',
        nr: 2,
        quote:
          'som i de seneste 12 måneder af ydelsesforløbet har modtaget færre end 4 samtaler, skal være mindre end 20 pct.',
      },
    },
  ],
);

/** Conversations in the window that make a person non-passive for conversations, § 5, nr. 2. */
export const CONVERSATIONS_REQUIRED = defineParameter<number>(
  'conversations_required',
  'Counted conversations in the window that make a person non-passive for conversations.',
  [
    {
      from: V2019,
      value: 4,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 5',
        nr: 2,
        quote: 'ikke har modtaget mindst 4 samtaler',
      },
    },
    {
      from: V2023,
      value: 4,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 5',
        nr: 2,
        quote: 'har modtaget færre end 4 samtaler',
      },
    },
  ],
);

/**
 * Whether the first job conversation of a spell counts only when held in
 * person. Applied to each conversation by its own date (measures.md M7).
 *
 * Seed 000 on § 3, stk. 1: "lovens § 33 om jobsamtalernes form er ændret med
 * virkning fra den 22. marts 2023, således at den første jobsamtale holdes ved
 * personligt fremmøde […] Det er altså afgørende, at den første jobsamtale er
 * holdt ved personligt fremmøde for at blive talt med ved opgørelsen af
 * fokusmålet".
 */
export const FIRST_JOB_CONVERSATION_IN_PERSON = defineParameter<boolean>(
  'first_job_conversation_in_person',
  'The first jobsamtale of a spell counts only when held in person.',
  [
    {
      from: V2019,
      value: false,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 3',
        stk: 1,
        quote:
          'Ved samtaler forstås i denne bekendtgørelse individuelle jobsamtaler i kontaktforløbet',
        note: 'No requirement on the form of the conversation.',
      },
    },
    {
      from: V2023,
      value: true,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 3',
        stk: 1,
        quote:
          'Det er altså afgørende, at den første jobsamtale er holdt ved personligt fremmøde for at blive talt med ved opgørelsen af fokusmålet',
        note: 'Vejledningen til § 3, stk. 1, with LAB § 33 as amended from 22 March 2023.',
      },
    },
  ],
);

/**
 * Which recipients an offer of "øvrig vejledning og opkvalificering" (LAB
 * § 91) counts for, by the offer's start date (measures.md M8). `undefined`
 * means every recipient.
 *
 * bek. nr. 301 af 20/03/2023 § 3, stk. 2: "Ved beskæftigelsesrettet tilbud
 * forstås i denne bekendtgørelse et tilbud efter reglerne i kapitel 11-14 i
 * lov om en aktiv beskæftigelsesindsats, dog ikke tilbud om øvrig vejledning
 * og opkvalificering, jf. § 91 […], til andre personer end uddannelseshjælps-
 * og overgangsydelsesmodtagere omfattet af § 6, nr. 4 og 5".
 */
export const SECTION_91_OFFER_RECIPIENTS = defineParameter<readonly BenefitType[] | undefined>(
  'section_91_offer_recipients',
  'Benefit types whose recipients an LAB § 91 offer counts for (undefined: all).',
  [
    {
      from: V2019,
      value: undefined,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 3',
        stk: 2,
        quote: 'tilbud efter reglerne i kapitel 11-14 i lov om en aktiv beskæftigelsesindsats',
      },
    },
    {
      from: V2023,
      value: ['uddannelseshjaelp', 'selvforsoergelse'],
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 3',
        stk: 2,
        quote:
          'dog ikke tilbud om øvrig vejledning og opkvalificering, jf. § 91 i lov om en aktiv beskæftigelsesindsats, til andre personer end uddannelseshjælps- og overgangsydelsesmodtagere omfattet af § 6, nr. 4 og 5',
        note: 'The code selvforsoergelse covers overgangsydelse; the registers do not tell it apart from selvforsørgelses- og hjemrejseydelse (measures.md M8).',
      },
    },
  ],
);
