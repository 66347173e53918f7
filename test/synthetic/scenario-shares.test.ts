/**
 * The scenario municipalities, generated on their own at scale 0.05, run at
 * the passive shares their design asks for — loaded and measured by the real
 * loader and measurement engine (not the generator's own books). The
 * decisions themselves need all 98 municipalities for the benchmark:
 * test/pipeline/synthetic-scenarios.test.ts checks them at scale 0.1.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { yearMonth } from '../../src/core/calendar/year-month.js';
import { SCENARIOS, valueForYear } from '../../src/synthetic/effort-scenarios.js';
import { generateDataSet } from '../../src/synthetic/generate.js';
import type { FocusGoal } from '../../src/core/domain/focus-goal.js';
import { focusMeasure } from '../../src/core/focus-measures/focus-measure.js';
import { MonthlyAggregates } from '../../src/core/focus-measures/monthly-aggregates.js';
import { loadData } from '../../src/loading/load-data.js';
import { monthlyAggregatesOf } from '../../src/measuring/measure-results.js';
import { runMeasures } from '../../src/measuring/run-measures.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';

type YearFocus = Readonly<Record<FocusGoal, number | undefined>>;

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
  const loaded = await loadData({
    source: root,
    dataDirectory: `${root}-data`,
    acceptValidRows: false,
    now: new Date('2026-11-23T12:00:00Z'),
    createdBy: 'test',
  });
  if (loaded.status !== 'loaded') throw new Error('the generated data set was refused');
  const run = await runMeasures({
    folder: loaded.folder,
    from: yearMonth('2021-01'),
    to: yearMonth('2025-12'),
    rules: OFFICIAL_RULES,
  });
  const aggregates = new MonthlyAggregates(monthlyAggregatesOf(run));
  focus = new Map(
    DECIDED.map((scenario) => [
      scenario.code,
      new Map(
        YEARS.map((year): [number, YearFocus] => {
          const of = (goal: FocusGoal) =>
            focusMeasure(OFFICIAL_RULES, aggregates, scenario.code, goal, yearMonth(`${year}-12`))
              .value;
          return [year, { offers: of('offers'), conversations: of('conversations') }];
        }),
      ),
    ]),
  );
}, 180_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(`${root}-data`, { recursive: true, force: true });
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
