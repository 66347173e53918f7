/**
 * Offers and hours of ordinary work (measures.md § 5, M8, M9).
 *
 * Bek. nr. 301 § 3, stk. 2: "Ved beskæftigelsesrettet tilbud forstås i denne
 * bekendtgørelse et tilbud efter reglerne i kapitel 11-14 i lov om en aktiv
 * beskæftigelsesindsats, dog ikke tilbud om øvrig vejledning og
 * opkvalificering, jf. § 91 […], til andre personer end uddannelseshjælps- og
 * overgangsydelsesmodtagere omfattet af § 6, nr. 4 og 5". Vejledningen: "Ved
 * opgørelse af beskæftigelsesrettede tilbud afgivet i perioder før den 22.
 * marts 2023, anvendes dog de på daværende tidspunkt gældende regler" — each
 * offer is judged under the rules in force on its start date.
 *
 * § 5, nr. 1: "ikke har modtaget mindst et beskæftigelsesrettet tilbud eller
 * haft mindst 100 timers ordinær beskæftigelse" — hours count for the months
 * from the month of W to the month of R (M9), the threshold being that of R.
 */
import type { DayNumber } from '../calendar/day-number.js';
import { BENEFIT_TYPES } from '../domain/benefit-type.js';
import { valueOnDay } from './day-lookup.js';
import type { BenefitPeriodColumns, OfferColumns, WorkHourColumns } from './load-columns.js';
import type { MeasureContext } from './measure-context.js';
import type { PersonTimeline } from './person-timeline.js';
import { int32Capacity, uint8Capacity, float64Capacity } from './typed-array-capacity.js';
import { lowerBound, upperBound } from './sorted-search.js';

/** The offer counts (when it overlaps the window). */
export const OFFER_COUNTED = 0;
/** Its type is not an offer under LAB chapters 11–14 (e.g. `other`). */
export const OFFER_TYPE_NOT_COUNTED = 1;
/** A § 91 offer starting under the 2023 rule to a recipient of another benefit. */
export const OFFER_SECTION_91_OTHER_RECIPIENT = 2;
/** A § 91 offer starting under the 2023 rule on a day no benefit period covers. */
export const OFFER_SECTION_91_NO_BENEFIT = 3;

/** The recipients mask meaning "every recipient" (the rule before 22 March 2023). */
const EVERY_BENEFIT_TYPE = (1 << BENEFIT_TYPES.length) - 1;

/** The benefit type (index) of the period covering `day` among `person`'s periods, or −1. */
export function benefitOnDay(
  periods: BenefitPeriodColumns,
  person: number,
  day: DayNumber,
): number {
  const first = periods.offsets[person] ?? 0;
  const end = periods.offsets[person + 1] ?? 0;
  const row = upperBound(periods.from, first, end, day) - 1;
  if (row < first || (periods.to[row] ?? 0) < day) return -1;
  return periods.benefit[row] ?? 0;
}

/**
 * M8: does an offer of `type` starting on `from` count, for a person whose
 * benefit type on that date is `benefitOnStart` (−1: none)? Returns an
 * `OFFER_*` code.
 */
export function offerVerdictOf(
  context: MeasureContext,
  type: number,
  from: DayNumber,
  benefitOnStart: number,
): number {
  if (((1 << type) & valueOnDay(context.countedOfferTypes, from)) === 0)
    return OFFER_TYPE_NOT_COUNTED;
  if (type !== context.section91OfferType) return OFFER_COUNTED;
  const recipients = valueOnDay(context.section91Recipients, from);
  if (recipients === EVERY_BENEFIT_TYPE) return OFFER_COUNTED;
  if (benefitOnStart < 0) return OFFER_SECTION_91_NO_BENEFIT;
  return ((1 << benefitOnStart) & recipients) !== 0
    ? OFFER_COUNTED
    : OFFER_SECTION_91_OTHER_RECIPIENT;
}

