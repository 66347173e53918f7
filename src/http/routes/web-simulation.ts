/**
 * The ministry's reform simulation (`/simulering`): the rule nodes that can
 * change over the figures in use, and the assessments with the changes
 * against the rules in force (`simulate_reform`, the ministry only). A
 * simulation stores nothing and changes no case; it is not written to the
 * audit log, which records the case system's writes (docs/web.md).
 */
import { Type } from 'typebox';
import { NATION } from '../../access/policy.js';
import type { WebDataSource } from '../../cases/views/web-data.js';
import { webReformSimulation, webSimulationRules } from '../../cases/views/web-simulation.js';
import { authorize } from '../authorize.js';
import { ErrorSchema } from '../schemas.js';
import type { TilsynApp } from '../tilsyn-app.js';

/** A view's answer: the object is the view's own type (src/cases/views), serialised as it is. */
const VIEW = Type.Unsafe<unknown>({ type: 'object', additionalProperties: true });

const YEAR = Type.Integer({ minimum: 2000, maximum: 2100 });

const SimulationBody = Type.Object(
  {
    fromYear: YEAR,
    toYear: YEAR,
    overrides: Type.Array(
      Type.Object(
        {
          /** The node's id, e.g. `focus.offers.threshold`. */
          id: Type.String({ minLength: 1, maxLength: 200 }),
          /** The value as typed: `24,8`, `ja`, `04-30`, or JSON. */
          value: Type.String({ maxLength: 10_000 }),
          /** From this day (ÅÅÅÅ-MM-DD); absent: on every date. */
          from: Type.Optional(Type.String({ maxLength: 10 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);

export function webSimulationRoutes(
  app: TilsynApp,
  dependencies: { readonly data: WebDataSource },
): void {
  const { data } = dependencies;

  app.get(
    '/api/web/simulation/rules',
    {
      schema: {
        tags: ['web'],
        summary:
          'Reformsimulering: de regler, der kan ændres for tallene i brug, med værdi, enhed og hjemmel',
        querystring: Type.Object({ year: Type.Optional(YEAR) }),
        response: { 200: VIEW, 422: ErrorSchema },
      },
    },
    (request) => {
      authorize(request, 'simulate_reform', NATION);
      return webSimulationRules(data, request.query.year);
    },
  );

  app.post(
    '/api/web/simulation',
    {
      schema: {
        tags: ['web'],
        summary:
          'Reformsimulering: opgørelserne med de ændrede regler mod gældende regler, pr. kommune (gemmes ikke)',
        body: SimulationBody,
        response: { 200: VIEW, 422: ErrorSchema },
      },
    },
    async (request) => {
      authorize(request, 'simulate_reform', NATION);
      return webReformSimulation(data, request.body);
    },
  );
}
