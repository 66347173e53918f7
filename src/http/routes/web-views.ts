/**
 * The web application's aggregated views: the national overview (an AMK
 * user sees its region), a municipality's measures, and the quarterly
 * status report as data, PDF and Excel. Aggregated figures only — every
 * role and the public may read them (`read_public_measures`).
 */
import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import { can, NATION, ofMunicipality, rolesFor } from '../../access/policy.js';
import type { WebDataSource } from '../../cases/views/web-data.js';
import {
  amkAlerts,
  measuresOfMunicipality,
  nationalOverview,
  webStatusReport,
} from '../../cases/views/web-views.js';
import { statusReportCsv } from '../../reports/csv/status-report-csv.js';
import { statusReportWorkbook } from '../../reports/excel/status-report-workbook.js';
import { loadPdfFonts } from '../../reports/pdf/pdf-fonts.js';
import { statusReportPdf } from '../../reports/pdf/status-report-pdf.js';
import type { HttpContext } from '../http-context.js';
import { forbidden, notFound, unauthorized } from '../http-error.js';
import { FormatQuery, sendExcelCsv, wantsCsv } from '../list-response.js';
import { amkAlertsCsv, municipalityMeasuresCsv, overviewCsv } from '../presenters/web-csv.js';
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
        querystring: Type.Object(FormatQuery),
        response: { 200: VIEW },
      },
    },
    async (request, reply) => {
      const actor = publicActor(request);
      const view = await nationalOverview(data, database, actor.role === 'amk' ? actor.amk : null);
      return wantsCsv(request)
        ? sendExcelCsv(reply, `landsoversigt-${view.month}`, overviewCsv(view))
        : view;
    },
  );

  app.get(
    '/api/web/municipalities/:code/measures',
    {
      schema: {
        tags: ['web'],
        summary: 'En kommunes fokusmål måned for måned, gennemsnit, fremskrivning og resultatmål',
        params: Type.Object({ code: Type.Integer({ minimum: 101, maximum: 999 }) }),
        querystring: Type.Object(FormatQuery),
        response: { 200: VIEW },
      },
    },
    async (request, reply) => {
      publicActor(request);
      const measures = await measuresOfMunicipality(data, request.params.code);
      if (measures === undefined) throw notFound('Kommunen');
      return wantsCsv(request)
        ? sendExcelCsv(
            reply,
            `fokusmaal-${String(measures.municipality.code)}-${measures.month}`,
            municipalityMeasuresCsv(measures),
          )
        : measures;
    },
  );

  app.get(
    '/api/web/reports/status',
    {
      schema: {
        tags: ['web'],
        summary: 'Kvartalsrapporten (status for fokusmålene) som data',
        querystring: Type.Object(FormatQuery),
        response: { 200: VIEW },
      },
    },
    async (request, reply) => {
      publicActor(request);
      const report = await webStatusReport(data, database);
      return wantsCsv(request)
        ? sendExcelCsv(reply, `status-${report.month}`, statusReportCsv(report))
        : report;
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

  app.get(
    '/api/web/amk/alerts',
    {
      schema: {
        tags: ['web'],
        summary:
          'Varsler om den tidlige indsats (AMK-reglen) pr. kommune: AMK-brugeren sin region, styrelsen alle (filter: amk)',
        querystring: Type.Object({
          amk: Type.Optional(
            Type.String({ minLength: 1, maxLength: 100, description: 'kun dette AMK' }),
          ),
          ...FormatQuery,
        }),
        response: { 200: VIEW },
      },
    },
    async (request, reply) => {
      const actor = request.principal.access;
      const refused = () => (request.principal.via === 'anonymous' ? unauthorized() : forbidden());
      if (!rolesFor('read_amk_alerts').includes(actor.role)) throw refused();
      const visible = (code: number) => can(actor, 'read_amk_alerts', ofMunicipality(code));
      const view = await amkAlerts(data, database, {
        visible,
        amk: request.query.amk ?? null,
      });
      if (view.amks.length === 0) throw refused();
      return wantsCsv(request)
        ? sendExcelCsv(reply, `varsler-tidlig-indsats-${view.month}`, amkAlertsCsv(view))
        : view;
    },
  );
}
