/**
 * The letter of a municipality's decision at an assessment, as HTML (for
 * the page) and PDF (to download), for those who may read the case
 * (`read_case`). A year without a decision to write about (the
 * municipality stays out, or a person must decide) is refused with the
 * reason (422).
 */
import { Type } from 'typebox';
import { ofMunicipality } from '../../access/policy.js';
import { FIRST_ASSESSMENT_YEAR, webDecisionLetter } from '../../cases/views/web-letters.js';
import { renderLetter } from '../../reports/letters/render-letter.js';
import { loadPdfFonts } from '../../reports/pdf/pdf-fonts.js';
import { authorize } from '../authorize.js';
import type { HttpContext } from '../http-context.js';
import { notFound } from '../http-error.js';
import type { TilsynApp } from '../tilsyn-app.js';
import type { WebViewDependencies } from './web-views.js';

const PARAMS = Type.Object({
  code: Type.Integer({ minimum: 101, maximum: 999 }),
  year: Type.Integer({ minimum: FIRST_ASSESSMENT_YEAR, maximum: 2100 }),
  format: Type.Union([Type.Literal('html'), Type.Literal('pdf')]),
});

export function webLetterRoutes(
  app: TilsynApp,
  context: HttpContext,
  dependencies: WebViewDependencies,
): void {
  app.get(
    '/api/web/municipalities/:code/letters/:year.:format',
    {
      schema: {
        tags: ['web'],
        summary: 'Brevet om kommunens afgørelse ved en opgørelse (HTML eller PDF)',
        params: PARAMS,
      },
    },
    async (request, reply) => {
      const { code, year, format } = request.params;
      authorize(request, 'read_case', ofMunicipality(code));
      if (!context.municipalities.some((municipality) => municipality.code === code))
        throw notFound('Kommunen');
      const input = await webDecisionLetter(dependencies.data, code, year);
      const rendered = await renderLetter(input, format, await loadPdfFonts());
      if (format === 'html') return reply.type('text/html; charset=utf-8').send(rendered);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="brev-${String(code)}-${String(year)}.pdf"`,
        )
        .send(typeof rendered === 'string' ? rendered : Buffer.from(rendered));
    },
  );
}
