/**
 * The deadlines each decision sets (regime.md § 3). They run from the actual
 * notice date when it is known, otherwise from the notice deadline (30 April
 * Y+1). Month arithmetic keeps the end of the month: a notice on 30 April
 * gives 31 July, as seed 000 reads "senest 3 måneder efter modtagelsen" for
 * a notice at the end of April ("ved udgangen af juli").
 */
import { addCalendarMonths } from '../calendar/date-arithmetic.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { addMonths, firstDayOf, monthOfDate } from '../calendar/year-month.js';
import type { DecisionKind } from '../domain/supervision.js';
import { rulesForAssessment, type RulesInForce } from '../rules/rules-in-force.js';
import { noticeDeadline, recoveryPeriod } from './assessment-dates.js';
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

/**
 * The deadlines of one decision in date order (a stable sort keeps the order
 * of kinds on the same date); none for `stays_out`.
 */
export function decisionDeadlines(input: DeadlineInput): Deadline[] {
  const { decision, year, rules } = input;
  if (decision === 'stays_out') return [];
  const notice = input.noticeDate ?? noticeDeadline(rules, year);
  const deadlines: Deadline[] = [
    { kind: 'notice', date: notice, legalBasis: rules.noticeDeadlineDay.source },
  ];
  const paragraphs = rules.paragraphs.value;
  switch (decision) {
    case 'selected': {
      const account = addCalendarMonths(notice, rules.accountDueMonths.value);
      deadlines.push({ kind: 'account', date: account, legalBasis: rules.accountDueMonths.source });
      // 2019 rules, § 8: the sample review's result is part of the account (§ 7).
      if (rules.sampleCaseReview.value !== undefined && paragraphs.sample_review) {
        deadlines.push({
          kind: 'sample_review',
          date: account,
          legalBasis: paragraphs.sample_review,
        });
      }
      const period = recoveryPeriod(rules, year);
      deadlines.push(
        {
          kind: 'recovery_period_start',
          date: period.from,
          legalBasis: rules.recoveryPeriodMonths.source,
        },
        {
          kind: 'recovery_period_end',
          date: period.to,
          legalBasis: rules.recoveryPeriodMonths.source,
        },
      );
      break;
    }
    case 'extended': {
      // The recovery period being extended is the one set by the assessment
      // before: it ended on 31 December of this assessment year.
      const original = recoveryPeriod(rulesForAssessment(year - 1), year - 1);
      deadlines.push({
        kind: 'extension_end',
        date: addCalendarMonths(original.to, rules.extensionMonths.value),
        legalBasis: rules.extensionMonths.source,
      });
      break;
    }
    case 'administration': {
      deadlines.push({
        kind: 'minimum_requirements_from',
        date: firstDayOf(
          addMonths(monthOfDate(notice), rules.administrationEffectiveMonthsAfterNotice.value),
        ),
        legalBasis: rules.administrationEffectiveMonthsAfterNotice.source,
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
  return {
    kind: 'passive_case_review',
    date: addCalendarMonths(notice, rules.caseReviewDueMonths.value),
    legalBasis: rules.caseReviewDueMonths.source,
  };
}
