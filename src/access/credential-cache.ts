/**
 * A short-lived cache of logins, so that not every request of a busy client
 * asks the database who its token or session cookie belongs to.
 *
 * Entries are keyed by the secret's SHA-256 (never the secret itself) and
 * live `seconds` at most. A token revoked, a session ended, or a user
 * disabled or changed in this process empties the cache at once
 * (`cases/credential-changes.ts`), and a lookup that was under way while
 * such a change was committed is not stored. A change made by another
 * process (the CLI, a second server on the same database) counts after at
 * most `seconds`. Only live logins are stored; an unknown or refused
 * secret is asked of the database every time. Expiry dates are checked by
 * the caller on every request, cached or not.
 */
import { credentialGeneration } from '../cases/credential-changes.js';

/** How long a login is trusted without asking the database again, by default. */
export const CREDENTIAL_CACHE_SECONDS = 5;

const MAX_ENTRIES = 10_000;

export class CredentialCache<Value> {
  readonly #entries = new Map<string, { readonly value: Value; readonly until: number }>();
  readonly #milliseconds: number;
  readonly #clock: () => number;
  #generation = credentialGeneration();

  /** `seconds` 0 turns the cache off. `clock`: monotonic milliseconds. */
  constructor(seconds: number, clock: () => number = () => performance.now()) {
    this.#milliseconds = seconds * 1000;
    this.#clock = clock;
  }

  /** The cached value of `key`, or what `load` finds (stored when defined). */
  async get(key: string, load: () => Promise<Value | undefined>): Promise<Value | undefined> {
    if (this.#milliseconds <= 0) return load();
    const generation = credentialGeneration();
    if (generation !== this.#generation) {
      this.#entries.clear();
      this.#generation = generation;
    }
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      if (hit.until > this.#clock()) return hit.value;
      this.#entries.delete(key);
    }
    const value = await load();
    if (value !== undefined && credentialGeneration() === generation) {
      if (this.#entries.size >= MAX_ENTRIES) {
        const oldest = this.#entries.keys().next();
        if (oldest.done !== true) this.#entries.delete(oldest.value);
      }
      this.#entries.set(key, { value, until: this.#clock() + this.#milliseconds });
    }
    return value;
  }
}
