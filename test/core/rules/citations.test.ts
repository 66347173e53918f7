/**
 * The citations corrected after the review of the code against the rules
 * (issue 9 § 4, points a, b and e; c and d are in test/core/lifecycle).
 */
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../src/core/calendar/iso-date.js';
import { formatCitation } from '../../../src/core/rules/legal-source.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';
import { rulesForAssessment, rulesInForce } from '../../../src/core/rules/rules-in-force.js';

describe('(a) the limit on which years the offers goal can ground a decision', () => {
  it("comes from bek. nr. 564/2021 as STAR's letter explains it, also for the 2022 assessment under bek. nr. 301", () => {
    for (const year of [2021, 2022]) {
      const limit = rulesForAssessment(OFFICIAL_RULES, year).entry(
        'transition.offers.first_grounding_year',
      );
      expect(limit.value).toBe(2023);
      expect(formatCitation(limit.source)).toBe('bek. nr. 564 af 30/03/2021 overgangsregel');
      expect(limit.source.kind === 'citation' && limit.source.quote).toBe(
        'Kommuner kan med ændringsbekendtgørelsen først i april 2024 udtages til skærpet tilsyn ved manglende opfyldelse fokusmålet om aktive tilbud mv. på baggrund af indsatsen i 2023.',
      );
    }
    expect(rulesForAssessment(OFFICIAL_RULES, 2022).version.id).toBe('v2023');
  });

  it('is not labelled a transitional rule of bek. nr. 301, which has none', () => {
    for (const entry of OFFICIAL_RULES.entries('transition.offers.first_grounding_year'))
      expect(formatCitation(entry.source)).not.toContain('bek. nr. 301');
  });
});

describe('(b) March–June 2020', () => {
  it("leaving the months out of the 12-month averages is the project's interpretation, with the reasoning of regime.md § 4", () => {
    const entry = rulesInForce(OFFICIAL_RULES, isoDate('2021-12-31')).entry(
      'covid.months_excluded_from_averages',
    );
    expect(entry.source.kind).toBe('fortolkning');
    expect(entry.source.kind === 'fortolkning' && entry.source.spec).toBe('regime.md § 4');
    expect(entry.source.kind === 'fortolkning' && entry.source.reasoning).toMatch(
      /no conversation or offer could be required/,
    );
  });

  it("the dead period 1 March – 30 June 2020 cites no sentence about something else (the letter's dead period is the dagpenge one)", () => {
    const entry = rulesInForce(OFFICIAL_RULES, isoDate('2021-12-31')).entry('covid.dead_period');
    expect(entry.value).toEqual({ from: '2020-03-01', to: '2020-06-30' });
    expect(entry.source.kind).toBe('fortolkning');
    expect(entry.source.kind === 'fortolkning' && entry.source.reasoning).toMatch(
      /status reports, which are not among the project's sources/,
    );
  });
});

describe('(e) the law is versioned by date like the orders', () => {
  it('§ 22 c as amended by lov nr. 295 of 20 March 2023 ends the sample case review from 22 March 2023', () => {
    const before = OFFICIAL_RULES.entry('case_review.sample.share_percent', isoDate('2023-03-21'));
    const after = OFFICIAL_RULES.entry('case_review.sample.share_percent', isoDate('2023-03-22'));
    expect([before.value, before.version]).toEqual([15, 'v2019']);
    expect([after.value, after.version]).toEqual([null, 'lov2023']);
    expect(formatCitation(after.source)).toBe(
      'lov om organisering og understøttelse af beskæftigelsesindsatsen m.v., kap. 3 a, som ændret ved lov nr. 295 af 20/03/2023 § 22 c',
    );
    expect(after.source.kind === 'citation' && after.source.instrument.url).toBe(
      'https://www.retsinformation.dk/eli/lta/2023/295',
    );
  });

  it('the §§ of the law that did not change keep the version of 2019 (lov nr. 551 of 7 May 2019)', () => {
    const recovery = OFFICIAL_RULES.entry(
      'deadlines.recovery_period_months',
      isoDate('2025-01-01'),
    );
    expect(recovery.version).toBe('lov2019');
    expect(recovery.source.kind === 'citation' && recovery.source.instrument.url).toBe(
      'https://www.retsinformation.dk/eli/lta/2019/551',
    );
  });
});
