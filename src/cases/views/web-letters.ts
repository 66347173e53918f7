/**
 * The letter of a municipality's decision at the assessment of a year, as
 * the web shows it: the letter stored with the issued decision
 * (`../letters.ts`) — its stored HTML, and the PDF rendered from its stored
 * input — whatever the rules or the loads have done since. A decision
 * issued before letters were stored (or a year the case system has not
 * issued) has no stored letter: its letter is composed on request, as
 * before, from the letter input of `pipeline/letters.ts` over the
 * assessments of the first supervision year up to that year and the same
 * figures as the pages (kept in memory once composed), and is marked as
 * composed — in the HTML itself and in the answer's `source`.
 */
import type { LetterInput } from '../../core/letters/letter-input.js';
import { composeLetter, LETTER_TEMPLATE_VERSION } from '../../core/letters/compose-letter.js';
import { decisionLetter } from '../../pipeline/letters.js';
import { letterHtml } from '../../reports/letters/letter-html.js';
import { letterPdf } from '../../reports/letters/letter-pdf.js';
import { loadPdfFonts } from '../../reports/pdf/pdf-fonts.js';
import { CaseError } from '../case-error.js';
import type { CaseSystem } from '../case-system.js';
import type { LetterRow } from '../../storage/schema.js';
import { sha256, storedDecisionLetter, storedInput, storedMeetingLetter } from '../letters.js';
import type { WebDataSource } from './web-data.js';

/** The first assessment year of the regime (bek. nr. 1409/2019: the assessment of 2021). */
export const FIRST_ASSESSMENT_YEAR = 2021;

const cache = new Map<string, Promise<LetterInput>>();

export function webDecisionLetter(
  source: WebDataSource,
  municipality: number,
  year: number,
): Promise<LetterInput> {
  const key = `${String(municipality)}|${String(year)}|${JSON.stringify(source.assessmentSource())}`;
  let letter = cache.get(key);
  if (letter === undefined) {
    letter = decisionLetter({
      municipality,
      cwd: process.cwd(),
      assessment: {
        fromYear: FIRST_ASSESSMENT_YEAR,
        toYear: year,
        cwd: process.cwd(),
        source: source.assessmentSource(),
      },
    });
    cache.set(key, letter);
    letter.catch(() => cache.delete(key));
  }
  return letter;
}

/** Where a letter shown in the web comes from. */
export type WebLetterSource = 'stored' | 'composed';

/** The note a composed letter carries, on the page and in its HTML. */
export const COMPOSED_LETTER_NOTE =
  'Dette brev er ikke gemt med afgørelsen: afgørelsen er udstedt, før brevene blev gemt, eller er ikke udstedt i sagssystemet. Brevet er sammensat ved visningen ud fra opgørelsen, som den ser ud nu.';

export interface WebLetterInfo {
  readonly municipality: number;
  readonly year: number;
  readonly source: WebLetterSource;
  /** The stored letter's id (for its verification), `null` when composed. */
  readonly letterId: number | null;
  /** `YYYY-MM-DD`: the letter's date. */
  readonly letterDate: string;
  readonly kind: string;
  readonly templateVersion: string | null;
  /** The stored SHA-256 of the HTML and the PDF, `null` when composed. */
  readonly htmlSha256: string | null;
  readonly pdfSha256: string | null;
  /** Why the letter is composed, `null` when stored. */
  readonly note: string | null;
}

export interface WebLetter {
  readonly info: WebLetterInfo;
  readonly content: string | Uint8Array;
}

/** What the web knows of the letter of a decision: stored or composed, with its hashes. */
export async function webLetterInfo(
  system: CaseSystem,
  source: WebDataSource,
  municipality: number,
  year: number,
): Promise<WebLetterInfo> {
  const stored = await storedDecisionLetter(system, municipality, year);
  if (stored !== undefined)
    return {
      municipality,
      year,
      source: 'stored',
      letterId: stored.id,
      letterDate: stored.letter_date,
      kind: stored.kind,
      templateVersion: stored.template_version,
      htmlSha256: stored.html_sha256,
      pdfSha256: stored.pdf_sha256,
      note: null,
    };
  const input = await webDecisionLetter(source, municipality, year);
  return {
    municipality,
    year,
    source: 'composed',
    letterId: null,
    letterDate: input.date,
    kind: input.kind,
    templateVersion: null,
    htmlSha256: null,
    pdfSha256: null,
    note: COMPOSED_LETTER_NOTE,
  };
}

/**
 * A stored letter as HTML or PDF: its stored HTML, or the PDF rendered from
 * its stored input — refused (409) when the PDF would not be the bytes that
 * were sent (its SHA-256 differs from the stored one).
 */
export async function storedLetterContent(
  stored: LetterRow,
  format: 'html' | 'pdf',
): Promise<string | Uint8Array> {
  if (format === 'html') return stored.html;
  const pdf = await letterPdf(composeLetter(storedInput(stored)), await loadPdfFonts());
  if (sha256(pdf) !== stored.pdf_sha256)
    throw new CaseError(
      'letter_changed',
      `Brev ${String(stored.id)} kan ikke dannes som PDF med de samme bytes, som blev sendt (skabelonversion ${stored.template_version}, nu ${LETTER_TEMPLATE_VERSION}); brevets HTML vises, som det blev sendt.`,
      'conflict',
    );
  return pdf;
}

/**
 * The invitation letter stored with a municipality's meeting, as HTML or
 * PDF (as a decision's stored letter is shown); refused (404) when the
 * meeting is not the municipality's or has no stored letter (invited
 * before letters were stored).
 */
export async function webMeetingLetter(
  system: CaseSystem,
  municipality: number,
  meetingId: number,
  format: 'html' | 'pdf',
): Promise<{ readonly letterId: number; readonly content: string | Uint8Array }> {
  const stored = await storedMeetingLetter(system, municipality, meetingId);
  return { letterId: stored.id, content: await storedLetterContent(stored, format) };
}

/**
 * The letter of a decision as HTML or PDF: the stored letter (its stored
 * HTML; its PDF rendered from the stored input, checked against the stored
 * hash), or — with no stored letter — the letter composed on request, its
 * HTML marked as composed.
 */
export async function webLetter(
  system: CaseSystem,
  source: WebDataSource,
  municipality: number,
  year: number,
  format: 'html' | 'pdf',
): Promise<WebLetter> {
  const info = await webLetterInfo(system, source, municipality, year);
  const stored =
    info.letterId === null ? undefined : await storedDecisionLetter(system, municipality, year);
  if (stored !== undefined) return { info, content: await storedLetterContent(stored, format) };
  const document = composeLetter(await webDecisionLetter(source, municipality, year));
  return {
    info,
    content:
      format === 'html'
        ? letterHtml(document, { note: COMPOSED_LETTER_NOTE })
        : await letterPdf(document, await loadPdfFonts()),
  };
}
