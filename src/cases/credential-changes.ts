/**
 * A signal that who may log in has changed: a token revoked, a session
 * ended, a user disabled or changed. A process-wide generation number that
 * every such change raises after it is committed; a cache of logins
 * (`access/credential-cache.ts`) empties itself when the number has moved,
 * so a change made in this process counts from the next request on. A
 * change made by another process (the CLI, a second server) reaches the
 * cache only when its entries expire.
 */
let generation = 0;

/** Records that logins may have changed (call after the commit). */
export function credentialsChanged(): void {
  generation += 1;
}

/** The current generation of logins. */
export function credentialGeneration(): number {
  return generation;
}
