/**
 * Everything a letter says, as one plain, JSON-serialisable object: the
 * letter's kind and date, the municipality, the sender, and the facts of the
 * decision (its figures, the legal sources it cites with their quoted
 * sentences, the deadlines) or of the meeting. The case system stores this
 * object with the decision; the same object always gives the same letter,
 * byte for byte, in every form (text, HTML, PDF) — also after the rules or
 * the code that computed the decision have changed, because the letter reads
 * nothing else.
 */
import type { FocusGoal } from '../domain/focus-goal.js';
import type { DecisionKind, SupervisionStatus } from '../domain/supervision.js';
import type { MunicipalityLabel, PerGoal } from '../status-report/status-report-types.js';

export const LETTER_INPUT_SCHEMA = 'tilsyn.letter-input/1';

/** One letter per decision that changes or keeps a case, and the meeting invitation. */
export const LETTER_KINDS = [
  'selected',
  'extended',
  'supervision_ends',
  'administration',
  'administration_continues',
  'administration_ends',
  'meeting_invitation',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const DECISION_LETTER_KINDS: readonly DecisionKind[] = LETTER_KINDS.filter(
  (kind): kind is Exclude<LetterKind, 'meeting_invitation'> => kind !== 'meeting_invitation',
);

/** A legal source as a letter cites it. */
export interface CitedRule {
  /** "bek. nr. 301 af 20/03/2023 § 6, stk. 1" */
  readonly citation: string;
  /** The quoted sentence, when the rules carry one. */
  readonly quote: string | null;
}

export interface LetterSender {
  readonly authority: string;
  readonly unit: string;
  readonly addressLines: readonly string[];
  readonly phone: string;
  readonly email: string;
  /** The person or function that signs. */
  readonly signatory: string;
  readonly signatoryTitle: string;
}

export interface LetterGoalFacts {
  /** The 12-month average in December of the assessment year; `null` when not measured. */
  readonly measure: number | null;
  readonly threshold: number;
  readonly outcome: 'met' | 'missed' | 'not_measured';
  readonly canGround: boolean;
  readonly thresholdRule: CitedRule;
}

export interface LetterImprovementFacts {
  readonly goal: FocusGoal;
  readonly baseline: number | null;
  readonly current: number;
  readonly threshold: number;
  readonly required: number | null;
  readonly reached: number | null;
  readonly needed: number | null;
  readonly sufficient: boolean;
}

export interface LetterDeadline {
  readonly kind: string;
  readonly label: string;
  /** `YYYY-MM-DD` */
  readonly date: string;
  readonly rule: CitedRule;
}

export interface DecisionFacts {
  /** The assessment year. */
  readonly year: number;
  /** The order in force for the assessment, e.g. "bek. nr. 301 af 20/03/2023". */
  readonly instrument: string;
  /** The order whose § numbers are cited. */
  readonly paragraphsOf: string;
  /** `YYYY-MM-DD`: the assessment's publication date. */
  readonly publicationDate: string;
  readonly kind: DecisionKind;
  readonly label: string;
  readonly rule: CitedRule;
  readonly statusBefore: SupervisionStatus;
  readonly statusAfter: SupervisionStatus;
  /** The year whose assessment selected the municipality, when under supervision. */
  readonly selectedYear: number | null;
  readonly resultGoal: {
    readonly expectedShare: number;
    readonly actualShare: number;
    readonly differencePoints: number;
    readonly met: boolean;
  };
  readonly focusGoals: PerGoal<LetterGoalFacts>;
  readonly improvements: readonly LetterImprovementFacts[];
  /** In date order. */
  readonly deadlines: readonly LetterDeadline[];
  /** Administration's minimum requirements, in percent of the target group. */
  readonly minimumRequirements: {
    readonly offersPercent: number;
    readonly conversationsPercent: number;
    readonly rule: CitedRule;
  } | null;
  /** The rules the letter refers to for what follows (account, meeting, assistance, …). */
  readonly rules: Readonly<Record<string, CitedRule | null>>;
  /** The reasons as the assessment states them, one sentence each. */
  readonly reasons: readonly string[];
  /**
   * Under administration: whether the minimum requirements were met in
   * December of the assessment year, one sentence per requirement (absent
   * for other decisions, and in letter inputs stored before it existed).
   */
  readonly minimumRequirementsInDecember?: readonly string[];
}

export interface MeetingFacts {
  /** `YYYY-MM-DD` */
  readonly meetingDate: string;
  /** "14.00", or `null` when not set. */
  readonly time: string | null;
  readonly place: string;
  readonly noticeDays: number;
  readonly minimumNoticeDays: number;
  readonly rule: CitedRule;
}

export interface LetterInput {
  readonly schema: typeof LETTER_INPUT_SCHEMA;
  readonly kind: LetterKind;
  /** `YYYY-MM-DD`: the letter's date (the notice date of a decision). */
  readonly date: string;
  readonly municipality: MunicipalityLabel;
  /** The sender's reference (j.nr.), when it has one. */
  readonly reference: string | null;
  readonly sender: LetterSender;
  /** For a decision letter. */
  readonly decision: DecisionFacts | null;
  /** For the meeting invitation. */
  readonly meeting: MeetingFacts | null;
}

/** The agency that sends the letters on behalf of the ministry (seed 003's letterhead). */
export const DEFAULT_SENDER: LetterSender = {
  authority: 'Styrelsen for Arbejdsmarked og Rekruttering',
  unit: 'Tilsyn og Kontrol',
  addressLines: ['Vermundsgade 38', '2100 København Ø'],
  phone: '+45 72 21 74 00',
  email: 'star@star.dk',
  signatory: 'Tilsyn og Kontrol',
  signatoryTitle: 'Styrelsen for Arbejdsmarked og Rekruttering',
};

/** Where a meeting with the minister is held unless the invitation names a place. */
export const DEFAULT_MEETING_PLACE = 'i Beskæftigelsesministeriet, Holmens Kanal 20, København K';
