/**
 * Spells (measures.md §§ 2, M1–M3): the continuous receipt of one benefit
 * type by one person.
 *
 * Vejledningen til bek. nr. 301 § 5: "der som udgangspunkt er tale om et nyt
 * forløb og dermed ny ydelsesvarighed, når der er en ny situation for
 * personen. Et ydelsesskift medfører som hovedregel en ny situation for
 * personen […] Ved ydelsesskift starter der altså som udgangspunkt en ny
 * periode for opgørelsen."
 *
 * - M1: consecutive periods of the same type join when the gap (days strictly
 *   between them) is short: dagpenge ≤ 365 days, sygedagpenge and
 *   jobafklaring 0 days, the municipal benefits no whole calendar month.
 *   Only consecutive periods are compared.
 * - M2: a change of type starts a new spell, except selvforsørgelse
 *   continuing into uddannelseshjælp or kontanthjælp with no whole calendar
 *   month between.
 * - M3: the spell belongs at R to the municipality and type of the period
 *   covering R; a move does not break it (the municipality plays no part here).
 */
import { civilOf, dayNumberOf, daysInMonth, type DayNumber } from '../calendar/day-number.js';
import type { BenefitPeriodColumns } from './load-columns.js';
import { NO_WHOLE_CALENDAR_MONTH, type SpellJoinRules } from './spell-join-rules.js';
import type { MeasureContext } from './measure-context.js';
import type { PersonTimeline } from './person-timeline.js';
import { int32Capacity, uint8Capacity } from './typed-array-capacity.js';

/** How a period relates to the spell before it. */
export const SPELL_FIRST_PERIOD = 0;
/** Same type, gap within the type's rule (M1): the spell goes on. */
export const SPELL_JOINED_SAME_TYPE = 1;
/** Selvforsørgelse into uddannelseshjælp/kontanthjælp (M2): the spell goes on. */
export const SPELL_JOINED_CONTINUATION = 2;
/** A change of type (M2): a new spell. */
export const SPELL_NEW_TYPE_CHANGE = 3;
/** Same type, gap too long (M1): a new spell. */
export const SPELL_NEW_GAP_TOO_LONG = 4;

/** Whether the days strictly between `previousTo` and `nextFrom` hold a whole calendar month. */
export function gapContainsWholeCalendarMonth(previousTo: DayNumber, nextFrom: DayNumber): boolean {
  const gapStart = previousTo + 1;
  const gapEnd = nextFrom - 1;
  if (gapEnd < gapStart) return false;
  const { year, month, day } = civilOf(gapStart);
  let candidateYear = year;
  let candidateMonth = month;
  if (day !== 1) {
    candidateMonth += 1;
    if (candidateMonth > 12) {
      candidateMonth = 1;
      candidateYear += 1;
    }
  }
  const candidateEnd = dayNumberOf(
    candidateYear,
    candidateMonth,
    daysInMonth(candidateYear, candidateMonth),
  );
  return candidateEnd <= gapEnd;
}

/** Whether a gap satisfies a gap rule (`maxGapDays` ≥ 0, or {@link NO_WHOLE_CALENDAR_MONTH}). */
export function gapAllowed(
  maxGapDays: number,
  previousTo: DayNumber,
  nextFrom: DayNumber,
): boolean {
  if (maxGapDays === NO_WHOLE_CALENDAR_MONTH)
    return !gapContainsWholeCalendarMonth(previousTo, nextFrom);
  return nextFrom - previousTo - 1 <= maxGapDays;
}

/**
 * M1/M2: does a period of `nextType` starting `nextFrom` continue the spell
 * whose previous period is of `previousType` and ended `previousTo`?
 * Returns a `SPELL_*` decision code.
 */
export function spellJoinDecision(
  context: SpellJoinRules,
  previousType: number,
  previousTo: DayNumber,
  nextType: number,
  nextFrom: DayNumber,
): number {
  if (previousType === nextType) {
    return gapAllowed(context.maxGapDays[nextType] ?? 0, previousTo, nextFrom)
      ? SPELL_JOINED_SAME_TYPE
      : SPELL_NEW_GAP_TOO_LONG;
  }
  const into = context.continuesInto[previousType] ?? 0;
  if (
    (into & (1 << nextType)) !== 0 &&
    gapAllowed(context.continuationMaxGapDays[previousType] ?? 0, previousTo, nextFrom)
  )
    return SPELL_JOINED_CONTINUATION;
  return SPELL_NEW_TYPE_CHANGE;
}

/** Splits `person`'s periods (sorted by date, not overlapping) into spells. */
export function buildSpells(
  periods: BenefitPeriodColumns,
  person: number,
  context: MeasureContext,
  timeline: PersonTimeline,
): void {
  const first = periods.offsets[person] ?? 0;
  const end = periods.offsets[person + 1] ?? 0;
  const count = end - first;
  timeline.periodFirst = first;
  timeline.periodCount = count;
  timeline.spellOfPeriod = int32Capacity(timeline.spellOfPeriod, count);
  timeline.joinDecision = uint8Capacity(timeline.joinDecision, count);
  timeline.gapBefore = int32Capacity(timeline.gapBefore, count);
  timeline.spellFirstPeriod = int32Capacity(timeline.spellFirstPeriod, count);
  timeline.spellLastPeriod = int32Capacity(timeline.spellLastPeriod, count);
  timeline.spellStart = int32Capacity(timeline.spellStart, count);
  let spell = -1;
  for (let local = 0; local < count; local += 1) {
    const row = first + local;
    const from = periods.from[row] ?? 0;
    let decision = SPELL_FIRST_PERIOD;
    let gap = 0;
    if (local > 0) {
      const previousTo = periods.to[row - 1] ?? 0;
      if (from <= previousTo)
        throw new Error(
          `The load store holds overlapping or unsorted benefit periods (person_key ${person}); the loader must reject them`,
        );
      gap = from - previousTo - 1;
      decision = spellJoinDecision(
        context,
        periods.benefit[row - 1] ?? 0,
        previousTo,
        periods.benefit[row] ?? 0,
        from,
      );
    }
    if (decision === SPELL_FIRST_PERIOD || decision >= SPELL_NEW_TYPE_CHANGE) {
      spell += 1;
      timeline.spellFirstPeriod[spell] = local;
      timeline.spellStart[spell] = from;
    }
    timeline.spellLastPeriod[spell] = local;
    timeline.spellOfPeriod[local] = spell;
    timeline.joinDecision[local] = decision;
    timeline.gapBefore[local] = gap;
  }
  timeline.spellCount = spell + 1;
}
