/**
 * Measures the legal core at national scale and prints the figures (no
 * assertions: speed is reported, not tested).
 *
 *   npx tsx scripts/bench-assess.ts      (or: npm run bench:assess)
 *
 * Writes a focus_measures file for the 98 municipalities with every scope
 * (all, 3 groups, 9 types) over 16 years — about half a million rows — and
 * an expected_rates file into a temporary folder, then times: reading and
 * validating them, the assessments of 15 years in sequence, the risk view
 * of 12 months, and a case sample from a target group of 100 000 persons.
 * The temporary folder is removed afterwards.
 */
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readExpectedRates } from '../src/inputs/read-official-figures.js';
import { readFocusMeasures } from '../src/inputs/read-focus-measures.js';
import { monthRange, yearMonth } from '../src/core/calendar/year-month.js';
import { drawCaseSample, type SamplePerson } from '../src/core/case-sample/draw-case-sample.js';
import { LISTED_BENEFITS } from '../src/core/case-sample/listed-benefit.js';
import { BENEFIT_TYPES } from '../src/core/domain/benefit-type.js';
import { FOCUS_GOALS } from '../src/core/domain/focus-goal.js';
import { MEASURE_SCOPES } from '../src/core/domain/measure-scope.js';
import { runAssessments } from '../src/core/lifecycle/run-assessments.js';
import { SeededRandom } from '../src/core/random/seeded-random.js';
import { riskView } from '../src/core/risk/risk-view.js';
import { rulesForAssessment } from '../src/core/rules/rules-in-force.js';
import { readMunicipalities } from '../src/reference/municipalities.js';

const FIRST_YEAR = 2010;
const LAST_YEAR = 2025;
const SAMPLE_PERSONS = 100_000;

async function timed<T>(label: string, action: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await action();
  const milliseconds = performance.now() - start;
  console.log(`${label.padEnd(58)} ${milliseconds.toFixed(0).padStart(7)} ms`);
  return result;
}

async function main(): Promise<void> {
  const directory = await mkdtemp(join(tmpdir(), 'tilsyn-bench-'));
  try {
    const codes = (await readMunicipalities()).map((m) => m.code);
    const known = new Set(codes);
    const random = new SeededRandom(1);
    const months = monthRange(yearMonth(`${FIRST_YEAR}-01`), yearMonth(`${LAST_YEAR}-12`));
    const focusPath = join(directory, 'focus_measures.csv');
    const ratesPath = join(directory, 'expected_rates.csv');
    const rows = await timed('write focus_measures.csv (synthetic)', async () => {
      const lines = ['municipality,month,goal,scope,target,passive'];
      for (const code of codes)
        for (const month of months)
          for (const goal of FOCUS_GOALS)
            for (const scope of MEASURE_SCOPES) {
              const target = 50 + random.nextInt(5000);
              lines.push(
                `${code},${month},${goal},${scope},${target},${random.nextInt(Math.floor(target / 4))}`,
              );
            }
      await writeFile(focusPath, `${lines.join('\n')}\n`);
      const rateLines = [
        'municipality,year,expected_count,actual_count,expected_share,actual_share',
      ];
      for (const code of codes)
        for (let year = FIRST_YEAR; year <= LAST_YEAR; year += 1) {
          const expected = 1000 + random.nextInt(40000);
          const actual = expected + random.nextInt(2000) - 1000;
          rateLines.push(
            `${code},${year},${expected},${actual},${(expected / 3000).toFixed(6)},${(actual / 3000).toFixed(6)}`,
          );
        }
      await writeFile(ratesPath, `${rateLines.join('\n')}\n`);
      return lines.length - 1;
    });
    const bytes = (await stat(focusPath)).size;
    console.log(`  ${rows.toLocaleString('en')} rows, ${(bytes / 1e6).toFixed(1)} MB`);
    const aggregates = await timed('read + validate focus_measures.csv', () =>
      readFocusMeasures(focusPath, 'focus_measures.csv', known),
    );
    const rates = await timed('read + validate expected_rates.csv', () =>
      readExpectedRates(ratesPath, 'expected_rates.csv', known),
    );
    const inputs = { municipalities: codes, aggregates, rates };
    await timed(`assessments ${FIRST_YEAR + 1}–${LAST_YEAR} in sequence (98 municipalities)`, () =>
      runAssessments(FIRST_YEAR + 1, LAST_YEAR, inputs),
    );
    await timed(`risk view of the 12 months of ${LAST_YEAR}`, () => {
      for (const month of monthRange(yearMonth(`${LAST_YEAR}-01`), yearMonth(`${LAST_YEAR}-12`)))
        riskView(month, inputs);
    });
    const persons: SamplePerson[] = Array.from({ length: SAMPLE_PERSONS }, (_, index) => ({
      personId: `p${String(random.nextInt(1e9)).padStart(9, '0')}-${index}`,
      benefit: BENEFIT_TYPES[index % BENEFIT_TYPES.length] ?? 'dagpenge',
      passive: random.chance(0.3),
    }));
    const sample = await timed(
      `case sample from ${SAMPLE_PERSONS.toLocaleString('en')} persons, 8 listed benefits`,
      () =>
        drawCaseSample({
          municipality: 101,
          assessmentYear: 2021,
          rules: rulesForAssessment(2021),
          benefits: LISTED_BENEFITS,
          goals: ['conversations'],
          persons,
          seed: 42,
        }),
    );
    console.log(`  ${sample.total} cases drawn (cap applied: ${sample.capApplied ? 'yes' : 'no'})`);
    const memory = process.memoryUsage();
    console.log(
      `peak-ish memory: rss ${(memory.rss / 1e6).toFixed(0)} MB, heap used ${(memory.heapUsed / 1e6).toFixed(0)} MB`,
    );
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

await main();
