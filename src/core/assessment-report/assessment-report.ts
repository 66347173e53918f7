/**
 * The annual assessment report's data (reports.md "Annual assessment
 * report"): per municipality the result goal (expected, actual,
 * difference), both focus measures against their thresholds, the status
 * before and after, the decision with its legal basis (§ of the version in
 * force) and reasons, and the deadlines it sets — as one plain,
 * JSON-serialisable object (schema `tilsyn.assessment-report/1`) that the
 * PDF and Excel renderers and the web application take as their input.
 */
import type { CaseYear, MunicipalityCaseYear } from '../lifecycle/run-assessments.js';
import { FOCUS_GOALS, type FocusGoal } from '../domain/focus-goal.js';
import {
  DECISION_KINDS,
  DECISION_LABELS,
  SUPERVISION_STATUS_LABELS,
  type DecisionKind,
  type SupervisionStatus,
} from '../domain/supervision.js';
import { formatCitation, formatParagraph, type LegalSource } from '../rules/legal-source.js';
import { formatDanishDate } from '../calendar/iso-date.js';
import { formatDanishNumber } from '../danish-format.js';
import {
  DEADLINE_LABELS,
  GOAL_IN_SENTENCE,
  decisionNoteText,
  percent,
  reasonText,
} from '../text/legal-text.js';
import type {
  MunicipalityLabel,
  PerGoal,
  ReportNote,
  ThresholdFigure,
} from '../status-report/status-report-types.js';
import { goalThreshold } from '../rules/rules-in-force.js';

export const ASSESSMENT_REPORT_SCHEMA = 'tilsyn.assessment-report/1';

export interface CitedSource {
  /** "bek. nr. 301 af 20/03/2023 § 6, stk. 1" */
  readonly citation: string;
  /** "§ 6, stk. 1" — for tables where the instrument is stated once. */
  readonly paragraph: string;
  readonly quote: string | null;
}

export interface AssessmentReportRow {
  readonly municipality: MunicipalityLabel;
  readonly resultGoal: {
    readonly expectedShare: number;
    readonly actualShare: number;
    /** actual − expected, percentage points, unrounded. */
    readonly differencePoints: number;
    readonly expectedCount: number;
    readonly actualCount: number;
    readonly differencePersons: number;
    readonly met: boolean;
  };
  readonly focusGoals: PerGoal<{
    readonly measure: number | null;
    readonly threshold: number;
    readonly outcome: 'met' | 'missed' | 'not_measured';
    readonly canGround: boolean;
  }>;
  readonly statusBefore: { readonly code: SupervisionStatus; readonly label: string };
  readonly statusAfter: { readonly code: SupervisionStatus; readonly label: string };
  readonly decision: {
    readonly kind: DecisionKind;
    readonly label: string;
    readonly legalBasis: CitedSource;
    /** The reasons, one Danish sentence each. */
    readonly reasons: readonly string[];
    /** Notes for the person who issues the decision (the guidance quoted), one sentence each. */
    readonly notes: readonly string[];
  };
  /** The extension test of each grounding goal missed now (supervised municipalities). */
  readonly improvements: readonly {
    readonly goal: FocusGoal;
    readonly baseline: number | null;
    readonly current: number;
    readonly threshold: number;
    readonly required: number | null;
    readonly reached: number | null;
    readonly needed: number | null;
    readonly sufficient: boolean;
  }[];
  readonly deadlines: readonly {
    readonly kind: string;
    readonly label: string;
    /** `YYYY-MM-DD` */
    readonly date: string;
    readonly legalBasis: string;
  }[];
  /** A decision other than staying out, or missing the result goal and a focus goal. */
  readonly notable: boolean;
}

export interface AssessmentReport {
  readonly schema: typeof ASSESSMENT_REPORT_SCHEMA;
  readonly title: string;
  readonly subtitle: string;
  readonly year: number;
  readonly rules: {
    readonly version: string;
    readonly instrument: string;
    /** The order whose § numbers the decisions cite. */
    readonly paragraphsOf: string;
    readonly date: string;
  };
  /** `YYYY-MM-DD` */
  readonly publicationDate: string;
  readonly noticeDeadline: string;
  readonly canSelect: boolean;
  readonly thresholds: PerGoal<ThresholdFigure & { readonly canGround: boolean }>;
  /** The national December focus measures. */
  readonly national: PerGoal<number | null>;
  readonly decisionCounts: readonly {
    readonly kind: DecisionKind;
    readonly label: string;
    readonly count: number;
  }[];
  readonly summary: readonly string[];
  /** All municipalities, in code order. */
  readonly municipalities: readonly AssessmentReportRow[];
  readonly notes: readonly ReportNote[];
  readonly source: { readonly expectedRates: readonly string[]; readonly text: string };
}

function cited(source: LegalSource): CitedSource {
  return {
    citation: formatCitation(source),
    paragraph: formatParagraph(source),
    quote: source.kind === 'citation' ? (source.quote ?? null) : null,
  };
}

function isNotable(entry: MunicipalityCaseYear): boolean {
  if (entry.decision.kind !== 'stays_out') return true;
  return (
    !entry.resultGoal.met && FOCUS_GOALS.some((goal) => entry.focusGoals[goal].outcome === 'missed')
  );
}

