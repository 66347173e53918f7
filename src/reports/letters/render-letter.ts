/**
 * A letter input rendered in one of its forms: PDF, plain text, HTML, or the
 * input itself as JSON (what the case system stores with the decision).
 */
import { composeLetter } from '../../core/letters/compose-letter.js';
import type { LetterInput } from '../../core/letters/letter-input.js';
import type { PdfFonts } from '../pdf/pdf-fonts.js';
import { letterHtml } from './letter-html.js';
import { letterPdf } from './letter-pdf.js';
import { letterText } from './letter-text.js';

export const LETTER_FORMATS = ['pdf', 'txt', 'html', 'json'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

export async function renderLetter(
  input: LetterInput,
  format: LetterFormat,
  fonts: PdfFonts,
): Promise<Uint8Array | string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(input, null, 2)}\n`;
    case 'txt':
      return letterText(composeLetter(input));
    case 'html':
      return letterHtml(composeLetter(input));
    case 'pdf':
      return letterPdf(composeLetter(input), fonts);
  }
}
