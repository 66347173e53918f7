/**
 * A municipality's case for its page (the ministry, the AMK of its region,
 * the municipality itself: `read_case`), and the municipality's account and
 * recovery plan with milestones submitted from the page's form
 * (`submit_plan`: the municipality itself only).
 */
import { Type } from 'typebox';
import { ofMunicipality } from '../../access/policy.js';
import type { Actor } from '../../cases/actor.js';
import { submitRecoveryPlan } from '../../cases/recovery-plan-submission.js';
import { caseView } from '../../cases/views/case-view.js';
import { actorOf } from '../../cases/users.js';
import { authorize } from '../authorize.js';
import type { HttpContext } from '../http-context.js';
import { notFound } from '../http-error.js';
import type { Principal } from '../principal.js';
import type { TilsynApp } from '../tilsyn-app.js';

const VIEW = Type.Unsafe<unknown>({ type: 'object', additionalProperties: true });
const CODE = Type.Object({ code: Type.Integer({ minimum: 101, maximum: 999 }) });

/** The case system's actor of a logged-in principal. */
export function caseActorOf(principal: Principal): Actor {
  const user = principal.user;
  if (user === undefined) return { userId: undefined, name: 'offentlig', role: 'system' };
  return actorOf(user);
}

export function webCaseRoutes(app: TilsynApp, context: HttpContext): void {
  const known = (code: number) => {
    if (!context.municipalities.some((municipality) => municipality.code === code))
      throw notFound('Kommunen');
  };

  app.get(
    '/api/web/municipalities/:code/case',
    {
      schema: {
        tags: ['web'],
        summary: 'En kommunes sag: status, historik, afgørelser, frister, møder, kontakter, planer',
        params: CODE,
        response: { 200: VIEW },
      },
    },
    async (request) => {
      authorize(request, 'read_case', ofMunicipality(request.params.code));
      known(request.params.code);
      return caseView(context.database, request.params.code);
    },
  );

  app.post(
    '/api/web/municipalities/:code/recovery-plans',
    {
      schema: {
        tags: ['web'],
        summary: 'Kommunen indsender redegørelse og genopretningsplan med milepæle',
        params: CODE,
        body: Type.Object({
          account: Type.String({ minLength: 1, maxLength: 20_000 }),
          plan: Type.String({ minLength: 1, maxLength: 20_000 }),
          milestones: Type.Array(
            Type.Object({
              goal: Type.Union([Type.Literal('offers'), Type.Literal('conversations')]),
              month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
              target: Type.Number({ minimum: 0, maximum: 100 }),
            }),
            { minItems: 1, maxItems: 48 },
          ),
        }),
        response: {
          201: Type.Object({
            accountId: Type.Integer(),
            planId: Type.Integer(),
            submittedOn: Type.String(),
          }),
        },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'submit_plan', ofMunicipality(request.params.code));
      const submitted = await submitRecoveryPlan(context, caseActorOf(principal), {
        municipality: request.params.code,
        ...request.body,
      });
      return reply.status(201).send(submitted);
    },
  );
}
