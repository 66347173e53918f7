/**
 * The data of the agency's quarterly status report "Opfølgning på
 * kommunernes afgivelse af samtaler og tilbud mv." (reports.md; issue 9 § 3)
 * as one plain, JSON-serialisable object: strings, numbers, booleans, `null`
 * and arrays only — no `undefined`, no class, no function. The CLI writes it
 * with `--json` (schema `tilsyn.status-report/1`), the case system stores it,
 * the web application renders it, and the PDF, Excel and CSV renderers take
 * it as their only input.
 *
 * Numbers are unrounded (shares in percent); the published counts of the
 * result goal (rounded to tens of full-time persons) are given beside the
 * unrounded ones so that every rendering shows the same figures.
 */
import type { FocusGoal } from '../domain/focus-goal.js';

export const STATUS_REPORT_SCHEMA = 'tilsyn.status-report/1';

/** A municipality as every report shows it: by name and code. */
export interface MunicipalityLabel {
  readonly code: number;
  readonly name: string;
}

/** A value per focus goal. */
export type PerGoal<T> = Readonly<Record<FocusGoal, T>>;

/** A threshold with the § it comes from. */
export interface ThresholdFigure {
  /** The goal is met strictly below this percentage. */
  readonly value: number;
  /** "bek. nr. 301 af 20/03/2023 § 5, nr. 1" */
  readonly citation: string;
}

/** One month of Figure 1. */
export interface NationalMonth {
  /** `YYYY-MM` */
  readonly month: string;
  /** The assessment the month counts towards (its year). */
  readonly assessmentYear: number;
  /**
   * The national passive share of the month: every municipality pooled (sum
   * of passive over sum of target); `null` when a municipality lacks the
   * month or no one is in the target group.
   */
  readonly share: PerGoal<number | null>;
  /** The national 12-month average at the month (the national focus measure); `null` when a counted month is missing. */
  readonly average: PerGoal<number | null>;
  /** The thresholds of the assessment the month counts towards. */
  readonly threshold: PerGoal<number>;
  /** Whether the month is left out of every 12-month average (COVID-19). */
  readonly excludedFromAverages: boolean;
}

/** The result goal of one municipality as the tables show it. */
export interface ResultGoalFigures {
  /** The year of the expected and actual rates used. */
  readonly ratesYear: number;
  readonly expectedShare: number;
  readonly actualShare: number;
  /** actual − expected, percentage points, unrounded (decides the goal). */
  readonly differencePoints: number;
  readonly expectedCount: number;
  readonly actualCount: number;
  readonly differencePersons: number;
  /** The counts as published: rounded to `publishedPrecisionPersons`. */
  readonly expectedCountPublished: number;
  readonly actualCountPublished: number;
  readonly differencePersonsPublished: number;
  readonly met: boolean;
}

/** A row of Table 1 or Table 2. */
export interface RiskTableRow {
  readonly municipality: MunicipalityLabel;
  readonly resultGoal: ResultGoalFigures;
  /** The 12-month average passive share at the report month, percent. */
  readonly measure: number;
  /** Misses the result goal by a difference that rounds to 0 full-time persons. */
  readonly onTheBorder: boolean;
}

/** Table 1 (conversations) or Table 2 (offers). */
export interface RiskTable {
  readonly number: number;
  readonly goal: FocusGoal;
  readonly title: string;
  readonly threshold: ThresholdFigure;
  /** Whether the goal can ground a decision at the assessment the month counts towards. */
  readonly canGround: boolean;
  /** Highest passive share first. */
  readonly rows: readonly RiskTableRow[];
  /** The notes under the table ("på grænsen", a goal that cannot ground a decision). */
  readonly notes: readonly string[];
}

/** Ønsker kommunen bistand: Ja / Nej / Ikke besluttet. */
export const WANTS_ASSISTANCE_ANSWERS = ['ja', 'nej', 'ikke_besluttet'] as const;
export type WantsAssistance = (typeof WANTS_ASSISTANCE_ANSWERS)[number];

