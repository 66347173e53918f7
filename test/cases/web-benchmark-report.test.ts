/**
 * The benchmark report the web shows, to the last digit: from a load it is
 * the benchmark model fitted on the load (each municipality's expected and
 * actual rate, its rank, best and worst, its cluster's mean and its place in
 * the cluster); from aggregated files it is the latest finished measurement
 * run's stored rates — the same numbers as the model fitted on that load —
 * and without a run it is the reason in Danish.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { addUser, actorOf } from '../../src/cases/users.js';
import { caseSystem } from '../../src/cases/case-system.js';
import { runMeasurement } from '../../src/cases/measurement-runs.js';
import {
  benchmarkOfLatestRun,
  webBenchmarkReport,
} from '../../src/cases/views/web-benchmark-report.js';
import { WebDataSource } from '../../src/cases/views/web-data.js';
import { calendarYear } from '../../src/core/benchmark/benchmark-period.js';
import { DEFAULT_CLUSTER_COUNT } from '../../src/core/benchmark/clusters.js';
import type { BenchmarkReportData } from '../../src/core/benchmark/benchmark-report-data.js';
import { yearMonth } from '../../src/core/calendar/year-month.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';
import { benchmarkPeriod, type BenchmarkResult } from '../../src/pipeline/benchmark.js';
import {
  PRINTED_SCOPES,
  PRINTED_SCOPES_NOTE,
  printedBenchmarkReport,
  type WebBenchmarkReport,
} from '../../src/reports/benchmark-report-view.js';
import { syntheticCaseLoad, type CaseLoad } from '../support/case-load.js';
import { useTestDatabase } from '../support/databases.js';

const YEAR = 2024;

let load: CaseLoad;
/** The core's own benchmark of the year on the load: model, ranking, clusters, measures. */
let core: BenchmarkResult;

beforeAll(async () => {
  load = await syntheticCaseLoad();
  core = await benchmarkPeriod({
    period: calendarYear(YEAR),
    cwd: process.cwd(),
    load: {
      value: load.loadId,
      dataDirectory: load.dataDirectory,
      cwd: process.cwd(),
      env: {},
      now: () => new Date(),
      createdBy: 'test',
    },
    clusterCount: DEFAULT_CLUSTER_COUNT,
  });
}, 300_000);

afterAll(async () => {
  await load.remove();
});

function reportOf(view: WebBenchmarkReport): BenchmarkReportData {
  if (!view.available) throw new Error(`no benchmark: ${view.reason}`);
  return view.report;
}

/** Competition ranking of the differences, lowest first ("1, 2, 2, 4"), written out here. */
function expectedRanks(differences: ReadonlyMap<number, number>): Map<number, number> {
  const values = [...differences.values()];
  return new Map(
    [...differences].map(([code, value]) => [
      code,
      1 + values.filter((other) => other < value - 1e-9).length,
    ]),
  );
}

