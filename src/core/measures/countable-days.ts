/**
 * Countable days (measures.md § 2): days covered by the spell's periods that
 * are not dead. Duration at R = countable days up to and including R. Exempt
 * days = countable days with an exemption of another reason (M6).
 *
 * Each spell becomes a list of segments (maximal runs of countable days within
 * one period) with the number of countable days before each, so that the
 * duration at any date and the date of the n-th countable day are binary
 * searches.
 */
import type { DayNumber } from '../calendar/day-number.js';
import type { BenefitPeriodColumns } from './load-columns.js';
import type { PersonTimeline } from './person-timeline.js';
import { int32Capacity, float64Capacity } from './typed-array-capacity.js';

/** Builds the countable and exempt segments of every spell of `timeline`. */
export function buildCountableSegments(
  periods: BenefitPeriodColumns,
  timeline: PersonTimeline,
): void {
  const periodCount = timeline.periodCount;
  const spellCount = timeline.spellCount;
  const maxSegments = periodCount + timeline.deadCount;
  timeline.segmentFrom = int32Capacity(timeline.segmentFrom, maxSegments);
  timeline.segmentTo = int32Capacity(timeline.segmentTo, maxSegments);
  timeline.segmentBefore = float64Capacity(timeline.segmentBefore, maxSegments);
  timeline.segmentPeriod = int32Capacity(timeline.segmentPeriod, maxSegments);
  timeline.spellSegmentStart = int32Capacity(timeline.spellSegmentStart, spellCount);
  timeline.spellSegmentEnd = int32Capacity(timeline.spellSegmentEnd, spellCount);
  timeline.spellExemptStart = int32Capacity(timeline.spellExemptStart, spellCount);
  timeline.spellExemptEnd = int32Capacity(timeline.spellExemptEnd, spellCount);

  const deadFrom = timeline.deadFrom;
  const deadTo = timeline.deadTo;
  const deadCount = timeline.deadCount;
  const segmentFrom = timeline.segmentFrom;
  const segmentTo = timeline.segmentTo;
  const segmentBefore = timeline.segmentBefore;
  const segmentPeriod = timeline.segmentPeriod;
  let segments = 0;
  let dead = 0;
  for (let spell = 0; spell < spellCount; spell += 1) {
    timeline.spellSegmentStart[spell] = segments;
    let counted = 0;
    const lastPeriod = timeline.spellLastPeriod[spell] ?? 0;
    for (let local = timeline.spellFirstPeriod[spell] ?? 0; local <= lastPeriod; local += 1) {
      const row = timeline.periodFirst + local;
      let cursor = periods.from[row] ?? 0;
      const periodEnd = periods.to[row] ?? 0;
      while (dead < deadCount && (deadTo[dead] ?? 0) < cursor) dead += 1;
      let next = dead;
      while (cursor <= periodEnd) {
        const nextFrom = next < deadCount ? (deadFrom[next] ?? 0) : Infinity;
        if (nextFrom <= periodEnd) {
          if (nextFrom > cursor) {
            segmentFrom[segments] = cursor;
            segmentTo[segments] = nextFrom - 1;
            segmentBefore[segments] = counted;
            segmentPeriod[segments] = local;
            counted += nextFrom - cursor;
            segments += 1;
          }
          cursor = Math.max(cursor, (deadTo[next] ?? 0) + 1);
          next += 1;
        } else {
          segmentFrom[segments] = cursor;
          segmentTo[segments] = periodEnd;
          segmentBefore[segments] = counted;
          segmentPeriod[segments] = local;
          counted += periodEnd - cursor + 1;
          segments += 1;
          break;
        }
      }
    }
    timeline.spellSegmentEnd[spell] = segments;
  }
  timeline.segmentCount = segments;
  buildExemptSegments(timeline);
}

