/**
 * The target group of the focus goals at R and the window (measures.md § 3,
 * M5, M6).
 *
 * Bek. nr. 301 § 5: "Den gennemsnitlige andel personer i den samlede gruppe
 * af ydelsesmodtagere, jf. § 2, stk. 2, som har haft et ydelsesforløb med en
 * samlet varighed på mindst 12 måneder, og som i de seneste 12 måneder af
 * ydelsesforløbet …". Vejledningen: "Personer, der har været fritaget mindst
 * 50 pct. af ydelsesforløbet, udgår af optællingen."
 *
 * A person is in the target group of municipality k at R when a period of a
 * covered type covers R with municipality k (the caller finds it; a month
 * whose R falls in a gap inside a joined spell has no such period), the
 * spell's duration at R is at least 365 countable days, and the exempt days
 * are less than 50 % of the spell's countable days up to R (over the whole
 * spell up to R, not only the window; exactly 50 % leaves the count). The
 * window [W, R] is the spell's last 365 countable days.
 */
import type { DayNumber } from '../calendar/day-number.js';
import { countableDaysUpTo, exemptDaysUpTo, nthCountableDay } from './countable-days.js';
import type { MeasureContext } from './measure-context.js';
import type { PersonTimeline } from './person-timeline.js';

/** In the target group. */
export const IN_TARGET_GROUP = 0;
/** No benefit period covers R. */
export const NOT_COVERED_AT_REFERENCE = 1;
/** The spell is shorter than the minimum duration at R (M5). */
export const SPELL_TOO_SHORT = 2;
/** Exempt at least the exclusion share of the spell (M6). */
export const EXEMPT_TOO_LONG = 3;

export interface TargetGroupVerdict {
  status: number;
  /** Duration at R: countable days of the spell up to R. */
  countableDays: number;
  /** Exempt countable days up to R (only when the duration suffices). */
  exemptDays: number;
  /** W, the first day of the window (only in the target group). */
  windowStart: DayNumber;
}

/**
 * M6, "Personer, der har været fritaget mindst 50 pct. af ydelsesforløbet,
 * udgår af optællingen": true when the exempt days make the person leave.
 */
export function exemptAtLeastExclusionShare(
  exemptDays: number,
  countableDays: number,
  exclusionPercent: number,
): boolean {
  return exemptDays * 100 >= exclusionPercent * countableDays;
}

/**
 * The start W of the window: the latest date such that the spell has
 * `windowDays` countable days in [W, R] — the spell's (C − windowDays + 1)-th
 * countable day, C being the duration at R.
 */
export function windowStartOf(
  timeline: PersonTimeline,
  spell: number,
  countableDays: number,
  windowDays: number,
): DayNumber {
  return nthCountableDay(timeline, spell, Math.max(1, countableDays - windowDays + 1));
}

/** Judges membership of the target group at the R of month `monthOffset` for `spell`. */
export function judgeTargetGroup(
  timeline: PersonTimeline,
  context: MeasureContext,
  spell: number,
  monthOffset: number,
  verdict: TargetGroupVerdict,
): boolean {
  const reference = context.referenceDay[monthOffset] ?? 0;
  const countable = countableDaysUpTo(timeline, spell, reference);
  verdict.countableDays = countable;
  verdict.exemptDays = 0;
  verdict.windowStart = 0;
  if (countable < (context.minimumDurationDays[monthOffset] ?? 0)) {
    verdict.status = SPELL_TOO_SHORT;
    return false;
  }
  const exempt = exemptDaysUpTo(timeline, spell, reference);
  verdict.exemptDays = exempt;
  if (exemptAtLeastExclusionShare(exempt, countable, context.exemptionPercent[monthOffset] ?? 0)) {
    verdict.status = EXEMPT_TOO_LONG;
    return false;
  }
  verdict.windowStart = windowStartOf(
    timeline,
    spell,
    countable,
    context.windowDays[monthOffset] ?? 0,
  );
  verdict.status = IN_TARGET_GROUP;
  return true;
}
