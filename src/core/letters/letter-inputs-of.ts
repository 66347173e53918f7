/**
 * The letter inputs of a decision of an annual assessment and of a meeting
 * invitation: every fact the letter states is copied in, with the rule it
 * rests on, so the stored input regenerates the letter by itself.
 */
import type { IsoDate } from '../calendar/iso-date.js';
import { isMinimumRequirementReason } from '../assessment/decision-reason.js';
import { FOCUS_GOALS } from '../domain/focus-goal.js';
import { DECISION_LABELS, STATUS_AFTER, type RuleDecisionKind } from '../domain/supervision.js';
import { decisionDeadlines } from '../lifecycle/decision-deadlines.js';
import type { MeetingInvitation } from '../lifecycle/meeting-invitation.js';
import type { CaseYear, MunicipalityCaseYear } from '../lifecycle/run-assessments.js';
import type { RulesInForce } from '../rules/rules-in-force.js';
import { formatCitation, type LegalSource } from '../rules/legal-source.js';
import { DECISION_BASIS_NODES, decisionBasis } from '../rules/decision-basis.js';
import type { MunicipalityLabel } from '../status-report/status-report-types.js';
import { DEADLINE_LABELS, reasonText } from '../text/legal-text.js';
import {
  DEFAULT_SENDER,
  LETTER_INPUT_SCHEMA,
  type CitedRule,
  type LetterDeadline,
  type LetterInput,
  type LetterKind,
  type LetterSender,
} from './letter-input.js';

export function citedRule(source: LegalSource): CitedRule {
  return {
    citation: formatCitation(source),
    quote: source.kind === 'citation' ? (source.quote ?? null) : null,
  };
}

export interface DecisionLetterRequest {
  readonly year: CaseYear;
  readonly entry: MunicipalityCaseYear;
  readonly municipality: MunicipalityLabel;
  /** The letter's date: the date of the notice; the deadlines run from it. */
  readonly date: IsoDate;
  readonly sender?: LetterSender;
  readonly reference?: string;
  /**
   * The decision a person took where the assessment required judgement:
   * the letter is that decision's, on the facts the assessment found.
   */
  readonly decided?: LetterDecisionKind;
}

/** The decisions that have a letter. */
export type LetterDecisionKind = Exclude<RuleDecisionKind, 'stays_out'>;

/**
 * Whether a decision has a letter: every decision except staying out, and
 * except `requires_judgement` — nothing is sent until a person has decided
 * (the letter is then the letter of that decision).
 */
export function hasLetter(entry: MunicipalityCaseYear): boolean {
  return entry.decision.kind !== 'stays_out' && entry.decision.kind !== 'requires_judgement';
}

export function decisionLetterInput(request: DecisionLetterRequest): LetterInput {
  const { year, entry, date, decided } = request;
  const assessed = entry.decision.kind;
  if (decided !== undefined && assessed !== 'requires_judgement')
    throw new Error('Only a decision that requires judgement is decided by a person');
  const kind = decided ?? assessed;
  if (kind === 'stays_out')
    throw new Error('A municipality that stays out of supervision gets no letter');
  if (kind === 'requires_judgement')
    throw new Error('A decision that requires judgement gets no letter until a person decides');
  const rules = year.rules;
  const basis = decided === undefined ? entry.decision.legalBasis : decisionBasis(rules, decided);
  if (basis === undefined) throw new Error(`The rules in force have no basis for ${kind}`);
  const statusAfter = decided === undefined ? entry.after.status : STATUS_AFTER[decided];
  const ruleMap: Record<string, CitedRule | null> = {};
  for (const name of Object.keys(DECISION_BASIS_NODES) as (keyof typeof DECISION_BASIS_NODES)[]) {
    const source = decisionBasis(rules, name);
    ruleMap[name] = source === undefined ? null : citedRule(source);
  }
  ruleMap['recovery_period'] = citedRule(rules.entry('deadlines.recovery_period_months').source);
  ruleMap['extension_months'] = citedRule(rules.entry('deadlines.extension_months').source);
  ruleMap['extension_fraction'] = citedRule(
    rules.entry('supervision.extension_improvement_fraction').source,
  );
  const offersRequirement = rules.entry('administration.minimum.offers_share');
  const conversationsRequirement = rules.value('administration.minimum.conversations_share');
  const selectedYear =
    decided === 'selected'
      ? year.year
      : ((statusAfter !== 'none' && decided === undefined ? entry.after : entry.before)
          .selectedYear ?? null);
  const december = entry.decision.reasons.filter(isMinimumRequirementReason).map(reasonText);
  return {
    schema: LETTER_INPUT_SCHEMA,
    kind: kind satisfies LetterKind,
    date,
    municipality: request.municipality,
    reference: request.reference ?? null,
    sender: request.sender ?? DEFAULT_SENDER,
    decision: {
      year: year.year,
      instrument: rules.version.instrument.citation,
      paragraphsOf: rules.version.paragraphsOf.citation,
      publicationDate: year.publicationDate,
      kind,
      label: DECISION_LABELS[kind],
      rule: citedRule(basis),
      statusBefore: entry.before.status,
      statusAfter,
      selectedYear,
      resultGoal: {
        expectedShare: entry.resultGoal.expectedShare,
        actualShare: entry.resultGoal.actualShare,
        differencePoints: entry.resultGoal.differencePoints,
        met: entry.resultGoal.met,
      },
      focusGoals: {
        offers: goalFacts('offers'),
        conversations: goalFacts('conversations'),
      },
      improvements: entry.improvements.map((improvement) => ({
        goal: improvement.goal,
        baseline: improvement.baseline ?? null,
        current: improvement.current,
        threshold: improvement.threshold,
        required: improvement.required ?? null,
        reached: improvement.reached ?? null,
        needed: improvement.needed ?? null,
        sufficient: improvement.sufficient,
      })),
      deadlines: letterDeadlines(kind, year.year, rules, date),
      minimumRequirements:
        kind === 'administration' || kind === 'administration_continues'
          ? {
              offersPercent: offersRequirement.value,
              conversationsPercent: conversationsRequirement,
              rule: citedRule(offersRequirement.source),
            }
          : null,
      rules: ruleMap,
      reasons: entry.decision.reasons.map(reasonText),
      ...(december.length === 0 ? {} : { minimumRequirementsInDecember: december }),
    },
    meeting: null,
  };

  function goalFacts(goal: (typeof FOCUS_GOALS)[number]) {
    const assessed = entry.focusGoals[goal];
    return {
      measure: assessed.measure ?? null,
      threshold: assessed.threshold.value,
      outcome: assessed.outcome,
      canGround: assessed.canGround,
      thresholdRule: citedRule(assessed.threshold.source),
    };
  }
}

