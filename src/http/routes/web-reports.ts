/**
 * The annual assessment report of a year as data, PDF and Excel for the
 * web application. Aggregated figures and decisions only — every role and
 * the public may read it (`read_public_measures`), like the status report.
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { can, NATION } from '../../access/policy.js';
import { webAssessmentReport } from '../../cases/views/web-assessment-report.js';
import { FIRST_ASSESSMENT_YEAR } from '../../cases/views/web-letters.js';
import { assessmentCsv } from '../../reports/csv/assessment-csv.js';
import { assessmentReportWorkbook } from '../../reports/excel/assessment-report-workbook.js';
import { assessmentReportPdf } from '../../reports/pdf/assessment-report-pdf.js';
import { loadPdfFonts } from '../../reports/pdf/pdf-fonts.js';
import { forbidden } from '../http-error.js';
import { FormatQuery, sendExcelCsv, wantsCsv } from '../list-response.js';
import type { TilsynApp } from '../tilsyn-app.js';
import { XLSX_TYPE, type WebViewDependencies } from './web-views.js';

const VIEW = Type.Unsafe<unknown>({ type: 'object', additionalProperties: true });
const YEAR = Type.Object({
  year: Type.Optional(Type.Integer({ minimum: FIRST_ASSESSMENT_YEAR, maximum: 2100 })),
});

export function webReportRoutes(app: TilsynApp, dependencies: WebViewDependencies): void {
  const { data } = dependencies;
  /** The year asked for, or the year of the month the pages show. */
  const yearOf = (request: FastifyRequest, year: number | undefined): number => {
    if (!can(request.principal.access, 'read_public_measures', NATION)) throw forbidden();
    return year ?? Number(data.month.slice(0, 4));
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
}
