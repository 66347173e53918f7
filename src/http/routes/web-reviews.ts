/**
 * The case reviews of the logged-in user for the review page: an auditor
 * gets the samples and lists assigned to it, the ministry all of them
 * (`list_reviews`); the other roles are refused. The page records findings
 * through `POST /api/reviews/{kind}/cases/{caseId}/finding`.
 */
import { Type } from 'typebox';
import { NATION } from '../../access/policy.js';
import { actorOf } from '../../cases/users.js';
import { assignedReviews } from '../../cases/views/assigned-reviews.js';
import { authorize, requireLogin } from '../authorize.js';
import type { HttpContext } from '../http-context.js';
import type { TilsynApp } from '../tilsyn-app.js';

const VIEW = Type.Unsafe<unknown>({ type: 'object', additionalProperties: true });

export function webReviewRoutes(app: TilsynApp, context: HttpContext): void {
  app.get(
    '/api/web/reviews',
    {
      schema: {
        tags: ['web'],
        summary: 'Sagsgennemgange for den indloggede: revisoren sine tildelte, ministeriet alle',
        response: { 200: VIEW },
      },
    },
    async (request) => {
      authorize(request, 'list_reviews', NATION);
      const principal = requireLogin(request);
      const reviews = await assignedReviews(context.system, actorOf(principal.user));
      const names = new Map(context.municipalities.map((m) => [m.code, m.name]));
      return {
        reviews: reviews.map((review) => ({
          ...review,
          municipalityName: names.get(review.municipality) ?? '',
        })),
      };
    },
  );
}
