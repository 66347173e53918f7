/**
 * The minimum requirements under administration (bek. nr. 301 af 20/03/2023
 * § 12, stk. 1, nr. 1; bek. nr. 1409 af 16/12/2019 § 13, stk. 1, nr. 1):
 * "Jobcenteret med virkning fra den efterfølgende måned skal give mindst 1
 * beskæftigelsesrettet tilbud årligt til mindst 70 pct. og 4 samtaler
 * årligt til mindst 80 pct. af den samlede gruppe af ydelsesmodtagere, jf.
 * § 2, stk. 2, som har haft et ydelsesforløb med en samlet varighed på
 * mindst 12 måneder." (2019: 80 % and 80 %.)
 *
 * The group is the focus goals' target group (the same spells, dead
 * periods, exemptions and window); the counting is the focus goals':
 *
 * - offers: a person meets the requirement with at least one counted offer
 *   (M8) in the window, the last 12 months of the spell. Unlike the offers
 *   goal (§ 5, nr. 1) there is **no ordinary-work-hours alternative**: the
 *   order names only "beskæftigelsesrettet tilbud", and the guidance to § 12
 *   (seed 000) stresses that the requirement is not a goal but "en retlig
 *   forpligtelse for kommunen";
 * - conversations: at least 4 counted conversations in the window, as the
 *   conversations goal counts them (M7).
 *
 * The requirement is judged month by month on the month's own share (a
 * duty, not an average; regime.md § 3), with the percentage in force on the
 * month's last day: fulfilled when met × 100 ≥ required × target (integers,
 * exact). An empty group fulfils it (0 ≥ 0); its share is undefined.
 */
import { lastDayOf, type YearMonth } from '../calendar/year-month.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import type { MunicipalityCode } from '../domain/municipality.js';
import type { LegalSource } from '../rules/legal-source.js';
import type { RuleBook, RuleEntry } from '../rules/rule-book.js';

/** The two requirements, named as the focus goals they follow: `offers`, `conversations`. */
export type MinimumRequirement = FocusGoal;

export const MINIMUM_REQUIREMENTS: readonly MinimumRequirement[] = ['offers', 'conversations'];

/** The persons of one municipality's group in one month, and how many meet a requirement. */
export interface MinimumRequirementCount {
  /** Persons in the group (the focus goals' target group, scope `all`). */
  readonly target: number;
  /** Of those, persons who meet the requirement. */
  readonly met: number;
}

/** One requirement of one municipality in one month, judged. */
export interface MinimumRequirementFigure extends MinimumRequirementCount {
  readonly municipality: MunicipalityCode;
  readonly month: YearMonth;
  readonly requirement: MinimumRequirement;
  /** met / target × 100; `undefined` for an empty group. */
  readonly share: number | undefined;
  /** The percentage required, in force on the month's last day. */
  readonly required: number;
  readonly fulfilled: boolean;
  /** The § of the percentage required. */
  readonly legalBasis: LegalSource;
}

/** The percentage required for `requirement` in `month`, with its source (the value on the month's last day). */
export function minimumRequirementRule(
  book: RuleBook,
  month: YearMonth,
  requirement: MinimumRequirement,
): RuleEntry<number> {
  return book.entry(
    requirement === 'offers'
      ? 'administration.minimum.offers_share'
      : 'administration.minimum.conversations_share',
    lastDayOf(month),
  );
}

/** "til mindst 70 pct.": met × 100 ≥ required × target, compared exactly (counts are integers). */
export function minimumRequirementFulfilled(
  count: MinimumRequirementCount,
  required: number,
): boolean {
  return count.met * 100 >= required * count.target;
}

/** Judges one count against the percentage in force in its month. */
export function judgeMinimumRequirement(
  book: RuleBook,
  at: {
    readonly municipality: MunicipalityCode;
    readonly month: YearMonth;
    readonly requirement: MinimumRequirement;
  },
  count: MinimumRequirementCount,
): MinimumRequirementFigure {
  const rule = minimumRequirementRule(book, at.month, at.requirement);
  return {
    municipality: at.municipality,
    month: at.month,
    requirement: at.requirement,
    target: count.target,
    met: count.met,
    share: count.target === 0 ? undefined : (count.met / count.target) * 100,
    required: rule.value,
    fulfilled: minimumRequirementFulfilled(count, rule.value),
    legalBasis: rule.source,
  };
}

/** One row of a minimum-requirements table (a measure run's, or a `minimum_requirements` file's). */
export interface MinimumRequirementRow extends MinimumRequirementCount {
  readonly municipality: MunicipalityCode;
  readonly month: YearMonth;
  readonly requirement: MinimumRequirement;
}

/**
 * The counts of a measure run or a file, for lookup by municipality, month
 * and requirement. A combination given twice is a programming error here:
 * the file reader reports duplicates with their lines first.
 */
export class MinimumRequirementCounts {
  private readonly counts = new Map<string, MinimumRequirementCount>();

  constructor(rows: Iterable<MinimumRequirementRow>) {
    for (const row of rows) {
      const key = countKey(row.municipality, row.month, row.requirement);
      if (this.counts.has(key))
        throw new Error(
          `Duplicate minimum-requirement count: municipality ${row.municipality}, ${row.month}, ${row.requirement}`,
        );
      this.counts.set(key, { target: row.target, met: row.met });
    }
  }

  get(
    municipality: MunicipalityCode,
    month: YearMonth,
    requirement: MinimumRequirement,
  ): MinimumRequirementCount | undefined {
    return this.counts.get(countKey(municipality, month, requirement));
  }
}

function countKey(
  municipality: MunicipalityCode,
  month: YearMonth,
  requirement: MinimumRequirement,
): string {
  return `${municipality}|${month}|${requirement}`;
}
