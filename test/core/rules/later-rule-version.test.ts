/**
 * A later rule version that changes two values takes only the tree and the
 * version table (issue 8, part 1): here a fictitious order "v2027", in force
 * 1 January 2027, that lowers the offers threshold to 25 % and raises the
 * hours that stand in for an offer to 150. It lives in this test, not in the
 * product.
 */
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../src/core/calendar/iso-date.js';
import { assessYear } from '../../../src/core/assessment/annual-assessment.js';
import { ExpectedRates } from '../../../src/core/assessment/expected-rates.js';
import { MonthlyAggregates } from '../../../src/core/focus-measures/monthly-aggregates.js';
import { cite, type LegalInstrument } from '../../../src/core/rules/legal-source.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';
import { createRuleBook } from '../../../src/core/rules/rule-book.js';
import { OFFICIAL_TREE } from '../../../src/core/rules/rule-tree.js';
import { RULE_VERSIONS, type RuleVersion } from '../../../src/core/rules/rule-version.js';
import { rulesInForce } from '../../../src/core/rules/rules-in-force.js';
import { rateOf, yearOfShares } from '../../support/aggregates.js';
import { focusCounts, measureRecords } from '../../support/measure-records.js';

const BEK_2027: LegalInstrument = {
  id: 'bek-fiktiv-2027',
  citation: 'bek. nr. 9999 af 15/12/2026 (fiktiv)',
  title: 'Fiktiv bekendtgørelse til test',
};

/** The version table with one more row. */
const VERSIONS: readonly RuleVersion[] = [
  ...RULE_VERSIONS,
  {
    id: 'v2027',
    kind: 'order',
    inForce: isoDate('2027-01-01'),
    instrument: BEK_2027,
    paragraphsOf: BEK_2027,
    summary: 'Fiktiv: tilbudsgrænse 25 %, 150 timer',
  },
];

/** The tree with one more value on two nodes. */
const threshold = OFFICIAL_TREE['focus.offers.threshold'];
const hours = OFFICIAL_TREE['focus.offers.ordinary_work_hours'];
const TREE = {
  ...OFFICIAL_TREE,
  'focus.offers.threshold': {
    ...threshold,
    values: [
      ...threshold.values,
      { since: 'v2027', value: 25, source: cite(BEK_2027, '§ 5', { nr: 1 }) },
    ],
  },
  'focus.offers.ordinary_work_hours': {
    ...hours,
    values: [
      ...hours.values,
      { since: 'v2027', value: 150, source: cite(BEK_2027, '§ 5', { nr: 1 }) },
    ],
  },
};

const LATER = createRuleBook(TREE, VERSIONS);

describe('a later rule version made of the tree and the version table only', () => {
  it('is the version in force from its date, and changes exactly the two values', () => {
    const before = rulesInForce(LATER, isoDate('2026-12-31'));
    const after = rulesInForce(LATER, isoDate('2027-01-01'));
    expect(before.version.id).toBe('v2023');
    expect(after.version.id).toBe('v2027');
    expect(after.value('focus.offers.threshold')).toBe(25);
    expect(after.value('focus.offers.ordinary_work_hours')).toBe(150);
    const changed = LATER.ids.filter(
      (id) =>
        JSON.stringify(after.value(id)) !==
        JSON.stringify(OFFICIAL_RULES.value(id, isoDate('2027-01-01'))),
    );
    expect(changed).toEqual(['focus.offers.threshold', 'focus.offers.ordinary_work_hours']);
    expect(before.entry('focus.offers.threshold').to).toBe('2026-12-31');
  });

  it('the assessment of 2026 (rules of 1 April 2027) judges the offers goal at 25 %: a 27 % municipality is selected', () => {
    const inputs = {
      municipalities: [101],
      aggregates: new MonthlyAggregates(
        yearOfShares(101, 2026, { offers: 270, conversations: 100 }),
      ),
      rates: new ExpectedRates([rateOf(101, 2026, 0.5)]),
    };
    const official = assessYear(OFFICIAL_RULES, 2026, inputs).municipalities[0];
    const later = assessYear(LATER, 2026, inputs).municipalities[0];
    expect(official?.focusGoals.offers.outcome).toBe('met');
    expect(official?.decision.kind).toBe('stays_out');
    expect(later?.focusGoals.offers.threshold.value).toBe(25);
    expect(later?.focusGoals.offers.outcome).toBe('missed');
    expect(later?.decision.kind).toBe('selected');
    // …and the assessment of 2025 (rules of 1 April 2026) is untouched.
    const inputs2025 = {
      municipalities: [101],
      aggregates: new MonthlyAggregates(
        yearOfShares(101, 2025, { offers: 270, conversations: 100 }),
      ),
      rates: new ExpectedRates([rateOf(101, 2025, 0.5)]),
    };
    expect(assessYear(LATER, 2025, inputs2025).municipalities[0]?.decision.kind).toBe('stays_out');
  });

  it('the measures from January 2027 count 150 hours: 120 hours no longer stand in for an offer', () => {
    const person = {
      id: 'h',
      periods: [{ benefit: 'kontanthjaelp' as const, from: '2025-06-01' }],
      workHours: [{ month: '2026-10', hours: 120 }],
    };
    const passive = (month: string, rules = LATER) =>
      focusCounts(measureRecords([person], month, month, rules), month).passiveOffers;
    expect(passive('2026-12')).toBe(0);
    expect(passive('2027-01')).toBe(1);
    expect(passive('2027-01', OFFICIAL_RULES)).toBe(0);
  });
});
