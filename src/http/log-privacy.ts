/**
 * What the server's structured logs may say about a request. Logs are read
 * by operators who are not entitled to personal data, so a log line names
 * the method, the path with person keys masked, the status and the time —
 * never the query string (it carries the reason for a person-level read and
 * may carry identifiers), never a request body, and never anything shaped
 * like a CPR number, wherever it appears.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Ten digits, with or without the dash after the date part. */
const CPR_PATTERN = /(?<!\d)\d{6}-?\d{4}(?!\d)/g;

/** The path segment after `/persons/` is a person key: personal data. */
const PERSON_SEGMENT = /(\/persons\/)[^/?#]*/g;

export const MASK = '***';

/** `text` with every CPR-shaped number masked. */
export function withoutCprNumbers(text: string): string {
  return text.replace(CPR_PATTERN, MASK);
}

/** The path of a request URL, without the query string or fragment, person keys and CPR numbers masked. */
export function loggablePath(url: string): string {
  const end = url.search(/[?#]/);
  const path = end === -1 ? url : url.slice(0, end);
  return withoutCprNumbers(path.replace(PERSON_SEGMENT, `$1${MASK}`));
}

export type LoggedRequest = {
  readonly method: string;
  readonly path: string;
};

export type LoggedError = {
  readonly type: string;
  readonly code?: string;
  readonly statusCode?: number;
  readonly message: string;
  readonly stack: string;
};

/** Pino serializers for Fastify's `req`, `res` and `err` log fields. */
export const LOG_SERIALIZERS = {
  req(request: Pick<FastifyRequest, 'method' | 'url'>): LoggedRequest {
    return { method: request.method, path: loggablePath(request.url) };
  },
  res(reply: Pick<FastifyReply, 'statusCode'>): { readonly statusCode: number } {
    return { statusCode: reply.statusCode };
  },
  err(error: unknown): LoggedError {
    if (!(error instanceof Error)) return { type: 'unknown', message: MASK, stack: MASK };
    const details = error as Error & { code?: unknown; statusCode?: unknown };
    const statusCode = typeof details.statusCode === 'number' ? details.statusCode : undefined;
    // A client error's message may quote what the client sent (a JSON parse
    // error quotes the body): only its code is logged.
    const clientError = statusCode !== undefined && statusCode < 500;
    return {
      type: error.name,
      ...(typeof details.code === 'string' ? { code: details.code } : {}),
      ...(statusCode === undefined ? {} : { statusCode }),
      message: clientError ? MASK : withoutCprNumbers(error.message),
      stack: clientError ? MASK : withoutCprNumbers(error.stack ?? ''),
    };
  },
};
