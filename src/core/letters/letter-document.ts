/**
 * A letter as a sequence of blocks — headings, paragraphs, quoted rules,
 * lists and small tables — between the letterhead and the signature. The
 * templates (one file per kind under `templates/`) write the blocks; the
 * text, HTML and PDF renderers lay them out, each the same way every time.
 */
import type { LetterSender } from './letter-input.js';

export type LetterBlock =
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  /** A quoted sentence of the rules and where it is from. */
  | { readonly kind: 'quote'; readonly text: string; readonly source: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | {
      readonly kind: 'table';
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
      /** Columns holding figures, aligned right. */
      readonly numeric: readonly boolean[];
    };

export interface LetterDocument {
  /** The title for the document's metadata. */
  readonly title: string;
  readonly sender: LetterSender;
  readonly recipient: readonly string[];
  /** `YYYY-MM-DD` */
  readonly date: string;
  /** "30. april 2025" */
  readonly dateText: string;
  readonly reference: string | null;
  readonly subject: string;
  readonly blocks: readonly LetterBlock[];
  readonly closing: readonly string[];
}

export const heading = (text: string): LetterBlock => ({ kind: 'heading', text });
export const paragraph = (text: string): LetterBlock => ({ kind: 'paragraph', text });
export const list = (items: readonly string[]): LetterBlock => ({ kind: 'list', items });
export const quote = (text: string, source: string): LetterBlock => ({
  kind: 'quote',
  text,
  source,
});
export const table = (
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[] = columns.map(() => false),
): LetterBlock => ({ kind: 'table', columns, rows, numeric });
