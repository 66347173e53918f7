/**
 * The scenario municipalities, generated on their own at scale 0.05, run at
 * the passive shares their design asks for — measured with the approximate
 * DuckDB re-computation of scripts/lib (not the generator's own books). The
 * decisions themselves need all 98 municipalities for the benchmark: the
 * check script verifies them at scale 0.1 (docs/synthetic-data.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearMonth } from '../../src/core/calendar/year-month.js';
import { SCENARIOS, valueForYear } from '../../src/synthetic/effort-scenarios.js';
import { generateDataSet } from '../../src/synthetic/generate.js';
import { decemberFocus, type YearFocus } from '../../scripts/lib/approximate-assessment.js';
import { approximateMeasures } from '../../scripts/lib/approximate-measures.js';

const DECIDED = SCENARIOS.filter(
  (scenario) => scenario.expectedDecisions && (scenario.residual ?? 0) > 0,
);
const YEARS = [2021, 2022, 2023, 2024, 2025];
let root: string;
let focus: Map<number, Map<number, YearFocus>>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'tilsyn-scenarios-'));
  await generateDataSet({
    seed: 5,
    scale: 0.05,
    outDirectory: root,
    format: 'csv',
    cprIds: false,
    firstMonth: yearMonth('2019-01'),
    lastMonth: yearMonth('2025-12'),
    workers: 2,
    force: true,
    onlyMunicipalities: DECIDED.map((scenario) => scenario.code),
  });
  focus = decemberFocus((await approximateMeasures(root, '2019-01', '2025-12')).focus);
}, 180_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('the scenario municipalities', () => {
  it('run within 3 points of their designed conversations and offers passive shares, 2021–2025', () => {
    for (const scenario of DECIDED) {
      for (const year of YEARS) {
        const measured = focus.get(scenario.code)?.get(year);
        const label = `${scenario.scenario} ${scenario.code} ${year}`;
        expect(measured?.conversations, label).toBeDefined();
        expect(
          Math.abs((measured?.conversations ?? 0) - valueForYear(scenario.conversations, year)),
          `${label} conversations ${measured?.conversations ?? ''}`,
        ).toBeLessThanOrEqual(3);
        const offers = valueForYear(scenario.measuredOffers ?? scenario.offers, year);
        expect(
          Math.abs((measured?.offers ?? 0) - offers),
          `${label} offers ${measured?.offers ?? ''}`,
        ).toBeLessThanOrEqual(3);
      }
    }
  });

  it('let the § 91 rule change results: the municipality that keeps the old counting misses the offers goal in 2024', () => {
    const g = SCENARIOS.find((scenario) => scenario.scenario === 'G');
    const offers2022 = focus.get(g?.code ?? 0)?.get(2022)?.offers ?? 0;
    const offers2024 = focus.get(g?.code ?? 0)?.get(2024)?.offers ?? 0;
    expect(offers2022).toBeLessThan(20);
    expect(offers2024).toBeGreaterThan(33);
  });
});
