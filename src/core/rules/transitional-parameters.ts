/**
 * Transitional rules of the COVID-19 amendment, bek. nr. 564 af 30/03/2021
 * (regime.md § 4), and their continuation under bek. nr. 301 af 20/03/2023.
 */
import { isoDate, type IsoDate } from '../calendar/iso-date.js';
import type { YearMonth } from '../calendar/year-month.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import { defineParameter } from './dated-parameter.js';
import { BEK_1409_2019, BEK_301_2023, BEK_564_2021, STAR_BREV_2021 } from './legal-source.js';

const V2019 = isoDate('2020-01-01');
const V2021 = isoDate('2021-03-30');
const V2023 = isoDate('2023-03-22');

/**
 * The first assessment year whose annual assessment can select a
 * municipality; `undefined` when the version sets no such limit.
 *
 * Seed 003: "Udvælgelsen af kommuner til skærpet tilsyn blev med
 * ændringsbekendtgørelse nr. 564 af 30. marts 2021 udskudt til april 2022 på
 * baggrund af den gennemsnitlige indsats i 2021."
 */
export const FIRST_ASSESSMENT_YEAR_THAT_CAN_SELECT = defineParameter<number | undefined>(
  'first_assessment_year_that_can_select',
  'The first assessment year that can select a municipality (undefined: no limit).',
  [
    {
      from: V2019,
      value: 2020,
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 6',
        stk: 1,
        quote:
          'Den første årlige opgørelse efter lovens ikrafttræden vil blive offentliggjort senest 1. april 2021.',
        note: 'Vejledningen til bek. nr. 1409, kapitel 4.',
      },
    },
    {
      from: V2021,
      value: 2021,
      source: {
        instrument: BEK_564_2021,
        paragraph: 'overgangsregel',
        quote:
          'Udvælgelsen af kommuner til skærpet tilsyn blev med ændringsbekendtgørelse nr. 564 af 30. marts 2021 udskudt til april 2022 på baggrund af den gennemsnitlige indsats i 2021.',
        note: "Quoted from STAR's letter of 4 May 2021 (seed 003); the amending order itself is not among the seeds.",
      },
    },
    {
      from: V2023,
      value: undefined,
      source: {
        instrument: BEK_301_2023,
        paragraph: '§ 6',
        stk: 1,
        note: 'No limit: every assessment under these rules (2022 onwards) can select.',
      },
    },
  ],
);

/**
 * The first assessment year in which each focus goal can ground a decision
 * (selection, extension, administration, end); `undefined` for no limit.
 *
 * Seed 003: "vil kommuner i april 2022 kunne udvælges til skærpet tilsyn ved
 * manglende opfyldelse af både resultatmålet og fokusmålet om samtaler for
 * 2021. Kommuner kan med ændringsbekendtgørelsen først i april 2024 udtages
 * til skærpet tilsyn ved manglende opfyldelse fokusmålet om aktive tilbud
 * mv. på baggrund af indsatsen i 2023."
 *
 * The assessment of 2022 is published on 1 April 2023, after bek. nr. 301
 * entered into force (22 March 2023), so it is governed by v2023. The
 * specification's table reads "both" for v2023, but the seed fixes the first
 * offers-grounded selection at April 2024 on 2023 data; the limit is
 * therefore carried into v2023. (Noted on the issue: the seed wins.)
 */
export const FIRST_ASSESSMENT_YEAR_GOAL_CAN_GROUND = defineParameter<
  Readonly<Record<FocusGoal, number | undefined>>
>(
  'first_assessment_year_goal_can_ground',
  'Per focus goal, the first assessment year in which it can ground a decision (undefined: no limit).',
  [
    {
      from: V2019,
      value: { offers: undefined, conversations: undefined },
      source: {
        instrument: BEK_1409_2019,
        paragraph: '§ 6',
        stk: 1,
        note: 'Both goals ground decisions.',
      },
    },
    {
      from: V2021,
      value: { offers: 2023, conversations: 2021 },
      source: {
        instrument: BEK_564_2021,
        paragraph: 'overgangsregel',
        quote:
          'Kommuner kan med ændringsbekendtgørelsen først i april 2024 udtages til skærpet tilsyn ved manglende opfyldelse fokusmålet om aktive tilbud mv. på baggrund af indsatsen i 2023.',
        note: "Quoted from STAR's letter of 4 May 2021 (seed 003).",
      },
    },
    {
      from: V2023,
      value: { offers: 2023, conversations: 2021 },
      source: {
        instrument: BEK_301_2023,
        paragraph: 'overgangsregel',
        quote:
          'Kommuner kan med ændringsbekendtgørelsen først i april 2024 udtages til skærpet tilsyn ved manglende opfyldelse fokusmålet om aktive tilbud mv. på baggrund af indsatsen i 2023.',
        note: 'Carried forward from bek. nr. 564 so that the 2022 assessment (published under bek. nr. 301) keeps the COVID-19 limit of seed 003.',
      },
    },
  ],
);

/**
 * The months left out of every 12-month average (measures.md M10): March–June
 * 2020, the COVID-19 dead period. Applied to every month's average, also those
 * computed before the amendment, as the agency's published series are.
 */
export const MONTHS_EXCLUDED_FROM_AVERAGES = defineParameter<{ from: YearMonth; to: YearMonth }>(
  'months_excluded_from_averages',
  'Months left out of every 12-month average of monthly passive shares.',
  [
    {
      from: V2019,
      value: { from: '2020-03' as YearMonth, to: '2020-06' as YearMonth },
      source: {
        instrument: STAR_BREV_2021,
        paragraph: 'COVID-19',
        quote:
          'der er indført en "død" periode, hvor optælling af sammenlagt ledighed for a-dagpengemodtagere er sat i bero ift. lovkravene',
        note: 'The dead period 1 March – 30 June 2020 of bek. nr. 564 af 30/03/2021 (regime.md § 4).',
      },
    },
  ],
);

/** The COVID-19 dead period of spell durations (measures.md M4): 1 March – 30 June 2020. */
export const COVID_DEAD_PERIOD = defineParameter<{ from: IsoDate; to: IsoDate }>(
  'covid_dead_period',
  'Days that do not count as spell duration because of COVID-19.',
  [
    {
      from: V2019,
      value: { from: isoDate('2020-03-01'), to: isoDate('2020-06-30') },
      source: {
        instrument: BEK_564_2021,
        paragraph: 'overgangsregel',
        note: 'regime.md § 4: 1 March – 30 June 2020 is a dead period in spell durations.',
      },
    },
  ],
);
