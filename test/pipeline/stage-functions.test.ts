/**
 * The stage pipelines are usable without the command line: the assessment
 * and the benchmark called as functions give what the commands print, and
 * they refuse bad input with the same errors.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/files/input-error.js';
import { assessYears } from '../../src/pipeline/assess.js';
import { benchmarkPeriod } from '../../src/pipeline/benchmark.js';
import { riskOfMonth } from '../../src/pipeline/risk.js';
import { calendarYear } from '../../src/core/benchmark/benchmark-period.js';
import { yearMonth } from '../../src/core/calendar/year-month.js';
import { assessmentJson } from '../../src/reports/assessment-json.js';
import { benchmarkReportJson } from '../../src/reports/benchmark-report-json.js';
import { riskJson } from '../../src/reports/risk-report.js';
import { runCli } from '../support/run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FOCUS = 'examples/aggregates/focus_measures.csv';
const RATES = 'examples/aggregates/expected_rates.csv';
const FRAMEWORK = 'test/fixtures/benchmark/framework_conditions.csv';
const ACTUAL = 'test/fixtures/benchmark/benefit_rates.csv';

describe('the stage pipelines called as functions', () => {
  it('assess the example aggregates 2021–2025 exactly as tilsyn assess --json does', async () => {
    const { history, names } = await assessYears({
      fromYear: 2021,
      toYear: 2025,
      cwd: ROOT,
      source: { kind: 'files', files: { focus: FOCUS, rates: RATES } },
    });
    const printed = await runCli(
      ['assess', '--from', '2021', '--to', '2025', '--focus', FOCUS, '--rates', RATES, '--json'],
      { cwd: ROOT },
    );
    expect(printed.code).toBe(0);
    expect(`${JSON.stringify(assessmentJson(history, names.plainNameOf), null, 2)}\n`).toBe(
      printed.stdout,
    );
    expect(history.years.map((year) => year.year)).toEqual([2021, 2022, 2023, 2024, 2025]);
  });

  it('fit the benchmark model on files exactly as tilsyn benchmark --json does', async () => {
    const { report, notes, nameOf } = await benchmarkPeriod({
      period: calendarYear(2024),
      cwd: ROOT,
      framework: FRAMEWORK,
      actual: ACTUAL,
      clusterCount: 6,
    });
    const printed = await runCli(
      ['benchmark', '--year', '2024', '--framework', FRAMEWORK, '--actual', ACTUAL, '--json'],
      { cwd: ROOT },
    );
    expect(printed.code).toBe(0);
    expect(`${JSON.stringify(benchmarkReportJson(report, nameOf, notes), null, 2)}\n`).toBe(
      printed.stdout,
    );
  });

  it('give the risk view of a month as tilsyn risk --json does', async () => {
    const { view, names } = await riskOfMonth({
      month: yearMonth('2023-06'),
      files: { focus: FOCUS, rates: RATES },
      cwd: ROOT,
    });
    const printed = await runCli(
      ['risk', '--month', '2023-06', '--focus', FOCUS, '--rates', RATES, '--json'],
      { cwd: ROOT },
    );
    expect(`${JSON.stringify(riskJson(view, names.plainNameOf), null, 2)}\n`).toBe(printed.stdout);
  });

  it('refuse a year the files do not cover with an input error naming the file', async () => {
    const refused = assessYears({
      fromYear: 2030,
      toYear: 2030,
      cwd: ROOT,
      source: { kind: 'files', files: { focus: FOCUS, rates: RATES } },
    });
    await expect(refused).rejects.toBeInstanceOf(InputError);
    await expect(refused).rejects.toThrow(FOCUS);
  });
});
