/**
 * Brev: administrationen ophører.
 *
 * Hvad brevet siger: at kommunen nu lever op til fokusmålene, så
 * minimumskravene og forpligtelsen til at få gennemgået passivsagerne
 * ophører, og kommunen er ude af det skærpede tilsyn; retsgrundlaget;
 * kommunens tal.
 */
import { heading, paragraph, type LetterBlock } from '../letter-document.js';
import type { LetterInput } from '../letter-input.js';
import {
  contactParagraph,
  minimumRequirementsInDecember,
  decisionOf,
  quoted,
  resultsTable,
  thresholdSources,
} from './template-kit.js';

export function administrationEndsLetter(input: LetterInput): {
  subject: string;
  blocks: LetterBlock[];
} {
  const decision = decisionOf(input);
  return {
    subject: `Administrationen af ${input.municipality.name} i det skærpede tilsyn ophører`,
    blocks: [
      paragraph(
        `Beskæftigelsesministeriet har foretaget den årlige opgørelse af kommunernes resultater og beskæftigelsesindsats for ${decision.year}. Opgørelsen viser, at kommunen lever op til fokusmålene. De særlige minimumskrav til indsatsen og forpligtelsen til at få foretaget en uvildig gennemgang af passivsagerne ophører derfor, og kommunen er ikke længere omfattet af skærpet tilsyn.`,
      ),
      heading('Retsgrundlag'),
      paragraph(`Afgørelsen er truffet efter ${decision.rule.citation}:`),
      ...quoted(decision.rule),
      ...minimumRequirementsInDecember(decision),
      heading(`Kommunens resultater i ${decision.year}`),
      resultsTable(decision),
      thresholdSources(decision),
      contactParagraph(input),
    ],
  };
}
