/**
 * Brev: genopretningsperioden forlænges med 12 måneder.
 *
 * Hvad brevet siger: at kommunen ikke fuldt ud lever op til fokusmålene, men
 * har opnået mindst halvdelen af den påkrævede fremgang; tallene bag —
 * målingen ved udvælgelsen (udgangspunktet), målingen nu, grænsen, den
 * påkrævede og den opnåede fremgang; retsgrundlaget; den nye frist; og hvad
 * der sker ved næste opgørelse.
 */
import { FOCUS_GOAL_LABELS } from '../../domain/focus-goal.js';
import { heading, paragraph, table, type LetterBlock } from '../letter-document.js';
import type { LetterInput } from '../letter-input.js';
import {
  cite,
  contactParagraph,
  date,
  deadlineOf,
  deadlinesTable,
  decisionOf,
  percent,
  points,
  quoted,
  resultsTable,
  ruleOf,
  thresholdSources,
} from './template-kit.js';

export function extensionLetter(input: LetterInput): { subject: string; blocks: LetterBlock[] } {
  const decision = decisionOf(input);
  const end = deadlineOf(decision, 'extension_end');
  const selected =
    decision.selectedYear === null ? '' : ` (opgørelsen af ${decision.selectedYear})`;
  return {
    subject: `Genopretningsperioden for ${input.municipality.name} forlænges med 12 måneder`,
    blocks: [
      paragraph(
        `Beskæftigelsesministeriet har foretaget den årlige opgørelse af kommunernes resultater og beskæftigelsesindsats for ${decision.year}. Kommunen er omfattet af skærpet tilsyn og lever endnu ikke fuldt ud op til fokusmålene, men har opnået mindst halvdelen af den påkrævede fremgang i indsatsen. Genopretningsperioden forlænges derfor med 12 måneder${end ? ` til ${date(end.date)}` : ''}.`,
      ),
      heading('Retsgrundlag'),
      paragraph(`Afgørelsen er truffet efter ${decision.rule.citation}:`),
      ...quoted(decision.rule),
      heading('Fremgangen i indsatsen'),
      paragraph(
        `Den påkrævede fremgang er forskellen mellem kommunens måling ved udvælgelsen${selected} og grænsen; kommunen skal have opnået mindst halvdelen af den${cite(ruleOf(decision, 'extension_fraction'))}.`,
      ),
      table(
        [
          'Fokusmål',
          'Ved udvælgelsen',
          'Nu',
          'Grænse',
          'Påkrævet fremgang',
          'Halvdelen',
          'Opnået fremgang',
        ],
        decision.improvements.map((improvement) => [
          FOCUS_GOAL_LABELS[improvement.goal],
          percent(improvement.baseline),
          percent(improvement.current, improvement.threshold),
          `under ${percent(improvement.threshold)}`,
          points(improvement.required, 2),
          points(improvement.needed, 2),
          points(improvement.reached, 2),
        ]),
        [false, true, true, true, true, true, true],
      ),
      heading(`Kommunens resultater i ${decision.year}`),
      resultsTable(decision),
      thresholdSources(decision),
      heading('Frister'),
      deadlinesTable(decision.deadlines),
      heading('Ved den næste årlige opgørelse'),
      paragraph(
        `Lever kommunen op til fokusmålene ved den næste årlige opgørelse, ophører det skærpede tilsyn${cite(ruleOf(decision, 'extension_ends'))}. Lever kommunen fortsat ikke op til fokusmålene efter den forlængede genopretningsperiode, skal kommunen leve op til særlige minimumskrav og få foretaget en uvildig gennemgang af sager${cite(ruleOf(decision, 'administration'))}.`,
      ),
      contactParagraph(input),
    ],
  };
}
