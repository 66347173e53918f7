/**
 * The target group of the focus goals person by person at one month's R —
 * the persons the monthly counts add up (measures.md M5–M9), each with what
 * a reviewer needs: the spell, the duration, the counted conversations, the
 * offers and hours, and which demands of § 5 the person does not meet.
 *
 * It runs the same evaluation as the counts (`evaluateFocusMonth`), so a
 * list drawn from it and the December measures always agree. Used for the
 * review of all passive cases under administration (bek. nr. 301 § 12,
 * stk. 1, nr. 2) and for the persons of the § 8 case sample (bek. nr. 1409).
 */
import type { DayNumber } from '../calendar/day-number.js';
import { benefitTypeAt, type MeasureContext } from './measure-context.js';
import { createFocusEvaluation, evaluateFocusMonth } from './focus-evaluation.js';
import type { LoadColumns } from './load-columns.js';
import { buildPersonTimeline } from './build-person-timeline.js';
import { OFFER_COUNTED } from './offer-counting.js';
import { PersonTimeline } from './person-timeline.js';
import { upperBound } from './sorted-search.js';
import type { BenefitType } from '../domain/benefit-type.js';
import type { MunicipalityCode } from '../domain/municipality.js';

/** One person of the target group at R. */
export interface TargetGroupMember {
  /** The person's index in the columns (the load's `person_key`). */
  readonly person: number;
  readonly municipality: MunicipalityCode;
  /** The benefit type of the period covering R. */
  readonly benefit: BenefitType;
  /** The first day of the spell. */
  readonly spellStart: DayNumber;
  /** Countable days of the spell up to R (the duration, M5). */
  readonly countableDays: number;
  /** W, the first day of the window (the spell's last 365 countable days). */
  readonly windowStart: DayNumber;
  /** Conversations counted in [W, R] (M7). */
  readonly conversations: number;
  /** A counted offer overlaps [W, R] (M8). */
  readonly offerCounted: boolean;
  /** Hours of ordinary work from the month of W to the month of R (M9). */
  readonly hours: number;
  readonly passiveForOffers: boolean;
  readonly passiveForConversations: boolean;
  /** The start of the latest counted offer starting on or before R (any spell); `undefined`: none. */
  readonly lastCountedOfferStart: DayNumber | undefined;
}

export interface TargetGroupRequest {
  readonly columns: LoadColumns;
  readonly context: MeasureContext;
  /** The month (offset in the context) whose R is the reference date. */
  readonly monthOffset: number;
  /** Only the target group of this municipality; all when absent. */
  readonly municipality?: MunicipalityCode;
}

/**
 * Every person in the target group at the R of `monthOffset`, in person
 * order. A person counts where the period covering R is (M3); the load
 * store has no overlapping periods, so there is at most one.
 */
export function targetGroupAt(request: TargetGroupRequest): TargetGroupMember[] {
  const { columns, context, monthOffset, municipality } = request;
  const reference = context.referenceDay[monthOffset];
  if (reference === undefined) throw new RangeError(`No month with offset ${monthOffset}`);
  const periods = columns.periods;
  const timeline = new PersonTimeline();
  const evaluation = createFocusEvaluation();
  const members: TargetGroupMember[] = [];
  for (let person = 0; person < columns.personCount; person += 1) {
    const first = periods.offsets[person] ?? 0;
    const end = periods.offsets[person + 1] ?? 0;
    const row = upperBound(periods.from, first, end, reference) - 1;
    if (row < first || (periods.to[row] ?? 0) < reference) continue;
    const code = periods.municipality[row] ?? 0;
    if (municipality !== undefined && code !== municipality) continue;
    buildPersonTimeline(columns, person, context, timeline);
    if (!evaluateFocusMonth(columns, timeline, context, row - first, monthOffset, evaluation))
      continue;
    members.push({
      person,
      municipality: code,
      benefit: benefitTypeAt(periods.benefit[row] ?? 0),
      spellStart: timeline.spellStart[evaluation.spell] ?? 0,
      countableDays: evaluation.countableDays,
      windowStart: evaluation.windowStart,
      conversations: evaluation.conversations,
      offerCounted: evaluation.offerCounted,
      hours: evaluation.hoursScaled / context.hoursScale,
      passiveForOffers: evaluation.passiveForOffers,
      passiveForConversations: evaluation.passiveForConversations,
      lastCountedOfferStart: lastCountedOfferStart(columns, timeline, reference),
    });
  }
  return members;
}

/** The start of the person's latest counted offer starting on or before `reference`. */
function lastCountedOfferStart(
  columns: LoadColumns,
  timeline: PersonTimeline,
  reference: DayNumber,
): DayNumber | undefined {
  const first = timeline.offerFirst;
  const high = upperBound(columns.offers.from, first, first + timeline.offerCount, reference);
  for (let row = high - 1; row >= first; row -= 1)
    if (timeline.offerVerdict[row - first] === OFFER_COUNTED) return columns.offers.from[row];
  return undefined;
}
