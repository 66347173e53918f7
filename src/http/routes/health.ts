/**
 * `GET /api/health`: the server is up. For load balancers and the
 * operators' checks; open to everyone and says nothing else.
 */
import { Type } from 'typebox';
import type { TilsynApp } from '../tilsyn-app.js';

export function healthRoutes(app: TilsynApp): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['drift'],
        summary: 'Serveren kører',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    () => ({ status: 'ok' as const }),
  );
}
