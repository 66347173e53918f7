/**
 * Early effort (measures.md § 8, M11, M12; seed 003): the first 6 months of
 * spells of dagpenge, kontanthjælp, uddannelseshjælp and selvforsørgelse.
 *
 * STAR, 4 May 2021: "STAR vil løbende følge op på kommunens overholdelse af
 * lovkravet om minimum fire samtaler i de første 6 måneder af
 * ledighedsperioden", and LAB § 102: an offer at the latest after 6 months.
 *
 * The cohort of month M is the spells whose duration reaches 182 countable
 * days during M; the spell is attributed to the municipality and type of the
 * period covering that day. Of the cohort: conversations unmet — fewer than 4
 * jobsamtaler dated from the spell's start to that day; offer unmet — no
 * counted offer (M8) starting in that span.
 */
import type { DayNumber } from '../calendar/day-number.js';
import { jobConversationsBetween } from './conversation-counting.js';
import { countableDaysUpTo, nthCountableDay, segmentAt } from './countable-days.js';
import { ONGOING, type LoadColumns } from './load-columns.js';
import { municipalityIndexOf, monthOffsetOfDay, type MeasureContext } from './measure-context.js';
import {
  sumOverScope,
  typeCellOf,
  type MeasureAccumulators,
  type ScopeCell,
} from './monthly-aggregation.js';
import { countedOffersStartingBetween } from './offer-counting.js';
import type { PersonTimeline } from './person-timeline.js';

export const EARLY_COHORT = 0;
export const EARLY_CONVERSATIONS_UNMET = 1;
export const EARLY_OFFER_UNMET = 2;
export const EARLY_EFFORT_FIELDS = 3;

export interface EarlyEffortVerdict {
  /** The day the spell reaches the period's countable days (182). */
  cohortDay: DayNumber;
  /** Local period covering that day. */
  period: number;
  jobConversations: number;
  countedOffers: number;
  conversationsUnmet: boolean;
  offerUnmet: boolean;
}

export function createEarlyEffortVerdict(): EarlyEffortVerdict {
  return {
    cohortDay: 0,
    period: -1,
    jobConversations: 0,
    countedOffers: 0,
    conversationsUnmet: false,
    offerUnmet: false,
  };
}

/**
 * Judges `spell` for the early effort. Returns false when the spell never
 * reaches the period or is not of an early-effort type on that day.
 */
export function judgeEarlyEffort(
  columns: LoadColumns,
  timeline: PersonTimeline,
  context: MeasureContext,
  spell: number,
  verdict: EarlyEffortVerdict,
): boolean {
  const requirements = context.earlyEffort;
  if (countableDaysUpTo(timeline, spell, ONGOING) < requirements.periodDays) return false;
  const day = nthCountableDay(timeline, spell, requirements.periodDays);
  const segment = segmentAt(timeline, spell, day);
  const period = timeline.segmentPeriod[segment] ?? 0;
  const benefit = columns.periods.benefit[timeline.periodFirst + period] ?? 0;
  if (((1 << benefit) & context.earlyEffortTypeMask) === 0) return false;
  const start = timeline.spellStart[spell] ?? 0;
  let conversations = jobConversationsBetween(columns.conversations, timeline, start, day);
  if (requirements.firstConversationInPerson && timeline.spellFirstJobDisqualified[spell] === 1) {
    const firstJob = timeline.conversationFirst + (timeline.spellFirstJobConversation[spell] ?? 0);
    const date = columns.conversations.date[firstJob] ?? 0;
    if (date >= start && date <= day) conversations -= 1;
  }
  verdict.cohortDay = day;
  verdict.period = period;
  verdict.jobConversations = conversations;
  verdict.countedOffers = countedOffersStartingBetween(columns.offers, timeline, start, day);
  verdict.conversationsUnmet = conversations < requirements.conversationsRequired;
  verdict.offerUnmet = verdict.countedOffers === 0;
  return true;
}

/** Adds the spells of `timeline` whose cohort month is measured. */
export function addEarlyEffort(
  columns: LoadColumns,
  timeline: PersonTimeline,
  context: MeasureContext,
  accumulators: MeasureAccumulators,
  verdict: EarlyEffortVerdict,
): void {
  for (let spell = 0; spell < timeline.spellCount; spell += 1) {
    if (!judgeEarlyEffort(columns, timeline, context, spell, verdict)) continue;
    const monthOffset = monthOffsetOfDay(context, verdict.cohortDay);
    if (monthOffset < 0 || monthOffset >= context.monthCount) continue;
    const row = timeline.periodFirst + verdict.period;
    const municipality = municipalityIndexOf(context, columns.periods.municipality[row] ?? 0);
    const benefit = columns.periods.benefit[row] ?? 0;
    addCell(accumulators, typeCellOf(accumulators, municipality, monthOffset, benefit), verdict);
  }
}

function addCell(
  accumulators: MeasureAccumulators,
  cell: number,
  verdict: EarlyEffortVerdict,
): void {
  const at = cell * EARLY_EFFORT_FIELDS;
  const counts = accumulators.earlyEffort;
  counts[at + EARLY_COHORT] = (counts[at + EARLY_COHORT] ?? 0) + 1;
  if (verdict.conversationsUnmet)
    counts[at + EARLY_CONVERSATIONS_UNMET] = (counts[at + EARLY_CONVERSATIONS_UNMET] ?? 0) + 1;
  if (verdict.offerUnmet)
    counts[at + EARLY_OFFER_UNMET] = (counts[at + EARLY_OFFER_UNMET] ?? 0) + 1;
}

/** An early-effort count (`EARLY_*` field) of a municipality, month and scope. */
export function earlyEffortOf(
  accumulators: MeasureAccumulators,
  context: MeasureContext,
  cell: ScopeCell,
  field: number,
): number {
  return sumOverScope(
    { values: accumulators.earlyEffort, fields: EARLY_EFFORT_FIELDS, field },
    accumulators,
    context,
    cell,
  );
}
