/**
 * The deadlines each decision sets (regime.md § 3). They run from the actual
 * notice date when it is known, otherwise from the notice deadline of the
 * decision (30 April Y+1). Month arithmetic keeps the end of the month: a
 * notice on 30 April gives 31 July, as seed 000 reads "senest 3 måneder
 * efter modtagelsen" for a notice at the end of April ("ved udgangen af
 * juli").
 *
 * Which rule sets the notice deadline depends on the decision: § 6, stk. 2
 * for a selection; 2023 § 13 (2019 § 14) for the end of administration; and
 * for the other decisions no rule at all — the system's practice
 * (`deadlines.notice.other_decisions`, marked "fortolkning").
 */
import { addCalendarMonths } from '../calendar/date-arithmetic.js';
import { isoDateOf, type IsoDate } from '../calendar/iso-date.js';
import { addMonths, firstDayOf, monthOfDate } from '../calendar/year-month.js';
import type { DecisionKind } from '../domain/supervision.js';
import { decisionBasis } from '../rules/decision-basis.js';
import type { RuleEntry } from '../rules/rule-book.js';
import { rulesForAssessment, type RulesInForce } from '../rules/rules-in-force.js';
import type { DayOfYear } from '../rules/value-types.js';
import { recoveryPeriod } from './assessment-dates.js';
import type { Deadline } from './deadline.js';

export interface DeadlineInput {
  readonly decision: DecisionKind;
  /** The assessment year. */
  readonly year: number;
  /** The rules that govern the assessment of `year`. */
  readonly rules: RulesInForce;
  /** The date the notice was actually received, when known. */
  readonly noticeDate?: IsoDate | undefined;
}

/** The rule that dates the notice of `decision`. */
export function noticeDeadlineRule(
  rules: RulesInForce,
  decision: Exclude<DecisionKind, 'stays_out' | 'requires_judgement'>,
): RuleEntry<DayOfYear> {
  switch (decision) {
    case 'selected':
      return rules.entry('deadlines.notice.selection');
    case 'administration_ends':
      return rules.entry('deadlines.notice.administration_end');
    case 'supervision_ends':
    case 'extended':
    case 'administration':
    case 'administration_continues':
      return rules.entry('deadlines.notice.other_decisions');
  }
}

/**
 * The deadlines of one decision in date order (a stable sort keeps the order
 * of kinds on the same date); none for `stays_out`, and none for
 * `requires_judgement`: no notice is due until a person has decided.
 */
export function decisionDeadlines(input: DeadlineInput): Deadline[] {
  const { decision, year, rules } = input;
  if (decision === 'stays_out' || decision === 'requires_judgement') return [];
  const noticeRule = noticeDeadlineRule(rules, decision);
  const notice =
    input.noticeDate ?? isoDateOf(year + 1, noticeRule.value.month, noticeRule.value.day);
  const deadlines: Deadline[] = [{ kind: 'notice', date: notice, legalBasis: noticeRule.source }];
  switch (decision) {
    case 'selected': {
      const account = rules.entry('deadlines.account_due_months');
      const accountDate = addCalendarMonths(notice, account.value);
      deadlines.push({ kind: 'account', date: accountDate, legalBasis: account.source });
      // 2019 rules, § 8: the sample review's result is part of the account (§ 7).
      const sampleReview = decisionBasis(rules, 'sample_review');
      if (sampleReview) {
        deadlines.push({ kind: 'sample_review', date: accountDate, legalBasis: sampleReview });
      }
      const period = recoveryPeriod(rules, year);
      const recovery = rules.entry('deadlines.recovery_period_months');
      deadlines.push(
        { kind: 'recovery_period_start', date: period.from, legalBasis: recovery.source },
        { kind: 'recovery_period_end', date: period.to, legalBasis: recovery.source },
      );
      break;
    }
    case 'extended': {
      // The recovery period being extended is the one set by the assessment
      // before: it ended on 31 December of this assessment year.
      const original = recoveryPeriod(rulesForAssessment(rules.book, year - 1), year - 1);
      const extension = rules.entry('deadlines.extension_months');
      deadlines.push({
        kind: 'extension_end',
        date: addCalendarMonths(original.to, extension.value),
        legalBasis: extension.source,
      });
      break;
    }
    case 'administration': {
      const effective = rules.entry('administration.effective_months_after_notice');
      deadlines.push({
        kind: 'minimum_requirements_from',
        date: firstDayOf(addMonths(monthOfDate(notice), effective.value)),
        legalBasis: effective.source,
      });
      deadlines.push(passiveCaseReview(notice, rules));
      break;
    }
    case 'administration_continues':
      // "Kommunens forpligtelse til at få gennemgået samtlige passivsager gælder hvert år".
      deadlines.push(passiveCaseReview(notice, rules));
      break;
    case 'supervision_ends':
    case 'administration_ends':
      break;
  }
  return deadlines.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function passiveCaseReview(notice: IsoDate, rules: RulesInForce): Deadline {
  const due = rules.entry('deadlines.case_review_due_months');
  return {
    kind: 'passive_case_review',
    date: addCalendarMonths(notice, due.value),
    legalBasis: due.source,
  };
}
