/**
 * Brev: kommunen sættes under administration.
 *
 * Hvad brevet siger: at kommunen fortsat ikke lever op til fokusmålene efter
 * genopretningsperioden; retsgrundlaget; de særlige minimumskrav (uden
 * alternativet med ordinære løntimer: en retlig forpligtelse) og hvornår de
 * gælder fra; den uvildige gennemgang af alle passivsager, hvad den omfatter
 * og fristen; at kommunen afholder udgifterne; kommunens tal; og hvornår
 * forpligtelserne ophører.
 */
import { heading, list, paragraph, type LetterBlock } from '../letter-document.js';
import type { LetterInput } from '../letter-input.js';
import {
  cite,
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

export function administrationLetter(input: LetterInput): {
  subject: string;
  blocks: LetterBlock[];
} {
  const decision = decisionOf(input);
  const from = deadlineOf(decision, 'minimum_requirements_from');
  const review = deadlineOf(decision, 'passive_case_review');
  const minimum = decision.minimumRequirements;
  const reviewRule = ruleOf(decision, 'passive_case_review');
  return {
    subject: `${input.municipality.name} sættes under administration i det skærpede tilsyn`,
    blocks: [
      paragraph(
        `Beskæftigelsesministeriet har foretaget den årlige opgørelse af kommunernes resultater og beskæftigelsesindsats for ${decision.year}. Kommunen har været omfattet af skærpet tilsyn og lever efter genopretningsperioden fortsat ikke op til fokusmålene. Kommunen skal derfor leve op til særlige minimumskrav til indsatsen og få foretaget en uvildig gennemgang af alle passivsager.`,
      ),
      heading('Retsgrundlag'),
      paragraph(`Afgørelsen er truffet efter ${decision.rule.citation}:`),
      ...quoted(decision.rule),
      heading('Minimumskravene'),
      paragraph(
        `Jobcenteret skal${from ? ` fra ${date(from.date)}` : ' med virkning fra den efterfølgende måned'} give` +
          (minimum
            ? ` mindst 1 beskæftigelsesrettet tilbud årligt til mindst ${formatDanishNumber(minimum.offersPercent)} pct. og 4 samtaler årligt til mindst ${formatDanishNumber(minimum.conversationsPercent)} pct.`
            : ' tilbud og samtaler') +
          ` af den samlede gruppe af ydelsesmodtagere, som har haft et ydelsesforløb med en samlet varighed på mindst 12 måneder${minimum ? `, jf. ${minimum.rule.citation}` : ''}. Til forskel fra fokusmålene er minimumskravene en retlig forpligtelse, og ordinære løntimer træder ikke i stedet for et tilbud.`,
      ),
      heading('Gennemgangen af alle passivsager'),
      list([
        `Kommunen skal hvert år få foretaget en uvildig gennemgang af sagerne i de ydelsesgrupper, hvor kommunen fortsat ikke lever op til fokusmålene. Gennemgangen omfatter alle sager, hvor fokusmålenes minimumskrav (mindst 1 tilbud og 4 samtaler inden for de seneste 12 måneder) ikke var opfyldt pr. 31. december ${decision.year}${cite(reviewRule)}.`,
        'Gennemgangen skal belyse årsagerne til, at indsatsen ikke lever op til minimumskravene, herunder organisatoriske, ledelsesmæssige og administrative forhold i kommunen.',
        `Resultatet sendes til Beskæftigelsesministeriet senest ${review ? date(review.date) : '3 måneder efter modtagelsen af dette brev'} sammen med de initiativer, kommunen har iværksat eller påtænker at iværksætte.`,
        'Kommunen afholder udgifterne til sagsgennemgangen (lov om organisering og understøttelse af beskæftigelsesindsatsen m.v. § 22 e).',
      ]),
      heading(`Kommunens resultater i ${decision.year}`),
      resultsTable(decision),
      thresholdSources(decision),
      heading('Frister'),
      deadlinesTable(decision.deadlines),
      heading('Hvornår forpligtelserne ophører'),
      paragraph(
        `Minimumskravene og forpligtelsen til at få gennemgået passivsagerne ophører, når det ved den årlige opgørelse kan konstateres, at kommunen lever op til fokusmålene${cite(ruleOf(decision, 'administration_ends'))}.`,
      ),
      contactParagraph(input),
    ],
  };
}
