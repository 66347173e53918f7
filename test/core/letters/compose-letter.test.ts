import { describe, expect, it } from 'vitest';
import { composeLetter, LETTER_TEMPLATES } from '../../../src/core/letters/compose-letter.js';
import {
  DEFAULT_SENDER,
  LETTER_INPUT_SCHEMA,
  LETTER_KINDS,
  type LetterInput,
} from '../../../src/core/letters/letter-input.js';
import { meetingLetterInput } from '../../../src/core/letters/letter-inputs-of.js';
import { inviteToMeeting } from '../../../src/core/lifecycle/meeting-invitation.js';
import { isoDate } from '../../../src/core/calendar/iso-date.js';
import { OFFICIAL_RULES } from '../../../src/core/rules/official-rules.js';

describe('the letter templates', () => {
  it('have one template for every kind of letter', () => {
    expect(Object.keys(LETTER_TEMPLATES).sort()).toEqual([...LETTER_KINDS].sort());
  });

  it('compose the same letter from an input and from its JSON copy (what the case system stores)', () => {
    const input = meetingLetterInput({
      invitation: inviteToMeeting(
        OFFICIAL_RULES,
        461,
        isoDate('2024-09-02'),
        isoDate('2024-09-09'),
      ),
      municipality: { code: 461, name: 'Odense' },
      place: 'i Beskæftigelsesministeriet',
      time: '10.00',
      reference: '24/999',
    });
    const stored = JSON.parse(JSON.stringify(input)) as LetterInput;
    expect(stored).toEqual(input);
    expect(composeLetter(stored)).toEqual(composeLetter(input));
    const letter = composeLetter(input);
    expect(letter.dateText).toBe('2. september 2024');
    expect(letter.recipient[0]).toBe('Odense (kommunekode 461)');
    expect(letter.subject).toBe(
      'Indkaldelse til møde om beskæftigelsesindsatsen i Odense den 9. september 2024',
    );
    expect(letter.blocks).toContainEqual({
      kind: 'paragraph',
      text: 'Mødet skal indkaldes med mindst 7 dages varsel. Denne indkaldelse er sendt 2. september 2024, 7 dage før mødet.',
    });
  });

  it('refuse a decision letter without the decision’s facts', () => {
    const input: LetterInput = {
      schema: LETTER_INPUT_SCHEMA,
      kind: 'selected',
      date: '2025-04-30',
      municipality: { code: 101, name: 'København' },
      reference: null,
      sender: DEFAULT_SENDER,
      decision: null,
      meeting: null,
    };
    expect(() => composeLetter(input)).toThrow("A selected letter needs the decision's facts");
  });
});
