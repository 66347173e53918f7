/**
 * The readable Danish report of `tilsyn assess`: per assessment year the
 * rules, the national figures, a table of the municipalities with a decision
 * (or all with `all`), and each decision with its reasons, § and deadlines.
 */
import { formatDanishDate } from '../core/calendar/iso-date.js';
import { DECISION_LABELS, type DecisionKind } from '../core/domain/supervision.js';
import { FOCUS_GOALS } from '../core/domain/focus-goal.js';
import type { FocusGoalAssessment } from '../core/assessment/focus-goal-assessment.js';
import type { ResultGoalAssessment } from '../core/assessment/result-goal.js';
import type {
  CaseHistory,
  CaseYear,
  MunicipalityCaseYear,
} from '../core/lifecycle/run-assessments.js';
import { formatCitation, formatParagraph } from '../core/rules/legal-source.js';
import { formatAgainst, formatSignedAgainstZero } from './comparable-number.js';
import { formatDanishNumber } from '../core/danish-format.js';
import {
  DEADLINE_LABELS,
  GOAL_IN_SENTENCE,
  OUTCOME_TEXT,
  STATUS_SHORT,
  decisionNoteText,
  percent,
  reasonText,
} from './legal-text.js';
import { renderTable } from './text-table.js';
import { goalThreshold } from '../core/rules/rules-in-force.js';

export interface AssessmentReportOptions {
  /** List every municipality in the table, not only those with a decision or at risk. */
  readonly all: boolean;
}

export function assessmentReport(
  history: CaseHistory,
  nameOf: (code: number) => string,
  options: AssessmentReportOptions,
): string {
  const sections = history.years.map((year) => yearReport(year, nameOf, options));
  if (history.years.length > 1) sections.push(lifeOfCases(history, nameOf));
  return `${sections.join('\n\n')}\n`;
}

/** Where the year's expected rates come from: every distinct source, in order of first use. */
function ratesSources(year: CaseYear): string {
  return [...new Set(year.municipalities.map((entry) => entry.resultGoal.source))].join('; ');
}

/** A municipality worth showing: a decision other than staying out, or missing both kinds of goal. */
function isNotable(entry: MunicipalityCaseYear): boolean {
  if (entry.decision.kind !== 'stays_out') return true;
  return (
    !entry.resultGoal.met && FOCUS_GOALS.some((goal) => entry.focusGoals[goal].outcome === 'missed')
  );
}

function yearReport(
  year: CaseYear,
  nameOf: (code: number) => string,
  options: AssessmentReportOptions,
): string {
  const rules = year.rules;
  const version = rules.version;
  const paragraphs =
    version.paragraphsOf.id === version.instrument.id
      ? ''
      : `; §§ efter ${version.paragraphsOf.citation}`;
  const thresholds = FOCUS_GOALS.map((goal) => {
    const grounds = year.groundingGoals.includes(goal)
      ? ''
      : ` (kan ikke begrunde en afgørelse for ${year.year})`;
    return `${GOAL_IN_SENTENCE[goal]} under ${formatDanishNumber(goalThreshold(rules, goal).value)} %${grounds}`;
  });
  const lines = [
    `Årlig opgørelse ${year.year} — regler ${version.id} (${version.instrument.citation}${paragraphs})`,
    `Offentliggøres senest ${formatDanishDate(year.publicationDate)}; meddelelser senest ${formatDanishDate(year.noticeDeadline)}.`,
    `Fokusmål: ${thresholds.join(', ')}.`,
    `Resultatmål: forventede ydelsesgrader fra ${ratesSources(year)}.`,
    `Landsplan, gennemsnit de seneste 12 mdr. i december ${year.year}: ` +
      FOCUS_GOALS.map(
        (goal) => `${GOAL_IN_SENTENCE[goal]} ${percent(year.national[goal].value)}`,
      ).join(', ') +
      '.',
  ];
  if (!year.canSelect) {
    lines.push(
      `Ingen kommune kan omfattes af skærpet tilsyn på opgørelsen af ${year.year} (${formatCitation(rules.entry('transition.first_selection_year').source)}).`,
    );
  }
  lines.push('', `Afgørelser: ${decisionCounts(year)}.`, '');
  const shown = year.municipalities.filter((entry) => options.all || isNotable(entry));
  if (shown.length > 0) {
    lines.push(
      ...renderTable(
        [
          'Kommune',
          'Resultatmål (pct.-point)',
          'Tilbud mv. (%)',
          'Samtaler (%)',
          'Før',
          'Afgørelse',
          'Hjemmel',
        ],
        shown.map((entry) => [
          nameOf(entry.municipality),
          resultCell(entry.resultGoal),
          goalCell(entry.focusGoals.offers),
          goalCell(entry.focusGoals.conversations),
          STATUS_SHORT[entry.before.status],
          DECISION_LABELS[entry.decision.kind],
          formatParagraph(entry.decision.legalBasis),
        ]),
      ),
    );
  }
  if (shown.some((entry) => FOCUS_GOALS.some((goal) => !entry.focusGoals[goal].canGround)))
    lines.push(`  * Fokusmålet kan ikke begrunde en afgørelse for opgørelsesåret ${year.year}.`);
  const hidden = year.municipalities.length - shown.length;
  if (hidden > 0) {
    lines.push(
      `  ${hidden} øvrige kommuner omfattes ikke af skærpet tilsyn og opfylder resultatmålet eller fokusmålene (vis dem med --all).`,
    );
  }
  const decided = shown.filter(isNotable);
  for (const entry of decided) lines.push('', ...decisionDetails(entry, nameOf));
  return lines.join('\n');
}