/** Verdicts and prefix maxima of the person's offers (sorted by start date). */
export function buildOfferPrefixes(
  offers: OfferColumns,
  periods: BenefitPeriodColumns,
  person: number,
  context: MeasureContext,
  timeline: PersonTimeline,
): void {
  const first = offers.offsets[person] ?? 0;
  const end = offers.offsets[person + 1] ?? 0;
  const count = end - first;
  timeline.offerFirst = first;
  timeline.offerCount = count;
  timeline.offerVerdict = uint8Capacity(timeline.offerVerdict, count);
  timeline.countedOfferMaxTo = int32Capacity(timeline.countedOfferMaxTo, count + 1);
  timeline.companyOfferMaxTo = int32Capacity(timeline.companyOfferMaxTo, count + 1);
  timeline.countedOfferPrefix = int32Capacity(timeline.countedOfferPrefix, count + 1);
  const maxTo = timeline.countedOfferMaxTo;
  const companyMaxTo = timeline.companyOfferMaxTo;
  const prefix = timeline.countedOfferPrefix;
  maxTo[0] = -1;
  companyMaxTo[0] = -1;
  prefix[0] = 0;
  for (let local = 0; local < count; local += 1) {
    const row = first + local;
    const type = offers.type[row] ?? 0;
    const from = offers.from[row] ?? 0;
    const to = offers.to[row] ?? 0;
    const benefit = type === context.section91OfferType ? benefitOnDay(periods, person, from) : -1;
    const verdict =
      to < from ? OFFER_TYPE_NOT_COUNTED : offerVerdictOf(context, type, from, benefit);
    timeline.offerVerdict[local] = verdict;
    const counted = verdict === OFFER_COUNTED;
    maxTo[local + 1] = counted ? Math.max(maxTo[local] ?? -1, to) : (maxTo[local] ?? -1);
    const company = counted && ((1 << type) & context.companyDirectedOfferMask) !== 0;
    companyMaxTo[local + 1] = company
      ? Math.max(companyMaxTo[local] ?? -1, to)
      : (companyMaxTo[local] ?? -1);
    prefix[local + 1] = (prefix[local] ?? 0) + (counted ? 1 : 0);
  }
}

/** An offer [from, to] overlaps the window [W, R] (an ongoing offer has `to` = ONGOING). */
export function offerOverlapsWindow(
  from: DayNumber,
  to: DayNumber,
  windowStart: DayNumber,
  reference: DayNumber,
): boolean {
  return from <= reference && to >= windowStart;
}

/** M8: whether a counted offer overlaps [W, R]. */
export function hasCountedOfferInWindow(
  offers: OfferColumns,
  timeline: PersonTimeline,
  windowStart: DayNumber,
  reference: DayNumber,
): boolean {
  const count = timeline.offerCount;
  // No counted offer ends on or after W at all: nothing to search.
  if ((timeline.countedOfferMaxTo[count] ?? -1) < windowStart) return false;
  const first = timeline.offerFirst;
  const high = upperBound(offers.from, first, first + count, reference);
  return (timeline.countedOfferMaxTo[high - first] ?? -1) >= windowStart;
}

/** § 9: whether a counted company-directed offer overlaps [W, R]. */
export function hasCompanyOfferInWindow(
  offers: OfferColumns,
  timeline: PersonTimeline,
  windowStart: DayNumber,
  reference: DayNumber,
): boolean {
  const first = timeline.offerFirst;
  const high = upperBound(offers.from, first, first + timeline.offerCount, reference);
  return (timeline.companyOfferMaxTo[high - first] ?? -1) >= windowStart;
}

/** M12: counted offers starting in [from, to]. */
export function countedOffersStartingBetween(
  offers: OfferColumns,
  timeline: PersonTimeline,
  from: DayNumber,
  to: DayNumber,
): number {
  const first = timeline.offerFirst;
  const end = first + timeline.offerCount;
  const low = lowerBound(offers.from, first, end, from);
  const high = upperBound(offers.from, low, end, to);
  return (
    (timeline.countedOfferPrefix[high - first] ?? 0) -
    (timeline.countedOfferPrefix[low - first] ?? 0)
  );
}

/** Hours of one row in hundredths (M9: rounded to the precision before adding). */
export function scaledHours(hours: number, scale: number): number {
  return Math.round(hours * scale);
}

/** Prefix sums of the person's hours (scaled to integers, M9). */
export function buildWorkHourPrefixes(
  workHours: WorkHourColumns,
  person: number,
  context: MeasureContext,
  timeline: PersonTimeline,
): void {
  const first = workHours.offsets[person] ?? 0;
  const end = workHours.offsets[person + 1] ?? 0;
  const count = end - first;
  timeline.hoursFirst = first;
  timeline.hoursCount = count;
  timeline.hoursPrefix = float64Capacity(timeline.hoursPrefix, count + 1);
  const prefix = timeline.hoursPrefix;
  prefix[0] = 0;
  for (let local = 0; local < count; local += 1) {
    prefix[local + 1] =
      (prefix[local] ?? 0) + scaledHours(workHours.hours[first + local] ?? 0, context.hoursScale);
  }
}

/** M9: hours (scaled) in the months `fromMonth` … `toMonth` (running month indices). */
export function workHoursInMonths(
  workHours: WorkHourColumns,
  timeline: PersonTimeline,
  fromMonth: number,
  toMonth: number,
): number {
  const first = timeline.hoursFirst;
  const end = first + timeline.hoursCount;
  const low = lowerBound(workHours.month, first, end, fromMonth);
  const high = upperBound(workHours.month, low, end, toMonth);
  return (timeline.hoursPrefix[high - first] ?? 0) - (timeline.hoursPrefix[low - first] ?? 0);
}
