/**
 * The version table: every version of the rules, with the day it entered
 * into force. It is the one place that holds these dates; each value of the
 * rule tree names the version it starts with (`since`), never a date.
 *
 * Two kinds of version, each a sequence of its own:
 *
 * | id        | kind  | instrument                                           | in force   |
 * | --------- | ----- | ---------------------------------------------------- | ---------- |
 * | `lov2019` | law   | kap. 3 a inserted by lov nr. 551 af 7. maj 2019      | 2020-01-01 |
 * | `v2019`   | order | bek. nr. 1409 af 16/12/2019                          | 2020-01-01 |
 * | `v2021`   | order | bek. nr. 564 af 30/03/2021 (amends 1409)             | 2021-03-30 |
 * | `lov2023` | law   | § 22 c amended by lov nr. 295 af 20. marts 2023      | 2023-03-22 |
 * | `v2023`   | order | bek. nr. 301 af 20/03/2023                           | 2023-03-22 |
 *
 * "The rule version" of a date (what reports print, regime.md § 1) is the
 * order (bekendtgørelse) in force; the law's versions date the values that
 * cite the law.
 */
import { isoDate, isoDateOf, type IsoDate } from '../calendar/iso-date.js';
import {
  BEK_1409_2019,
  BEK_301_2023,
  BEK_564_2021,
  LBK_ORGANISERING,
  LBK_ORGANISERING_2023,
  type LegalInstrument,
} from './legal-source.js';

/** `v2019`, `v2021`, `v2023`, `lov2019`, `lov2023` — or a later one added to the table. */
export type RuleVersionId = string;

export type RuleVersionKind = 'order' | 'law';

export interface RuleVersion {
  readonly id: RuleVersionId;
  readonly kind: RuleVersionKind;
  /** The first day on which the version applies. */
  readonly inForce: IsoDate;
  readonly instrument: LegalInstrument;
  /** The instrument whose § numbers the decisions of this version cite (orders). */
  readonly paragraphsOf: LegalInstrument;
  /** What the version changed, in Danish (for `tilsyn rules`). */
  readonly summary: string;
}

/** The official version table. */
export const RULE_VERSIONS: readonly RuleVersion[] = [
  {
    id: 'lov2019',
    kind: 'law',
    inForce: isoDate('2020-01-01'),
    instrument: LBK_ORGANISERING,
    paragraphsOf: LBK_ORGANISERING,
    summary: 'Lovens kapitel 3 a om skærpet tilsyn træder i kraft (lov nr. 551 af 7. maj 2019)',
  },
  {
    id: 'v2019',
    kind: 'order',
    inForce: isoDate('2020-01-01'),
    instrument: BEK_1409_2019,
    paragraphsOf: BEK_1409_2019,
    summary: 'Første bekendtgørelse om skærpet tilsyn',
  },
  // bek. nr. 564 amends bek. nr. 1409: the § numbers stay those of 1409.
  {
    id: 'v2021',
    kind: 'order',
    inForce: isoDate('2021-03-30'),
    instrument: BEK_564_2021,
    paragraphsOf: BEK_1409_2019,
    summary: 'COVID-19: udvælgelse først i april 2022; fokusmålet om tilbud først fra april 2024',
  },
  {
    id: 'lov2023',
    kind: 'law',
    inForce: isoDate('2023-03-22'),
    instrument: LBK_ORGANISERING_2023,
    paragraphsOf: LBK_ORGANISERING_2023,
    summary:
      'Lovens § 22 c ændret (lov nr. 295 af 20. marts 2023): ingen uvildig stikprøvegennemgang',
  },
  {
    id: 'v2023',
    kind: 'order',
    inForce: isoDate('2023-03-22'),
    instrument: BEK_301_2023,
    paragraphsOf: BEK_301_2023,
    summary:
      'Ny bekendtgørelse: fokusmålet om tilbud 30 % og 100 timer, første jobsamtale personligt, § 91-tilbud afgrænset, ingen stikprøve',
  },
];

/**
 * Checks a version table: ids unique, and each kind's versions in strictly
 * increasing date order (so "the version in force" is well defined).
 */
export function checkVersionTable(versions: readonly RuleVersion[]): void {
  const ids = new Set<string>();
  for (const version of versions) {
    if (ids.has(version.id)) throw new Error(`Rule version ${version.id} is listed twice`);
    ids.add(version.id);
  }
  for (const kind of ['order', 'law'] as const) {
    const ofKind = versions.filter((version) => version.kind === kind);
    if (kind === 'order' && ofKind.length === 0) throw new Error('No order versions defined');
    for (let index = 1; index < ofKind.length; index += 1) {
      const previous = ofKind[index - 1];
      const current = ofKind[index];
      if (previous && current && !(previous.inForce < current.inForce))
        throw new Error(
          `Rule versions of kind ${kind} must be in strictly increasing date order (${previous.id}, ${current.id})`,
        );
    }
  }
}

/**
 * The order version in force on `date` in `versions`. Before the first
 * version entered into force the first is returned: the months before 2020
 * that the 12-month measures of 2020 need are measured under the first rules,
 * as the agency's back-calculated series are.
 */
export function orderVersionOn(versions: readonly RuleVersion[], date: IsoDate): RuleVersion {
  let found: RuleVersion | undefined;
  for (const version of versions) {
    if (version.kind !== 'order') continue;
    if (found === undefined || version.inForce <= date) found = version;
  }
  if (!found) throw new Error('No order versions defined');
  return found;
}

/**
 * The date whose rules govern the annual assessment of `year`: 1 April of the
 * following year, the day the assessment is published (§ 2, stk. 3;
 * regime.md § 1).
 */
export function assessmentRuleDate(year: number): IsoDate {
  return isoDateOf(year + 1, 4, 1);
}