describe('the benchmark report of the web', () => {
  const test = useTestDatabase('pglite');

  it('from a load, shows every municipality with the model’s expected and actual rate to the last digit, ranked by the difference', async () => {
    const source = new WebDataSource({
      figures: { kind: 'load', dataDirectory: load.dataDirectory },
      month: yearMonth('2025-12'),
      rules: OFFICIAL_RULES,
    });
    const view = await webBenchmarkReport(source, test.database, YEAR);
    const report = reportOf(view);
    const model = core.report.model;
    if (model === undefined) throw new Error('the core fitted no model');
    expect(view).toMatchObject({ origin: { kind: 'load', loadId: load.loadId } });
    expect(report.model?.id).toBe(model.id);
    expect(report.model?.rSquared).toBe(model.rSquared);
    expect(report.result.rows).toHaveLength(98);

    const fitted = new Map(model.expectedRates.map((rate) => [rate.municipality, rate]));
    const ranks = expectedRanks(
      new Map(model.expectedRates.map((rate) => [rate.municipality, rate.differencePoints])),
    );
    for (const row of report.result.rows) {
      const rate = fitted.get(row.municipality.code);
      expect(rate, `kommune ${String(row.municipality.code)}`).toBeDefined();
      if (rate === undefined) continue;
      expect(row.expectedShare).toBe(rate.expectedShare);
      expect(row.actualShare).toBe(rate.actualShare);
      expect(row.differencePoints).toBe(rate.actualShare - rate.expectedShare);
      expect(row.expectedCount).toBe(rate.expectedCount);
      expect(row.actualCount).toBe(rate.actualCount);
      expect(row.rank).toBe(ranks.get(row.municipality.code));
    }
    // Listed by rank: 1 first.
    const listed = report.result.rows.map((row) => row.rank);
    expect(listed).toEqual([...listed].sort((a, b) => a - b));
  }, 300_000);

  it('from a load, marks the five best and the five worst and compares each municipality with its cluster’s mean', async () => {
    const source = new WebDataSource({
      figures: { kind: 'load', dataDirectory: load.dataDirectory },
      month: yearMonth('2025-12'),
      rules: OFFICIAL_RULES,
    });
    const report = reportOf(await webBenchmarkReport(source, test.database, YEAR));
    const rows = report.result.rows;
    const maxRank = Math.max(...rows.map((row) => row.rank));
    for (const row of rows) {
      const expected =
        row.rank <= (rows[4]?.rank ?? 0)
          ? 'best'
          : row.rank >= (rows[rows.length - 5]?.rank ?? maxRank)
            ? 'worst'
            : null;
      expect(row.highlight, `${row.municipality.name} plads ${String(row.rank)}`).toBe(expected);
    }
    expect(rows.filter((row) => row.highlight === 'best').length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((row) => row.highlight === 'worst').length).toBeGreaterThanOrEqual(5);

    // Each cluster's mean is the plain mean of its members' differences.
    const clusters = report.clusters;
    if (clusters === null) throw new Error('no clusters');
    expect(clusters.count).toBe(DEFAULT_CLUSTER_COUNT);
    const difference = new Map(rows.map((row) => [row.municipality.code, row.differencePoints]));
    for (const cluster of clusters.members) {
      const values = cluster.municipalities.map((member) => difference.get(member.code) ?? NaN);
      const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
      const inCluster = expectedRanks(
        new Map(cluster.municipalities.map((member, index) => [member.code, values[index] ?? NaN])),
      );
      for (const member of cluster.municipalities) {
        const row = rows.find((candidate) => candidate.municipality.code === member.code);
        expect(row?.cluster?.cluster).toBe(cluster.id);
        expect(row?.cluster?.clusterSize).toBe(cluster.municipalities.length);
        expect(row?.cluster?.clusterMean).toBeCloseTo(mean, 12);
        expect(row?.cluster?.differenceFromClusterMean).toBeCloseTo(
          (difference.get(member.code) ?? NaN) - mean,
          12,
        );
        expect(row?.cluster?.rankInCluster).toBe(inCluster.get(member.code));
      }
    }
  }, 300_000);

  it('from a load, ranks each benchmark measure of December as the core does', async () => {
    const source = new WebDataSource({
      figures: { kind: 'load', dataDirectory: load.dataDirectory },
      month: yearMonth('2025-12'),
      rules: OFFICIAL_RULES,
    });
    const report = reportOf(await webBenchmarkReport(source, test.database, YEAR));
    expect(report.measures).toHaveLength(core.report.measures.length);
    expect(new Set(report.measures.map((measure) => measure.measure))).toEqual(
      new Set([
        'duration',
        'exit_to_work_3',
        'exit_to_work_6',
        'passive_6',
        'passive_12',
        'company_directed_effort',
      ]),
    );
    core.report.measures.forEach((ranking, index) => {
      const section = report.measures[index];
      expect(section?.month).toBe(`${String(YEAR)}-12`);
      const byCode = new Map(section?.rows.map((row) => [row.municipality.code, row]));
      for (const entry of ranking.ranking) {
        expect(byCode.get(entry.municipality)?.value).toBe(entry.value ?? null);
        expect(byCode.get(entry.municipality)?.rank).toBe(entry.rank ?? null);
      }
    });
  }, 300_000);

  it('prints the benchmark measures for all benefits and each benefit group, and says where the rest is', async () => {
    const source = new WebDataSource({
      figures: { kind: 'load', dataDirectory: load.dataDirectory },
      month: yearMonth('2025-12'),
      rules: OFFICIAL_RULES,
    });
    const report = reportOf(await webBenchmarkReport(source, test.database, YEAR));
    const printed = printedBenchmarkReport(report);
    expect(new Set(printed.measures.map((measure) => measure.scope))).toEqual(
      new Set(['Alle ydelser', 'A-dagpenge mv.', 'Sygedagpenge mv.', 'Kontanthjælp mv.']),
    );
    expect(printed.measures).toHaveLength(6 * 4);
    expect(printed.measures).toEqual(
      report.measures.filter((measure) => PRINTED_SCOPES.includes(measure.scope)),
    );
    expect(printed.result).toBe(report.result);
    expect(printed.notes).toEqual([...report.notes, PRINTED_SCOPES_NOTE]);
  }, 300_000);

  it('from aggregated files, says in Danish that there is no benchmark while no measurement run has finished', async () => {
    const view = await benchmarkOfLatestRun(test.database, YEAR);
    expect(view).toEqual({
      available: false,
      year: YEAR,
      reason: expect.stringContaining('ingen færdig målekørsel') as unknown,
    });
  });

  it('from aggregated files, shows the latest finished measurement run’s rates: the model of the load to the last digit', async () => {
    const system = caseSystem({ database: test.database, dataDirectory: load.dataDirectory });
    const ministry = actorOf(
      await addUser(test.database, CLI_ACTOR, {
        username: 'styrelsen',
        role: 'ministry',
        password: 'styrelsens kodeord',
      }),
    );
    const run = await runMeasurement(system, ministry, {
      load: load.loadId,
      fromYear: YEAR,
      toYear: YEAR + 1,
    });
    expect(run.status).toBe('done');
    const source = new WebDataSource({
      figures: {
        kind: 'files',
        focus: 'examples/aggregates/focus_measures.csv',
        rates: 'examples/aggregates/expected_rates.csv',
      },
      month: yearMonth('2024-12'),
      rules: OFFICIAL_RULES,
    });
    const view = await webBenchmarkReport(source, test.database, YEAR);
    const report = reportOf(view);
    expect(view).toMatchObject({ origin: { kind: 'measurement_run', runId: run.id } });
    const fitted = new Map(
      (core.report.model?.expectedRates ?? []).map((rate) => [rate.municipality, rate]),
    );
    expect(report.result.rows).toHaveLength(98);
    for (const row of report.result.rows) {
      const rate = fitted.get(row.municipality.code);
      expect(row.expectedShare).toBe(rate?.expectedShare);
      expect(row.actualShare).toBe(rate?.actualShare);
      expect(row.rank).toBe(rate?.rank);
    }
    // A run keeps neither the clusters nor the benchmark measures, and the report says so.
    expect(report.clusters).toBeNull();
    expect(report.measures).toEqual([]);
    expect(report.notes.join(' ')).toContain('klyngerne og benchmarkmålingerne');

    // A year the run does not cover: the reason, naming the run.
    const uncovered = await webBenchmarkReport(source, test.database, 2021);
    expect(uncovered).toMatchObject({ available: false, year: 2021 });
    if (!uncovered.available)
      expect(uncovered.reason).toContain(`målekørsel (nr. ${String(run.id)}`);
  }, 300_000);
});