function row(entry: MunicipalityCaseYear, name: string): AssessmentReportRow {
  const goal = (focus: FocusGoal) => {
    const assessed = entry.focusGoals[focus];
    return {
      measure: assessed.measure ?? null,
      threshold: assessed.threshold.value,
      outcome: assessed.outcome,
      canGround: assessed.canGround,
    };
  };
  return {
    municipality: { code: entry.municipality, name },
    resultGoal: {
      expectedShare: entry.resultGoal.expectedShare,
      actualShare: entry.resultGoal.actualShare,
      differencePoints: entry.resultGoal.differencePoints,
      expectedCount: entry.resultGoal.expectedCount,
      actualCount: entry.resultGoal.actualCount,
      differencePersons: entry.resultGoal.differencePersons,
      met: entry.resultGoal.met,
    },
    focusGoals: { offers: goal('offers'), conversations: goal('conversations') },
    statusBefore: {
      code: entry.before.status,
      label: SUPERVISION_STATUS_LABELS[entry.before.status],
    },
    statusAfter: { code: entry.after.status, label: SUPERVISION_STATUS_LABELS[entry.after.status] },
    decision: {
      kind: entry.decision.kind,
      label: DECISION_LABELS[entry.decision.kind],
      legalBasis: cited(entry.decision.legalBasis),
      reasons: entry.decision.reasons.map(reasonText),
      notes: entry.decision.notes.map(decisionNoteText),
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
    deadlines: entry.deadlines.map((deadline) => ({
      kind: deadline.kind,
      label: DEADLINE_LABELS[deadline.kind],
      date: deadline.date,
      legalBasis: formatCitation(deadline.legalBasis),
    })),
    notable: isNotable(entry),
  };
}

/** The report of one assessment year of a case history; `nameOf` gives a municipality's name ("København"). */
export function assessmentReport(
  year: CaseYear,
  nameOf: (code: number) => string,
): AssessmentReport {
  const rules = year.rules;
  const version = rules.version;
  const rows = year.municipalities.map((entry) => row(entry, nameOf(entry.municipality)));
  const decisionCounts = DECISION_KINDS.map((kind) => ({
    kind,
    label: DECISION_LABELS[kind],
    count: rows.filter((entry) => entry.decision.kind === kind).length,
  })).filter((entry) => entry.count > 0);
  const expectedRates = [...new Set(year.municipalities.map((entry) => entry.resultGoal.source))];
  const thresholds = {
    offers: threshold('offers'),
    conversations: threshold('conversations'),
  };
  function threshold(goal: FocusGoal) {
    return {
      value: goalThreshold(rules, goal).value,
      citation: formatCitation(goalThreshold(rules, goal).source),
      canGround: year.groundingGoals.includes(goal),
    };
  }
  const goalsText = FOCUS_GOALS.map(
    (goal) =>
      `${GOAL_IN_SENTENCE[goal]} under ${formatDanishNumber(thresholds[goal].value)} %` +
      (thresholds[goal].canGround ? '' : ` (kan ikke begrunde en afgørelse for ${year.year})`),
  ).join(', ');
  const summary = [
    `Opgørelsen af kommunernes resultater og beskæftigelsesindsats i ${year.year} efter ${version.instrument.citation}` +
      (version.paragraphsOf.id === version.instrument.id
        ? ''
        : ` (§§ efter ${version.paragraphsOf.citation})`) +
      `. Offentliggøres senest ${formatDanishDate(year.publicationDate)}; meddelelser senest ${formatDanishDate(year.noticeDeadline)}.`,
    `Fokusmålene: ${goalsText}.`,
    `Landsplan, gennemsnit de seneste 12 måneder i december ${year.year}: ` +
      FOCUS_GOALS.map(
        (goal) => `${GOAL_IN_SENTENCE[goal]} ${percent(year.national[goal].value)}`,
      ).join(', ') +
      '.',
    `Afgørelser: ${decisionCounts.map((entry) => `${entry.label.toLowerCase()} ${entry.count}`).join(', ')}.`,
  ];
  const notes: ReportNote[] = [
    {
      text: 'Resultatmålet er opfyldt, når den faktiske ydelsesgrad ikke overstiger den forventede; forskellen er uafrundet.',
      source: `${version.paragraphsOf.citation} § 4`,
    },
    ...FOCUS_GOALS.map((goal) => ({
      text: `Fokusmålet om ${GOAL_IN_SENTENCE[goal]} er opfyldt, når gennemsnittet af de seneste 12 måneders andele passive i december er under ${formatDanishNumber(thresholds[goal].value)} %.`,
      source: thresholds[goal].citation,
    })),
  ];
  if (!year.canSelect)
    notes.push({
      text: `Ingen kommune kan omfattes af skærpet tilsyn på opgørelsen af ${year.year}.`,
      source: formatCitation(rules.entry('transition.first_selection_year').source),
    });
  return {
    schema: ASSESSMENT_REPORT_SCHEMA,
    title: `Årlig opgørelse ${year.year}`,
    subtitle: 'Skærpet tilsyn med kommunernes beskæftigelsesindsats',
    year: year.year,
    rules: {
      version: version.id,
      instrument: version.instrument.citation,
      paragraphsOf: version.paragraphsOf.citation,
      date: rules.date,
    },
    publicationDate: year.publicationDate,
    noticeDeadline: year.noticeDeadline,
    canSelect: year.canSelect,
    thresholds,
    national: {
      offers: year.national.offers.value ?? null,
      conversations: year.national.conversations.value ?? null,
    },
    decisionCounts,
    summary,
    municipalities: rows,
    notes,
    source: {
      expectedRates,
      text: `Kilde: forventede ydelsesgrader fra ${expectedRates.join('; ')}. Regler: ${version.instrument.citation} (${version.id}).`,
    },
  };
}
