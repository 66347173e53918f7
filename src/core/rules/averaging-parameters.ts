/**
 * How many months the focus measures average over. Law § 22 b: "og lever
 * kommunen i et gennemsnit over de sidste 12 måneder ikke op til de fastsatte
 * fokusmål".
 */
import { isoDate } from '../calendar/iso-date.js';
import { defineParameter } from './dated-parameter.js';
import { LBK_ORGANISERING } from './legal-source.js';

/** The focus measure of month M averages the monthly shares of M−(n−1) … M. */
export const FOCUS_MEASURE_AVERAGING_MONTHS = defineParameter<number>(
  'focus_measure_averaging_months',
  'Number of months (ending with the reference month) whose monthly passive shares the focus measure averages.',
  [
    {
      from: isoDate('2020-01-01'),
      value: 12,
      source: {
        instrument: LBK_ORGANISERING,
        paragraph: '§ 22 b',
        quote:
          'og lever kommunen i et gennemsnit over de sidste 12 måneder ikke op til de fastsatte fokusmål',
      },
    },
  ],
);
