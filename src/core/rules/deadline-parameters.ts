/**
 * Deadlines of the regime (regime.md §§ 2–3). Each is a dated parameter; the
 * lifecycle computes the actual dates from them.
 */
import { isoDate } from '../calendar/iso-date.js';
import { defineParameter } from './dated-parameter.js';
import { BEK_1409_2019, BEK_301_2023, LBK_ORGANISERING } from './legal-source.js';

const V2019 = isoDate('2020-01-01');
const V2023 = isoDate('2023-03-22');

/** A day of the year, used for "by 1 April" and "by the end of April". */
export interface DayOfYear {
  readonly month: number;
  readonly day: number;
}

/**
 * The annual assessment of year Y is published no later than this day of
 * year Y + 1. Bek. nr. 301 § 2, stk. 3: "Opgørelsen af beskæftigelsesindsatsen
 * omfatter data vedrørende målinger for perioden 1. januar – 31. december og
 * offentliggøres senest 1. april det følgende år."
 */
export const ASSESSMENT_PUBLICATION_DAY = defineParameter<DayOfYear>(
  'assessment_publication_day',
  'Day of the following year by which the annual assessment is published.',
  [
    {
      from: V2019,
      value: { month: 4, day: 1 },
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 2',
        stk: 3,
        quote: 'offentliggøres senest 1. april det følgende år',
      },
    },
    {
      from: V2023,
      value: { month: 4, day: 1 },
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 2',
        stk: 3,
        quote: 'offentliggøres senest 1. april det følgende år',
      },
    },
  ],
);

/**
 * Notices are sent before the end of this day of year Y + 1. Bek. nr. 301
 * § 6, stk. 2: "Beskæftigelsesministeriet sender hvert år inden udgangen af
 * april meddelelse til kommuner, der omfattes af det skærpede tilsyn".
 */
export const NOTICE_DEADLINE_DAY = defineParameter<DayOfYear>(
  'notice_deadline_day',
  'Day of the following year by which notices of the assessment are sent.',
  [
    {
      from: V2019,
      value: { month: 4, day: 30 },
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 6',
        stk: 2,
        quote: 'inden udgangen af april',
      },
    },
    {
      from: V2023,
      value: { month: 4, day: 30 },
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 6',
        stk: 2,
        quote: 'inden udgangen af april',
      },
    },
  ],
);

/**
 * The account and recovery plan is due this many months after the notice was
 * received. Bek. nr. 301 § 7: "Kommunen skal senest 3 måneder efter
 * modtagelsen af meddelelse om skærpet tilsyn […] skriftligt redegøre".
 */
export const ACCOUNT_DUE_MONTHS = defineParameter<number>(
  'account_due_months',
  'Months after the notice within which the account and recovery plan is due.',
  [
    {
      from: V2019,
      value: 3,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 7',
        quote: 'senest 3 måneder efter, at kommunen har modtaget meddelelse',
      },
    },
    {
      from: V2023,
      value: 3,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 7',
        quote: 'senest 3 måneder efter modtagelsen af meddelelse om skærpet tilsyn',
      },
    },
  ],
);

/**
 * The recovery period, counted from the publication of the assessment. Law
 * § 22 d, stk. 1: "En kommune, der er omfattet af et skærpet tilsyn, har en
 * genopretningsperiode på 9 måneder". Seed 000: "Perioden regnes fra
 * tidspunktet for offentliggørelsen af resultaterne af den årlige opgørelse og
 * 9 måneder frem."
 */
export const RECOVERY_PERIOD_MONTHS = defineParameter<number>(
  'recovery_period_months',
  'Length of the recovery period, from the publication of the assessment.',
  [
    {
      from: V2019,
      value: 9,
      source: {
        instrument: LBK_ORGANISERING,
        paragraph: '§ 22 d',
        stk: 1,
        quote: 'har en genopretningsperiode på 9 måneder til at få rettet op på indsatsen',
      },
    },
  ],
);

