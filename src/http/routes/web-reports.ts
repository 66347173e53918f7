/**
 * The annual assessment report and the benchmark report of a year as data,
 * PDF and Excel for the web application. Aggregated figures and decisions
 * only — every role and the public may read them (`read_public_measures`),
 * like the status report.
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { can, NATION } from '../../access/policy.js';
import { latestEndedRatesYear } from '../../core/risk/rates-year.js';
import { webAssessmentReport } from '../../cases/views/web-assessment-report.js';
import { webBenchmarkReport } from '../../cases/views/web-benchmark-report.js';
import { FIRST_ASSESSMENT_YEAR } from '../../cases/views/web-letters.js';
import { assessmentCsv } from '../../reports/csv/assessment-csv.js';
import type { BenchmarkReportData } from '../../core/benchmark/benchmark-report-data.js';
import {
  printedBenchmarkReport,
  type WebBenchmarkReport,
} from '../../reports/benchmark-report-view.js';
import { assessmentReportWorkbook } from '../../reports/excel/assessment-report-workbook.js';
import { benchmarkReportWorkbook } from '../../reports/excel/benchmark-report-workbook.js';
import { assessmentReportPdf } from '../../reports/pdf/assessment-report-pdf.js';
import { benchmarkReportPdf } from '../../reports/pdf/benchmark-report-pdf.js';
import { loadPdfFonts } from '../../reports/pdf/pdf-fonts.js';
import type { HttpContext } from '../http-context.js';
import { forbidden, HttpError } from '../http-error.js';
import { FormatQuery, sendExcelCsv, wantsCsv } from '../list-response.js';
import type { TilsynApp } from '../tilsyn-app.js';
import { XLSX_TYPE, type WebViewDependencies } from './web-views.js';

const VIEW = Type.Unsafe<unknown>({ type: 'object', additionalProperties: true });
const YEAR = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: FIRST_ASSESSMENT_YEAR, maximum: 2100 })),
});

/** A download of a year without a benchmark: 404 with the reason the page shows. */
function benchmarkOf(view: WebBenchmarkReport): BenchmarkReportData {
  if (!view.available) throw new HttpError(404, 'no_benchmark', view.reason);
  return view.report;
}

/**
 * The printed benchmark report's bytes, made once per report object: the
 * view keeps a load's report in memory, and rendering its tables takes
 * seconds (docs/web.md).
 */
const printed = new WeakMap<BenchmarkReportData, Promise<Uint8Array>>();
function benchmarkPdfOf(report: BenchmarkReportData): Promise<Uint8Array> {
  let bytes = printed.get(report);
  if (bytes === undefined) {
    bytes = loadPdfFonts().then((fonts) =>
      benchmarkReportPdf(printedBenchmarkReport(report), fonts),
    );
    printed.set(report, bytes);
    bytes.catch(() => printed.delete(report));
  }
  return bytes;
}

export function webReportRoutes(
  app: TilsynApp,
  context: HttpContext,
  dependencies: WebViewDependencies,
): void {
  const { data } = dependencies;
  const { database } = context;
  /** The year asked for, or the year of the month the pages show. */
  const yearOf = (request: FastifyRequest, year: number | undefined): number => {
    if (!can(request.principal.access, 'read_public_measures', NATION)) throw forbidden();
    return year ?? Number(data.month.slice(0, 4));
  };
  /** The year asked for, or the last whole year of the month the pages show (its rates are final). */
  const benchmarkYearOf = (request: FastifyRequest, year: number | undefined): number => {
    if (!can(request.principal.access, 'read_public_measures', NATION)) throw forbidden();
    return year ?? latestEndedRatesYear(data.month);
  };

  app.get(
    '/api/web/reports/assessment',
    {
      schema: {
        tags: ['web'],
        summary: 'Den årlige opgørelse af et år som data (format=csv: CSV til Excel)',
        querystring: Type.Object({ ...YEAR.properties, ...FormatQuery }),
        response: { 200: VIEW },
      },
    },
    async (request, reply) => {
      const report = await webAssessmentReport(data, yearOf(request, request.query.year));
      return wantsCsv(request)
        ? sendExcelCsv(reply, `opgoerelse-${String(report.year)}`, assessmentCsv([report]))
        : report;
    },
  );

  app.get(
    '/api/web/reports/assessment.pdf',
    { schema: { tags: ['web'], summary: 'Den årlige opgørelse som PDF', querystring: YEAR } },
    async (request, reply) => {
      const report = await webAssessmentReport(data, yearOf(request, request.query.year));
      const bytes = await assessmentReportPdf(report, await loadPdfFonts());
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="opgoerelse-${String(report.year)}.pdf"`,
        )
        .send(Buffer.from(bytes));
    },
  );

  app.get(
    '/api/web/reports/assessment.xlsx',
    {
      schema: {
        tags: ['web'],
        summary: 'Den årlige opgørelse som Excel-projektmappe',
        querystring: YEAR,
      },
    },
    async (request, reply) => {
      const report = await webAssessmentReport(data, yearOf(request, request.query.year));
      const bytes = await assessmentReportWorkbook(report);
      return reply
        .type(XLSX_TYPE)
        .header(
          'content-disposition',
          `attachment; filename="opgoerelse-${String(report.year)}.xlsx"`,
        )
        .send(Buffer.from(bytes));
    },
  );

  app.get(
    '/api/web/reports/benchmark',
    {
      schema: {
        tags: ['web'],
        summary:
          'Benchmarkrapporten af et år som data: placeringer, de bedste og dårligste, hver kommune mod sin klynge (eller hvorfor der intet benchmark er)',
        querystring: YEAR,
        response: { 200: VIEW },
      },
    },
    async (request) =>
      webBenchmarkReport(data, database, benchmarkYearOf(request, request.query.year)),
  );

  app.get(
    '/api/web/reports/benchmark.pdf',
    { schema: { tags: ['web'], summary: 'Benchmarkrapporten som PDF', querystring: YEAR } },
    async (request, reply) => {
      const view = await webBenchmarkReport(
        data,
        database,
        benchmarkYearOf(request, request.query.year),
      );
      const bytes = await benchmarkPdfOf(benchmarkOf(view));
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="benchmark-${String(view.year)}.pdf"`)
        .send(Buffer.from(bytes));
    },
  );

  app.get(
    '/api/web/reports/benchmark.xlsx',
    {
      schema: {
        tags: ['web'],
        summary: 'Benchmarkrapporten som Excel-projektmappe',
        querystring: YEAR,
      },
    },
    async (request, reply) => {
      const view = await webBenchmarkReport(
        data,
        database,
        benchmarkYearOf(request, request.query.year),
      );
      const bytes = await benchmarkReportWorkbook(benchmarkOf(view));
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="benchmark-${String(view.year)}.xlsx"`)
        .send(Buffer.from(bytes));
    },
  );
}
