/**
 * The letters as sent, stored with their decisions and meetings: when a run
 * is issued (`issue-run.ts`) each decision's letter is written from the
 * letter input its assessment run computed, dated with the notice's send
 * date; when a meeting is invited (`meetings.ts`) its invitation. A stored
 * letter keeps its input (the snapshot of every fact it states, the
 * template and the template's version), its HTML and text, and the SHA-256
 * of the HTML, the text and the PDF. Nothing the rules or a later load do
 * touches it: it is read back as stored, and the PDF is rendered from the
 * stored input — the same bytes each time (fixed creation date and id).
 *
 * `verifyLetter` renders the three forms again from the stored input and
 * compares their hashes with the stored ones.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { composeLetter, LETTER_TEMPLATE_VERSION } from '../core/letters/compose-letter.js';
import type { LetterInput } from '../core/letters/letter-input.js';
import { parseLetterInput } from '../inputs/read-letter-input.js';
import { letterHtml } from '../reports/letters/letter-html.js';
import { letterPdf } from '../reports/letters/letter-pdf.js';
import { letterText } from '../reports/letters/letter-text.js';
import { loadPdfFonts } from '../reports/pdf/pdf-fonts.js';
import type { DatabaseSchema, LetterRow } from '../storage/schema.js';
import type { Actor } from './actor.js';
import { CaseError } from './case-error.js';
import type { CaseSystem } from './case-system.js';
import { notCorrected } from './corrections.js';

type Db = Kysely<DatabaseSchema>;

/** A letter's three forms, rendered from its input. */
export interface RenderedLetter {
  readonly html: string;
  readonly text: string;
  readonly pdf: Uint8Array;
}