export const WANTS_ASSISTANCE_LABELS: Readonly<Record<WantsAssistance, string>> = {
  ja: 'Ja',
  nej: 'Nej',
  ikke_besluttet: 'Ikke besluttet',
};

/**
 * What the AMK has recorded about its contact with one municipality (the
 * case system keeps these records; until it does, there are none).
 */
export interface AmkContactRecord {
  readonly municipality: number;
  /** Indledende møde/kontakt, `YYYY-MM-DD`. */
  readonly firstContact: string | null;
  readonly wantsAssistance: WantsAssistance | null;
  /** Foretaget afdækning. */
  readonly mappingDone: boolean | null;
  /** Indsats i kommunen. */
  readonly effort: string | null;
}

/** A row of Table 3: a municipality missing a focus goal and the result goal, with the AMK's contact. */
export interface AmkContactRow extends Omit<AmkContactRecord, 'municipality'> {
  readonly municipality: MunicipalityLabel;
  /** The labour market office that follows the municipality. */
  readonly amk: string | null;
  /** The focus goals it misses (12-month average), in table order. */
  readonly goalsMissed: readonly FocusGoal[];
}

/** A municipality's focus measures in the appendix. */
export interface AppendixGoal {
  /** The monthly passive shares of the appendix months, in order; `null` without a target group. */
  readonly monthly: readonly (number | null)[];
  /** The 12-month average at the report month. */
  readonly average: number | null;
  readonly outcome: 'met' | 'missed' | 'not_measured';
}

export interface AppendixRow {
  readonly municipality: MunicipalityLabel;
  readonly goals: PerGoal<AppendixGoal>;
  readonly resultGoalMet: boolean;
}

/** A note (Anm.) with the source it rests on. */
export interface ReportNote {
  readonly text: string;
  /** The citation, or `null` when the note states how the report is made. */
  readonly source: string | null;
}

export interface StatusReportSource {
  /** Where the focus measures come from (a file, or a data load). */
  readonly focus: string;
  /** Where the expected and actual rates come from. */
  readonly rates: string;
  /** The data load the figures are computed from, when they are. */
  readonly loadId: string | null;
  /** The sources of the expected rates used (the model or the official figures). */
  readonly expectedRates: readonly string[];
  /** "Kilde: …", as the report prints it. */
  readonly text: string;
}

export interface StatusReport {
  readonly schema: typeof STATUS_REPORT_SCHEMA;
  readonly title: string;
  /** "Status for juni 2025" */
  readonly subtitle: string;
  /** `YYYY-MM` */
  readonly month: string;
  readonly assessmentYear: number;
  /** The rules of that assessment (in force on 1 April of the year after). */
  readonly rules: {
    readonly version: string;
    readonly instrument: string;
    readonly date: string;
  };
  readonly thresholds: PerGoal<ThresholdFigure>;
  readonly publishedPrecisionPersons: number;
  readonly ratesYear: number;
  /** The national figures at the report month. */
  readonly national: PerGoal<{ readonly share: number | null; readonly average: number | null }>;
  /** The summary at the top of the report, in Danish. */
  readonly summary: readonly string[];
  readonly figure: {
    readonly title: string;
    /** The last 18 months, oldest first. */
    readonly months: readonly NationalMonth[];
  };
  /** Table 1 (conversations) and Table 2 (offers). */
  readonly tables: readonly RiskTable[];
  /** Table 3. */
  readonly contacts: {
    readonly title: string;
    readonly rows: readonly AmkContactRow[];
  };
  readonly appendix: {
    readonly title: string;
    /** The last 3 months, oldest first (`YYYY-MM`). */
    readonly months: readonly string[];
    /** Every municipality, in code order. */
    readonly rows: readonly AppendixRow[];
  };
  readonly notes: readonly ReportNote[];
  readonly source: StatusReportSource;
}
