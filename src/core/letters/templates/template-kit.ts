/**
 * What the letter templates share: the figures in Danish, the table of the
 * municipality's results, the list of deadlines and the quoted rule. A
 * template file reads as the letter it writes; the wording shared by several
 * letters lives here.
 */
import { formatDanishDate, type IsoDate } from '../../calendar/iso-date.js';
import { FOCUS_GOAL_LABELS, FOCUS_GOALS } from '../../domain/focus-goal.js';
import { formatAgainst, formatDanishNumber, formatSignedAgainstZero } from '../../danish-format.js';
import { heading, paragraph, quote, table, type LetterBlock } from '../letter-document.js';
import type { CitedRule, DecisionFacts, LetterDeadline, LetterInput } from '../letter-input.js';

/** "30. april 2025" */
export function date(text: string): string {
  return formatDanishDate(text as IsoDate);
}

/** "24,8 %" */
export function percent(value: number | null, against?: number): string {
  if (value === null) return 'ikke opgjort';
  return `${against === undefined ? formatDanishNumber(value, 1) : formatAgainst(value, against)} %`;
}

/** "4,0 procentpoint" */
export function points(value: number | null, decimals = 1): string {
  return value === null ? 'ikke opgjort' : `${formatDanishNumber(value, decimals)} procentpoint`;
}

/** "Frederiksberg (kommunekode 147)" */
export function municipalityName(input: LetterInput): string {
  return `${input.municipality.name} (kommunekode ${input.municipality.code})`;
}

/** The decision facts of a decision letter (a template is only called with them). */
export function decisionOf(input: LetterInput): DecisionFacts {
  if (input.decision === null) throw new Error(`A ${input.kind} letter needs the decision's facts`);
  return input.decision;
}

/** A rule by name from the decision's rules, e.g. `account`; `undefined` when the version has none. */
export function ruleOf(decision: DecisionFacts, name: string): CitedRule | undefined {
  return decision.rules[name] ?? undefined;
}

/** "jf. bek. nr. 301 af 20/03/2023 § 7" — or nothing when there is no such rule. */
export function cite(rule: CitedRule | undefined): string {
  return rule === undefined ? '' : `, jf. ${rule.citation}`;
}

/** The rule quoted, when the rules carry its sentence. */
export function quoted(rule: CitedRule): LetterBlock[] {
  return rule.quote === null ? [] : [quote(rule.quote, rule.citation)];
}

const OUTCOME = { met: 'Opfyldt', missed: 'Ikke opfyldt', not_measured: 'Ikke opgjort' } as const;

/** The table of the municipality's results at the assessment: the result goal and both focus goals. */
export function resultsTable(decision: DecisionFacts): LetterBlock {
  const result = decision.resultGoal;
  return table(
    ['Mål', 'Kommunens resultat', 'Kravet', 'Vurdering'],
    [
      [
        'Resultatmålet: faktisk ydelsesgrad',
        `${formatDanishNumber(result.actualShare, 2)} % (forventet ${formatDanishNumber(result.expectedShare, 2)} %, forskel ${formatSignedAgainstZero(result.differencePoints)} procentpoint)`,
        'Højst den forventede',
        result.met ? 'Opfyldt' : 'Ikke opfyldt',
      ],
      ...FOCUS_GOALS.map((goal) => {
        const facts = decision.focusGoals[goal];
        return [
          `Fokusmålet om ${FOCUS_GOAL_LABELS[goal].toLowerCase()}: andel passive, gns. 12 mdr.`,
          percent(facts.measure, facts.threshold),
          `Under ${formatDanishNumber(facts.threshold)} %`,
          OUTCOME[facts.outcome] +
            (facts.canGround ? '' : ' (kan ikke begrunde en afgørelse i år)'),
        ];
      }),
    ],
    [false, true, false, false],
  );
}

/** The notes under the results table: where the thresholds come from. */
export function thresholdSources(decision: DecisionFacts): LetterBlock {
  const sources = FOCUS_GOALS.map(
    (goal) =>
      `fokusmålet om ${FOCUS_GOAL_LABELS[goal].toLowerCase()}: ${decision.focusGoals[goal].thresholdRule.citation}`,
  );
  return paragraph(
    `Opgørelsen omfatter perioden 1. januar – 31. december ${decision.year}. Grænserne følger af ${sources.join(' og ')}. Resultatmålet er, at den faktiske ydelsesgrad ikke må overstige den forventede ud fra kommunens rammevilkår.`,
  );
}

/** The deadlines as a table: date, what, the rule. */
export function deadlinesTable(deadlines: readonly LetterDeadline[]): LetterBlock {
  return table(
    ['Dato', 'Hvad', 'Hjemmel'],
    deadlines.map((deadline) => [date(deadline.date), deadline.label, deadline.rule.citation]),
  );
}

/** The closing paragraph with the sender's contact details. */
export function contactParagraph(input: LetterInput): LetterBlock {
  return paragraph(
    `Har kommunen spørgsmål til brevet, er I velkomne til at kontakte ${input.sender.unit} i ${input.sender.authority} på ${input.sender.email} eller telefon ${input.sender.phone}.`,
  );
}

/** The deadline of a kind, e.g. `account`. */
export function deadlineOf(decision: DecisionFacts, kind: string): LetterDeadline | undefined {
  return decision.deadlines.find((deadline) => deadline.kind === kind);
}

/**
 * Under administration: whether the minimum requirements were met in
 * December of the assessment year, as the assessment states it; nothing for
 * a letter input without them.
 */
export function minimumRequirementsInDecember(decision: DecisionFacts): LetterBlock[] {
  const sentences = decision.minimumRequirementsInDecember ?? [];
  if (sentences.length === 0) return [];
  return [
    heading(`Minimumskravene i december ${decision.year}`),
    ...sentences.map((sentence) => paragraph(sentence)),
  ];
}
