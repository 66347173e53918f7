/**
 * The letter of a municipality's decision at an assessment, for those who
 * may read the case (`read_case`):
 *
 * - `…/letters/:year.html|pdf` — the letter stored with the issued decision
 *   (its stored HTML; the PDF rendered from its stored input), or, for a
 *   decision issued before letters were stored, the letter composed on
 *   request and marked as such (in the HTML and in `x-tilsyn-letter`);
 * - `…/letters/:year.json` — which of the two it is, with the stored
 *   letter's id and hashes;
 * - `…/meetings/:meetingId/letter.html|pdf` — the invitation letter stored
 *   with a meeting, shown as a decision's stored letter is;
 * - `…/letters/:id/verify` — a stored letter rendered again from its stored
 *   input, each form's SHA-256 compared with the one stored when it was sent.
 *
 * A year without a decision to write about (the municipality stays out, or
 * a person must decide) is refused with the reason (422).
 */
import { Type } from 'typebox';
import { ofMunicipality } from '../../access/policy.js';
import { verifyLetter } from '../../cases/letters.js';
import {
  FIRST_ASSESSMENT_YEAR,
  webLetter,
  webLetterInfo,
  webMeetingLetter,
} from '../../cases/views/web-letters.js';
import { authorize } from '../authorize.js';
import type { HttpContext } from '../http-context.js';
import { notFound } from '../http-error.js';
import type { TilsynApp } from '../tilsyn-app.js';
import type { WebViewDependencies } from './web-views.js';

const CODE = Type.Integer({ minimum: 101, maximum: 999 });

const PARAMS = Type.Object({
  code: CODE,
  year: Type.Integer({ minimum: FIRST_ASSESSMENT_YEAR, maximum: 2100 }),
  format: Type.Union([Type.Literal('html'), Type.Literal('pdf'), Type.Literal('json')]),
});

const VERIFY_PARAMS = Type.Object({
  code: CODE,
  id: Type.Integer({ minimum: 1 }),
});

const MEETING_LETTER_PARAMS = Type.Object({
  code: CODE,
  meetingId: Type.Integer({ minimum: 1 }),
  format: Type.Union([Type.Literal('html'), Type.Literal('pdf')]),
});

/** A view's answer: the object is the view's own type (src/cases), serialised as it is. */
const VIEW = Type.Unsafe<unknown>({ type: 'object', additionalProperties: true });

export function webLetterRoutes(
  app: TilsynApp,
  context: HttpContext,
  dependencies: WebViewDependencies,
): void {
  const known = (code: number) => {
    if (!context.municipalities.some((municipality) => municipality.code === code))
      throw notFound('Kommunen');
  };

  app.get(
    '/api/web/municipalities/:code/letters/:year.:format',
    {
      schema: {
        tags: ['web'],
        summary:
          'Brevet om kommunens afgørelse ved en opgørelse (HTML eller PDF), eller om det er gemt med afgørelsen (JSON)',
        params: PARAMS,
      },
    },
    async (request, reply) => {
      const { code, year, format } = request.params;
      authorize(request, 'read_case', ofMunicipality(code));
      known(code);
      if (format === 'json')
        return reply.send(await webLetterInfo(context.system, dependencies.data, code, year));
      const letter = await webLetter(context.system, dependencies.data, code, year, format);
      reply.header(
        'x-tilsyn-letter',
        letter.info.letterId === null ? 'composed' : `stored; id=${String(letter.info.letterId)}`,
      );
      if (format === 'html') return reply.type('text/html; charset=utf-8').send(letter.content);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="brev-${String(code)}-${String(year)}.pdf"`,
        )
        .send(typeof letter.content === 'string' ? letter.content : Buffer.from(letter.content));
    },
  );

  app.get(
    '/api/web/municipalities/:code/meetings/:meetingId/letter.:format',
    {
      schema: {
        tags: ['web'],
        summary: 'Indkaldelsen til et møde, som brevet blev gemt med mødet (HTML eller PDF)',
        params: MEETING_LETTER_PARAMS,
      },
    },
    async (request, reply) => {
      const { code, meetingId, format } = request.params;
      authorize(request, 'read_case', ofMunicipality(code));
      known(code);
      const letter = await webMeetingLetter(context.system, code, meetingId, format);
      reply.header('x-tilsyn-letter', `stored; id=${String(letter.letterId)}`);
      if (format === 'html') return reply.type('text/html; charset=utf-8').send(letter.content);
      return reply
        .type('application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="moede-${String(code)}-${String(meetingId)}.pdf"`,
        )
        .send(typeof letter.content === 'string' ? letter.content : Buffer.from(letter.content));
    },
  );

  app.get(
    '/api/web/municipalities/:code/letters/:id/verify',
    {
      schema: {
        tags: ['web'],
        summary:
          'Et gemt brev dannes igen af sine gemte oplysninger, og dets SHA-256 sammenlignes med det gemte',
        params: VERIFY_PARAMS,
        response: { 200: VIEW },
      },
    },
    async (request) => {
      const { code, id } = request.params;
      authorize(request, 'read_case', ofMunicipality(code));
      known(code);
      return verifyLetter(context.system, code, id);
    },
  );
}
