/**
 * Brev: kommunen omfattes af skærpet tilsyn (udvælgelse).
 *
 * Hvad brevet siger: at opgørelsen viser, at kommunen hverken opfylder
 * resultatmålet eller fokusmålene; retsgrundlaget med den citerede
 * bestemmelse; kommunens tal; hvad tilsynet betyder (redegørelse og
 * genopretningsplan, genopretningsperiode, møde, faglig bistand); fristerne;
 * og hvornår tilsynet ophører.
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

export function selectionLetter(input: LetterInput): { subject: string; blocks: LetterBlock[] } {
  const decision = decisionOf(input);
  const account = deadlineOf(decision, 'account');
  const sampleReview = deadlineOf(decision, 'sample_review');
  const periodStart = deadlineOf(decision, 'recovery_period_start');
  const periodEnd = deadlineOf(decision, 'recovery_period_end');
  const duties = [
    `Kommunen skal senest ${account ? date(account.date) : '3 måneder efter modtagelsen af dette brev'} sende en skriftlig redegørelse til Beskæftigelsesministeriet om, hvordan kommunen vil sikre, at den fremover lever op til fokusmålene. Redegørelsen skal indeholde de initiativer, kommunen har iværksat eller påtænker at iværksætte, og en genopretningsplan med centrale milepæle, herunder hvornår kommunen forventer at leve op til fokusmålene${cite(ruleOf(decision, 'account'))}.`,
    ...(sampleReview
      ? [
          `Kommunen skal få foretaget en uvildig gennemgang af en stikprøve af sager, hvor fokusmålene ikke er opfyldt; resultatet indgår i redegørelsen${cite(sampleReview.rule)}.`,
        ]
      : []),
    `Kommunen har en genopretningsperiode${periodStart && periodEnd ? ` fra ${date(periodStart.date)} til ${date(periodEnd.date)}` : ' på 9 måneder'} til at rette op på indsatsen${cite(ruleOf(decision, 'recovery_period'))}.`,
    `Beskæftigelsesministeren kan indkalde kommunen til et møde om kommunens initiativer og indsats på baggrund af redegørelsen${cite(ruleOf(decision, 'meeting'))}.`,
    `Styrelsen for Arbejdsmarked og Rekruttering yder faglig bistand til kommunen efter redegørelsen, gennem taskforcen i arbejdsmarkedskontoret (AMK)${cite(ruleOf(decision, 'assistance'))}.`,
  ];
  return {
    subject: `${input.municipality.name} omfattes af skærpet tilsyn med beskæftigelsesindsatsen`,
    blocks: [
      paragraph(
        `Beskæftigelsesministeriet har foretaget den årlige opgørelse af kommunernes resultater og beskæftigelsesindsats for ${decision.year}. Opgørelsen viser, at kommunen hverken opfylder resultatmålet eller fokusmålene. Kommunen omfattes derfor af skærpet tilsyn med beskæftigelsesindsatsen.`,
      ),
      heading('Retsgrundlag'),
      paragraph(`Afgørelsen er truffet efter ${decision.rule.citation}:`),
      ...quoted(decision.rule),
      heading(`Kommunens resultater i ${decision.year}`),
      resultsTable(decision),
      thresholdSources(decision),
      heading('Hvad skærpet tilsyn betyder for kommunen'),
      list(duties),
      heading('Frister'),
      deadlinesTable(decision.deadlines),
      heading('Hvornår tilsynet ophører'),
      paragraph(
        `Lever kommunen op til fokusmålene ved den næste årlige opgørelse, meddeler Beskæftigelsesministeriet, at kommunen ikke længere er omfattet af skærpet tilsyn${cite(ruleOf(decision, 'supervision_ends'))}. Kommunen skal ikke selv ansøge om det.`,
      ),
      contactParagraph(input),
    ],
  };
}
