/**
 * The agency's alert rule for the early effort (regime.md § 6; seed 003).
 *
 * STAR, 4 May 2021: "Som led i opfølgningen vil styrelsens regionale
 * arbejdsmarkedskontorer (AMK) rette henvendelse til kommuner, som i tre
 * sammenhængende måneder har en andel på mere end 20 pct. i en ydelsesgruppe
 * med mindst ti borgere, hvor lovens minimumskrav til samtaler eller tilbud
 * ikke er opfyldt." and "Skulle en kommune mod forventning ikke have
 * genoprettet indsatsen seks måneder efter arbejdsmarkedskontorets
 * henvendelse, vil kommunen blive bedt om en skriftlig redegørelse".
 *
 * The letter also says when the follow-up begins: "fra juni" (2021) for
 * the conversations, and "i foråret 2022" for the conversations of dagpenge
 * recipients and for the offers (`early_effort.alerts.start.*`).
 *
 * Reading (the rule nodes `early_effort.alerts.*`):
 * - months before the follow-up of a benefit group and requirement begins
 *   are not followed: they neither count towards a run nor hold a contact
 *   (the agency's reports did not yet measure them);
 * - a month is unmet when the cohort has at least the minimum size and the
 *   unmet share is above the threshold;
 * - a contact is made in the first month (a follow-up month, when the set
 *   has them) that ends a run of the required number of consecutive unmet
 *   months;
 * - the month `accountAfterMonths` after the contact is the check: still
 *   unmet → an account is required; otherwise the effort is restored;
 * - a new contact needs a new run of unmet months after the check month.
 *
 * regime.md § 6 asked for a second parameter set "from 2023" (6 months,
 * twice a year); no seed gives it, so there is none (see the rule tree's
 * `early_effort` area).
 */
import type { IsoDate } from '../calendar/iso-date.js';
import { monthIndex, type YearMonth } from '../calendar/year-month.js';
import type { BenefitGroup } from '../domain/benefit-type.js';
import type { RuleBook } from '../rules/rule-book.js';

/** The two requirements of the early effort the agency follows. */
export type EarlyEffortRequirement = 'conversations' | 'offer';

/** One parameter set of the early-effort alert rule (regime.md § 6). */
export interface EarlyEffortAlertRule {
  /** Stable name of the set, as written in files. */
  readonly name: string;
  /** A month is "unmet" when the share of the cohort without the requirement is above this percentage. */
  readonly unmetSharePercentAbove: number;
  /** …and the cohort of the benefit group holds at least this many persons. */
  readonly minimumCohort: number;
  /** A contact follows this many consecutive unmet months. */
  readonly consecutiveMonths: number;
  /**
   * Months of the year (1–12) in which the agency follows up; `undefined`:
   * every month. A contact is made in the first follow-up month at which the
   * run of unmet months is long enough.
   */
  readonly followUpMonths: readonly number[] | undefined;
  /** An account is required when the month this many months after the contact is still unmet. */
  readonly accountAfterMonths: number;
  /** The first month followed, per requirement (conversations: dagpenge apart). */
  readonly start: {
    readonly conversations: YearMonth;
    readonly conversationsDagpenge: YearMonth;
    readonly offer: YearMonth;
  };
}

/**
 * The alert rule in force on `date` (STAR's letter of 4 May 2021). A list,
 * so that the files keep a `rule_set` column should another set be given a
 * source; today there is one.
 */
export function earlyEffortAlertRules(rules: RuleBook, date: IsoDate): EarlyEffortAlertRule[] {
  return [
    {
      name: '2021',
      unmetSharePercentAbove: rules.value('early_effort.alerts.set_2021.unmet_share_above', date),
      minimumCohort: rules.value('early_effort.alerts.set_2021.minimum_cohort', date),
      consecutiveMonths: rules.value('early_effort.alerts.set_2021.consecutive_months', date),
      followUpMonths:
        rules.value('early_effort.alerts.set_2021.follow_up_months', date) ?? undefined,
      accountAfterMonths: rules.value('early_effort.alerts.set_2021.account_after_months', date),
      start: {
        conversations: rules.value('early_effort.alerts.start.conversations', date),
        conversationsDagpenge: rules.value(
          'early_effort.alerts.start.conversations_dagpenge',
          date,
        ),
        offer: rules.value('early_effort.alerts.start.offer', date),
      },
    },
  ];
}

/** The first month the rule follows `requirement` in benefit group `group`. */
export function followUpStart(
  rule: EarlyEffortAlertRule,
  group: BenefitGroup,
  requirement: EarlyEffortRequirement,
): YearMonth {
  if (requirement === 'offer') return rule.start.offer;
  return group === 'a_dagpenge' ? rule.start.conversationsDagpenge : rule.start.conversations;
}

export interface EarlyEffortMonth {
  readonly cohort: number;
  readonly unmet: number;
}

export interface EarlyEffortContact {
  /** Offset of the contact month in the series. */
  readonly contactMonth: number;
  /** Offset of the check month (contact + accountAfterMonths). */
  readonly checkMonth: number;
  /** Whether an account is required; undefined when the check month is beyond the series. */
  readonly accountRequired: boolean | undefined;
}

/** Whether one month's figures break the rule (cohort large enough, share above the threshold). */
export function isUnmetMonth(rule: EarlyEffortAlertRule, month: EarlyEffortMonth): boolean {
  return (
    month.cohort >= rule.minimumCohort &&
    month.unmet * 100 > rule.unmetSharePercentAbove * month.cohort
  );
}

/**
 * The contacts and account requirements of one municipality, benefit group
 * and requirement, for a series of months starting at running month index
 * `firstMonthIndex` (so that follow-up months can be recognised). Months
 * before `followedFrom` (the follow-up's first month) are not followed.
 */
export function earlyEffortContacts(
  rule: EarlyEffortAlertRule,
  firstMonthIndex: number,
  months: readonly EarlyEffortMonth[],
  followedFrom?: YearMonth,
): EarlyEffortContact[] {
  const contacts: EarlyEffortContact[] = [];
  const firstFollowed = followedFrom === undefined ? 0 : monthIndex(followedFrom) - firstMonthIndex;
  let run = 0;
  let blockedThrough = firstFollowed - 1;
  months.forEach((month, offset) => {
    if (offset <= blockedThrough) return;
    run = isUnmetMonth(rule, month) ? run + 1 : 0;
    if (run < rule.consecutiveMonths) return;
    const calendarMonth = ((firstMonthIndex + offset) % 12) + 1;
    if (rule.followUpMonths !== undefined && !rule.followUpMonths.includes(calendarMonth)) return;
    const checkMonth = offset + rule.accountAfterMonths;
    const check = months[checkMonth];
    contacts.push({
      contactMonth: offset,
      checkMonth,
      accountRequired: check === undefined ? undefined : isUnmetMonth(rule, check),
    });
    blockedThrough = checkMonth;
    run = 0;
  });
  return contacts;
}
