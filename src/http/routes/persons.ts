/**
 * `GET /api/municipalities/{code}/persons?month=YYYY-MM&goal=…&scope=…&reason=…`:
 * the persons behind a municipality's focus measure of a month (its target
 * group at R, each passive or not), and
 * `GET /api/municipalities/{code}/persons/{personKey}/explanation?month=YYYY-MM&reason=…`:
 * why a person is or is not in the target group and passive in a month —
 * for the ministry, the municipality's own users and its AMK, with a
 * required reason. Every read and every refusal is in the audit log; the
 * server's log says only that a person-level read was refused, never whom.
 */
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { can, ofMunicipality } from '../../access/policy.js';
import type { Actor } from '../../cases/actor.js';
import { explainPersonOfMunicipality, refusePersonRead } from '../../cases/person-explanations.js';
import { listPersonsOfMunicipality, refusePersonList } from '../../cases/person-lists.js';
import { FOCUS_GOALS } from '../../core/domain/focus-goal.js';
import { explanationText } from '../../core/measures/explanation-text.js';
import { OFFICIAL_RULES } from '../../core/rules/official-rules.js';
import { MEASURE_SCOPES } from '../../core/domain/measure-scope.js';
import { actorOf } from '../../cases/users.js';
import { yearMonth } from '../../core/calendar/year-month.js';
import { forbidden, unauthorized } from '../http-error.js';
import type { HttpContext } from '../http-context.js';
import { ErrorSchema } from '../schemas.js';
import type { TilsynApp } from '../tilsyn-app.js';

const ANONYMOUS: Actor = { userId: undefined, name: 'anonym', role: 'system' };

const MONTH = '^[0-9]{4}-(0[1-9]|1[0-2])$';
const REASON = Type.String({ minLength: 3, maxLength: 500, description: 'hvorfor du slår op' });

/**
 * The actor of a caller who may read the persons of `code`. Anyone else is
 * refused (401 without a login, 403 otherwise), the refusal written to the
 * audit log by `refuse` and to the server's log without the person.
 */
async function personReader(
  request: FastifyRequest,
  code: number,
  refuse: (actor: Actor, why: 'not_allowed' | 'not_logged_in') => Promise<void>,
): Promise<Actor> {
  const { user, access } = request.principal;
  if (!can(access, 'read_person', ofMunicipality(code))) {
    await refuse(
      user === undefined ? ANONYMOUS : actorOf(user),
      user === undefined ? 'not_logged_in' : 'not_allowed',
    );
    request.log.warn({ municipality: code }, 'person-level read refused');
    throw user === undefined ? unauthorized() : forbidden();
  }
  if (user === undefined) throw unauthorized();
  return actorOf(user);
}

export function personRoutes(app: TilsynApp, context: HttpContext): void {
  app.get(
    '/api/municipalities/:code/persons',
    {
      schema: {
        tags: ['personer'],
        summary:
          'Personerne bag et fokusmål i en måned (målgruppen, passiv eller ej; personoplysninger; logges med begrundelse)',
        params: Type.Object({ code: Type.Integer({ minimum: 100, maximum: 999 }) }),
        querystring: Type.Object({
          month: Type.String({ pattern: MONTH }),
          goal: Type.Union(FOCUS_GOALS.map((goal) => Type.Literal(goal))),
          scope: Type.Union(
            MEASURE_SCOPES.map((scope) => Type.Literal(scope)),
            { default: 'all' },
          ),
          reason: REASON,
        }),
        response: {
          200: Type.Unsafe<unknown>({ type: 'object', additionalProperties: true }),
          400: ErrorSchema,
          401: ErrorSchema,
          403: ErrorSchema,
          404: ErrorSchema,
          422: ErrorSchema,
        },
      },
    },
    async (request) => {
      const { code } = request.params;
      const { month, goal, scope, reason } = request.query;
      const read = { municipality: code, month, goal, scope, reason };
      const reader = await personReader(request, code, (actor, why) =>
        refusePersonList(context.system, actor, read, why),
      );
      return listPersonsOfMunicipality(context.system, reader, {
        ...read,
        month: yearMonth(month),
      });
    },
  );

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
          month: Type.String({ pattern: MONTH }),
          reason: REASON,
        }),
        response: {
          200: Type.Object({
            explanation: Type.Unknown(),
            text: Type.String({ description: 'forklaringen som dansk tekst' }),
          }),
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
      const reader = await personReader(request, code, (actor, why) =>
        refusePersonRead(context.system, actor, read, why),
      );
      const explanation = await explainPersonOfMunicipality(context.system, reader, {
        ...read,
        month: yearMonth(month),
      });
      return { explanation, text: explanationText(OFFICIAL_RULES, explanation) };
    },
  );
}
