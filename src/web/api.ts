/**
 * The client's calls of the JSON API: same origin, the session cookie sent
 * along, the CSRF token on every state-changing request, and the server's
 * Danish error message shown as it is.
 */

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The field of the request the server's message is about (a form shows it there). */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken: string | null = null;

/** The CSRF token the session answered with (sent as `x-csrf-token`). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function cookieToken(): string | null {
  const entry = document.cookie
    .split(';')
    .map((part) => part.trim())
    .find((part) => /^[\w-]*csrf[\w-]*=/i.test(part));
  return entry === undefined ? null : decodeURIComponent(entry.slice(entry.indexOf('=') + 1));
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly body?: unknown;
  readonly signal?: AbortSignal;
}

function messageOf(status: number, body: unknown): string {
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    for (const key of ['message', 'error', 'detail'])
      if (typeof record[key] === 'string' && record[key] !== '') return record[key];
  }
  if (status === 401) return 'Du skal logge ind.';
  if (status === 403) return 'Du har ikke adgang til dette.';
  if (status === 404) return 'Siden eller data findes ikke.';
  return `Serveren svarede med fejl ${String(status)}.`;
}

function fieldOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const field = (body as Record<string, unknown>)['field'];
  return typeof field === 'string' ? field : undefined;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') {
    const token = csrfToken ?? cookieToken();
    if (token !== null) headers['x-csrf-token'] = token;
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  const text = await response.text();
  let body: unknown = null;
  if (text !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  if (!response.ok)
    throw new ApiError(response.status, messageOf(response.status, body), fieldOf(body));
  return body as T;
}
