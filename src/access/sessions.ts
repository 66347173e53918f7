/**
 * Who is behind a request: a login session (the id lives only in the
 * client's HttpOnly cookie; the database keeps its SHA-256) or a bearer
 * token for scripts (`tilsyn tokens create`, `cases/users.ts`; the
 * database keeps its SHA-256). A session also carries the CSRF token that state-changing
 * requests made with the cookie must echo in the `x-csrf-token` header.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../storage/database.js';
import type { LoginMethod } from '../storage/schema.js';
import {
  secretHash,
  userByOidcSubject,
  userOf,
  verifyPassword,
  type User,
} from '../cases/users.js';
import { credentialsChanged } from '../cases/credential-changes.js';

/** How long a login lasts without a new login. */
export const SESSION_HOURS = 8;

export interface StartedSession {
  /** The secret for the cookie; never stored. */
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

export interface ActiveSession {
  readonly user: User;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly loginMethod: LoginMethod;
}

/** A new random secret, URL-safe. */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export async function startSession(
  database: Database,
  userId: number,
  now: Date,
  loginMethod: LoginMethod = 'password',
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
      login_method: loginMethod,
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
  return sessionByHash(database, secretHash(sessionId), now);
}

/** The live session whose id has this hash (see `activeSession`). */
export async function sessionByHash(
  database: Database,
  idHash: string,
  now: Date,
): Promise<ActiveSession | undefined> {
  const row = await database
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.expires_at', 'sessions.login_method'])
    .where('sessions.id_hash', '=', idHash)
    .where('sessions.revoked_at', 'is', null)
    .where('sessions.expires_at', '>', now)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const { csrf_token: csrfToken, expires_at: expiresAt, login_method: loginMethod, ...user } = row;
  return { user: userOf(user), csrfToken, expiresAt: new Date(expiresAt), loginMethod };
}

/** Ends a session (logout); an unknown id is ignored. */
export async function endSession(database: Database, sessionId: string, now: Date): Promise<void> {
  await database
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id_hash', '=', secretHash(sessionId))
    .where('revoked_at', 'is', null)
    .execute();
  credentialsChanged();
}

/** Whether a request's CSRF header matches the session's token (in constant time). */
export function csrfTokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The user with this username and password, or undefined (unknown user,
 * wrong password, disabled account or an account without a password: the
 * caller cannot tell which). Each attempt is written to the audit log,
 * without the password and without an unknown username.
 */
export async function checkCredentials(
  database: Database,
  username: string,
  password: string,
): Promise<User | undefined> {
  const user = await verifyPassword(database, username, password);
  const known =
    user ??
    (await database
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', '=', username)
      .executeTakeFirst());
  await database
    .insertInto('audit_log')
    .values({
      actor_user_id: known?.id ?? null,
      actor: known?.username ?? 'ukendt',
      action: 'login',
      outcome: user === undefined ? 'refused' : 'ok',
      subject_table: 'users',
      subject_id: known === undefined ? null : String(known.id),
    })
    .execute();
  return user;
}

/**
 * The user registered for an OpenID Connect identity (the issuer and the ID
 * token's `sub`), or undefined for an unknown identity or a disabled user.
 * Each attempt is written to the audit log; an unknown identity is logged
 * with its issuer and subject (a pseudonymous id at the provider) so the
 * ministry can register it.
 */
export async function checkOidcIdentity(
  database: Database,
  issuer: string,
  subject: string,
): Promise<User | undefined> {
  const known = await userByOidcSubject(database, issuer, subject);
  const user = known !== undefined && known.disabledAt === null ? known : undefined;
  await database
    .insertInto('audit_log')
    .values({
      actor_user_id: known?.id ?? null,
      actor: known?.username ?? 'ukendt',
      action: 'login.oidc',
      outcome: user === undefined ? 'refused' : 'ok',
      subject_table: 'users',
      subject_id: known === undefined ? null : String(known.id),
      details: known === undefined ? JSON.stringify({ issuer, subject }) : null,
    })
    .execute();
  return user;
}
