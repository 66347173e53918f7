/**
 * One answer to "which rules are in force on date D": the version and every
 * parameter value with its legal source.
 */
import type { IsoDate } from '../calendar/iso-date.js';
import type { YearMonth } from '../calendar/year-month.js';
import type { BenefitType } from '../domain/benefit-type.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import { FOCUS_MEASURE_AVERAGING_MONTHS } from './averaging-parameters.js';
import {
  ADMINISTRATION_MINIMUM_REQUIREMENTS,
  SAMPLE_CASE_REVIEW,
  type AdministrationRequirements,
  type SampleReviewRule,
} from './case-review-parameters.js';
import { entryOn, type DatedValue, type Parameter } from './dated-parameter.js';
import { DECISION_PARAGRAPHS, type DecisionParagraphs } from './decision-paragraphs.js';
import {
  ACCOUNT_DUE_MONTHS,
  ADMINISTRATION_EFFECTIVE_MONTHS_AFTER_NOTICE,
  ASSESSMENT_PUBLICATION_DAY,
  CASE_REVIEW_DUE_MONTHS,
  EXTENSION_IMPROVEMENT_FRACTION,
  EXTENSION_MONTHS,
  MEETING_MINIMUM_NOTICE_DAYS,
  NOTICE_DEADLINE_DAY,
  RECOVERY_PERIOD_MONTHS,
  type DayOfYear,
} from './deadline-parameters.js';
import {
  CONVERSATIONS_GOAL_THRESHOLD,
  CONVERSATIONS_REQUIRED,
  FIRST_JOB_CONVERSATION_IN_PERSON,
  OFFERS_GOAL_THRESHOLD,
  ORDINARY_WORK_HOURS_FOR_OFFER,
  SECTION_91_OFFER_RECIPIENTS,
} from './focus-goal-parameters.js';
import { assessmentRuleDate, ruleVersionOn, type RuleVersion } from './rule-version.js';
import {
  COVID_DEAD_PERIOD,
  FIRST_ASSESSMENT_YEAR_GOAL_CAN_GROUND,
  FIRST_ASSESSMENT_YEAR_THAT_CAN_SELECT,
  MONTHS_EXCLUDED_FROM_AVERAGES,
} from './transitional-parameters.js';

/** Every parameter of the regime, for listings and documentation. */
export const ALL_PARAMETERS: readonly Parameter<unknown>[] = [
  OFFERS_GOAL_THRESHOLD,
  ORDINARY_WORK_HOURS_FOR_OFFER,
  CONVERSATIONS_GOAL_THRESHOLD,
  CONVERSATIONS_REQUIRED,
  FIRST_JOB_CONVERSATION_IN_PERSON,
  SECTION_91_OFFER_RECIPIENTS,
  SAMPLE_CASE_REVIEW,
  ADMINISTRATION_MINIMUM_REQUIREMENTS,
  FIRST_ASSESSMENT_YEAR_THAT_CAN_SELECT,
  FIRST_ASSESSMENT_YEAR_GOAL_CAN_GROUND,
  MONTHS_EXCLUDED_FROM_AVERAGES,
  FOCUS_MEASURE_AVERAGING_MONTHS,
  COVID_DEAD_PERIOD,
  DECISION_PARAGRAPHS,
  ASSESSMENT_PUBLICATION_DAY,
  NOTICE_DEADLINE_DAY,
  ACCOUNT_DUE_MONTHS,
  RECOVERY_PERIOD_MONTHS,
  EXTENSION_MONTHS,
  EXTENSION_IMPROVEMENT_FRACTION,
  ADMINISTRATION_EFFECTIVE_MONTHS_AFTER_NOTICE,
  CASE_REVIEW_DUE_MONTHS,
  MEETING_MINIMUM_NOTICE_DAYS,
];

