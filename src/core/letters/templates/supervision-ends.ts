/**
 * Brev: det skærpede tilsyn ophører.
 *
 * Hvad brevet siger: at kommunen nu lever op til fokusmålene, og at tilsynet
 * derfor ophører uden ansøgning; retsgrundlaget; kommunens tal.
 */
import { heading, paragraph, type LetterBlock } from '../letter-document.js';
import type { LetterInput } from '../letter-input.js';
import {
  contactParagraph,
  decisionOf,
  quoted,
  resultsTable,
  thresholdSources,
} from './template-kit.js';

export function supervisionEndsLetter(input: LetterInput): {
  subject: string;
  blocks: LetterBlock[];
} {
  const decision = decisionOf(input);
  const extended = decision.statusBefore === 'extended';
  return {
    subject: `Det skærpede tilsyn med ${input.municipality.name} ophører`,
    blocks: [
      paragraph(
        `Beskæftigelsesministeriet har foretaget den årlige opgørelse af kommunernes resultater og beskæftigelsesindsats for ${decision.year}. Kommunen, der har været omfattet af skærpet tilsyn${extended ? ' med en forlænget genopretningsperiode' : ''}, lever nu op til fokusmålene. Kommunen er derfor ikke længere omfattet af skærpet tilsyn.`,
      ),
      heading('Retsgrundlag'),
      paragraph(`Afgørelsen er truffet efter ${decision.rule.citation}:`),
      ...quoted(decision.rule),
      heading(`Kommunens resultater i ${decision.year}`),
      resultsTable(decision),
      thresholdSources(decision),
      paragraph(
        'Kommunens indsats følges fortsat måned for måned på Jobindsats.dk som for alle kommuner.',
      ),
      contactParagraph(input),
    ],
  };
}
