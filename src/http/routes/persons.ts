/**
 * `GET /api/municipalities/{code}/persons/{personKey}/explanation?month=YYYY-MM&reason=…`:
 * why a person is or is not in the target group and passive in a month —
 * for the ministry, the municipality's own users and its AMK, with a
 * required reason. Every read and every refusal is in the audit log; the
 * server's log says only that a person-level read was refused, never whom.
 */
import { Type } from 'typebox';
import { can, ofMunicipality } from '../../access/policy.js';
import type { Actor } from '../../cases/actor.js';
import { explainPersonOfMunicipality, refusePersonRead } from '../../cases/person-explanations.js';
import { actorOf } from '../../cases/users.js';
import { yearMonth } from '../../core/calendar/year-month.js';
import { forbidden, unauthorized } from '../http-error.js';
import type { HttpContext } from '../http-context.js';
import { ErrorSchema } from '../schemas.js';
import type { TilsynApp } from '../tilsyn-app.js';

const ANONYMOUS: Actor = { userId: undefined, name: 'anonym', role: 'system' };

export function personRoutes(app: TilsynApp, context: HttpContext): void {
  app.get(
    '/api/municipalities/:code/persons/:personKey/explanation',
    {
      schema: {
        tags: ['personer'],
        summary: 'Forklaringen for én person og måned (personoplysninger; logges med begrundelse)',
        params: Type.Object({
          code: Type.Integer({ minimum: 100, maximum: 999 }),
          personKey: Type.String({
            minLength: 1,
            maxLength: 100,
            description: 'personens nøgle i indlæsningen (pseudonymet), aldrig et CPR-nummer',
          }),
        }),
        querystring: Type.Object({
          month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$' }),
          reason: Type.String({ minLength: 3, maxLength: 500, description: 'hvorfor du slår op' }),
        }),
        response: {
          200: Type.Object({ explanation: Type.Unknown() }),
          400: ErrorSchema,
          401: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (request) => {
      const { code, personKey } = request.params;
      const { month, reason } = request.query;
      const read = { municipality: code, personKey, month, reason };
      const principal = request.principal;
      if (!can(principal.access, 'read_person', ofMunicipality(code))) {
        const loggedIn = principal.user !== undefined;
        await refusePersonRead(
          context.system,
          principal.user === undefined ? ANONYMOUS : actorOf(principal.user),
          read,
          loggedIn ? 'not_allowed' : 'not_logged_in',
        );
        request.log.warn({ municipality: code }, 'person-level read refused');
        throw loggedIn ? forbidden() : unauthorized();
      }
      const user = principal.user;
      if (user === undefined) throw unauthorized();
      const explanation = await explainPersonOfMunicipality(context.system, actorOf(user), {
        ...read,
        month: yearMonth(month),
      });
      return { explanation };
    },
  );
}
