/**
 * The letters: the input of the letter of a municipality's decision at the
 * last assessment run, of a meeting invitation, or a stored input read back
 * (`tilsyn letter`). The letter itself is composed in the core and rendered
 * by `reports/letters`.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { IsoDate } from '../core/calendar/iso-date.js';
import { DomainError } from '../core/domain-error.js';
import { DECISION_LABELS } from '../core/domain/supervision.js';
import { reasonText } from '../core/text/legal-text.js';
import { inviteToMeeting } from '../core/lifecycle/meeting-invitation.js';
import type { LetterInput, LetterSender } from '../core/letters/letter-input.js';
import { decisionLetterInput, meetingLetterInput } from '../core/letters/letter-inputs-of.js';
import { InputError } from '../files/input-error.js';
import { parseLetterInput, parseLetterSender } from '../inputs/read-letter-input.js';
import { assessYears, type AssessRequest } from './assess.js';
import { municipalityNames } from './legal-inputs.js';
import { OFFICIAL_RULES } from '../core/rules/official-rules.js';

export interface LetterCommon {
  readonly municipality: number;
  /** The folder relative file names are read from. */
  readonly cwd: string;
  /** A sender as JSON (default: the agency). */
  readonly sender?: string;
  readonly reference?: string;
}

export interface DecisionLetterRequest extends LetterCommon {
  readonly assessment: AssessRequest;
  /** The letter's date (default: the notice deadline of the assessment). */
  readonly date?: IsoDate;
}

export interface MeetingLetterRequest extends LetterCommon {
  readonly date: IsoDate;
  readonly meetingDate: IsoDate;
  readonly time?: string;
  readonly place: string;
}

async function readText(cwd: string, file: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, file), 'utf8');
  } catch {
    throw new InputError({ file, reason: 'kan ikke læses' });
  }
}

async function common(request: LetterCommon) {
  const names = await municipalityNames();
  if (!names.known.has(request.municipality))
    throw new InputError({
      file: '--municipality',
      value: String(request.municipality),
      reason: 'ukendt kommunekode (ikke blandt de 98 kommuner)',
    });
  const sender: LetterSender | undefined =
    request.sender === undefined
      ? undefined
      : parseLetterSender(await readText(request.cwd, request.sender), request.sender);
  return {
    municipality: { code: request.municipality, name: names.plainNameOf(request.municipality) },
    ...(sender === undefined ? {} : { sender }),
    ...(request.reference === undefined ? {} : { reference: request.reference }),
  };
}

/** The letter of the municipality's decision at the last assessment year run. */
export async function decisionLetter(request: DecisionLetterRequest): Promise<LetterInput> {
  const shared = await common(request);
  const { history } = await assessYears(request.assessment);
  const year = history.years[history.years.length - 1];
  const entry = year?.municipalities.find(
    (candidate) => candidate.municipality === request.municipality,
  );
  if (year === undefined || entry === undefined)
    throw new Error(`No assessment of municipality ${request.municipality}`);
  if (entry.decision.kind === 'stays_out')
    throw new DomainError(
      'no_letter',
      `${shared.municipality.name} (${request.municipality}): ${DECISION_LABELS.stays_out.toLowerCase()} ved opgørelsen af ${year.year}; der er ingen afgørelse at skrive brev om.`,
    );
  if (entry.decision.kind === 'requires_judgement')
    throw new DomainError(
      'no_letter',
      `${shared.municipality.name} (${request.municipality}): afgørelsen ved opgørelsen af ${year.year} ${DECISION_LABELS.requires_judgement.toLowerCase()} (${entry.decision.reasons
        .filter((reason) => reason.code === 'requires_judgement')
        .map(reasonText)
        .join(' ')}). Der skrives intet brev, før en person har truffet afgørelsen.`,
    );
  return decisionLetterInput({
    year,
    entry,
    date: request.date ?? year.noticeDeadline,
    ...shared,
  });
}

/** The invitation to a meeting; refused with less than the minimum notice (bek. 301 § 8). */
export async function meetingLetter(request: MeetingLetterRequest): Promise<LetterInput> {
  const shared = await common(request);
  return meetingLetterInput({
    invitation: inviteToMeeting(
      OFFICIAL_RULES,
      request.municipality,
      request.date,
      request.meetingDate,
    ),
    place: request.place,
    ...(request.time === undefined ? {} : { time: request.time }),
    ...shared,
  });
}

/** A stored letter input read back. */
export async function storedLetter(cwd: string, file: string): Promise<LetterInput> {
  return parseLetterInput(await readText(cwd, file), file);
}
