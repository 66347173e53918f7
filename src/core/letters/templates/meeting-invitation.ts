/**
 * Brev: indkaldelse til møde med beskæftigelsesministeren.
 *
 * Hvad brevet siger: tid og sted; formålet (kommunens initiativer og indsats
 * på baggrund af redegørelsen og genopretningsplanen); retsgrundlaget med
 * kravet om mindst en uges varsel, og det varsel, der er givet.
 */
import { heading, paragraph, quote, type LetterBlock } from '../letter-document.js';
import type { LetterInput } from '../letter-input.js';
import { contactParagraph, date } from './template-kit.js';

export function meetingInvitationLetter(input: LetterInput): {
  subject: string;
  blocks: LetterBlock[];
} {
  const meeting = input.meeting;
  if (meeting === null) throw new Error('A meeting invitation needs the meeting’s facts');
  const when = `${date(meeting.meetingDate)}${meeting.time === null ? '' : ` kl. ${meeting.time}`}`;
  return {
    subject: `Indkaldelse til møde om beskæftigelsesindsatsen i ${input.municipality.name} den ${date(meeting.meetingDate)}`,
    blocks: [
      paragraph(
        `Beskæftigelsesministeren indkalder hermed kommunen til et møde ${when}, ${meeting.place}, for at drøfte kommunens initiativer og indsats på baggrund af kommunens redegørelse og genopretningsplan i det skærpede tilsyn, herunder eventuelle særlige udfordringer for kommunen.`,
      ),
      paragraph(
        'Ministeren ser frem til at drøfte redegørelsen og den indsats, genopretningsplanen lægger op til, med kommunens borgmester og de ansvarlige for beskæftigelsesindsatsen.',
      ),
      heading('Retsgrundlag'),
      paragraph(`Mødet indkaldes efter ${meeting.rule.citation}:`),
      ...(meeting.rule.quote === null ? [] : [quote(meeting.rule.quote, meeting.rule.citation)]),
      paragraph(
        `Mødet skal indkaldes med mindst ${meeting.minimumNoticeDays} dages varsel. Denne indkaldelse er sendt ${date(input.date)}, ${meeting.noticeDays} dage før mødet.`,
      ),
      paragraph('Vi beder kommunen bekræfte, hvem der deltager i mødet.'),
      contactParagraph(input),
    ],
  };
}
