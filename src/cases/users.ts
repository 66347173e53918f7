/**
 * Users of the case system: the roles of reports.md (ministry, amk,
 * municipality, auditor; the public needs no account). Passwords are hashed
 * with scrypt (node:crypto) and a random salt; API tokens are random, shown
 * once and stored as their SHA-256. A user is never deleted: disabling keeps
 * the history of who did what.
 */
import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { Kysely } from 'kysely';
import { amkNames, normaliseAmk, regionNames } from '../reference/amk.js';
import { readMunicipalities } from '../reference/municipalities.js';
import { USER_ROLES, type DatabaseSchema, type UserRole, type UserRow } from '../storage/schema.js';
import { requireRole, type Actor } from './actor.js';
import { appendAudit } from './audit.js';
import { CaseError } from './case-error.js';
import { credentialsChanged } from './credential-changes.js';

type Db = Kysely<DatabaseSchema>;

/** scrypt's cost: N = 2^15, r = 8, p = 1 (about 32 MiB and tens of milliseconds). */
const SCRYPT = { N: 32768, r: 8, p: 1, keyLength: 64, saltLength: 16 } as const;
const SCRYPT_MEMORY = 64 * 1024 * 1024;

/** The least length of a password. */
export const MINIMUM_PASSWORD_LENGTH = 10;

/** A user as the services and the API see it (never the password hash). */
export interface User {
  readonly id: number;
  readonly username: string;
  readonly role: UserRole;
  readonly municipalityCode: number | null;
  readonly amk: string | null;
  readonly displayName: string | null;
  readonly hasPassword: boolean;
  readonly oidcSubject: string | null;
  readonly createdAt: Date;
  readonly disabledAt: Date | null;
}

export function userOf(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    role: row.role,
    municipalityCode: row.municipality_code,
    amk: row.amk,
    displayName: row.display_name,
    hasPassword: row.password_hash !== null,
    oidcSubject: row.oidc_subject,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

/** The actor a user acts as. */
export function actorOf(user: User): Actor {
  return {
    userId: user.id,
    name: user.username,
    role: user.role,
    municipalityCode: user.municipalityCode ?? undefined,
    amk: user.amk ?? undefined,
  };
}

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions, length: number) {
  return new Promise<Buffer>((resolve, reject) => {
    scrypt(password, salt, length, options, (error, key) => {
      if (error) reject(error);
      else resolve(key);
    });
  });
}

/** `scrypt$N$r$p$salt$hash` (salt and hash in base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await scryptAsync(
    password,
    salt,
    { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: SCRYPT_MEMORY },
    SCRYPT.keyLength,
  );
  return [
    'scrypt',
    SCRYPT.N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

/** Whether `password` matches `stored` (constant time in the hash comparison). */
export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(
    password,
    Buffer.from(salt, 'base64'),
    { N: Number(n), r: Number(r), p: Number(p), maxmem: SCRYPT_MEMORY },
    expected.length,
  );
  return key.length === expected.length && timingSafeEqual(key, expected);
}

export interface NewUser {
  readonly username: string;
  readonly role: string;
  readonly municipalityCode?: number | undefined;
  readonly amk?: string | undefined;
  readonly displayName?: string | undefined;
  /** Absent for a user who logs in only through OpenID Connect. */
  readonly password?: string | undefined;
  readonly oidcIssuer?: string | undefined;
  readonly oidcSubject?: string | undefined;
}

function isRole(value: string): value is UserRole {
  return (USER_ROLES as readonly string[]).includes(value);
}

