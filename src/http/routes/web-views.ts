/**
 * The web application's aggregated views: the national overview (an AMK
 * user sees its region), a municipality's measures, and the quarterly
 * status report as data, PDF and Excel. Aggregated figures only — every
 * role and the public may read them (`read_public_measures`).
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { can, NATION } from '../../access/policy.js';
import type { WebDataSource } from '../../cases/views/web-data.js';
import {
  measuresOfMunicipality,
  nationalOverview,
  webStatusReport,
} from '../../cases/views/web-views.js';
import { statusReportWorkbook } from '../../reports/excel/status-report-workbook.js';
import { loadPdfFonts } from '../../reports/pdf/pdf-fonts.js';
import { statusReportPdf } from '../../reports/pdf/status-report-pdf.js';
import type { HttpContext } from '../http-context.js';
import { forbidden, notFound } from '../http-error.js';
import type { TilsynApp } from '../tilsyn-app.js';

export interface WebViewDependencies {
  /** The figures of the load in use. */
  readonly data: WebDataSource;
}

/** A view's answer: the object is the view's own type (src/cases/views), serialised as it is. */
const VIEW = Type.Unsafe<unknown>({ type: 'object', additionalProperties: true });

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function webViewRoutes(
  app: TilsynApp,
  context: HttpContext,
  dependencies: WebViewDependencies,
): void {
  const { database } = context;
  const { data } = dependencies;
  const publicActor = (request: FastifyRequest) => {
    const actor = request.principal.access;
    if (!can(actor, 'read_public_measures', NATION)) throw forbidden();
    return actor;
  };

  app.get(
    '/api/web/overview',
    {
      schema: {
        tags: ['web'],
        summary: 'Landsoversigten: alle kommuner (en AMK-bruger: regionens) med status og fokusmål',
        response: { 200: VIEW },
      },
    },
    async (request) => {
      const actor = publicActor(request);
      return nationalOverview(data, database, actor.role === 'amk' ? actor.amk : null);
    },
  );

  app.get(
    '/api/web/municipalities/:code/measures',
    {
      schema: {
        tags: ['web'],
        summary: 'En kommunes fokusmål måned for måned, gennemsnit, fremskrivning og resultatmål',
        params: Type.Object({ code: Type.Integer({ minimum: 101, maximum: 999 }) }),
        response: { 200: VIEW },
      },
    },
    async (request) => {
      publicActor(request);
      const measures = await measuresOfMunicipality(data, request.params.code);
      if (measures === undefined) throw notFound('Kommunen');
      return measures;
    },
  );

  app.get(
    '/api/web/reports/status',
    {
      schema: {
        tags: ['web'],
        summary: 'Kvartalsrapporten (status for fokusmålene) som data',
        response: { 200: VIEW },
      },
    },
    async (request) => {
      publicActor(request);
      return webStatusReport(data, database);
    },
  );

  app.get(
    '/api/web/reports/status.pdf',
    { schema: { tags: ['web'], summary: 'Kvartalsrapporten som PDF' } },
    async (request, reply) => {
      publicActor(request);
      const report = await webStatusReport(data, database);
      const bytes = await statusReportPdf(report, await loadPdfFonts());
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="status-${report.month}.pdf"`)
        .send(Buffer.from(bytes));
    },
  );

  app.get(
    '/api/web/reports/status.xlsx',
    { schema: { tags: ['web'], summary: 'Kvartalsrapporten som Excel-projektmappe' } },
    async (request, reply) => {
      publicActor(request);
      const report = await webStatusReport(data, database);
      const bytes = await statusReportWorkbook(report);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="status-${report.month}.xlsx"`)
        .send(Buffer.from(bytes));
    },
  );
}
