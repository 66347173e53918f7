/**
 * The benchmark report as the web application shows it (reports.md
 * "Benchmark report"): the report's data (`BenchmarkReportData`, the same
 * object the PDF and the workbook render) with where it came from — or, when
 * there is no benchmark of the year, the reason in Danish, so that the page
 * can say it instead of failing.
 *
 * Pure: the case-system view (src/cases/views/web-benchmark-report.ts) reads
 * the load or the case database and hands the figures here.
 */
import {
  benchmarkReportData,
  scopeLabel,
  type BenchmarkReportData,
} from '../core/benchmark/benchmark-report-data.js';
import { BENEFIT_GROUPS } from '../core/domain/benefit-type.js';
import { buildBenchmarkReport, type BenchmarkReport } from '../core/benchmark/benchmark-report.js';
import { calendarYear, samePeriod } from '../core/benchmark/benchmark-period.js';
import type { ExpectedRate } from '../core/benchmark/expected-rates.js';
import type { MunicipalityCode } from '../core/domain/municipality.js';
import { covariateLabel } from './benchmark-labels.js';

/** Where the figures of an available benchmark came from. */
export type BenchmarkOrigin =
  | {
      /** Fitted on the load in use, with clusters and benchmark measures (as `tilsyn report benchmark --load`). */
      readonly kind: 'load';
      readonly loadId: string;
    }
  | {
      /** The expected rates a finished measurement run stored (`benchmark_results`). */
      readonly kind: 'measurement_run';
      readonly runId: number;
      readonly loadId: string;
      /** ISO timestamp; null when the run has none. */
      readonly finishedAt: string | null;
    };

export type WebBenchmarkReport =
  | {
      readonly available: true;
      readonly year: number;
      readonly origin: BenchmarkOrigin;
      /** "Kilde: …" in Danish. */
      readonly source: string;
      /** The Danish name of each covariate of the model and the clusters. */
      readonly covariateLabels: Readonly<Record<string, string>>;
      readonly report: BenchmarkReportData;
    }
  | {
      readonly available: false;
      readonly year: number;
      /** Why there is no benchmark of the year, in Danish. */
      readonly reason: string;
    };

/** The benchmark fitted on the load in use (`benchmarkPeriod` of the pipeline). */
export function benchmarkViewOfLoad(input: {
  readonly year: number;
  readonly loadId: string;
  readonly loadCreatedAt: string;
  readonly report: BenchmarkReport;
  readonly notes: readonly string[];
  readonly nameOf: (code: MunicipalityCode) => string;
}): WebBenchmarkReport {
  return {
    available: true,
    year: input.year,
    origin: { kind: 'load', loadId: input.loadId },
    source:
      `Kilde: indlæsning ${input.loadId}` +
      (input.loadCreatedAt === '' ? '' : ` (${input.loadCreatedAt.slice(0, 10)})`) +
      '; faktiske ydelsesgrader og benchmarkmålinger beregnet af tilsyn, forventede ydelsesgrader fra benchmarkmodellen estimeret på indlæsningens rammevilkår.',
    covariateLabels: Object.fromEntries(
      [
        ...(input.report.model?.covariates ?? []),
        ...(input.report.clustering?.covariates ?? []),
      ].map((name) => [name, covariateLabel(name)]),
    ),
    report: benchmarkReportData(input.report, input.nameOf, input.notes),
  };
}

/** The note of a benchmark read from a measurement run: what such a run does not keep. */
export const MEASUREMENT_RUN_NOTE =
  'benchmarket er læst fra en målekørsel i sagsdatabasen: den gemmer de forventede og faktiske ydelsesgrader (resultatmålet), men ikke klyngerne og benchmarkmålingerne, som derfor ikke vises';

/**
 * The benchmark of `year` from the expected rates a finished measurement run
 * stored: the result measure ranked 1–98, best and worst marked, exactly as
 * the core ranks them; without clusters and benchmark measures (a run does
 * not store them, and the note says so). No rates of the year: the reason.
 */
export function benchmarkViewOfMeasurementRun(input: {
  readonly year: number;
  readonly run: {
    readonly id: number;
    readonly loadId: string;
    readonly finishedAt: string | null;
  };
  /** The run's stored rates (`benchmark_results.details`), any years. */
  readonly rates: readonly ExpectedRate[];
  readonly nameOf: (code: MunicipalityCode) => string;
}): WebBenchmarkReport {
  const { year, run } = input;
  const period = calendarYear(year);
  const rates = input.rates.filter((rate) => samePeriod(rate.period, period));
  if (rates.length === 0)
    return noBenchmark(
      year,
      `Den seneste færdige målekørsel (nr. ${String(run.id)}, indlæsning ${run.loadId}) har ingen forventede ydelsesgrader for ${String(year)}. Start en målekørsel, der dækker ${String(year)}, for at få benchmarket.`,
    );
  const source = rates.every((rate) => rate.source.kind === 'official') ? 'official' : 'model';
  const report = buildBenchmarkReport({
    period,
    source,
    rates,
    model: undefined,
    clustering: undefined,
    measures: [],
  });
  return {
    available: true,
    year,
    origin: {
      kind: 'measurement_run',
      runId: run.id,
      loadId: run.loadId,
      finishedAt: run.finishedAt,
    },
    source:
      `Kilde: målekørsel nr. ${String(run.id)} af indlæsning ${run.loadId}` +
      (run.finishedAt === null ? '' : `, færdig ${run.finishedAt.slice(0, 10)}`) +
      '; forventede og faktiske ydelsesgrader som målekørslen gemte dem.',
    covariateLabels: {},
    report: benchmarkReportData(report, input.nameOf, [MEASUREMENT_RUN_NOTE]),
  };
}

export function noBenchmark(year: number, reason: string): WebBenchmarkReport {
  return { available: false, year, reason };
}

/** The scopes the printed report ranks each benchmark measure for: all benefits and each group. */
export const PRINTED_SCOPES: readonly string[] = [
  scopeLabel('all'),
  ...BENEFIT_GROUPS.map((group) => scopeLabel(group)),
];

export const PRINTED_SCOPES_NOTE =
  'PDF-udgaven rangordner benchmarkmålingerne for alle ydelser og for hver ydelsesgruppe (measures.md § 9); rangordningerne for hver enkelt ydelse står i Excel-projektmappen og på websiden';

/**
 * The report as the web's PDF prints it: the benchmark measures for all
 * benefits and for each benefit group only — one ranking of 98 per measure
 * and benefit type would be some 250 pages and minutes of rendering — with a
 * note that says where the rest is. Without measures (a measurement run's
 * report) it is the report as it is.
 */
export function printedBenchmarkReport(report: BenchmarkReportData): BenchmarkReportData {
  const measures = report.measures.filter((measure) => PRINTED_SCOPES.includes(measure.scope));
  if (measures.length === report.measures.length) return report;
  return { ...report, measures, notes: [...report.notes, PRINTED_SCOPES_NOTE] };
}