/**
 * The extension of the recovery period. Law § 22 d, stk. 2: "dog højst med
 * yderligere 12 måneder"; bek. nr. 301 § 11: "får forlænget
 * genopretningsperioden med yderligere 12 måneder".
 */
export const EXTENSION_MONTHS = defineParameter<number>(
  'extension_months',
  'Length of the extension of the recovery period.',
  [
    {
      from: V2019,
      value: 12,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 12',
        quote: 'genopretningsperioden forlænges med 12 måneder',
      },
    },
    {
      from: V2023,
      value: 12,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 11',
        quote: 'får forlænget genopretningsperioden med yderligere 12 måneder',
      },
    },
  ],
);

/**
 * The share of the required improvement that grants an extension. Bek.
 * nr. 301 § 11: "men har opnået mindst halvdelen af den påkrævede fremgang i
 * indsatsen".
 */
export const EXTENSION_IMPROVEMENT_FRACTION = defineParameter<number>(
  'extension_improvement_fraction',
  'Fraction of the required improvement that must be reached to extend the recovery period.',
  [
    {
      from: V2019,
      value: 0.5,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 12',
        quote: 'mindst halvdelen af den påkrævede fremgang',
      },
    },
    {
      from: V2023,
      value: 0.5,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 11',
        quote: 'mindst halvdelen af den påkrævede fremgang i indsatsen',
      },
    },
  ],
);

/**
 * The minimum requirements under administration apply from the month after
 * the notice. Bek. nr. 301 § 12, stk. 1, nr. 1: "Jobcenteret med virkning fra
 * den efterfølgende måned skal give". The value is the number of months after
 * the notice's month.
 */
export const ADMINISTRATION_EFFECTIVE_MONTHS_AFTER_NOTICE = defineParameter<number>(
  'administration_effective_months_after_notice',
  'The minimum requirements apply from the first day of the month this many months after the notice.',
  [
    {
      from: V2019,
      value: 1,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 13',
        stk: 1,
        nr: 1,
        note: 'From the month after the notice (regime.md § 3).',
      },
    },
    {
      from: V2023,
      value: 1,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 12',
        stk: 1,
        nr: 1,
        quote: 'med virkning fra den efterfølgende måned',
      },
    },
  ],
);

/**
 * The result of the review of all passive cases is due this many months
 * after the notice. Bek. nr. 301 § 12, stk. 2: "Kommunen skal senest 3
 * måneder efter modtagelsen af den i stk. 1 nævnte meddelelse sende
 * resultatet af sagsgennemgangen".
 */
export const CASE_REVIEW_DUE_MONTHS = defineParameter<number>(
  'case_review_due_months',
  'Months after the notice within which the result of the case review is due.',
  [
    {
      from: V2019,
      value: 3,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 13',
        stk: 2,
        quote:
          'senest 3 måneder efter, at kommunen i april måned har modtaget ministeriets meddelelse',
      },
    },
    {
      from: V2023,
      value: 3,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 12',
        stk: 2,
        quote: 'senest 3 måneder efter modtagelsen af den i stk. 1 nævnte meddelelse',
      },
    },
  ],
);

/**
 * The minister's meeting is called with at least this many days' notice.
 * Bek. nr. 301 § 8: "Mødet indkaldes med mindst en uges varsel." The 2019
 * guidance describes the meeting (bek. nr. 1409 § 9) without the notice
 * period; the project applies the same week.
 */
export const MEETING_MINIMUM_NOTICE_DAYS = defineParameter<number>(
  'meeting_minimum_notice_days',
  'Minimum days between the invitation and the meeting.',
  [
    {
      from: V2019,
      value: 7,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 9',
        note: 'The guidance gives no notice period; one week as in bek. nr. 301 § 8.',
      },
    },
    {
      from: V2023,
      value: 7,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 8',
        quote: 'Mødet indkaldes med mindst en uges varsel.',
      },
    },
  ],
);
