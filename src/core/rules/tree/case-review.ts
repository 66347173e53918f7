/**
 * The independent sample case review at selection (bek. nr. 1409 af
 * 16/12/2019 § 8, stk. 2), which the law's § 22 c as amended by lov nr. 295
 * of 2023 no longer requires and bek. nr. 301 does not have. `null`: no
 * sample review under the rules in force.
 */
import { BEK_1409_2019, BEK_301_2023, LBK_ORGANISERING_2023, cite } from '../legal-source.js';
import { ruleNode } from '../rule-node.js';
import { COUNT, PERCENT, YEAR, nullable } from '../value-types.js';

const SECTION_8 =
  'skal sagsgennemgangen omfatte 15 pct. af sagerne i hver ydelsesgruppe, hvor fokusmålene ikke var opfyldt, dog minimum 20 sager fra hver ydelsesgruppe og højst 300 sager i alt';

const REMOVED = cite(LBK_ORGANISERING_2023, '§ 22 c', {
  quote:
    'En kommune, der er omfattet af et skærpet tilsyn, jf. § 22 b, skal sende en redegørelse til beskæftigelsesministeren om, hvilke initiativer kommunen har iværksat eller vil iværksætte for at leve op til de fastsatte fokusmål, og en plan for, hvornår målene vil være nået.',
  note: 'As amended by lov nr. 295 af 20. marts 2023 the law no longer requires an independent case review at selection; bek. nr. 301 (in force the same day) has no sample review.',
});

const NO_SAMPLE = 'ingen stikprøvegennemgang';

export const CASE_REVIEW_NODES = {
  /** Share of the cases of each benefit group to sample, in percent, rounded up. */
  'case_review.sample.share_percent': ruleNode<number | null>({
    area: 'case_review',
    label: 'Stikprøve ved udvælgelse: andel af sagerne i hver ydelsesgruppe',
    stage: 'case_sample',
    type: nullable(PERCENT, NO_SAMPLE),
    values: [
      {
        since: 'v2019',
        value: 15,
        source: cite(BEK_1409_2019, '§ 8', { stk: 2, quote: SECTION_8 }),
      },
      { since: 'lov2023', value: null, source: REMOVED },
    ],
  }),

  /** At least this many cases per benefit group; all of them when there are fewer. */
  'case_review.sample.minimum_per_benefit': ruleNode<number | null>({
    area: 'case_review',
    label: 'Stikprøve ved udvælgelse: mindst antal sager pr. ydelsesgruppe',
    stage: 'case_sample',
    type: nullable(COUNT, NO_SAMPLE),
    values: [
      {
        since: 'v2019',
        value: 20,
        source: cite(BEK_1409_2019, '§ 8', { stk: 2, quote: SECTION_8 }),
      },
      { since: 'lov2023', value: null, source: REMOVED },
    ],
  }),

  /** At most this many cases in total. */
  'case_review.sample.maximum_total': ruleNode<number | null>({
    area: 'case_review',
    label: 'Stikprøve ved udvælgelse: højst antal sager i alt',
    stage: 'case_sample',
    type: nullable(COUNT, NO_SAMPLE),
    values: [
      {
        since: 'v2019',
        value: 300,
        source: cite(BEK_1409_2019, '§ 8', { stk: 2, quote: SECTION_8 }),
      },
      { since: 'lov2023', value: null, source: REMOVED },
    ],
  }),

  /**
   * The review of all passive cases under administration (2019 § 13, 2023
   * § 12, stk. 1, nr. 2): the guidance says when it will first be due. An
   * administration decided at an earlier assessment carries the guidance's
   * sentence as a note for the person who issues it.
   */
  'case_review.passive_cases.first_assessment_year': ruleNode<number>({
    area: 'case_review',
    label: 'Gennemgang af alle passivsager: tidligst efter opgørelsen af (år)',
    stage: 'lifecycle',
    type: YEAR,
    values: [
      {
        since: 'v2019',
        value: 2021,
        source: cite(BEK_1409_2019, '§ 13', {
          stk: 1,
          nr: 2,
          quote:
            'Retningslinjerne og supplerende materiale til brug for sagsgennemgangen vil foreligge, før der for første gang skal foretages gennemgang af alle passivsager. Dette vil tidligst være aktuelt i forlængelse af den årlige opgørelse i april 2022.',
          note: 'The guidance to § 13 (seed 004). The annual assessment published in April 2022 is the assessment of 2021.',
        }),
      },
      {
        since: 'v2023',
        value: 2023,
        source: cite(BEK_301_2023, '§ 12', {
          stk: 1,
          nr: 2,
          quote:
            'Retningslinjerne og supplerende materiale til brug for sagsgennemgangen vil foreligge, før der for første gang skal foretages gennemgang af alle passivsager. Dette vil tidligst være aktuelt i forlængelse af den årlige opgørelse i april 2024.',
          note: 'The guidance to § 12 (seed 000). The annual assessment published in April 2024 is the assessment of 2023.',
        }),
      },
    ],
  }),
};
