/**
 * COVID-19: the dead period, the months left out of the averages, and the
 * transitional rules of bek. nr. 564 af 30/03/2021 on which assessments can
 * select and which goals can ground a decision (regime.md § 4; STAR's letter
 * of 4 May 2021, seed 003).
 */
import { isoDate } from '../../calendar/iso-date.js';
import { yearMonth } from '../../calendar/year-month.js';
import { BEK_1409_2019, BEK_301_2023, BEK_564_2021, cite, fortolkning } from '../legal-source.js';
import { ruleNode } from '../rule-node.js';
import {
  DATE_RANGE,
  MONTH_RANGE,
  YEAR,
  nullable,
  type DateRange,
  type MonthRange,
} from '../value-types.js';

/** The agency's reading of bek. nr. 564, as its letter of 4 May 2021 (seed 003) gives it. */
const LETTER_NOTE =
  "Quoted from STAR's letter of 4 May 2021 (seed 003); the amending order itself is not among the seeds.";

export const COVID_NODES = {
  /**
   * M4 — days of this period do not count as spell duration. Applied to
   * every spell of every benefit, also by measures computed before the
   * amendment, as the agency's published series are.
   */
  'covid.dead_period': ruleNode<DateRange>({
    area: 'covid',
    label: 'COVID-19: død periode i forløbenes varighed',
    stage: 'measurement',
    type: DATE_RANGE,
    values: [
      {
        since: 'v2019',
        value: { from: isoDate('2020-03-01'), to: isoDate('2020-06-30') },
        source: fortolkning(
          "The specification (regime.md § 4) takes 1 March – 30 June 2020 as a dead period in spell durations from the notes of the agency's status reports, which are not among the project's sources; no sentence of the orders or of STAR's letter says it (the letter's dead period concerns the accumulated unemployment of a-dagpenge recipients in the early-effort reports). The rules' requirements of conversations and offers were suspended in those months, so days then say nothing about the effort owed; the project treats them as dead for every benefit.",
          'regime.md § 4',
          'STAR-praksis efter statusrapporternes noter, ingen regel',
        ),
      },
    ],
  }),

  /**
   * M10 — the months left out of every 12-month average, also those
   * computed before the amendment, as the agency's published series are.
   */
  'covid.months_excluded_from_averages': ruleNode<MonthRange>({
    area: 'covid',
    label: 'COVID-19: måneder, der ikke indgår i 12-måneders-gennemsnittene',
    stage: 'assessment',
    type: MONTH_RANGE,
    values: [
      {
        since: 'v2019',
        value: { from: yearMonth('2020-03'), to: yearMonth('2020-06') },
        source: fortolkning(
          "No rule leaves months out of the average of § 22 b. During the suspension of March–June 2020 no conversation or offer could be required, so those months say nothing about the municipality's effort; the project leaves them out of every 12-month average (regime.md § 4, measures.md M10).",
          'regime.md § 4',
          'projektets valg, ingen regel',
        ),
      },
    ],
  }),

  /**
   * The first assessment year whose annual assessment can select a
   * municipality; `null` when the version sets no such limit.
   */
  'transition.first_selection_year': ruleNode<number | null>({
    area: 'covid',
    label: 'Første opgørelsesår, der kan udvælge kommuner til skærpet tilsyn',
    stage: 'assessment',
    type: nullable(YEAR, 'ingen grænse'),
    values: [
      {
        since: 'v2019',
        value: 2020,
        source: cite(BEK_1409_2019, '§ 6', {
          stk: 1,
          quote:
            'Den første årlige opgørelse efter lovens ikrafttræden vil blive offentliggjort senest 1. april 2021.',
          note: 'Vejledningen til bek. nr. 1409, kapitel 4.',
        }),
      },
      {
        since: 'v2021',
        value: 2021,
        source: cite(BEK_564_2021, 'overgangsregel', {
          quote:
            'Udvælgelsen af kommuner til skærpet tilsyn blev med ændringsbekendtgørelse nr. 564 af 30. marts 2021 udskudt til april 2022 på baggrund af den gennemsnitlige indsats i 2021.',
          note: LETTER_NOTE,
        }),
      },
      {
        since: 'v2023',
        value: null,
        source: cite(BEK_301_2023, '§ 6', {
          stk: 1,
          note: 'No limit: every assessment under these rules (2022 onwards) can select.',
        }),
      },
    ],
  }),

  /**
   * The first assessment year in which the offers goal can ground a decision
   * (selection, extension, administration, end); `null`: no limit.
   *
   * The assessment of 2022 is published on 1 April 2023, after bek. nr. 301
   * entered into force (22 March 2023). Bek. nr. 301 has no transitional rule
   * of its own; the limit is bek. nr. 564's as the letter explains it, which
   * fixes the first offers-grounded selection at April 2024 on 2023 data, so
   * it reaches the 2022 assessment too (regime.md § 4).
   */
  'transition.offers.first_grounding_year': ruleNode<number | null>({
    area: 'covid',
    label: 'Første opgørelsesår, hvor fokusmålet om tilbud kan begrunde en afgørelse',
    stage: 'assessment',
    type: nullable(YEAR, 'ingen grænse'),
    values: [
      {
        since: 'v2019',
        value: null,
        source: cite(BEK_1409_2019, '§ 6', { stk: 1, note: 'Both goals ground decisions.' }),
      },
      {
        since: 'v2021',
        value: 2023,
        source: cite(BEK_564_2021, 'overgangsregel', {
          quote:
            'Kommuner kan med ændringsbekendtgørelsen først i april 2024 udtages til skærpet tilsyn ved manglende opfyldelse fokusmålet om aktive tilbud mv. på baggrund af indsatsen i 2023.',
          note: `${LETTER_NOTE} The limit reaches the assessment of 2022, published under bek. nr. 301, which has no transitional rule of its own on it.`,
        }),
      },
    ],
  }),

  /** The first assessment year in which the conversations goal can ground a decision; `null`: no limit. */
  'transition.conversations.first_grounding_year': ruleNode<number | null>({
    area: 'covid',
    label: 'Første opgørelsesår, hvor fokusmålet om samtaler kan begrunde en afgørelse',
    stage: 'assessment',
    type: nullable(YEAR, 'ingen grænse'),
    values: [
      {
        since: 'v2019',
        value: null,
        source: cite(BEK_1409_2019, '§ 6', { stk: 1, note: 'Both goals ground decisions.' }),
      },
      {
        since: 'v2021',
        value: 2021,
        source: cite(BEK_564_2021, 'overgangsregel', {
          quote:
            'Da det generelt har været muligt at afholde digitale og telefoniske samtaler, vil kommuner i april 2022 kunne udvælges til skærpet tilsyn ved manglende opfyldelse af både resultatmålet og fokusmålet om samtaler for 2021.',
          note: LETTER_NOTE,
        }),
      },
    ],
  }),
};
