/**
 * A letter from its input: the template of its kind writes the subject and
 * the blocks; the letterhead, the recipient, the date and the signature are
 * the same for every letter. Pure: the same input gives the same letter.
 */
import type { LetterDocument, LetterBlock } from './letter-document.js';
import type { LetterInput, LetterKind } from './letter-input.js';
import { administrationContinuesLetter } from './templates/administration-continues.js';
import { administrationEndsLetter } from './templates/administration-ends.js';
import { administrationLetter } from './templates/administration.js';
import { extensionLetter } from './templates/extension.js';
import { meetingInvitationLetter } from './templates/meeting-invitation.js';
import { selectionLetter } from './templates/selection.js';
import { supervisionEndsLetter } from './templates/supervision-ends.js';
import { date } from './templates/template-kit.js';

/**
 * The version of the templates and of the renderers' layout. A stored letter
 * records it: a stored letter regenerates byte for byte from its input as
 * long as this version is the same. Raise it with any change to the words a
 * template writes or to the HTML, text or PDF layout, so that a stored
 * letter written under an earlier version is told apart (its stored HTML
 * and text stay what was sent).
 */
export const LETTER_TEMPLATE_VERSION = '1';

type Template = (input: LetterInput) => { subject: string; blocks: LetterBlock[] };

/** One template per kind of letter (one file each under `templates/`). */
export const LETTER_TEMPLATES: Readonly<Record<LetterKind, Template>> = {
  selected: selectionLetter,
  extended: extensionLetter,
  supervision_ends: supervisionEndsLetter,
  administration: administrationLetter,
  administration_continues: administrationContinuesLetter,
  administration_ends: administrationEndsLetter,
  meeting_invitation: meetingInvitationLetter,
};

export function composeLetter(input: LetterInput): LetterDocument {
  const { subject, blocks } = LETTER_TEMPLATES[input.kind](input);
  return {
    title: subject,
    sender: input.sender,
    recipient: [
      `${input.municipality.name} (kommunekode ${input.municipality.code})`,
      'Att.: Borgmesteren og direktøren for beskæftigelsesområdet',
    ],
    date: input.date,
    dateText: date(input.date),
    reference: input.reference,
    subject,
    blocks,
    closing: ['Venlig hilsen', '', input.sender.signatory, input.sender.signatoryTitle],
  };
}