/** "omfattes ikke af skærpet tilsyn: 95, omfattes af skærpet tilsyn: 3" */
export function decisionCounts(year: CaseYear): string {
  const counts = new Map<DecisionKind, number>();
  for (const entry of year.municipalities)
    counts.set(entry.decision.kind, (counts.get(entry.decision.kind) ?? 0) + 1);
  return [...counts.entries()]
    .map(([kind, count]) => `${DECISION_LABELS[kind].toLowerCase()}: ${count}`)
    .join(', ');
}

function resultCell(result: ResultGoalAssessment): string {
  return `${formatSignedAgainstZero(result.differencePoints)} ${result.met ? 'opfyldt' : 'ikke opfyldt'}`;
}

function goalCell(goal: FocusGoalAssessment): string {
  if (goal.measure === undefined) return OUTCOME_TEXT.not_measured;
  const mark = goal.outcome === 'met' ? 'opfyldt' : 'ikke opfyldt';
  return `${formatAgainst(goal.measure, goal.threshold.value)} ${mark}${goal.canGround ? '' : '*'}`;
}

function decisionDetails(entry: MunicipalityCaseYear, nameOf: (code: number) => string): string[] {
  const lines = [
    `  ${nameOf(entry.municipality)}: ${DECISION_LABELS[entry.decision.kind]} — ${formatCitation(entry.decision.legalBasis)}`,
    ...entry.decision.reasons.map((reason) => `    • ${reasonText(reason)}`),
    ...entry.decision.notes.map((note) => `    ${decisionNoteText(note)}`),
  ];
  if (entry.deadlines.length > 0) {
    lines.push(
      '    Frister:',
      ...entry.deadlines.map(
        (deadline) =>
          `      ${formatDanishDate(deadline.date).padEnd(18)} ${DEADLINE_LABELS[deadline.kind]} (${formatCitation(deadline.legalBasis)})`,
      ),
    );
  }
  return lines;
}

/** Over several years: each municipality that had a case, its decisions year by year. */
export function lifeOfCases(history: CaseHistory, nameOf: (code: number) => string): string {
  const codes = new Set<number>();
  for (const year of history.years)
    for (const entry of year.municipalities)
      if (entry.decision.kind !== 'stays_out' || entry.before.status !== 'none')
        codes.add(entry.municipality);
  const lines = [`Sagsforløb ${history.fromYear}–${history.toYear}`, ''];
  if (codes.size === 0)
    return [...lines, '  Ingen kommune har været omfattet af skærpet tilsyn.'].join('\n');
  const rows = [...codes]
    .sort((a, b) => a - b)
    .map((code) => [
      nameOf(code),
      ...history.years.map((year) => {
        const entry = year.municipalities.find((candidate) => candidate.municipality === code);
        return entry ? SHORT_DECISION[entry.decision.kind] : '';
      }),
    ]);
  lines.push(...renderTable(['Kommune', ...history.years.map((year) => String(year.year))], rows));
  return lines.join('\n');
}

const SHORT_DECISION: Readonly<Record<DecisionKind, string>> = {
  selected: 'udvalgt',
  stays_out: '–',
  supervision_ends: 'ophør',
  extended: 'forlænget',
  administration: 'administration',
  administration_continues: 'fortsat adm.',
  administration_ends: 'adm. ophører',
  requires_judgement: 'vurdering',
};
