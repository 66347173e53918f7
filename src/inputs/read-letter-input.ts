/**
 * Reads a stored letter input (`tilsyn letter --input FILE`): the JSON object
 * `tilsyn letter --format json` writes and the case system stores with a
 * decision. Checks its schema, kind, date and municipality; the rest is the
 * content the letter states.
 */
import { parseIsoDate } from '../core/calendar/iso-date.js';
import {
  LETTER_INPUT_SCHEMA,
  LETTER_KINDS,
  type LetterInput,
  type LetterSender,
} from '../core/letters/letter-input.js';
import { InputError } from '../files/input-error.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function parseLetterInput(text: string, file: string): LetterInput {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError({
      file,
      reason: `ikke gyldig JSON (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  const problem = (column: string, reason: string): never => {
    throw new InputError({ file, column, reason });
  };
  if (!isRecord(parsed)) return problem('', 'skal være et JSON-objekt');
  if (parsed['schema'] !== LETTER_INPUT_SCHEMA)
    problem('schema', `skal være "${LETTER_INPUT_SCHEMA}"`);
  const kind = parsed['kind'];
  if (typeof kind !== 'string' || !(LETTER_KINDS as readonly string[]).includes(kind))
    problem('kind', `skal være en af ${LETTER_KINDS.join(', ')}`);
  if (typeof parsed['date'] !== 'string' || parseIsoDate(parsed['date']) === undefined)
    problem('date', 'skal være en dato ÅÅÅÅ-MM-DD');
  const municipality = parsed['municipality'];
  if (
    !isRecord(municipality) ||
    typeof municipality['code'] !== 'number' ||
    typeof municipality['name'] !== 'string'
  )
    problem('municipality', 'skal have code (tal) og name (tekst)');
  if (!isRecord(parsed['sender'])) problem('sender', 'mangler');
  if (kind === 'meeting_invitation' ? !isRecord(parsed['meeting']) : !isRecord(parsed['decision']))
    problem(kind === 'meeting_invitation' ? 'meeting' : 'decision', 'mangler');
  return parsed as unknown as LetterInput;
}

const SENDER_TEXTS = [
  'authority',
  'unit',
  'phone',
  'email',
  'signatory',
  'signatoryTitle',
] as const;

/** Reads a sender (`tilsyn letter --sender FILE`): the fields of `LetterSender`. */
export function parseLetterSender(text: string, file: string): LetterSender {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new InputError({
      file,
      reason: `ikke gyldig JSON (${error instanceof Error ? error.message : String(error)})`,
    });
  }
  if (!isRecord(parsed)) throw new InputError({ file, reason: 'skal være et JSON-objekt' });
  for (const field of SENDER_TEXTS)
    if (typeof parsed[field] !== 'string')
      throw new InputError({ file, column: field, reason: 'skal være en tekst' });
  const lines = parsed['addressLines'];
  if (!Array.isArray(lines) || !lines.every((line) => typeof line === 'string'))
    throw new InputError({ file, column: 'addressLines', reason: 'skal være en liste af tekster' });
  return parsed as unknown as LetterSender;
}
