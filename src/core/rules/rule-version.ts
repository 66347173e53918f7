/**
 * The versions of the rules and which one applies (regime.md § 1).
 *
 * | version | instrument                               | in force   |
 * | ------- | ---------------------------------------- | ---------- |
 * | v2019   | bek. nr. 1409 af 16/12/2019              | 2020-01-01 |
 * | v2021   | bek. nr. 564 af 30/03/2021 (amends 1409) | 2021-03-30 |
 * | v2023   | bek. nr. 301 af 20/03/2023               | 2023-03-22 |
 */
import { isoDate, isoDateOf, type IsoDate } from '../calendar/iso-date.js';
import { lastDayOf, type YearMonth } from '../calendar/year-month.js';
import { BEK_1409_2019, BEK_301_2023, BEK_564_2021, type LegalInstrument } from './legal-source.js';

export const RULE_VERSION_IDS = ['v2019', 'v2021', 'v2023'] as const;

export type RuleVersionId = (typeof RULE_VERSION_IDS)[number];

export interface RuleVersion {
  readonly id: RuleVersionId;
  readonly inForce: IsoDate;
  readonly instrument: LegalInstrument;
  /** The instrument whose § numbers the decisions of this version cite. */
  readonly paragraphsOf: LegalInstrument;
}

export const RULE_VERSIONS: readonly RuleVersion[] = [
  {
    id: 'v2019',
    inForce: isoDate('2020-01-01'),
    instrument: BEK_1409_2019,
    paragraphsOf: BEK_1409_2019,
  },
  // bek. nr. 564 amends bek. nr. 1409: the § numbers stay those of 1409.
  {
    id: 'v2021',
    inForce: isoDate('2021-03-30'),
    instrument: BEK_564_2021,
    paragraphsOf: BEK_1409_2019,
  },
  {
    id: 'v2023',
    inForce: isoDate('2023-03-22'),
    instrument: BEK_301_2023,
    paragraphsOf: BEK_301_2023,
  },
];

/**
 * The version in force on `date`. Before the first version entered into force
 * the first version is returned: measures of months before 2020 (needed by the
 * 12-month averages of 2020) are computed under the first rules.
 */
export function ruleVersionOn(date: IsoDate): RuleVersion {
  let found = RULE_VERSIONS[0];
  for (const version of RULE_VERSIONS) {
    if (version.inForce <= date) found = version;
  }
  if (!found) throw new Error('No rule versions defined');
  return found;
}

export function ruleVersionById(id: RuleVersionId): RuleVersion {
  const version = RULE_VERSIONS.find((candidate) => candidate.id === id);
  if (!version) throw new Error(`Unknown rule version ${id}`);
  return version;
}

/**
 * The date whose rules govern the annual assessment of `year`: 1 April of the
 * following year, the day the assessment is published (§ 2, stk. 3).
 */
export function assessmentRuleDate(year: number): IsoDate {
  return isoDateOf(year + 1, 4, 1);
}

/** The version that governs the annual assessment of `year`: the one in force on 1 April of year + 1. */
export function ruleVersionForAssessment(year: number): RuleVersion {
  return ruleVersionOn(assessmentRuleDate(year));
}

/** The version that governs a monthly measure: the one in force on the month's last day. */
export function ruleVersionForMonth(month: YearMonth): RuleVersion {
  return ruleVersionOn(lastDayOf(month));
}

/**
 * The version under which a single event (a conversation, an offer) is
 * counted: the one in force on the event's date. Seed 000: "Ved opgørelse af
 * beskæftigelsesrettede tilbud afgivet i perioder før den 22. marts 2023,
 * anvendes dog de på daværende tidspunkt gældende regler".
 */
export function ruleVersionForEvent(date: IsoDate): RuleVersion {
  return ruleVersionOn(date);
}
