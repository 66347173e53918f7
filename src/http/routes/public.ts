/**
 * Public data (no login): the monthly focus measures and the minimum
 * requirements per municipality from the newest measurement run, filtered
 * by municipality, period and scope, a page at a time, as JSON or as the
 * `;`-separated CSV with decimal comma that Jobindsats users know.
 * Aggregated figures only.
 */
import { Type } from 'typebox';
import { NATION } from '../../access/policy.js';
import { focusMeasurePage, minimumRequirementPage } from '../../cases/measure-views.js';
import { authorize } from '../authorize.js';
import type { HttpContext } from '../http-context.js';
import { FormatQuery, sendList } from '../list-response.js';
import { ErrorSchema } from '../schemas.js';
import type { TilsynApp } from '../tilsyn-app.js';

const MONTH = '^[0-9]{4}-(0[1-9]|1[0-2])$';

const PublicQuery = Type.Object({
  municipality: Type.Optional(Type.Integer({ minimum: 100, maximum: 999 })),
  from: Type.Optional(Type.String({ pattern: MONTH, description: 'første måned, ÅÅÅÅ-MM' })),
  to: Type.Optional(Type.String({ pattern: MONTH, description: 'sidste måned, ÅÅÅÅ-MM' })),
  scope: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  limit: Type.Integer({ minimum: 1, maximum: 5000, default: 100 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
  ...FormatQuery,
});

const pageOf = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({
    measurementRunId: Type.Union([Type.Integer(), Type.Null()]),
    total: Type.Integer(),
    limit: Type.Integer(),
    offset: Type.Integer(),
    items: Type.Array(item),
  });

const FocusMeasure = Type.Object({
  municipality: Type.Integer(),
  municipalityName: Type.String(),
  month: Type.String(),
  goal: Type.String(),
  scope: Type.String(),
  target: Type.Integer(),
  passive: Type.Integer(),
  passiveShare: Type.Union([Type.Number(), Type.Null()], {
    description: 'andel passive i procent',
  }),
});

const MinimumRequirement = Type.Object({
  municipality: Type.Integer(),
  municipalityName: Type.String(),
  month: Type.String(),
  requirement: Type.String(),
  target: Type.Integer(),
  met: Type.Integer(),
  share: Type.Union([Type.Number(), Type.Null()], {
    description: 'andel, der opfylder kravet, i procent',
  }),
  required: Type.Number(),
  fulfilled: Type.Boolean(),
});

const GOAL_LABELS: Readonly<Record<string, string>> = {
  offers: 'Tilbud',
  conversations: 'Samtaler',
};

export function publicRoutes(app: TilsynApp, context: HttpContext): void {
  const names = new Map(context.municipalities.map((m) => [m.code, m.name]));
  const nameOf = (code: number) => names.get(code) ?? String(code);
  const filterOf = (query: {
    municipality?: number;
    from?: string;
    to?: string;
    scope?: string;
    limit: number;
    offset: number;
  }) => ({
    municipalities: query.municipality === undefined ? undefined : [query.municipality],
    from: query.from,
    to: query.to,
    scope: query.scope,
    limit: query.limit,
    offset: query.offset,
  });

  app.get(
    '/api/public/focus-measures',
    {
      schema: {
        tags: ['offentlige data'],
        summary: 'Månedlige fokusmål pr. kommune (passivandele), uden login',
        querystring: PublicQuery,
        response: { 200: pageOf(FocusMeasure), 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      authorize(request, 'read_public_measures', NATION);
      const page = await focusMeasurePage(context.database, filterOf(request.query));
      const rows = page.items.map((row) => ({
        ...row,
        municipalityName: nameOf(row.municipality),
      }));
      return sendList(request, reply, {
        name: 'fokusmaal',
        rows,
        columns: [
          { header: 'Kommunekode', value: (row) => row.municipality },
          { header: 'Kommune', value: (row) => row.municipalityName },
          { header: 'Måned', value: (row) => row.month },
          { header: 'Fokusmål', value: (row) => GOAL_LABELS[row.goal] ?? row.goal },
          { header: 'Målgruppe', value: (row) => row.scope },
          { header: 'Antal i målgruppen', value: (row) => row.target },
          { header: 'Antal passive', value: (row) => row.passive },
          { header: 'Passivandel (%)', value: (row) => row.passiveShare, decimals: 1 },
        ],
        json: () => ({ ...page, items: rows }),
      });
    },
  );

  app.get(
    '/api/public/minimum-requirements',
    {
      schema: {
        tags: ['offentlige data'],
        summary: 'Minimumskrav under administration pr. kommune og måned, uden login',
        querystring: PublicQuery,
        response: { 200: pageOf(MinimumRequirement), 400: ErrorSchema },
      },
    },
    async (request, reply) => {
      authorize(request, 'read_public_measures', NATION);
      const page = await minimumRequirementPage(context.database, filterOf(request.query));
      const rows = page.items.map((row) => ({
        ...row,
        municipalityName: nameOf(row.municipality),
      }));
      return sendList(request, reply, {
        name: 'minimumskrav',
        rows,
        columns: [
          { header: 'Kommunekode', value: (row) => row.municipality },
          { header: 'Kommune', value: (row) => row.municipalityName },
          { header: 'Måned', value: (row) => row.month },
          { header: 'Krav', value: (row) => row.requirement },
          { header: 'Antal', value: (row) => row.target },
          { header: 'Opfyldt for', value: (row) => row.met },
          { header: 'Andel (%)', value: (row) => row.share, decimals: 1 },
          { header: 'Krav (%)', value: (row) => row.required, decimals: 1 },
          { header: 'Opfyldt', value: (row) => row.fulfilled },
        ],
        json: () => ({ ...page, items: rows }),
      });
    },
  );
}