/** Adds a user, checking the role's scope: a municipality user names its municipality, an AMK user its AMK. */
export async function addUser(database: Db, actor: Actor, input: NewUser): Promise<User> {
  requireRole(actor, ['ministry'], 'At oprette brugere');
  const username = input.username.trim();
  if (!/^[A-Za-z0-9._@-]{1,100}$/.test(username))
    throw new CaseError(
      'bad_username',
      `Brugernavnet "${input.username}" må kun indeholde bogstaverne a–z, tal og . _ @ - (højst 100 tegn).`,
    );
  if (!isRole(input.role))
    throw new CaseError(
      'bad_role',
      `Rollen "${input.role}" findes ikke; vælg ${USER_ROLES.join(', ')}.`,
    );
  const role = input.role;
  const municipalities = await readMunicipalities();
  let municipalityCode: number | null = null;
  let amk: string | null = null;
  if (role === 'municipality') {
    if (input.municipalityCode === undefined)
      throw new CaseError(
        'municipality_required',
        'En kommunebruger skal have --municipality KODE.',
      );
    if (!municipalities.some((entry) => entry.code === input.municipalityCode))
      throw new CaseError(
        'unknown_municipality',
        `Kommunekoden ${input.municipalityCode} findes ikke.`,
      );
    municipalityCode = input.municipalityCode;
  } else if (input.municipalityCode !== undefined) {
    throw new CaseError('municipality_not_allowed', `Kun kommunebrugere har en kommune.`);
  }
  if (role === 'amk') {
    const given = input.amk === undefined ? undefined : normaliseAmk(input.amk, municipalities);
    if (given === undefined) {
      const quoted = (names: readonly string[]) => names.map((name) => `"${name}"`).join(', ');
      const valid = `et arbejdsmarkedskontor (${quoted(amkNames(municipalities))}) eller en region (${quoted(regionNames(municipalities))}); en region gemmes som sit arbejdsmarkedskontor`;
      throw input.amk === undefined
        ? new CaseError('amk_required', `En AMK-bruger skal have --amk med ${valid}.`)
        : new CaseError(
            'unknown_amk',
            `"${input.amk}" er hverken et arbejdsmarkedskontor eller en region. Angiv ${valid}.`,
          );
    }
    amk = given;
  } else if (input.amk !== undefined) {
    throw new CaseError('amk_not_allowed', `Kun AMK-brugere har en AMK.`);
  }
  if (input.password !== undefined && input.password.length < MINIMUM_PASSWORD_LENGTH)
    throw new CaseError(
      'password_too_short',
      `Adgangskoden skal have mindst ${MINIMUM_PASSWORD_LENGTH} tegn.`,
    );
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return database.transaction().execute(async (transaction) => {
    const existing = await transaction
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (existing)
      throw new CaseError('user_exists', `Brugeren "${username}" findes allerede.`, 'conflict');
    const row = await transaction
      .insertInto('users')
      .values({
        username,
        role,
        municipality_code: municipalityCode,
        amk,
        display_name: input.displayName ?? null,
        password_hash: passwordHash,
        oidc_issuer: input.oidcIssuer ?? null,
        oidc_subject: input.oidcSubject ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await appendAudit(transaction, actor, {
      action: 'user.add',
      subjectTable: 'users',
      subjectId: row.id,
      details: { username, role, municipalityCode, amk },
    });
    return userOf(row);
  });
}

/** Every user, by username. */
export async function listUsers(database: Db): Promise<User[]> {
  const rows = await database.selectFrom('users').selectAll().orderBy('username').execute();
  return rows.map(userOf);
}

export async function userByUsername(database: Db, username: string): Promise<User | undefined> {
  const row = await database
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  return row === undefined ? undefined : userOf(row);
}

export async function userById(database: Db, id: number): Promise<User | undefined> {
  const row = await database
    .selectFrom('users')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row === undefined ? undefined : userOf(row);
}

/** The user an OpenID Connect login names, when one is registered for it. */
export async function userByOidcSubject(
  database: Db,
  issuer: string,
  subject: string,
): Promise<User | undefined> {
  const row = await database
    .selectFrom('users')
    .selectAll()
    .where('oidc_issuer', '=', issuer)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst();
  return row === undefined ? undefined : userOf(row);
}

/**
 * The user whose password this is, or undefined — for an unknown user, a
 * wrong password, a user without a password and a disabled user alike (the
 * caller cannot tell which; a dummy hash keeps the time the same).
 */
export async function verifyPassword(
  database: Db,
  username: string,
  password: string,
): Promise<User | undefined> {
  const row = await database
    .selectFrom('users')
    .selectAll()
    .where('username', '=', username)
    .executeTakeFirst();
  const stored = row?.password_hash ?? (await dummyHash());
  const matches = await passwordMatches(password, stored);
  if (row === undefined || row.password_hash === null || row.disabled_at !== null || !matches)
    return undefined;
  return userOf(row);
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

/** Sets a new password (an operator's reset). */
export async function setPassword(
  database: Db,
  actor: Actor,
  username: string,
  password: string,
): Promise<void> {
  requireRole(actor, ['ministry'], 'At sætte en adgangskode');
  if (password.length < MINIMUM_PASSWORD_LENGTH)
    throw new CaseError(
      'password_too_short',
      `Adgangskoden skal have mindst ${MINIMUM_PASSWORD_LENGTH} tegn.`,
    );
  const hash = await hashPassword(password);
  await database.transaction().execute(async (transaction) => {
    const user = await requireUser(transaction, username);
    await transaction
      .updateTable('users')
      .set({ password_hash: hash })
      .where('id', '=', user.id)
      .execute();
    await appendAudit(transaction, actor, {
      action: 'user.set_password',
      subjectTable: 'users',
      subjectId: user.id,
    });
  });
  credentialsChanged();
}

async function requireUser(database: Db, username: string): Promise<User> {
  const user = await userByUsername(database, username);
  if (user === undefined)
    throw new CaseError('no_such_user', `Brugeren "${username}" findes ikke.`, 'not_found');
  return user;
}

/** Disables a user: no login, no token works; the user's history stays. */
export async function disableUser(database: Db, actor: Actor, username: string): Promise<void> {
  requireRole(actor, ['ministry'], 'At deaktivere brugere');
  await database.transaction().execute(async (transaction) => {
    const user = await requireUser(transaction, username);
    if (user.disabledAt !== null) return;
    await transaction
      .updateTable('users')
      .set({ disabled_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    await transaction
      .updateTable('sessions')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .execute();
    await appendAudit(transaction, actor, {
      action: 'user.disable',
      subjectTable: 'users',
      subjectId: user.id,
    });
  });
  credentialsChanged();
}

/** The SHA-256 of a token or session id, hex: what the database keeps. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const TOKEN_PREFIX = 'tilsyn_';

/**
 * Creates an API token for a user's scripts: printed once, stored only as
 * its hash. A bearer of the token acts as the user.
 */
export async function createApiToken(
  database: Db,
  actor: Actor,
  username: string,
  options: { readonly label?: string; readonly expiresAt?: Date } = {},
): Promise<{ token: string; id: number }> {
  requireRole(actor, ['ministry'], 'At oprette API-nøgler');
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return database.transaction().execute(async (transaction) => {
    const user = await requireUser(transaction, username);
    if (user.disabledAt !== null)
      throw new CaseError('user_disabled', `Brugeren "${username}" er deaktiveret.`, 'conflict');
    const row = await transaction
      .insertInto('api_tokens')
      .values({
        user_id: user.id,
        token_hash: secretHash(token),
        label: options.label ?? null,
        expires_at: options.expiresAt ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendAudit(transaction, actor, {
      action: 'api_token.create',
      subjectTable: 'api_tokens',
      subjectId: row.id,
      details: { username },
    });
    return { token, id: row.id };
  });
}

/** The user a bearer token belongs to, when it is valid (not revoked, not expired, user enabled). */
export async function userByToken(
  database: Db,
  token: string,
  now: Date = new Date(),
): Promise<User | undefined> {
  if (!isTokenShaped(token)) return undefined;
  const credential = await tokenCredential(database, secretHash(token));
  if (credential === undefined || !credentialLive(credential, now)) return undefined;
  return credential.user;
}

/** Whether a string can be a token at all (tokens start with `tilsyn_`). */
export function isTokenShaped(token: string): boolean {
  return token.startsWith(TOKEN_PREFIX);
}

/** A token that is not revoked and whose user is enabled, with when it expires. */
export interface TokenCredential {
  readonly user: User;
  readonly expiresAt: Date | null;
}

/** The token stored with this hash, unless it is revoked or its user disabled. */
export async function tokenCredential(
  database: Db,
  tokenHash: string,
): Promise<TokenCredential | undefined> {
  const row = await database
    .selectFrom('api_tokens as token')
    .innerJoin('users as user', 'user.id', 'token.user_id')
    .selectAll('user')
    .select(['token.expires_at', 'token.revoked_at'])
    .where('token.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (row === undefined || row.revoked_at !== null || row.disabled_at !== null) return undefined;
  return {
    user: userOf(row),
    expiresAt: row.expires_at === null ? null : new Date(row.expires_at),
  };
}

/** Whether a token has not expired at `now`. */
export function credentialLive(credential: TokenCredential, now: Date): boolean {
  return credential.expiresAt === null || credential.expiresAt.getTime() > now.getTime();
}

/** Revokes a token (it stays on record). */
export async function revokeApiToken(database: Db, actor: Actor, tokenId: number): Promise<void> {
  requireRole(actor, ['ministry'], 'At tilbagekalde API-nøgler');
  await database.transaction().execute(async (transaction) => {
    await transaction
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('id', '=', tokenId)
      .where('revoked_at', 'is', null)
      .execute();
    await appendAudit(transaction, actor, {
      action: 'api_token.revoke',
      subjectTable: 'api_tokens',
      subjectId: tokenId,
    });
  });
  credentialsChanged();
}
