/**
 * An answer other than success, raised by a route or the permission check
 * and turned into a JSON error body by the app's error handler.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    /** Stable machine-readable code, e.g. `forbidden`. */
    readonly code: string,
    /** The user-facing message, in Danish. */
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const unauthorized = (): HttpError =>
  new HttpError(401, 'unauthorized', 'Log ind for at se dette.');

export const forbidden = (): HttpError =>
  new HttpError(403, 'forbidden', 'Du har ikke adgang til dette.');

export const notFound = (what: string): HttpError =>
  new HttpError(404, 'not_found', `${what} findes ikke.`);
