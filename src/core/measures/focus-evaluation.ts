/**
 * One person at one reference date, for the focus goals: in the target group
 * or not, and passive for each goal (measures.md §§ 3–5). The monthly
 * aggregation and the explanations both call this — one implementation.
 */
import { countedConversationsInWindow } from './conversation-counting.js';
import type { LoadColumns } from './load-columns.js';
import { monthIndexOfDay, type MeasureContext } from './measure-context.js';
import { hasCountedOfferInWindow, workHoursInMonths } from './offer-counting.js';
import type { PersonTimeline } from './person-timeline.js';
import { judgeTargetGroup, type TargetGroupVerdict } from './target-group.js';

export interface FocusEvaluation extends TargetGroupVerdict {
  spell: number;
  /** Conversations counted in [W, R] (M7). */
  conversations: number;
  /** A counted offer overlaps [W, R] (M8). */
  offerCounted: boolean;
  /** Hours of ordinary work, scaled (M9), from the month of W to the month of R. */
  hoursScaled: number;
  /** The month index of W, where the hours start counting. */
  hoursFromMonth: number;
  passiveForOffers: boolean;
  passiveForConversations: boolean;
}

export function createFocusEvaluation(): FocusEvaluation {
  return {
    status: 0,
    countableDays: 0,
    exemptDays: 0,
    windowStart: 0,
    spell: -1,
    conversations: 0,
    offerCounted: false,
    hoursScaled: 0,
    hoursFromMonth: 0,
    passiveForOffers: false,
    passiveForConversations: false,
  };
}

/**
 * Evaluates the person of `timeline` at the R of month `monthOffset`, whose
 * period covering R is the local period `period`. Returns whether the person
 * is in the target group; `evaluation` holds the details.
 *
 * Passive for conversations: fewer counted conversations than required (4).
 * Passive for offers: no counted offer and hours below the threshold of R.
 */
export function evaluateFocusMonth(
  columns: LoadColumns,
  timeline: PersonTimeline,
  context: MeasureContext,
  period: number,
  monthOffset: number,
  evaluation: FocusEvaluation,
): boolean {
  const spell = timeline.spellOfPeriod[period] ?? 0;
  evaluation.spell = spell;
  evaluation.conversations = 0;
  evaluation.offerCounted = false;
  evaluation.hoursScaled = 0;
  evaluation.passiveForOffers = false;
  evaluation.passiveForConversations = false;
  if (!judgeTargetGroup(timeline, context, spell, monthOffset, evaluation)) return false;
  const reference = context.referenceDay[monthOffset] ?? 0;
  const windowStart = evaluation.windowStart;
  evaluation.conversations = countedConversationsInWindow(
    columns.conversations,
    timeline,
    spell,
    windowStart,
    reference,
  );
  evaluation.passiveForConversations =
    evaluation.conversations < (context.conversationsRequired[monthOffset] ?? 0);
  evaluation.offerCounted = hasCountedOfferInWindow(
    columns.offers,
    timeline,
    windowStart,
    reference,
  );
  evaluation.hoursFromMonth = monthIndexOfDay(context, windowStart);
  evaluation.hoursScaled = workHoursInMonths(
    columns.workHours,
    timeline,
    evaluation.hoursFromMonth,
    context.firstMonthIndex + monthOffset,
  );
  evaluation.passiveForOffers =
    !evaluation.offerCounted &&
    evaluation.hoursScaled < (context.hoursThresholdScaled[monthOffset] ?? 0);
  return true;
}