/** The rules in force on one date: each value with the source it comes from. */
export interface RulesInForce {
  readonly date: IsoDate;
  readonly version: RuleVersion;
  readonly goalThreshold: Readonly<Record<FocusGoal, DatedValue<number>>>;
  readonly ordinaryWorkHoursForOffer: DatedValue<number>;
  readonly conversationsRequired: DatedValue<number>;
  readonly firstJobConversationInPerson: DatedValue<boolean>;
  readonly section91OfferRecipients: DatedValue<readonly BenefitType[] | undefined>;
  readonly sampleCaseReview: DatedValue<SampleReviewRule | undefined>;
  readonly administrationRequirements: DatedValue<AdministrationRequirements>;
  readonly firstAssessmentYearThatCanSelect: DatedValue<number | undefined>;
  readonly firstAssessmentYearGoalCanGround: DatedValue<
    Readonly<Record<FocusGoal, number | undefined>>
  >;
  readonly monthsExcludedFromAverages: DatedValue<{ from: YearMonth; to: YearMonth }>;
  readonly covidDeadPeriod: DatedValue<{ from: IsoDate; to: IsoDate }>;
  readonly paragraphs: DatedValue<DecisionParagraphs>;
  readonly assessmentPublicationDay: DatedValue<DayOfYear>;
  readonly noticeDeadlineDay: DatedValue<DayOfYear>;
  readonly accountDueMonths: DatedValue<number>;
  readonly recoveryPeriodMonths: DatedValue<number>;
  readonly extensionMonths: DatedValue<number>;
  readonly extensionImprovementFraction: DatedValue<number>;
  readonly administrationEffectiveMonthsAfterNotice: DatedValue<number>;
  readonly caseReviewDueMonths: DatedValue<number>;
  readonly meetingMinimumNoticeDays: DatedValue<number>;
}

/** The version and every rule value in force on `date`. */
export function rulesInForce(date: IsoDate): RulesInForce {
  return {
    date,
    version: ruleVersionOn(date),
    goalThreshold: {
      offers: entryOn(OFFERS_GOAL_THRESHOLD, date),
      conversations: entryOn(CONVERSATIONS_GOAL_THRESHOLD, date),
    },
    ordinaryWorkHoursForOffer: entryOn(ORDINARY_WORK_HOURS_FOR_OFFER, date),
    conversationsRequired: entryOn(CONVERSATIONS_REQUIRED, date),
    firstJobConversationInPerson: entryOn(FIRST_JOB_CONVERSATION_IN_PERSON, date),
    section91OfferRecipients: entryOn(SECTION_91_OFFER_RECIPIENTS, date),
    sampleCaseReview: entryOn(SAMPLE_CASE_REVIEW, date),
    administrationRequirements: entryOn(ADMINISTRATION_MINIMUM_REQUIREMENTS, date),
    firstAssessmentYearThatCanSelect: entryOn(FIRST_ASSESSMENT_YEAR_THAT_CAN_SELECT, date),
    firstAssessmentYearGoalCanGround: entryOn(FIRST_ASSESSMENT_YEAR_GOAL_CAN_GROUND, date),
    monthsExcludedFromAverages: entryOn(MONTHS_EXCLUDED_FROM_AVERAGES, date),
    covidDeadPeriod: entryOn(COVID_DEAD_PERIOD, date),
    paragraphs: entryOn(DECISION_PARAGRAPHS, date),
    assessmentPublicationDay: entryOn(ASSESSMENT_PUBLICATION_DAY, date),
    noticeDeadlineDay: entryOn(NOTICE_DEADLINE_DAY, date),
    accountDueMonths: entryOn(ACCOUNT_DUE_MONTHS, date),
    recoveryPeriodMonths: entryOn(RECOVERY_PERIOD_MONTHS, date),
    extensionMonths: entryOn(EXTENSION_MONTHS, date),
    extensionImprovementFraction: entryOn(EXTENSION_IMPROVEMENT_FRACTION, date),
    administrationEffectiveMonthsAfterNotice: entryOn(
      ADMINISTRATION_EFFECTIVE_MONTHS_AFTER_NOTICE,
      date,
    ),
    caseReviewDueMonths: entryOn(CASE_REVIEW_DUE_MONTHS, date),
    meetingMinimumNoticeDays: entryOn(MEETING_MINIMUM_NOTICE_DAYS, date),
  };
}

/** The rules that govern the annual assessment of `year` (those in force on 1 April of year + 1). */
export function rulesForAssessment(year: number): RulesInForce {
  return rulesInForce(assessmentRuleDate(year));
}

/**
 * The focus goals that can ground a decision at the assessment of `year`
 * under `rules` (regime.md § 1; seed 003).
 */
export function goalsThatCanGround(rules: RulesInForce, year: number): readonly FocusGoal[] {
  const firstYears = rules.firstAssessmentYearGoalCanGround.value;
  return (['offers', 'conversations'] as const).filter((goal) => {
    const first = firstYears[goal];
    return first === undefined || year >= first;
  });
}

/** Whether the assessment of `year` can select municipalities at all (regime.md § 4). */
export function assessmentCanSelect(rules: RulesInForce, year: number): boolean {
  const first = rules.firstAssessmentYearThatCanSelect.value;
  return first === undefined || year >= first;
}