export function sha256(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The HTML, text and PDF of a letter input (the same input, the same bytes). */
export async function renderLetterForms(input: LetterInput): Promise<RenderedLetter> {
  const document = composeLetter(input);
  return {
    html: letterHtml(document),
    text: letterText(document),
    pdf: await letterPdf(document, await loadPdfFonts()),
  };
}

export interface LetterToStore {
  readonly caseId: number;
  readonly municipality: number;
  readonly input: LetterInput;
  readonly decisionId?: number;
  readonly noticeId?: number;
  readonly meetingId?: number;
  /** The letter this one replaces (re-dated, or the meeting moved). */
  readonly correctsId?: number | null;
}

/** Renders and stores a letter; returns its id. */
export async function storeLetter(
  database: Db,
  actor: Actor,
  letter: LetterToStore,
): Promise<number> {
  const rendered = await renderLetterForms(letter.input);
  const row = await database
    .insertInto('letters')
    .values({
      case_id: letter.caseId,
      municipality_code: letter.municipality,
      decision_id: letter.decisionId ?? null,
      meeting_id: letter.meetingId ?? null,
      notice_id: letter.noticeId ?? null,
      kind: letter.input.kind,
      template: letter.input.kind,
      template_version: LETTER_TEMPLATE_VERSION,
      letter_date: letter.input.date,
      input: JSON.stringify(letter.input),
      html: rendered.html,
      html_sha256: sha256(rendered.html),
      text: rendered.text,
      text_sha256: sha256(rendered.text),
      pdf_sha256: sha256(rendered.pdf),
      created_by: actor.userId ?? null,
      corrects_id: letter.correctsId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The current (not re-dated) letter of a decision or a meeting, when one is stored. */
export async function currentLetterOf(
  database: Db,
  subject: { readonly decisionId: number } | { readonly meetingId: number },
): Promise<LetterRow | undefined> {
  let query = database
    .selectFrom('letters as letter')
    .selectAll('letter')
    .where(notCorrected('letters', 'letter'))
    .orderBy('letter.id', 'desc');
  query =
    'decisionId' in subject
      ? query.where('letter.decision_id', '=', subject.decisionId)
      : query.where('letter.meeting_id', '=', subject.meetingId);
  return query.executeTakeFirst();
}

/** A stored letter's input, read back and checked as any stored letter input is. */
export function storedInput(row: Pick<LetterRow, 'id' | 'input'>): LetterInput {
  return parseLetterInput(JSON.stringify(row.input), `letters/${String(row.id)}`);
}

/**
 * The stored letter of a municipality's issued decision of an assessment
 * year (the decision not corrected, its letter not re-dated), or `undefined`
 * when the decision was issued before letters were stored (or none is).
 */
export async function storedDecisionLetter(
  system: CaseSystem,
  municipality: number,
  year: number,
): Promise<LetterRow | undefined> {
  return system.database
    .selectFrom('letters as letter')
    .innerJoin('decisions as decision', 'decision.id', 'letter.decision_id')
    .selectAll('letter')
    .where('decision.municipality_code', '=', municipality)
    .where('decision.year', '=', year)
    .where(notCorrected('decisions', 'decision'))
    .where(notCorrected('letters', 'letter'))
    .orderBy('letter.id', 'desc')
    .executeTakeFirst();
}

/**
 * The invitation letter stored with a municipality's meeting: the newest
 * letter written for that meeting (a moved meeting keeps the letter that
 * invited to it; the new meeting has its own). Refused (404) when the
 * meeting is not the municipality's or has no stored letter.
 */
export async function storedMeetingLetter(
  system: CaseSystem,
  municipality: number,
  meetingId: number,
): Promise<LetterRow> {
  const row = await system.database
    .selectFrom('letters')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .where('municipality_code', '=', municipality)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (row === undefined)
    throw new CaseError(
      'no_meeting_letter',
      `Møde ${String(meetingId)} har intet gemt indkaldelsesbrev for kommune ${String(municipality)}.`,
      'not_found',
    );
  return row;
}

/** A stored letter of a municipality by its id; refused (404) when it is not that municipality's. */
export async function storedLetter(
  system: CaseSystem,
  municipality: number,
  letterId: number,
): Promise<LetterRow> {
  const row = await system.database
    .selectFrom('letters')
    .selectAll()
    .where('id', '=', letterId)
    .where('municipality_code', '=', municipality)
    .executeTakeFirst();
  if (row === undefined)
    throw new CaseError(
      'no_such_letter',
      `Brev ${String(letterId)} findes ikke for kommune ${String(municipality)}.`,
      'not_found',
    );
  return row;
}

export interface FormCheck {
  readonly stored: string;
  readonly regenerated: string;
  readonly same: boolean;
}

export interface LetterVerification {
  readonly letterId: number;
  readonly kind: string;
  readonly letterDate: string;
  readonly templateVersion: string;
  /** The version of the templates running now. */
  readonly currentTemplateVersion: string;
  readonly html: FormCheck;
  readonly text: FormCheck;
  readonly pdf: FormCheck;
  /** All three forms regenerate byte for byte from the stored input. */
  readonly identical: boolean;
}

/**
 * Renders a stored letter again from its stored input and compares the
 * SHA-256 of each form with the one stored when the letter was sent.
 */
export async function verifyLetter(
  system: CaseSystem,
  municipality: number,
  letterId: number,
): Promise<LetterVerification> {
  const row = await storedLetter(system, municipality, letterId);
  const rendered = await renderLetterForms(storedInput(row));
  const check = (stored: string, content: string | Uint8Array): FormCheck => {
    const regenerated = sha256(content);
    return { stored, regenerated, same: stored === regenerated };
  };
  const html = check(row.html_sha256, rendered.html);
  const text = check(row.text_sha256, rendered.text);
  const pdf = check(row.pdf_sha256, rendered.pdf);
  return {
    letterId: row.id,
    kind: row.kind,
    letterDate: row.letter_date,
    templateVersion: row.template_version,
    currentTemplateVersion: LETTER_TEMPLATE_VERSION,
    html,
    text,
    pdf,
    identical: html.same && text.same && pdf.same,
  };
}
