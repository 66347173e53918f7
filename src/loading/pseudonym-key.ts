/**
 * The pseudonymisation key (data.md "Personal data"): when configured, every
 * CPR number in `person_id` is replaced at import by HMAC-SHA256(key, the ten
 * digits) in lowercase hex, before anything is written. The key comes from
 * `--pseudonym-key-file FILE` or `$TILSYN_PSEUDONYM_KEY`, never from the
 * command line itself, and is never stored.
 */
import { createHmac } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { UsageError } from '../files/usage-error.js';
import { normaliseCprNumber } from './cpr-number.js';

/**
 * A key of real strength (docs/pseudonymisation.md): the pseudonym of a CPR
 * number can be reversed by trying every CPR number (a few million) with every
 * likely key, so a key must be random, not typed. At least 32 bytes —
 * `openssl rand -hex 32` gives 64 characters, `openssl rand -out FILE 32` 32
 * random bytes — of which at least 10 differ, and no short pattern repeated:
 * `aaaa…`, zeros, `abcabc…` are refused.
 */
export const MINIMUM_KEY_BYTES = 32;
export const MINIMUM_DISTINCT_BYTES = 10;

export const KEY_ENVIRONMENT_VARIABLE = 'TILSYN_PSEUDONYM_KEY';

const MAKE_A_KEY =
  'lav en tilfældig nøgle med "openssl rand -hex 32" (eller en nøglefil med "openssl rand -out FIL 32")';

export interface PseudonymKey {
  readonly bytes: Uint8Array;
}

/**
 * The key from a file or else from the environment; `undefined` when neither
 * is given. A key file of text (`openssl rand -hex 32 > FILE`, `echo KEY >
 * FILE`) is read without its trailing line breaks and spaces; a key file of
 * random bytes (`openssl rand -out FILE 32`) is read as it is, since its last
 * byte may happen to be a line break.
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
    bytes = isText(content) ? withoutTrailingSpace(content) : content;
  } else {
    const fromEnvironment = env[KEY_ENVIRONMENT_VARIABLE];
    if (fromEnvironment === undefined || fromEnvironment === '') return undefined;
    bytes = Buffer.from(fromEnvironment, 'utf8');
  }
  const weakness = weaknessOf(bytes);
  if (weakness !== undefined)
    throw new UsageError(`pseudonymiseringsnøglen er for svag: ${weakness}; ${MAKE_A_KEY}`);
  return { bytes };
}

/**
 * A warning (Danish) when the key file can be read or changed by others than
 * its owner, or undefined.
 */
export async function keyFileWarning(keyFile: string): Promise<string | undefined> {
  let mode: number;
  try {
    mode = (await stat(keyFile)).mode;
  } catch {
    return undefined;
  }
  if ((mode & 0o077) === 0) return undefined;
  return `nøglefilen ${keyFile} kan læses af andre end ejeren (rettigheder ${(mode & 0o777).toString(8)}); gør den privat med "chmod 600 ${keyFile}"`;
}

/** Why a key is too weak (Danish), or undefined for a key of real strength. */
export function weaknessOf(bytes: Uint8Array): string | undefined {
  if (bytes.length < MINIMUM_KEY_BYTES)
    return `den er ${bytes.length} byte lang, men skal være mindst ${MINIMUM_KEY_BYTES}`;
  const distinct = new Set(bytes).size;
  if (distinct < MINIMUM_DISTINCT_BYTES)
    return `den har kun ${distinct} forskellige byteværdier (mindst ${MINIMUM_DISTINCT_BYTES})`;
  // Short patterns: a key file of many repeated lines would take long to test in full.
  for (let period = 1; period <= Math.min(bytes.length / 2, 64); period += 1) {
    let repeats = true;
    for (let index = period; index < bytes.length && repeats; index += 1)
      repeats = bytes[index] === bytes[index - period];
    if (repeats) return `den gentager det samme stykke på ${period} byte`;
  }
  return undefined;
}

/** Printable UTF-8 text, allowing white space at the end. */
function isText(content: Buffer): boolean {
  const text = content.toString('utf8');
  return !text.includes('\uFFFD') && !/[\p{Cc}]/u.test(text.replace(/[\r\n\t ]+$/, ''));
}

function withoutTrailingSpace(content: Buffer): Uint8Array {
  let end = content.length;
  while (end > 0 && [0x0a, 0x0d, 0x20, 0x09].includes(content[end - 1] ?? 0)) end -= 1;
  return content.subarray(0, end);
}

/** The pseudonym of a CPR number: HMAC-SHA256(key, the ten digits), lowercase hex. */
export function pseudonymOf(key: PseudonymKey, cprNumber: string): string {
  return createHmac('sha256', key.bytes).update(normaliseCprNumber(cprNumber)).digest('hex');
}
