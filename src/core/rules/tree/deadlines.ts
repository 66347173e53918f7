/**
 * Deadlines of the regime (regime.md §§ 2–3), the extension and the
 * administration's minimum requirements. The lifecycle computes the actual
 * dates from them.
 */
import {
  BEK_1409_2019,
  BEK_301_2023,
  LBK_ORGANISERING,
  cite,
  fortolkning,
} from '../legal-source.js';
import { ruleNode } from '../rule-node.js';
import { DAYS, DAY_OF_YEAR, FRACTION, MONTHS, PERCENT, type DayOfYear } from '../value-types.js';

const END_OF_APRIL: DayOfYear = { month: 4, day: 30 };

export const DEADLINE_NODES = {
  /** The annual assessment of year Y is published no later than this day of year Y + 1 (§ 2, stk. 3). */
  'deadlines.publication_day': ruleNode<DayOfYear>({
    area: 'deadlines',
    label: 'Den årlige opgørelse offentliggøres senest (dag i året efter)',
    stage: 'lifecycle',
    type: DAY_OF_YEAR,
    values: [
      {
        since: 'v2019',
        value: { month: 4, day: 1 },
        source: cite(BEK_1409_2019, '§ 2', {
          stk: 3,
          quote: 'offentliggøres senest 1. april det følgende år',
        }),
      },
      {
        since: 'v2023',
        value: { month: 4, day: 1 },
        source: cite(BEK_301_2023, '§ 2', {
          stk: 3,
          quote: 'offentliggøres senest 1. april det følgende år',
        }),
      },
    ],
  }),

  /** Notices of selection are sent before the end of this day of year Y + 1 (§ 6, stk. 2). */
  'deadlines.notice.selection': ruleNode<DayOfYear>({
    area: 'deadlines',
    label: 'Meddelelse om udvælgelse til skærpet tilsyn senest',
    stage: 'lifecycle',
    type: DAY_OF_YEAR,
    values: [
      {
        since: 'v2019',
        value: END_OF_APRIL,
        source: cite(BEK_1409_2019, '§ 6', {
          stk: 2,
          quote: 'inden udgangen af april',
          note: 'Vejledningen til § 6, stk. 2 (seed 004).',
        }),
      },
      {
        since: 'v2023',
        value: END_OF_APRIL,
        source: cite(BEK_301_2023, '§ 6', { stk: 2, quote: 'inden udgangen af april' }),
      },
    ],
  }),

  /** Notices that administration ends are sent before the end of this day (2019 § 14, 2023 § 13). */
  'deadlines.notice.administration_end': ruleNode<DayOfYear>({
    area: 'deadlines',
    label: 'Meddelelse om ophør af administration senest',
    stage: 'lifecycle',
    type: DAY_OF_YEAR,
    values: [
      {
        since: 'v2019',
        value: END_OF_APRIL,
        source: cite(BEK_1409_2019, '§ 14', {
          quote: 'hvilket Beskæftigelsesministeriet skal meddele kommunen inden udgangen af april',
          note: 'Vejledningen til § 14 (seed 004).',
        }),
      },
      {
        since: 'v2023',
        value: END_OF_APRIL,
        source: cite(BEK_301_2023, '§ 13', {
          quote:
            'Beskæftigelsesministeriet giver kommunen meddelelse herom inden udgangen af april.',
        }),
      },
    ],
  }),

  /**
   * Notices of the other decisions (end of supervision, extension,
   * administration and its continuation): the system's practice, not a rule.
   */
  'deadlines.notice.other_decisions': ruleNode<DayOfYear>({
    area: 'deadlines',
    label: 'Meddelelse om øvrige afgørelser senest (praksis)',
    stage: 'lifecycle',
    type: DAY_OF_YEAR,
    values: [
      {
        since: 'v2019',
        value: END_OF_APRIL,
        source: fortolkning(
          'The rules set no deadline for the notice that supervision ends (1409 § 11, 301 § 10), that the recovery period is extended (1409 § 12, 301 § 11) or that the municipality is put, or stays, under administration (1409 § 13, 301 § 12): they say only that the ministry "meddeler". The system dates these notices like the notice of selection, before the end of April (§ 6, stk. 2), so that all notices of one assessment fall due together; the guidance to 1409 § 13 also assumes the administration notice is received "i april måned". This date is the system\'s practice.',
          'regime.md § 3',
          'systemets praksis, ingen frist i reglerne',
        ),
      },
    ],
  }),

  /** The account and recovery plan is due this many months after the notice was received (§ 7). */
  'deadlines.account_due_months': ruleNode<number>({
    area: 'deadlines',
    label: 'Redegørelse og genopretningsplan: måneder efter meddelelsen',
    stage: 'lifecycle',
    type: MONTHS,
    values: [
      {
        since: 'v2019',
        value: 3,
        source: cite(BEK_1409_2019, '§ 7', {
          quote: 'senest 3 måneder efter, at kommunen har modtaget meddelelse',
        }),
      },
      {
        since: 'v2023',
        value: 3,
        source: cite(BEK_301_2023, '§ 7', {
          quote: 'senest 3 måneder efter modtagelsen af meddelelse om skærpet tilsyn',
        }),
      },
    ],
  }),

  /**
   * The recovery period, counted from the publication of the assessment. Law
   * § 22 d, stk. 1; seed 000: "Perioden regnes fra tidspunktet for
   * offentliggørelsen af resultaterne af den årlige opgørelse og 9 måneder
   * frem."
   */
  'deadlines.recovery_period_months': ruleNode<number>({
    area: 'deadlines',
    label: 'Genopretningsperiode fra offentliggørelsen, måneder',
    stage: 'lifecycle',
    type: MONTHS,
    values: [
      {
        since: 'lov2019',
        value: 9,
        source: cite(LBK_ORGANISERING, '§ 22 d', {
          stk: 1,
          quote: 'har en genopretningsperiode på 9 måneder til at få rettet op på indsatsen',
        }),
      },
    ],
  }),

  /** The extension of the recovery period (law § 22 d, stk. 2: at most 12 months). */
  'deadlines.extension_months': ruleNode<number>({
    area: 'deadlines',
    label: 'Forlængelse af genopretningsperioden, måneder',
    stage: 'lifecycle',
    type: MONTHS,
    values: [
      {
        since: 'v2019',
        value: 12,
        source: cite(BEK_1409_2019, '§ 12', {
          quote: 'genopretningsperioden forlænges med 12 måneder',
        }),
      },
      {
        since: 'v2023',
        value: 12,
        source: cite(BEK_301_2023, '§ 11', {
          quote: 'får forlænget genopretningsperioden med yderligere 12 måneder',
        }),
      },
    ],
  }),

  /** The result of the review of all passive cases is due this many months after the notice. */
  'deadlines.case_review_due_months': ruleNode<number>({
    area: 'deadlines',
    label: 'Resultat af gennemgangen af alle passivsager: måneder efter meddelelsen',
    stage: 'lifecycle',
    type: MONTHS,
    values: [
      {
        since: 'v2019',
        value: 3,
        source: cite(BEK_1409_2019, '§ 13', {
          stk: 2,
          quote:
            'senest 3 måneder efter, at kommunen i april måned har modtaget ministeriets meddelelse',
        }),
      },
      {
        since: 'v2023',
        value: 3,
        source: cite(BEK_301_2023, '§ 12', {
          stk: 2,
          quote: 'senest 3 måneder efter modtagelsen af den i stk. 1 nævnte meddelelse',
        }),
      },
    ],
  }),

  /** The minister's meeting is called with at least this many days' notice. */
  'deadlines.meeting_notice_days': ruleNode<number>({
    area: 'deadlines',
    label: 'Politisk møde: mindste varsel for indkaldelsen, dage',
    stage: 'lifecycle',
    type: DAYS,
    values: [
      {
        since: 'v2019',
        value: 7,
        source: fortolkning(
          'The guidance to bek. nr. 1409 (seed 004) describes the minister\'s meeting without a notice period. The project applies the week that bek. nr. 301 § 8 later set ("Mødet indkaldes med mindst en uges varsel.").',
          'regime.md § 3',
          'ingen frist i vejledningen; en uge som i bek. nr. 301 § 8',
        ),
      },
      {
        since: 'v2023',
        value: 7,
        source: cite(BEK_301_2023, '§ 8', { quote: 'Mødet indkaldes med mindst en uges varsel.' }),
      },
    ],
  }),

  /** The share of the required improvement that grants an extension (2019 § 12, 2023 § 11). */
  'supervision.extension_improvement_fraction': ruleNode<number>({
    area: 'supervision',
    label: 'Forlængelse: andel af den påkrævede fremgang, der skal være nået',
    stage: 'assessment',
    type: FRACTION,
    values: [
      {
        since: 'v2019',
        value: 0.5,
        source: cite(BEK_1409_2019, '§ 12', {
          quote: 'mindst halvdelen af den påkrævede fremgang',
        }),
      },
      {
        since: 'v2023',
        value: 0.5,
        source: cite(BEK_301_2023, '§ 11', {
          quote: 'mindst halvdelen af den påkrævede fremgang i indsatsen',
        }),
      },
    ],
  }),

  /**
   * The minimum requirements under administration apply from the first day
   * of the month this many months after the notice's month.
   */
  'administration.effective_months_after_notice': ruleNode<number>({
    area: 'administration',
    label: 'Minimumskravene gælder fra måneden efter meddelelsen (antal måneder)',
    stage: 'lifecycle',
    type: MONTHS,
    values: [
      {
        since: 'v2019',
        value: 1,
        source: fortolkning(
          'The guidance to bek. nr. 1409 § 13 (seed 004) gives the minimum requirements without saying when they start. The project applies them from the month after the notice, as bek. nr. 301 § 12, stk. 1, nr. 1 later wrote ("med virkning fra den efterfølgende måned").',
          'regime.md § 3',
          'fra måneden efter meddelelsen, som i bek. nr. 301 § 12',
        ),
      },
      {
        since: 'v2023',
        value: 1,
        source: cite(BEK_301_2023, '§ 12', {
          stk: 1,
          nr: 1,
          quote: 'med virkning fra den efterfølgende måned',
        }),
      },
    ],
  }),

  /** At least this percentage of the target group must get at least one offer a year. */
  'administration.minimum.offers_share': ruleNode<number>({
    area: 'administration',
    label: 'Minimumskrav: andel af målgruppen, der skal have mindst 1 tilbud årligt',
    stage: 'lifecycle',
    type: PERCENT,
    values: [
      {
        since: 'v2019',
        value: 80,
        source: cite(BEK_1409_2019, '§ 13', {
          stk: 1,
          nr: 1,
          quote:
            'skal give mindst 1 tilbud og 4 samtaler årligt til mindst 80 pct. af den samlede gruppe af ydelsesmodtagere',
        }),
      },
      {
        since: 'v2023',
        value: 70,
        source: cite(BEK_301_2023, '§ 12', {
          stk: 1,
          nr: 1,
          quote:
            'skal give mindst 1 beskæftigelsesrettet tilbud årligt til mindst 70 pct. og 4 samtaler årligt til mindst 80 pct. af den samlede gruppe af ydelsesmodtagere',
        }),
      },
    ],
  }),

  /** At least this percentage of the target group must get 4 conversations a year. */
  'administration.minimum.conversations_share': ruleNode<number>({
    area: 'administration',
    label: 'Minimumskrav: andel af målgruppen, der skal have 4 samtaler årligt',
    stage: 'lifecycle',
    type: PERCENT,
    values: [
      {
        since: 'v2019',
        value: 80,
        source: cite(BEK_1409_2019, '§ 13', {
          stk: 1,
          nr: 1,
          quote:
            'skal give mindst 1 tilbud og 4 samtaler årligt til mindst 80 pct. af den samlede gruppe af ydelsesmodtagere',
        }),
      },
      {
        since: 'v2023',
        value: 80,
        source: cite(BEK_301_2023, '§ 12', {
          stk: 1,
          nr: 1,
          quote:
            'skal give mindst 1 beskæftigelsesrettet tilbud årligt til mindst 70 pct. og 4 samtaler årligt til mindst 80 pct. af den samlede gruppe af ydelsesmodtagere',
        }),
      },
    ],
  }),
};
