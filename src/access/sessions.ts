/**
 * Who is behind a request: a login session (the id lives only in the
 * client's HttpOnly cookie; the database keeps its SHA-256) or a bearer
 * token for scripts (`tilsyn tokens create`; the database keeps its
 * SHA-256). A session also carries the CSRF token that state-changing
 * requests made with the cookie must echo in the `x-csrf-token` header.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../storage/database.js';
import { hashPassword, verifyPassword } from './passwords.js';
import type { UserRow } from '../storage/schema.js';

/** How long a login lasts without a new login. */
export const SESSION_HOURS = 8;

export interface StartedSession {
  /** The secret for the cookie; never stored. */
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface ActiveSession {
  readonly user: UserRow;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** SHA-256 of a secret, hex: what the database keeps of a session id or a token. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A new random secret, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export async function startSession(
  database: Database,
  userId: number,
  now: Date,
): Promise<StartedSession> {
  const sessionId = newSecret();
  const csrfToken = newSecret();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await database
    .insertInto('sessions')
    .values({
      id_hash: secretHash(sessionId),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { sessionId, csrfToken, expiresAt };
}

/** The live session of a cookie's id: not ended, not expired, its user not disabled. */
export async function activeSession(
  database: Database,
  sessionId: string,
  now: Date,
): Promise<ActiveSession | undefined> {
  const row = await database
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.id_hash', '=', secretHash(sessionId))
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { csrf_token: csrfToken, expires_at: expiresAt, ...user } = row;
  return { user, csrfToken, expiresAt: new Date(expiresAt) };
}

/** Ends a session (logout); an unknown id is ignored. */
export async function endSession(database: Database, sessionId: string, now: Date): Promise<void> {
  await database
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id_hash', '=', secretHash(sessionId))
    .where('revoked_at', 'is', null)
    .execute();
}

/** The user of a bearer token: not revoked, not expired, the user not disabled. */
export async function userOfToken(
  database: Database,
  token: string,
  now: Date,
): Promise<UserRow | undefined> {
  return database
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .where('api_tokens.token_hash', '=', secretHash(token))
    .where('api_tokens.revoked_at', 'is', null)
    .where((where) =>
      where.or([
        where('api_tokens.expires_at', 'is', null),
        where('api_tokens.expires_at', '>', now),
      ]),
    )
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Whether a request's CSRF header matches the session's token (in constant time). */
export function csrfTokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A hash that matches no password, so that an unknown username costs as much as a wrong password. */
let decoyHash: Promise<string> | undefined;

/**
 * The user with this username and password, or undefined (unknown user,
 * wrong password, disabled account or an account without a password). Each
 * attempt is written to the audit log, without the password.
 */
export async function checkCredentials(
  database: Database,
  username: string,
  password: string,
): Promise<UserRow | undefined> {
  const user = await database
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  decoyHash ??= hashPassword(newSecret());
  const matches = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
  const accepted = user !== undefined && user.disabled_at === null && matches;
  await database
    .insertInto('audit_log')
    .values({
      actor_user_id: user?.id ?? null,
      actor: user?.username ?? 'ukendt',
      action: 'login',
      outcome: accepted ? 'ok' : 'refused',
      subject_table: 'users',
      subject_id: user === undefined ? null : String(user.id),
    })
    .execute();
  return accepted ? user : undefined;
}
