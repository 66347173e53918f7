/**
 * Independent case reviews: the sample review at selection (bek. nr. 1409 af
 * 16/12/2019 § 8, removed by bek. nr. 301) and the review of all passive
 * cases under administration (bek. nr. 301 § 12, stk. 1, nr. 2; 1409 § 13).
 */
import { isoDate } from '../calendar/iso-date.js';
import { defineParameter } from './dated-parameter.js';
import { BEK_1409_2019, BEK_301_2023 } from './legal-source.js';

export interface SampleReviewRule {
  /** Share of the target group to sample per benefit type, in percent, rounded up. */
  readonly sharePercent: number;
  /** At least this many cases per benefit type; all of them when there are fewer. */
  readonly minimumPerType: number;
  /** At most this many cases in total. */
  readonly maximumTotal: number;
}

/**
 * bek. nr. 1409 af 16/12/2019 § 8, stk. 2 (vejledningen): "skal
 * sagsgennemgangen omfatte 15 pct. af sagerne i hver ydelsesgruppe, hvor
 * fokusmålene ikke var opfyldt, dog minimum 20 sager fra hver ydelsesgruppe og
 * højst 300 sager i alt." `undefined`: no sample review (bek. nr. 301).
 */
export const SAMPLE_CASE_REVIEW = defineParameter<SampleReviewRule | undefined>(
  'sample_case_review',
  'The independent sample case review when a municipality is selected (undefined: none).',
  [
    {
      from: isoDate('2020-01-01'),
      value: { sharePercent: 15, minimumPerType: 20, maximumTotal: 300 },
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 8',
        stk: 2,
        quote:
          'skal sagsgennemgangen omfatte 15 pct. af sagerne i hver ydelsesgruppe, hvor fokusmålene ikke var opfyldt, dog minimum 20 sager fra hver ydelsesgruppe og højst 300 sager i alt',
      },
    },
    {
      from: isoDate('2023-03-22'),
      value: undefined,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 7',
        note: 'Bek. nr. 301 has no sample case review at selection; the account (§ 7) stands alone.',
      },
    },
  ],
);

export interface AdministrationRequirements {
  /** At least this percentage of the target group must get at least one offer a year. */
  readonly offersMinimumSharePercent: number;
  /** At least this percentage of the target group must get the required conversations a year. */
  readonly conversationsMinimumSharePercent: number;
}

/**
 * The minimum requirements under administration, a legal obligation monitored
 * month by month.
 *
 * bek. nr. 301 af 20/03/2023 § 12, stk. 1, nr. 1: "Jobcenteret med virkning
 * fra den efterfølgende måned skal give mindst 1 beskæftigelsesrettet tilbud
 * årligt til mindst 70 pct. og 4 samtaler årligt til mindst 80 pct. af den
 * samlede gruppe af ydelsesmodtagere".
 */
export const ADMINISTRATION_MINIMUM_REQUIREMENTS = defineParameter<AdministrationRequirements>(
  'administration_minimum_requirements',
  'Minimum shares of the target group that must get an offer and the conversations under administration.',
  [
    {
      from: isoDate('2020-01-01'),
      value: { offersMinimumSharePercent: 80, conversationsMinimumSharePercent: 80 },
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 13',
        stk: 1,
        nr: 1,
        quote:
          'skal give mindst 1 tilbud og 4 samtaler årligt til mindst 80 pct. af den samlede gruppe af ydelsesmodtagere',
      },
    },
    {
      from: isoDate('2023-03-22'),
      value: { offersMinimumSharePercent: 70, conversationsMinimumSharePercent: 80 },
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 12',
        stk: 1,
        nr: 1,
        quote:
          'skal give mindst 1 beskæftigelsesrettet tilbud årligt til mindst 70 pct. og 4 samtaler årligt til mindst 80 pct. af den samlede gruppe af ydelsesmodtagere',
      },
    },
  ],
);