/** Intersects the countable segments with the merged exemptions (M6). */
function buildExemptSegments(timeline: PersonTimeline): void {
  const maxSegments = timeline.segmentCount + timeline.exemptionCount;
  timeline.exemptSegmentFrom = int32Capacity(timeline.exemptSegmentFrom, maxSegments);
  timeline.exemptSegmentTo = int32Capacity(timeline.exemptSegmentTo, maxSegments);
  timeline.exemptSegmentBefore = float64Capacity(timeline.exemptSegmentBefore, maxSegments);
  const exemptionFrom = timeline.exemptionFrom;
  const exemptionTo = timeline.exemptionTo;
  const exemptionCount = timeline.exemptionCount;
  let written = 0;
  let exemption = 0;
  for (let spell = 0; spell < timeline.spellCount; spell += 1) {
    timeline.spellExemptStart[spell] = written;
    let counted = 0;
    const end = timeline.spellSegmentEnd[spell] ?? 0;
    for (let segment = timeline.spellSegmentStart[spell] ?? 0; segment < end; segment += 1) {
      const from = timeline.segmentFrom[segment] ?? 0;
      const to = timeline.segmentTo[segment] ?? 0;
      while (exemption < exemptionCount && (exemptionTo[exemption] ?? 0) < from) exemption += 1;
      for (let next = exemption; next < exemptionCount; next += 1) {
        const start = exemptionFrom[next] ?? 0;
        if (start > to) break;
        const overlapFrom = Math.max(start, from);
        const overlapTo = Math.min(exemptionTo[next] ?? 0, to);
        timeline.exemptSegmentFrom[written] = overlapFrom;
        timeline.exemptSegmentTo[written] = overlapTo;
        timeline.exemptSegmentBefore[written] = counted;
        counted += overlapTo - overlapFrom + 1;
        written += 1;
      }
    }
    timeline.spellExemptEnd[spell] = written;
  }
  timeline.exemptSegmentCount = written;
}

/** Countable days of `spell` up to and including `day`: the duration at `day`. */
export function countableDaysUpTo(timeline: PersonTimeline, spell: number, day: DayNumber): number {
  return daysUpTo(
    timeline.segmentFrom,
    timeline.segmentTo,
    timeline.segmentBefore,
    timeline.spellSegmentStart[spell] ?? 0,
    timeline.spellSegmentEnd[spell] ?? 0,
    day,
  );
}

/** Exempt countable days of `spell` up to and including `day` (M6). */
export function exemptDaysUpTo(timeline: PersonTimeline, spell: number, day: DayNumber): number {
  return daysUpTo(
    timeline.exemptSegmentFrom,
    timeline.exemptSegmentTo,
    timeline.exemptSegmentBefore,
    timeline.spellExemptStart[spell] ?? 0,
    timeline.spellExemptEnd[spell] ?? 0,
    day,
  );
}

/** The date of the spell's `n`-th countable day (n ≥ 1, at most the spell's countable days). */
export function nthCountableDay(timeline: PersonTimeline, spell: number, n: number): DayNumber {
  const before = timeline.segmentBefore;
  let low = timeline.spellSegmentStart[spell] ?? 0;
  let high = (timeline.spellSegmentEnd[spell] ?? 0) - 1;
  // Last segment with before < n.
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((before[middle] ?? 0) < n) low = middle;
    else high = middle - 1;
  }
  return (timeline.segmentFrom[low] ?? 0) + (n - (before[low] ?? 0) - 1);
}

/** The segment (index) holding the spell's countable day `day`, or −1 when `day` is not countable. */
export function segmentAt(timeline: PersonTimeline, spell: number, day: DayNumber): number {
  const start = timeline.spellSegmentStart[spell] ?? 0;
  const end = timeline.spellSegmentEnd[spell] ?? 0;
  const index = lastStartingAtOrBefore(timeline.segmentFrom, start, end, day);
  return index >= 0 && (timeline.segmentTo[index] ?? 0) >= day ? index : -1;
}

function daysUpTo(
  froms: Int32Array,
  tos: Int32Array,
  befores: Float64Array,
  start: number,
  end: number,
  day: DayNumber,
): number {
  const index = lastStartingAtOrBefore(froms, start, end, day);
  if (index < 0) return 0;
  return (befores[index] ?? 0) + Math.min(tos[index] ?? 0, day) - (froms[index] ?? 0) + 1;
}

/** The last index in [start, end) whose value is ≤ `day`, or −1. */
function lastStartingAtOrBefore(
  values: Int32Array,
  start: number,
  end: number,
  day: number,
): number {
  let low = start;
  let high = end - 1;
  if (high < low || (values[low] ?? 0) > day) return -1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((values[middle] ?? 0) <= day) low = middle;
    else high = middle - 1;
  }
  return low;
}
