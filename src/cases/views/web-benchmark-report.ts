/**
 * The benchmark report of a year as the web shows it (reports.md
 * "Benchmark report"), from what the web's figures allow:
 *
 * - figures from a load: the benchmark model fitted on the load's framework
 *   conditions, its clusters and the benchmark measures of December, as
 *   `tilsyn report benchmark --load current --year ÅR` builds it; kept in
 *   memory per load and year (the same load gives the same report);
 * - aggregated files (no load, so no model to fit): the expected rates of
 *   the latest finished measurement run in the case database
 *   (`benchmark_results`); when there is none, or it does not cover the
 *   year, the reason in Danish instead of a report.
 */
import { calendarYear } from '../../core/benchmark/benchmark-period.js';
import { DEFAULT_CLUSTER_COUNT } from '../../core/benchmark/clusters.js';
import type { ExpectedRate } from '../../core/benchmark/expected-rates.js';
import { DomainError } from '../../core/domain-error.js';
import { InputError } from '../../files/input-error.js';
import { openLoad } from '../../loading/load-catalog.js';
import { benchmarkPeriod } from '../../pipeline/benchmark.js';
import { municipalityNames } from '../../pipeline/legal-inputs.js';
import {
  benchmarkViewOfLoad,
  benchmarkViewOfMeasurementRun,
  noBenchmark,
  type WebBenchmarkReport,
} from '../../reports/benchmark-report-view.js';
import type { Database } from '../../storage/database.js';
import type { WebDataSource } from './web-data.js';

const cache = new Map<string, Promise<WebBenchmarkReport>>();

export async function webBenchmarkReport(
  source: WebDataSource,
  database: Database,
  year: number,
): Promise<WebBenchmarkReport> {
  const figures = source.assessmentSource();
  if (figures.kind === 'files') return benchmarkOfLatestRun(database, year);
  const load = await openLoad(figures.load.dataDirectory, figures.load.value);
  const key = `${load.id}|${String(year)}`;
  let report = cache.get(key);
  if (report === undefined) {
    report = (async () => {
      try {
        const {
          report: built,
          notes,
          nameOf,
        } = await benchmarkPeriod({
          period: calendarYear(year),
          cwd: process.cwd(),
          load: { ...figures.load, value: load.id },
          clusterCount: DEFAULT_CLUSTER_COUNT,
        });
        return benchmarkViewOfLoad({
          year,
          loadId: load.id,
          loadCreatedAt: load.manifest.createdAt,
          report: built,
          notes,
          nameOf,
        });
      } catch (error) {
        // The load does not cover the year, or its figures cannot carry a model: say so.
        if (error instanceof InputError || error instanceof DomainError)
          return noBenchmark(
            year,
            `Benchmarket for ${String(year)} kan ikke beregnes af indlæsning ${load.id}: ${error.message}`,
          );
        throw error;
      }
    })();
    cache.set(key, report);
    report.catch(() => cache.delete(key));
  }
  return report;
}

/** The benchmark of `year` from the latest finished measurement run, or why there is none. */
export async function benchmarkOfLatestRun(
  database: Database,
  year: number,
): Promise<WebBenchmarkReport> {
  const run = await database
    .selectFrom('measurement_runs')
    .select(['id', 'load_id', 'finished_at'])
    .where('status', '=', 'done')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (run === undefined)
    return noBenchmark(
      year,
      'Der er intet benchmark, fordi tallene her kommer fra aggregerede filer uden en benchmarkmodel, og sagsdatabasen har ingen færdig målekørsel med forventede ydelsesgrader. Styrelsen får benchmarket ved at måle en indlæsning (en målekørsel).',
    );
  const rows = await database
    .selectFrom('benchmark_results')
    .select('details')
    .where('measurement_run_id', '=', run.id)
    .where('year', '=', year)
    .orderBy('id')
    .execute();
  const names = await municipalityNames();
  return benchmarkViewOfMeasurementRun({
    year,
    run: {
      id: run.id,
      loadId: run.load_id,
      finishedAt: run.finished_at === null ? null : new Date(run.finished_at).toISOString(),
    },
    rates: rows.map((row) => row.details as unknown as ExpectedRate),
    nameOf: names.plainNameOf,
  });
}
