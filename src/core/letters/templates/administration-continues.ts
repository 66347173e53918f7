/**
 * Brev: kommunen er fortsat under administration.
 *
 * Hvad brevet siger: at kommunen fortsat ikke lever op til fokusmålene, så
 * minimumskravene gælder fortsat, og at passivsagerne skal gennemgås igen
 * for året; fristen; kommunens tal.
 */
import { heading, paragraph, type LetterBlock } from '../letter-document.js';
import type { LetterInput } from '../letter-input.js';
import {
  cite,
  minimumRequirementsInDecember,
  contactParagraph,
  date,
  deadlineOf,
  deadlinesTable,
  decisionOf,
  quoted,
  resultsTable,
  ruleOf,
  thresholdSources,
} from './template-kit.js';
import { formatDanishNumber } from '../../danish-format.js';

export function administrationContinuesLetter(input: LetterInput): {
  subject: string;
  blocks: LetterBlock[];
} {
  const decision = decisionOf(input);
  const review = deadlineOf(decision, 'passive_case_review');
  const minimum = decision.minimumRequirements;
  return {
    subject: `${input.municipality.name} er fortsat under administration i det skærpede tilsyn`,
    blocks: [
      paragraph(
        `Beskæftigelsesministeriet har foretaget den årlige opgørelse af kommunernes resultater og beskæftigelsesindsats for ${decision.year}. Kommunen er under administration og lever fortsat ikke op til fokusmålene. Minimumskravene til indsatsen gælder derfor fortsat, og kommunen skal igen få foretaget en uvildig gennemgang af alle passivsager.`,
      ),
      heading('Retsgrundlag'),
      paragraph(`Afgørelsen er truffet efter ${decision.rule.citation}:`),
      ...quoted(decision.rule),
      paragraph(
        (minimum
          ? `Minimumskravene er mindst 1 beskæftigelsesrettet tilbud årligt til mindst ${formatDanishNumber(minimum.offersPercent)} pct. og 4 samtaler årligt til mindst ${formatDanishNumber(minimum.conversationsPercent)} pct. af ydelsesmodtagerne med et forløb på mindst 12 måneder, jf. ${minimum.rule.citation}. `
          : '') +
          `Gennemgangen omfatter alle sager, hvor fokusmålenes minimumskrav ikke var opfyldt pr. 31. december ${decision.year}, og resultatet sendes til Beskæftigelsesministeriet senest ${review ? date(review.date) : '3 måneder efter modtagelsen af dette brev'} med kommunens initiativer${cite(ruleOf(decision, 'passive_case_review'))}.`,
      ),
      ...minimumRequirementsInDecember(decision),
      heading(`Kommunens resultater i ${decision.year}`),
      resultsTable(decision),
      thresholdSources(decision),
      heading('Frister'),
      deadlinesTable(decision.deadlines),
      contactParagraph(input),
    ],
  };
}
