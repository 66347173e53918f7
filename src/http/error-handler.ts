/**
 * How failures reach the client: one JSON body `{ error, message }` for
 * every error, in Danish, with the status the cause calls for.
 *
 * - a request that does not match its schema: 400 (`bad_request`);
 * - `HttpError`: its own status (401, 403, 404, 409 …);
 * - `CaseError` of the case system: 422 invalid, 404 not found, 409 the
 *   state does not allow it now, 403 the role may not;
 * - `DomainError` (the rules refuse the action, e.g. a meeting with too
 *   short notice): 422 with the rule's message, and the field it is about
 *   when it names one (`field`: a form shows the message next to it);
 * - `InputError` (data that cannot be used): 422 with the problems;
 * - anything else: 500, logged with its stack, and the client learns nothing
 *   of the inside.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CaseError } from '../cases/case-error.js';
import { DomainError } from '../core/domain-error.js';
import { InputError } from '../files/input-error.js';
import { HttpError } from './http-error.js';

export interface ErrorBody {
  readonly error: string;
  readonly message: string;
  /** The field of the request the message is about, when the rules name one (a form shows it there). */
  readonly field?: string;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = answerFor(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ err: error, code: body.error }, 'request refused');
    return reply.status(status).send(body);
  });
  // The default handler logs the URL with its query string.
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: 'not_found', message: 'Adressen findes ikke.' }),
  );
}

function answerFor(error: FastifyError): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    return { status: error.statusCode, body: { error: error.code, message: error.message } };
  }
  if (error instanceof CaseError) {
    return {
      status: CASE_ERROR_STATUS[error.kind],
      body: { error: error.code, message: error.message },
    };
  }
  if (error instanceof DomainError) {
    const field = 'field' in error && typeof error.field === 'string' ? error.field : undefined;
    return {
      status: 422,
      body: {
        error: error.code,
        message: error.message,
        ...(field === undefined ? {} : { field }),
      },
    };
  }
  if (error instanceof InputError) {
    return { status: 422, body: { error: 'invalid_input', message: error.message } };
  }
  if (error.validation !== undefined) {
    return {
      status: 400,
      body: { error: 'bad_request', message: `Ugyldig forespørgsel: ${error.message}` },
    };
  }
  const status = error.statusCode ?? 500;
  if (status < 500) {
    // Fastify's own client errors (bad JSON, too large a body, rate limit …).
    return { status, body: { error: error.code, message: clientMessage(status) } };
  }
  return { status: 500, body: { error: 'internal', message: 'Intern fejl på serveren.' } };
}

const CASE_ERROR_STATUS = { invalid: 422, not_found: 404, conflict: 409, forbidden: 403 } as const;

function clientMessage(status: number): string {
  if (status === 413) return 'Forespørgslen er for stor.';
  if (status === 415) return 'Forespørgslens indholdstype understøttes ikke.';
  if (status === 429) return 'For mange forespørgsler. Prøv igen om lidt.';
  return 'Forespørgslen kan ikke læses.';
}
