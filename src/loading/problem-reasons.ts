/**
 * The Danish reasons a row is rejected for. Each has a label, under which
 * rejections are counted ("optælling pr. årsag"), and the reason shown with the
 * row; they are stable and tested verbatim. Reasons that name another line are
 * built by the functions at the end.
 */
import {
  EARLIEST_DATE,
  EARLIEST_YEAR,
  LATEST_DATE,
  LATEST_YEAR,
  MAX_FIELD_CHARACTERS,
  MAX_HOURS_IN_MONTH,
  MAX_RECORD_BYTES,
} from './plausibility-limits.js';

export interface ProblemReason {
  /** Short, for the count by reason. */
  readonly label: string;
  /** The full reason shown with a row. */
  readonly reason: string;
}

function same(text: string): ProblemReason {
  return { label: text, reason: text };
}

export const KEY_HINT =
  'angiv en pseudonymiseringsnøgle med $TILSYN_PSEUDONYM_KEY eller --pseudonym-key-file FIL, så erstattes CPR-numre af et nøglebaseret pseudonym';

const fieldCountReasons = new Map<string, ProblemReason>();

export const REASONS = {
  /** Shared objects: a malformed file can have many such lines. */
  fieldCount: (fields: number, expected: number, decimalCommaHint: boolean): ProblemReason => {
    const key = `${fields}/${expected}/${decimalCommaHint}`;
    let reason = fieldCountReasons.get(key);
    if (reason === undefined) {
      reason = {
        label: 'forkert antal felter',
        reason:
          `linjen har ${fields} felter, men overskriften har ${expected}` +
          (decimalCommaHint
            ? ' (decimalkomma i en kommasepareret fil? brug punktum som decimaltegn eller ; som skilletegn)'
            : ''),
      };
      fieldCountReasons.set(key, reason);
    }
    return reason;
  },
  badQuote: same('tegn efter et afsluttende anførselstegn (forkert brug af anførselstegn)'),
  recordTooLong: (bytes: number): ProblemReason => ({
    label: 'linjen er for lang',
    reason: `linjen er for lang (${bytes} byte; højst ${MAX_RECORD_BYTES})`,
  }),
  fieldTooLong: same(`feltet er for langt (højst ${MAX_FIELD_CHARACTERS} tegn)`),
  empty: same('feltet er tomt'),
  cprNumber: {
    label: 'CPR-nummer',
    reason: `ligner et CPR-nummer, som ikke må indlæses; ${KEY_HINT}`,
  },
  personControl: {
    label: 'usynligt tegn i person_id',
    reason:
      'person_id indeholder et styre- eller formateringstegn (fx NUL, et linjeskift eller en tabulator inde i værdien), så personen ikke kan kendes sikkert; værdien viser tegnets kode, ikke id’et',
  },
  municipalityFormat: same('kommunekoden skal være et tal med tre cifre'),
  municipalityUnknown: same('ukendt kommunekode'),
  delegatedToUnknown: same('delegeret til en kommune, som ikke står i filen'),
  unknownCode: (label: string, codes: readonly string[]): ProblemReason => ({
    label,
    reason: `${label}; gyldige koder: ${codes.join(', ')}`,
  }),
  dateFormat: same('ikke en dato på formen ÅÅÅÅ-MM-DD'),
  dateImpossible: same('datoen findes ikke i kalenderen'),
  dateRange: same(`datoen ligger uden for ${EARLIEST_DATE} – ${LATEST_DATE}`),
  toBeforeFrom: same('slutdatoen (to) ligger før startdatoen (from)'),
  monthFormat: same('ikke en måned på formen ÅÅÅÅ-MM'),
  monthRange: same(
    `måneden ligger uden for ${EARLIEST_DATE.slice(0, 7)} – ${LATEST_DATE.slice(0, 7)}`,
  ),
  yearRange: same(`året ligger uden for ${EARLIEST_YEAR}–${LATEST_YEAR}`),
  numberFormat: same('ikke et tal'),
  numberTooLarge: same('tallet er for stort til at blive gemt'),
  decimalComma: same('decimalkomma er kun tilladt i filer med ; som skilletegn'),
  integerFormat: same('ikke et heltal'),
  hoursNegative: same('antallet af timer er negativt'),
  hoursTooMany: same(`flere timer end en måned har (højst ${MAX_HOURS_IN_MONTH})`),
  notPositive: same('skal være større end 0'),
  negative: same('må ikke være negativ'),
  percentRange: same('en andel i procent skal ligge mellem 0 og 100'),
  duplicateRow: { label: 'gentaget række', reason: 'rækken er en gentagelse af' },
  overlap: {
    label: 'overlappende ydelsesperiode',
    reason: 'ydelsesperioden overlapper samme persons periode på',
  },
  duplicateKey: (key: string): ProblemReason => ({
    label: `${key} står to gange`,
    reason: `${key} står allerede på`,
  }),
} as const;
