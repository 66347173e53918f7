/**
 * Danish wording of the legal core's results: statuses, decisions, reasons
 * and deadlines, for the CLI, the reports and the letters. Pure: the report
 * and letter content of the core states its reasons with these sentences.
 */
import type { DecisionNote } from '../assessment/decide-municipality.js';
import type { DecisionReason } from '../assessment/decision-reason.js';
import type { FocusGoalOutcome } from '../assessment/focus-goal-assessment.js';
import type { FocusGoal } from '../domain/focus-goal.js';
import { DECISION_LABELS, type SupervisionStatus } from '../domain/supervision.js';
import { danishMonth } from './danish-month.js';
import type { DeadlineKind } from '../lifecycle/deadline.js';
import { formatCitation } from '../rules/legal-source.js';
import { formatAgainst, formatDanishNumber, formatSignedAgainstZero } from '../danish-format.js';

/** The goal's name inside a sentence: "fokusmålet om samtaler". */
export const GOAL_IN_SENTENCE: Readonly<Record<FocusGoal, string>> = {
  offers: 'tilbud mv.',
  conversations: 'samtaler',
};

export const STATUS_SHORT: Readonly<Record<SupervisionStatus, string>> = {
  none: '–',
  supervised: 'skærpet tilsyn',
  extended: 'forlænget',
  administration: 'administration',
};

export const OUTCOME_TEXT: Readonly<Record<FocusGoalOutcome, string>> = {
  met: 'opfyldt',
  missed: 'ikke opfyldt',
  not_measured: 'ikke opgjort',
};

export const DEADLINE_LABELS: Readonly<Record<DeadlineKind, string>> = {
  notice: 'Meddelelse om afgørelsen senest',
  account: 'Redegørelse og genopretningsplan senest',
  sample_review: 'Uvildig stikprøvegennemgang (del af redegørelsen) senest',
  recovery_period_start: 'Genopretningsperioden begynder',
  recovery_period_end: 'Genopretningsperioden slutter',
  extension_end: 'Den forlængede genopretningsperiode slutter',
  minimum_requirements_from: 'Minimumskravene gælder fra',
  passive_case_review: 'Resultat af gennemgangen af alle passivsager senest',
};

/** A share with a decimal comma, never rounded onto the other side of its threshold. */
export function percentAgainst(value: number, threshold: number): string {
  return `${formatAgainst(value, threshold)} %`;
}

export function percent(value: number | undefined, decimals = 1): string {
  return value === undefined ? 'ikke opgjort' : `${formatDanishNumber(value, decimals)} %`;
}

