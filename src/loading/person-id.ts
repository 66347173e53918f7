/**
 * How a `person_id` is read before anything is stored (docs/pseudonymisation.md):
 *
 * 1. Unicode NFKC normalisation, so that full-width digits are digits and a
 *    no-break space is a space;
 * 2. white space trimmed at both ends (spaces of every kind, tabs), so that
 *    `p001`, ` p001` and `p001 ` are one person;
 * 3. a control or format character left anywhere — NUL, a line break, a tab
 *    between other characters, a zero-width space — refuses the row: the id
 *    cannot be told apart from another person's;
 * 4. a value whose digits form a CPR number (cpr-number.ts) is replaced by
 *    its keyed hash, or refused when no key is configured.
 *
 * The same function runs for every input: in Node when a CSV file is
 * rewritten, and inside DuckDB's reading of a file (as the scalar function
 * `tilsyn_person_id`), so that a CPR number never reaches a DuckDB table —
 * nor, through it, a spill file.
 */
import { cprDigitsOf } from './cpr-number.js';
import { pseudonymOf, type PseudonymKey } from './pseudonym-key.js';

export type PersonIdReading =
  /** Empty after trimming. */
  | { readonly kind: 'empty' }
  /** The id to store: normalised, or the pseudonym of a CPR number. */
  | { readonly kind: 'id'; readonly id: string }
  /** A CPR number and no key: refused; the value is never shown. */
  | { readonly kind: 'cpr' }
  /** A control or format character (shown as `U+000A`, never the value). */
  | { readonly kind: 'control'; readonly character: string };

/** White space of every kind except the line breaks, which refuse an id. */
const TRIMMED = /^[^\S\n\v\f\r\u2028\u2029]+|[^\S\n\v\f\r\u2028\u2029]+$/gu;
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** Printable ASCII without spaces: NFKC and trimming change nothing. */
const PLAIN = /^[\x21-\x7e]*$/;

export class PersonIdReader {
  /** Pseudonyms by ten digits: a person has many rows. */
  private readonly pseudonyms = new Map<string, string>();

  constructor(private readonly key: PseudonymKey | undefined) {}

  read(raw: string): PersonIdReading {
    let value = raw;
    if (!PLAIN.test(value)) {
      value = value.normalize('NFKC').replace(TRIMMED, '');
      const forbidden = FORBIDDEN.exec(value);
      if (forbidden !== null) return { kind: 'control', character: codePointName(forbidden[0]) };
    }
    if (value === '') return { kind: 'empty' };
    const digits = cprDigitsOf(value);
    if (digits === undefined) return { kind: 'id', id: value };
    if (this.key === undefined) return { kind: 'cpr' };
    let pseudonym = this.pseudonyms.get(digits);
    if (pseudonym === undefined) {
      pseudonym = pseudonymOf(this.key, digits);
      if (this.pseudonyms.size >= MAX_CACHED) this.pseudonyms.clear();
      this.pseudonyms.set(digits, pseudonym);
    }
    return { kind: 'id', id: pseudonym };
  }
}

const MAX_CACHED = 1_000_000;

/** `U+000A`. */
function codePointName(character: string): string {
  return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * What `tilsyn_person_id` returns for a refused id: a text that starts with
 * NUL, which no accepted id can hold, then `cpr` or `ctl:U+XXXX`.
 */
export const REFUSED_MARK = '\u0000';

/** The value DuckDB gets for a raw id: the id, NULL when empty, or a refusal mark. */
export function personIdForSql(reading: PersonIdReading): string | null {
  switch (reading.kind) {
    case 'empty':
      return null;
    case 'id':
      return reading.id;
    case 'cpr':
      return `${REFUSED_MARK}cpr`;
    case 'control':
      return `${REFUSED_MARK}ctl:${reading.character}`;
  }
}
