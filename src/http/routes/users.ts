/**
 * User accounts (ministry only): list them and add one. Passwords are
 * hashed by the users service; the API never shows a hash.
 */
import { Type } from 'typebox';
import { NATION } from '../../access/policy.js';
import { actorOf, addUser, listUsers } from '../../cases/users.js';
import { authorize } from '../authorize.js';
import type { HttpContext } from '../http-context.js';
import { FormatQuery, sendList } from '../list-response.js';
import { presentUser, UserSchema } from '../presenters/user.js';
import { ErrorSchema } from '../schemas.js';
import type { TilsynApp } from '../tilsyn-app.js';
import { unauthorized } from '../http-error.js';

const Errors = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  409: ErrorSchema,
  422: ErrorSchema,
};

export function userRoutes(app: TilsynApp, context: HttpContext): void {
  app.get(
    '/api/users',
    {
      schema: {
        tags: ['brugere'],
        summary: 'Alle brugere',
        querystring: Type.Object(FormatQuery),
        response: { 200: Type.Array(UserSchema), ...Errors },
      },
    },
    async (request, reply) => {
      authorize(request, 'manage_users', NATION);
      const rows = (await listUsers(context.database)).map(presentUser);
      return sendList(request, reply, {
        name: 'brugere',
        rows,
        columns: [
          { header: 'Brugernavn', value: (row) => row.username },
          { header: 'Rolle', value: (row) => row.role },
          { header: 'Kommunekode', value: (row) => row.municipalityCode },
          { header: 'AMK', value: (row) => row.amk },
          { header: 'Deaktiveret', value: (row) => row.disabled },
        ],
        json: () => rows,
      });
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['brugere'],
        summary: 'Opret en bruger',
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 100 }),
          role: Type.Union([
            Type.Literal('ministry'),
            Type.Literal('amk'),
            Type.Literal('municipality'),
            Type.Literal('auditor'),
          ]),
          municipalityCode: Type.Optional(Type.Integer({ minimum: 100, maximum: 999 })),
          amk: Type.Optional(Type.String({ minLength: 1 })),
          displayName: Type.Optional(Type.String({ maxLength: 200 })),
          password: Type.Optional(Type.String({ minLength: 10, maxLength: 1000 })),
        }),
        response: { 201: UserSchema, ...Errors },
      },
    },
    async (request, reply) => {
      const principal = authorize(request, 'manage_users', NATION);
      if (principal.user === undefined) throw unauthorized();
      const user = await addUser(context.database, actorOf(principal.user), request.body);
      return reply.status(201).send(presentUser(user));
    },
  );
}