/** The deadlines a decision's letter states, running from the letter's date (the notice). */
function letterDeadlines(
  kind: LetterDecisionKind,
  year: number,
  rules: RulesInForce,
  date: IsoDate,
): LetterDeadline[] {
  return decisionDeadlines({ decision: kind, year, rules, noticeDate: date })
    .filter((deadline) => deadline.kind !== 'notice')
    .map((deadline) => ({
      kind: deadline.kind,
      label: DEADLINE_LABELS[deadline.kind],
      date: deadline.date,
      rule: citedRule(deadline.legalBasis),
    }));
}

/**
 * The letters a decision of an assessment may get, by the decision issued:
 * the decision's own letter, or — where the decision requires judgement —
 * the letter of each decision the assessment names as possible. Dated with
 * the notice deadline; `datedLetterInput` dates the one issued. None for a
 * municipality that stays out.
 */
export function possibleLetterInputs(
  request: Omit<DecisionLetterRequest, 'decided' | 'date'>,
): Partial<Record<LetterDecisionKind, LetterInput>> {
  const { entry, year } = request;
  const date = year.noticeDeadline;
  if (entry.decision.kind === 'stays_out') return {};
  if (entry.decision.kind !== 'requires_judgement')
    return { [entry.decision.kind]: decisionLetterInput({ ...request, date }) };
  const letters: Partial<Record<LetterDecisionKind, LetterInput>> = {};
  const possible = entry.decision.reasons.flatMap((reason) =>
    reason.code === 'requires_judgement' ? reason.possible : [],
  );
  for (const decided of possible) {
    if (decided === 'stays_out' || decisionBasis(year.rules, decided) === undefined) continue;
    letters[decided] = decisionLetterInput({ ...request, date, decided });
  }
  return letters;
}

/**
 * A decision's letter dated with the day its notice is sent: the deadlines
 * run from it (as the case system's deadlines do). Where a person took the
 * decision, the letter gives the reason they stated.
 */
export function datedLetterInput(
  input: LetterInput,
  date: IsoDate,
  rules: RulesInForce,
  judgementReason?: string,
): LetterInput {
  const decision = input.decision;
  if (decision === null) throw new Error('Only a decision letter is dated by its notice');
  const kind = decision.kind;
  if (kind === 'stays_out' || kind === 'requires_judgement')
    throw new Error(`A decision of kind ${kind} has no letter`);
  return {
    ...input,
    date,
    decision: {
      ...decision,
      deadlines: letterDeadlines(kind, decision.year, rules, date),
      reasons:
        judgementReason === undefined
          ? decision.reasons
          : [
              ...decision.reasons,
              `Styrelsen har truffet afgørelsen efter en konkret vurdering: ${judgementReason}`,
            ],
    },
  };
}

export interface MeetingLetterRequest {
  readonly invitation: MeetingInvitation;
  readonly municipality: MunicipalityLabel;
  readonly time?: string;
  readonly place: string;
  readonly sender?: LetterSender;
  readonly reference?: string;
}

/** The invitation's letter; the invitation itself is checked by `inviteToMeeting` (at least a week's notice). */
export function meetingLetterInput(request: MeetingLetterRequest): LetterInput {
  const { invitation } = request;
  return {
    schema: LETTER_INPUT_SCHEMA,
    kind: 'meeting_invitation',
    date: invitation.invitationDate,
    municipality: request.municipality,
    reference: request.reference ?? null,
    sender: request.sender ?? DEFAULT_SENDER,
    decision: null,
    meeting: {
      meetingDate: invitation.meetingDate,
      time: request.time ?? null,
      place: request.place,
      noticeDays: invitation.noticeDays,
      minimumNoticeDays: invitation.minimumNoticeDays,
      rule: citedRule(invitation.legalBasis),
    },
  };
}
