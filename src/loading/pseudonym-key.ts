/**
 * The pseudonymisation key (data.md "Personal data"): when configured, every
 * CPR number in `person_id` is replaced at import by HMAC-SHA256(key, the ten
 * digits) in lowercase hex, before anything is written. The key comes from
 * `--pseudonym-key-file FILE` or `$TILSYN_PSEUDONYM_KEY`, never from the
 * command line itself, and is never stored.
 */
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from '../files/usage-error.js';
import { normaliseCprNumber } from './cpr-number.js';

/** A shorter key is too easy to guess: the hash of a CPR number could be reversed by trying keys. */
export const MINIMUM_KEY_BYTES = 16;

export const KEY_ENVIRONMENT_VARIABLE = 'TILSYN_PSEUDONYM_KEY';

export interface PseudonymKey {
  readonly bytes: Uint8Array;
}

/**
 * The key from a file (its bytes, without trailing line breaks or spaces, so
 * that `echo KEY > FILE` works) or else from the environment; `undefined` when
 * neither is given.
 */
export async function resolvePseudonymKey(
  keyFile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<PseudonymKey | undefined> {
  let bytes: Uint8Array;
  if (keyFile !== undefined) {
    let content: Buffer;
    try {
      content = await readFile(keyFile);
    } catch {
      throw new UsageError(`nøglefilen ${keyFile} kan ikke læses`);
    }
    let end = content.length;
    while (end > 0 && [0x0a, 0x0d, 0x20, 0x09].includes(content[end - 1] ?? 0)) end -= 1;
    bytes = content.subarray(0, end);
  } else {
    const fromEnvironment = env[KEY_ENVIRONMENT_VARIABLE];
    if (fromEnvironment === undefined || fromEnvironment === '') return undefined;
    bytes = Buffer.from(fromEnvironment, 'utf8');
  }
  if (bytes.length < MINIMUM_KEY_BYTES) {
    throw new UsageError(
      `pseudonymiseringsnøglen er for kort (${bytes.length} byte); brug mindst ${MINIMUM_KEY_BYTES} tilfældige tegn`,
    );
  }
  return { bytes };
}

/** The pseudonym of a CPR number: HMAC-SHA256(key, the ten digits), lowercase hex. */
export function pseudonymOf(key: PseudonymKey, cprNumber: string): string {
  return createHmac('sha256', key.bytes).update(normaliseCprNumber(cprNumber)).digest('hex');
}
