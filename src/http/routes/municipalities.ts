/**
 * The supervision of municipalities as the ministry, an AMK and a
 * municipality see it: the national overview (each visible municipality's
 * status and newest measures), a municipality's case with its history, and
 * its monthly measures.
 */
import { Type } from 'typebox';
import { ofMunicipality, visibleMunicipalities } from '../../access/policy.js';
import { municipalityMeasures, nationalOverview } from '../../cases/cached-views.js';
import { caseHistory } from '../../cases/case-history.js';
import { authorize, requireLogin } from '../authorize.js';
import { forbidden } from '../http-error.js';
import type { HttpContext } from '../http-context.js';
import { FormatQuery, sendList } from '../list-response.js';
import { ErrorSchema, MunicipalityParams } from '../schemas.js';
import type { TilsynApp } from '../tilsyn-app.js';

const Errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
const MONTH = '^[0-9]{4}-(0[1-9]|1[0-2])$';

const OverviewRow = Type.Object({
  municipality: Type.Integer(),
  name: Type.String(),
  region: Type.String(),
  amk: Type.String(),
  status: Type.String(),
  month: Type.Union([Type.String(), Type.Null()]),
  offersShare: Type.Union([Type.Number(), Type.Null()]),
  conversationsShare: Type.Union([Type.Number(), Type.Null()]),
});

const CaseEvent = Type.Object({
  id: Type.Integer(),
  kind: Type.String(),
  eventDate: Type.String(),
  statusAfter: Type.Union([Type.String(), Type.Null()]),
  summary: Type.String(),
  subjectTable: Type.Union([Type.String(), Type.Null()]),
  subjectId: Type.Union([Type.Integer(), Type.Null()]),
  recordedAt: Type.String({ format: 'date-time' }),
  correctsId: Type.Union([Type.Integer(), Type.Null()]),
});

export function municipalityRoutes(app: TilsynApp, context: HttpContext): void {
  const { database } = context;
  const byCode = new Map(context.municipalities.map((m) => [m.code, m]));

  app.get(
    '/api/overview',
    {
      schema: {
        tags: ['tilsyn'],
        summary: 'Overblik: status og nyeste fokusmål for hver kommune, brugeren må se',
        querystring: Type.Object(FormatQuery),
        response: {
          200: Type.Object({
            measurementRunId: Type.Union([Type.Integer(), Type.Null()]),
            municipalities: Type.Array(OverviewRow),
          }),
          ...Errors,
        },
      },
    },
    async (request, reply) => {
      const principal = requireLogin(request);
      const visible = visibleMunicipalities(principal.access, 'read_case');
      const codes = context.municipalities
        .map((m) => m.code)
        .filter((code) => visible === 'all' || visible.has(code));
      if (codes.length === 0) throw forbidden();
      const overview = await nationalOverview(database, codes);
      const rows = overview.rows.map((row) => {
        const municipality = byCode.get(row.municipality);
        return {
          ...row,
          name: municipality?.name ?? '',
          region: municipality?.region ?? '',
          amk: municipality?.amk ?? '',
        };
      });
      return sendList(request, reply, {
        name: 'overblik',
        rows,
        columns: [
          { header: 'Kommunekode', value: (row) => row.municipality },
          { header: 'Kommune', value: (row) => row.name },
          { header: 'AMK', value: (row) => row.amk },
          { header: 'Status', value: (row) => row.status },
          { header: 'Måned', value: (row) => row.month },
          {
            header: 'Passivandel tilbud (%)',
            value: (row) => row.offersShare,
            decimals: 1,
          },
          {
            header: 'Passivandel samtaler (%)',
            value: (row) => row.conversationsShare,
            decimals: 1,
          },
        ],
        json: () => ({ measurementRunId: overview.measurementRunId, municipalities: rows }),
      });
    },
  );

  app.get(
    '/api/municipalities/:code/case',
    {
      schema: {
        tags: ['tilsyn'],
        summary: 'Kommunens tilsynssag: status og historik',
        params: MunicipalityParams,
        querystring: Type.Object(FormatQuery),
        response: {
          200: Type.Object({
            municipality: Type.Integer(),
            name: Type.String(),
            status: Type.String(),
            history: Type.Array(CaseEvent),
          }),
          ...Errors,
        },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      authorize(request, 'read_case', ofMunicipality(code));
      const history = await caseHistory(database, code);
      const events = history.events.map((event) => ({
        ...event,
        recordedAt: event.recordedAt.toISOString(),
      }));
      return sendList(request, reply, {
        name: `sag-${code}`,
        rows: events,
        columns: [
          { header: 'Dato', value: (row) => row.eventDate },
          { header: 'Hændelse', value: (row) => row.kind },
          { header: 'Status efter', value: (row) => row.statusAfter },
          { header: 'Beskrivelse', value: (row) => row.summary },
          { header: 'Retter', value: (row) => row.correctsId },
        ],
        json: () => ({
          municipality: code,
          name: byCode.get(code)?.name ?? '',
          status: history.status,
          history: events,
        }),
      });
    },
  );

  app.get(
    '/api/municipalities/:code/measures',
    {
      schema: {
        tags: ['tilsyn'],
        summary: 'Kommunens månedlige fokusmål (nyeste målekørsel)',
        params: MunicipalityParams,
        querystring: Type.Object({
          from: Type.Optional(Type.String({ pattern: MONTH })),
          to: Type.Optional(Type.String({ pattern: MONTH })),
          scope: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
          ...FormatQuery,
        }),
        response: {
          200: Type.Object({
            measurementRunId: Type.Union([Type.Integer(), Type.Null()]),
            items: Type.Array(
              Type.Object({
                month: Type.String(),
                goal: Type.String(),
                scope: Type.String(),
                target: Type.Integer(),
                passive: Type.Integer(),
                passiveShare: Type.Union([Type.Number(), Type.Null()]),
              }),
            ),
          }),
          ...Errors,
        },
      },
    },
    async (request, reply) => {
      const { code } = request.params;
      authorize(request, 'read_case', ofMunicipality(code));
      const page = await municipalityMeasures(database, code, {
        from: request.query.from,
        to: request.query.to,
        scope: request.query.scope,
      });
      return sendList(request, reply, {
        name: `maal-${code}`,
        rows: page.items,
        columns: [
          { header: 'Måned', value: (row) => row.month },
          { header: 'Fokusmål', value: (row) => row.goal },
          { header: 'Målgruppe', value: (row) => row.scope },
          { header: 'Antal i målgruppen', value: (row) => row.target },
          { header: 'Antal passive', value: (row) => row.passive },
          { header: 'Passivandel (%)', value: (row) => row.passiveShare, decimals: 1 },
        ],
        json: () => ({ measurementRunId: page.measurementRunId, items: [...page.items] }),
      });
    },
  );
}
