/**
 * The dates every annual assessment sets, from the rule tree: the assessment
 * of year Y is published by 1 April Y+1 (bek. nr. 301 § 2, stk. 3) and the
 * notices of selection are sent by the end of April Y+1 (§ 6, stk. 2).
 */
import { addDays, isoDateOf, type IsoDate } from '../calendar/iso-date.js';
import { addCalendarMonths } from '../calendar/date-arithmetic.js';
import type { RulesInForce } from '../rules/rules-in-force.js';

/** § 2, stk. 3: "offentliggøres senest 1. april det følgende år". */
export function publicationDate(rules: RulesInForce, year: number): IsoDate {
  const { month, day } = rules.value('deadlines.publication_day');
  return isoDateOf(year + 1, month, day);
}

/** § 6, stk. 2: "sender hvert år inden udgangen af april meddelelse" (the notice of selection). */
export function noticeDeadline(rules: RulesInForce, year: number): IsoDate {
  const { month, day } = rules.value('deadlines.notice.selection');
  return isoDateOf(year + 1, month, day);
}

export interface Period {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * Law § 22 d, stk. 1: "en genopretningsperiode på 9 måneder"; seed 000:
 * "Perioden regnes fra tidspunktet for offentliggørelsen af resultaterne af
 * den årlige opgørelse og 9 måneder frem" — 1 April to 31 December Y+1 for a
 * selection at the assessment of Y.
 */
export function recoveryPeriod(rules: RulesInForce, year: number): Period {
  const from = publicationDate(rules, year);
  return {
    from,
    to: addDays(addCalendarMonths(from, rules.value('deadlines.recovery_period_months')), -1),
  };
}