/** One Danish sentence per reason. */
export function reasonText(reason: DecisionReason): string {
  switch (reason.code) {
    case 'no_selection_this_year':
      return (
        `Ingen kommune kan omfattes af skærpet tilsyn på opgørelsen af ${reason.year}` +
        (reason.firstYear === undefined
          ? ''
          : `; den første opgørelse, der kan udvælge, er opgørelsen af ${reason.firstYear}`) +
        ` (${formatCitation(reason.source)}).`
      );
    case 'result_goal_met':
      return `Resultatmålet er opfyldt: den faktiske ydelsesgrad overstiger ikke den forventede (forskel ${formatSignedAgainstZero(reason.differencePoints)} pct.-point).`;
    case 'result_goal_missed':
      return `Resultatmålet er ikke opfyldt: den faktiske ydelsesgrad er ${formatSignedAgainstZero(reason.differencePoints)} pct.-point over den forventede.`;
    case 'focus_goal_met':
      return `Fokusmålet om ${GOAL_IN_SENTENCE[reason.goal]} er opfyldt: ${percentAgainst(reason.measure, reason.threshold)} er under ${formatDanishNumber(reason.threshold)} %.`;
    case 'focus_goal_missed':
      return `Fokusmålet om ${GOAL_IN_SENTENCE[reason.goal]} er ikke opfyldt: ${percentAgainst(reason.measure, reason.threshold)} er ikke under ${formatDanishNumber(reason.threshold)} %.`;
    case 'focus_goal_not_measured':
      return `Fokusmålet om ${GOAL_IN_SENTENCE[reason.goal]} er ikke opgjort (ingen personer i målgruppen i årets måneder): det er hverken opfyldt eller ikke opfyldt.`;
    case 'focus_goal_cannot_ground': {
      const figures =
        reason.measure === undefined
          ? ''
          : ` (${percentAgainst(reason.measure, reason.threshold)}, grænse ${formatDanishNumber(reason.threshold)} %)`;
      const since = reason.firstYear === undefined ? '' : `først fra ${reason.firstYear}; `;
      return (
        `Fokusmålet om ${GOAL_IN_SENTENCE[reason.goal]} er ${OUTCOME_TEXT[reason.outcome]}${figures}, ` +
        `men kan ikke begrunde en afgørelse for opgørelsesåret ${reason.year} ` +
        `(${since}${formatCitation(reason.source)}).`
      );
    }
    case 'improvement_reached':
    case 'improvement_not_reached': {
      const needed = reason.needed ?? 0;
      const reached = reason.reached ?? 0;
      return (
        `Fremgang for ${GOAL_IN_SENTENCE[reason.goal]}: ${percent(reason.baseline)} ved udvælgelsen, ` +
        `${percent(reason.current)} nu, grænse ${formatDanishNumber(reason.threshold)} %. ` +
        // The same decimals for the required improvement, what was reached and the
        // half: with 12,5 beside 6,27 the half does not look like half.
        `Påkrævet fremgang ${formatDanishNumber(reason.required ?? 0, 2)} pct.-point, ` +
        `opnået ${formatAgainst(reached, needed, 2)} pct.-point; ` +
        (reason.code === 'improvement_reached'
          ? `mindst ${formatDanishNumber(needed, 2)} pct.-point (halvdelen) er nået.`
          : `under de ${formatDanishNumber(needed, 2)} pct.-point (halvdelen), der kræves for forlængelse.`)
      );
    }
    case 'baseline_missing':
      return `Fokusmålet om ${GOAL_IN_SENTENCE[reason.goal]} er ikke opfyldt, og målingen ved udvælgelsen er ikke registreret: fremgangen kan ikke opgøres.`;
    case 'extended_period_goals_met':
      return 'Kommunen var i en forlænget genopretningsperiode og lever nu op til fokusmålene: det skærpede tilsyn ophører efter forlængelsesbestemmelsen.';
    case 'extended_period_goals_missed':
      return 'Den forlængede genopretningsperiode er udløbet, og kommunen lever fortsat ikke op til fokusmålene.';
    case 'administration_goals_missed':
      return 'Kommunen lever fortsat ikke op til fokusmålene: minimumskravene og den årlige gennemgang af alle passivsager fortsætter.';
    case 'requires_judgement': {
      const missing = [
        ...reason.notMeasured.map(
          (goal) => `fokusmålet om ${GOAL_IN_SENTENCE[goal]} er ikke opgjort`,
        ),
        ...reason.baselineMissing.map(
          (goal) => `målingen af ${GOAL_IN_SENTENCE[goal]} ved udvælgelsen er ikke registreret`,
        ),
      ];
      return (
        `Afgørelsen kræver en vurdering: ${joinDanish(missing)}, og de kendte tal afgør ikke sagen. ` +
        `Systemet træffer ikke afgørelsen; en person afgør den. Mulige afgørelser: ` +
        `${joinDanish(
          reason.possible.map((kind) => DECISION_LABELS[kind].toLowerCase()),
          'eller',
        )}.`
      );
    }
    case 'minimum_requirement_met':
    case 'minimum_requirement_not_met': {
      const share =
        reason.share === undefined
          ? 'ingen personer i målgruppen'
          : `${formatDanishNumber(reason.met)} af ${formatDanishNumber(reason.target)} (${percentAgainst(reason.share, reason.required)})`;
      return (
        `Minimumskravet om ${REQUIREMENT_IN_SENTENCE[reason.requirement]} i ${danishMonth(reason.month)}: ${share}; ` +
        `kravet er mindst ${formatDanishNumber(reason.required)} % (${formatCitation(reason.source)}): ` +
        `${reason.code === 'minimum_requirement_met' ? 'opfyldt' : 'ikke opfyldt'}.`
      );
    }
    case 'minimum_requirement_not_measured':
      return (
        `Minimumskravet om ${REQUIREMENT_IN_SENTENCE[reason.requirement]} i ${danishMonth(reason.month)} ` +
        `(mindst ${formatDanishNumber(reason.required)} %, ${formatCitation(reason.source)}) er ikke opgjort: ` +
        'der er ingen tal for det i opgørelsens inddata.'
      );
  }
}

/** A note for the person who issues the decision, as one sentence with its source. */
export function decisionNoteText(note: DecisionNote): string {
  return `Note til den, der træffer afgørelsen: »${note.text}« (${formatCitation(note.source)})`;
}

/** The requirement's name inside a sentence. */
export const REQUIREMENT_IN_SENTENCE: Readonly<Record<FocusGoal, string>> = {
  offers: 'mindst 1 beskæftigelsesrettet tilbud årligt',
  conversations: '4 samtaler årligt',
};

/** "a, b og c" */
export function joinDanish(parts: readonly string[], last = 'og'): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${last} ${parts[parts.length - 1] ?? ''}`;
}
