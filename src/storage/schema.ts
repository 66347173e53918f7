/**
 * The relational schema, as Kysely types. Each table is created by a
 * migration under `migrations/`; keep the two in step.
 *
 * The database holds the process and the results people act on (issue 10);
 * the microdata stay in the Parquet load store. Conventions:
 *
 * - **Nothing is deleted or overwritten.** A record of the process (a
 *   decision, a notice, a deadline, an account, a plan, a meeting, an AMK
 *   contact, a finding, …) is never updated: a correction is a new row whose
 *   `corrects_id` points at the row it corrects, and the history shows both.
 *   Triggers refuse UPDATE and DELETE on those tables (migration 001). The
 *   few rows with a life of their own — a job's status and progress, a user's
 *   `disabled_at`, a session's `revoked_at` — may be updated, never deleted.
 * - **The audit log is append-only**, for the application and (in
 *   PostgreSQL) for its database role: see `migrations/001-case-system.ts`.
 * - Calendar dates are ISO text (`YYYY-MM-DD`) and months `YYYY-MM`, as in
 *   the core, so that PostgreSQL and PGlite return the same strings; points
 *   in time are `timestamptz` (a `Date`).
 * - JSON columns are written as JSON text (`JSON.stringify`) and read back
 *   as values.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A JSON value as stored in a `jsonb` column. */
export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A `jsonb` column: read as a value, written as JSON text. */
export type Json = ColumnType<JsonValue, string, never>;

/** A `jsonb` column that may be empty. */
export type NullableJson = ColumnType<JsonValue | null, string | null | undefined, never>;

/** A point in time set by the database when the row is written. */
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** A point in time that may be set later (a job's start, a user's disabling). */
export type LaterTimestamp = ColumnType<
  Date | null,
  Date | string | null | undefined,
  Date | string | null
>;

/** A column written once on insert and never updated. */
export type Fixed<T> = ColumnType<T, T, never>;

/** A nullable column written once on insert (may be left out) and never updated. */
export type FixedOptional<T> = ColumnType<T | null, T | null | undefined, never>;

/** The state of a job (measurement run, assessment run while it computes). */
export const JOB_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * The state of an assessment run: a job until it has computed (`queued`,
 * `running`, `failed`), then a `draft` until a ministry user approves it,
 * then `issued` when its decisions are recorded.
 */
export const ASSESSMENT_RUN_STATUSES = [
  'queued',
  'running',
  'failed',
  'draft',
  'approved',
  'issued',
] as const;
export type AssessmentRunStatus = (typeof ASSESSMENT_RUN_STATUSES)[number];

/** The roles of reports.md (public needs no account). */
export const USER_ROLES = ['ministry', 'amk', 'municipality', 'auditor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Table 3 of the status report: "Ønsker kommunen bistand" (Ja / Nej / Ikke besluttet). */
export const ASSISTANCE_WISHES = ['yes', 'no', 'undecided'] as const;
export type AssistanceWish = (typeof ASSISTANCE_WISHES)[number];

// ─── Measurement ─────────────────────────────────────────────────────────

export interface MeasurementRunsTable {
  id: Generated<number>;
  load_id: Fixed<string>;
  /** The rule version the measures were computed under (of the last month). */
  rules_version: Fixed<string>;
  from_month: Fixed<string>;
  to_month: Fixed<string>;
  status: ColumnType<JobStatus, JobStatus | undefined, JobStatus>;
  /** 0 … 1. */
  progress: ColumnType<number, number | undefined, number>;
  /** What the job is doing now, in Danish. */
  progress_text: ColumnType<string | null, string | null | undefined, string | null>;
  error: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: FixedOptional<number>;
  created_at: CreatedAt;
  started_at: LaterTimestamp;
  finished_at: LaterTimestamp;
}

/** One monthly aggregate of a focus goal (measures.md: target group and passive count). */
export interface MeasuredFocusMeasuresTable {
  measurement_run_id: Fixed<number>;
  municipality_code: Fixed<number>;
  month: Fixed<string>;
  goal: Fixed<string>;
  scope: Fixed<string>;
  target: Fixed<number>;
  passive: Fixed<number>;
  /** passive / target in percent (as the core's `monthlyShare`), null when the target group is empty. */
  passive_share: FixedOptional<number>;
}

/** One minimum requirement under administration for a municipality and month. */
export interface MeasuredMinimumRequirementsTable {
  measurement_run_id: Fixed<number>;
  municipality_code: Fixed<number>;
  month: Fixed<string>;
  requirement: Fixed<string>;
  target: Fixed<number>;
  met: Fixed<number>;
  share: FixedOptional<number>;
  required: Fixed<number>;
  fulfilled: Fixed<boolean>;
  legal_basis: Json;
}

/** The actual benefit rate (measures.md § 7) of a municipality and period. */
export interface MeasuredBenefitRatesTable {
  measurement_run_id: Fixed<number>;
  municipality_code: Fixed<number>;
  /** `2024`, `2024-H1`, `2024-H2`. */
  period: Fixed<string>;
  year: Fixed<number>;
  benefit_days: Fixed<number>;
  days_in_period: Fixed<number>;
  full_time_persons: Fixed<number>;
  residents: FixedOptional<number>;
  actual_share: FixedOptional<number>;
}

/** The benchmark model's result for a municipality and year (expected vs. actual rate). */
export interface BenchmarkResultsTable {
  id: Generated<number>;
  measurement_run_id: Fixed<number>;
  assessment_run_id: FixedOptional<number>;
  municipality_code: Fixed<number>;
  year: Fixed<number>;
  expected_share: FixedOptional<number>;
  actual_share: FixedOptional<number>;
  details: Json;
  created_at: CreatedAt;
}

// ─── Assessment ─────────────────────────────────────────────────────────

export interface AssessmentRunsTable {
  id: Generated<number>;
  measurement_run_id: FixedOptional<number>;
  /** The assessment year. */
  year: Fixed<number>;
  rules_version: Fixed<string>;
  /** What the run was computed from (files, runs, options). */
  inputs: Json;
  status: ColumnType<AssessmentRunStatus, AssessmentRunStatus | undefined, AssessmentRunStatus>;
  progress: ColumnType<number, number | undefined, number>;
  progress_text: ColumnType<string | null, string | null | undefined, string | null>;
  error: ColumnType<string | null, string | null | undefined, string | null>;
  /** The whole assessment as JSON, once computed. */
  results: ColumnType<JsonValue | null, string | null | undefined, string>;
  created_by: FixedOptional<number>;
  created_at: CreatedAt;
  started_at: LaterTimestamp;
  finished_at: LaterTimestamp;
  approved_by: ColumnType<number | null, number | null | undefined, number | null>;
  approved_at: LaterTimestamp;
  issued_by: ColumnType<number | null, number | null | undefined, number | null>;
  issued_at: LaterTimestamp;
}

/** The decision a run computes for one municipality (not yet issued). */
export interface RunDecisionsTable {
  id: Generated<number>;
  assessment_run_id: Fixed<number>;
  municipality_code: Fixed<number>;
  year: Fixed<number>;
  /** A `DecisionKind` of the core. */
  decision: Fixed<string>;
  status_before: Fixed<string>;
  /** Null for `requires_judgement`: the status stays until a person decides. */
  status_after: FixedOptional<string>;
  legal_basis: NullableJson;
  /** The core's assessment of the municipality (goals, reasons, figures). */
  details: Json;
  /**
   * The letter inputs of the decisions a person may issue here, by decision
   * kind (one, or several where the decision requires judgement), dated
   * with the notice deadline; issuing re-dates one with the send date.
   * Null for runs computed before migration 002, and for none to write.
   */
  letter_inputs: NullableJson;
}

/**
 * The ministry's resolution of a `requires_judgement` decision: the decision
 * taken, and why. A run is not issued while one of its decisions is unresolved.
 */
export interface JudgementResolutionsTable {
  id: Generated<number>;
  run_decision_id: Fixed<number>;
  decision: Fixed<string>;
  reason: Fixed<string>;
  resolved_by: FixedOptional<number>;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
}

// ─── Supervision cases ─────────────────────────────────────────────────────

/** One per municipality; its status is the last status event in `case_events`. */
export interface SupervisionCasesTable {
  id: Generated<number>;
  municipality_code: Fixed<number>;
  created_at: CreatedAt;
}

/** The history of a case: every thing that happened to it, in order. */
export interface CaseEventsTable {
  id: Generated<number>;
  case_id: Fixed<number>;
  /** What happened (`decision_issued`, `notice_sent`, `account_submitted`, …). */
  kind: Fixed<string>;
  /** The day it happened (ISO), as the user sees it. */
  event_date: Fixed<string>;
  /** The case's status from this event on; null when the event leaves it as it was. */
  status_after: FixedOptional<string>;
  /** One line in Danish. */
  summary: Fixed<string>;
  /** The row the event is about. */
  subject_table: FixedOptional<string>;
  subject_id: FixedOptional<number>;
  actor_user_id: FixedOptional<number>;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
  /** `import` for an event made by `tilsyn cases import` (migration 006), else `case_system`. */
  source: ColumnType<CaseEventSource, CaseEventSource | undefined, never>;
}

export type CaseEventSource = 'case_system' | 'import';

/**
 * A status a municipality already had when the system was taken into use,
 * imported from a file (`tilsyn cases import`, migration 006). Never changed.
 */
export interface ImportedStatusesTable {
  id: Generated<number>;
  case_id: Fixed<number>;
  municipality_code: Fixed<number>;
  status: Fixed<SupervisionStatusCode>;
  /** The day the status began (ISO). */
  from_date: Fixed<string>;
  selected_year: FixedOptional<number>;
  /** The focus measures (percent) at the assessment that selected it. */
  baseline_offers: FixedOptional<number>;
  baseline_conversations: FixedOptional<number>;
  /** The file and line it came from. */
  file: Fixed<string>;
  line: Fixed<number>;
  created_by: FixedOptional<number>;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
}

export type SupervisionStatusCode = 'none' | 'supervised' | 'extended' | 'administration';

/** An issued decision with its legal basis. Never recomputed. */
export interface DecisionsTable {
  id: Generated<number>;
  case_id: Fixed<number>;
  municipality_code: Fixed<number>;
  assessment_run_id: Fixed<number>;
  run_decision_id: Fixed<number>;
  year: Fixed<number>;
  decision: Fixed<string>;
  status_before: Fixed<string>;
  status_after: Fixed<string>;
  legal_basis: NullableJson;
  /** The ministry's reason when the decision resolves a `requires_judgement`. */
  judgement_reason: FixedOptional<string>;
  details: Json;
  issued_by: FixedOptional<number>;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
}

/** The notice of a decision, with the date it was sent. */
export interface NoticesTable {
  id: Generated<number>;
  decision_id: Fixed<number>;
  case_id: Fixed<number>;
  municipality_code: Fixed<number>;
  send_date: Fixed<string>;
  created_by: FixedOptional<number>;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
}

/** A deadline a decision's notice starts (core `decisionDeadlines`). */
export interface DeadlinesTable {
  id: Generated<number>;
  notice_id: Fixed<number>;
  decision_id: Fixed<number>;
  case_id: Fixed<number>;
  municipality_code: Fixed<number>;
  /** A `DeadlineKind` of the core. */
  kind: Fixed<string>;
  due_date: Fixed<string>;
  legal_basis: Json;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
}

/** That a deadline was met (an account submitted, a review delivered). */
export interface DeadlineFulfilmentsTable {
  id: Generated<number>;
  deadline_id: Fixed<number>;
  fulfilled_on: Fixed<string>;
  note: FixedOptional<string>;
  subject_table: FixedOptional<string>;
  subject_id: FixedOptional<number>;
  created_by: FixedOptional<number>;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
}

/** The municipality's account (redegørelse). */
export interface AccountsTable {
  id: Generated<number>;
  case_id: Fixed<number>;
  municipality_code: Fixed<number>;
  decision_id: FixedOptional<number>;
  submitted_on: Fixed<string>;
  summary: Fixed<string>;
  submitted_by: FixedOptional<number>;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
}

/** The recovery plan (genopretningsplan) with its milestones. */
export interface RecoveryPlansTable {
  id: Generated<number>;
  case_id: Fixed<number>;
  municipality_code: Fixed<number>;
  account_id: FixedOptional<number>;
  submitted_on: Fixed<string>;
  description: Fixed<string>;
  submitted_by: FixedOptional<number>;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
}

/** A milestone: the passive share a plan aims at for a goal in a month. */
export interface RecoveryPlanMilestonesTable {
  id: Generated<number>;
  recovery_plan_id: Fixed<number>;
  goal: Fixed<string>;
  month: Fixed<string>;
  /** In percent (0–100), compared with the focus measure (the 12-month average) of the month. */
  target_passive_share: Fixed<number>;
}

/** The minister's meeting with the municipality (core `inviteToMeeting`). */
export interface MeetingsTable {
  id: Generated<number>;
  case_id: Fixed<number>;
  municipality_code: Fixed<number>;
  invitation_date: Fixed<string>;
  meeting_date: Fixed<string>;
  notice_days: Fixed<number>;
  minimum_notice_days: Fixed<number>;
  legal_basis: Json;
  note: FixedOptional<string>;
  created_by: FixedOptional<number>;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
}

/**
 * A letter as sent: its input (every fact it states, the template and the
 * template's version) and the rendered HTML and text, with the SHA-256 of
 * the HTML, the text and the PDF (rendered again from the input). Written
 * when a decision is issued or a meeting is invited; never changed — a
 * re-dated letter is a new row that corrects the old one.
 */
export interface LettersTable {
  id: Generated<number>;
  case_id: Fixed<number>;
  municipality_code: Fixed<number>;
  decision_id: FixedOptional<number>;
  meeting_id: FixedOptional<number>;
  notice_id: FixedOptional<number>;
  /** A `LetterKind` of the core. */
  kind: Fixed<string>;
  template: Fixed<string>;
  template_version: Fixed<string>;
  letter_date: Fixed<string>;
  input: Json;
  html: Fixed<string>;
  html_sha256: Fixed<string>;
  text: Fixed<string>;
  text_sha256: Fixed<string>;
  pdf_sha256: Fixed<string>;
  created_at: CreatedAt;
  created_by: FixedOptional<number>;
  corrects_id: FixedOptional<number>;
}

/** An AMK's contact with a municipality (the status report's Table 3). */
export interface AmkContactsTable {
  id: Generated<number>;
  case_id: Fixed<number>;
  municipality_code: Fixed<number>;
  amk: Fixed<string>;
  first_contact_date: Fixed<string>;
  wants_assistance: Fixed<AssistanceWish>;
  mapping_done: Fixed<boolean>;
  effort: Fixed<string>;
  created_by: FixedOptional<number>;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
}

// ─── Case reviews ─────────────────────────────────────────────────────────

/** A sample of cases for review (bek. 1409 § 8) or the list of all passive cases (§ 12). */
export interface CaseReviewSamplesTable {
  id: Generated<number>;
  case_id: Fixed<number>;
  municipality_code: Fixed<number>;
  /** The day the sample or list was drawn (the reference day). */
  drawn_on: Fixed<string>;
  load_id: FixedOptional<string>;
  description: Fixed<string>;
  created_by: FixedOptional<number>;
  created_at: CreatedAt;
}

export interface CaseReviewSampleCasesTable {
  id: Generated<number>;
  sample_id: Fixed<number>;
  /** The person's key in the load (the pseudonym), never a CPR number. */
  person_key: Fixed<string>;
  details: Json;
}

/** The list of all passive cases under administration. */
export interface PassiveCaseListsTable {
  id: Generated<number>;
  case_id: Fixed<number>;
  municipality_code: Fixed<number>;
  as_of: Fixed<string>;
  load_id: FixedOptional<string>;
  description: Fixed<string>;
  created_by: FixedOptional<number>;
  created_at: CreatedAt;
}

export interface PassiveCaseListCasesTable {
  id: Generated<number>;
  list_id: Fixed<number>;
  person_key: Fixed<string>;
  details: Json;
}

/** Which auditor reviews a sample or a passive-case list. */
export interface ReviewAssignmentsTable {
  id: Generated<number>;
  sample_id: FixedOptional<number>;
  list_id: FixedOptional<number>;
  auditor_user_id: Fixed<number>;
  assigned_by: FixedOptional<number>;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
}

/** The one finding per reviewed case (a correction is a new row). */
export interface ReviewFindingsTable {
  id: Generated<number>;
  sample_case_id: FixedOptional<number>;
  list_case_id: FixedOptional<number>;
  /** Whether the case was handled as the rules require. */
  compliant: FixedOptional<boolean>;
  finding: Fixed<string>;
  auditor_user_id: FixedOptional<number>;
  created_at: CreatedAt;
  corrects_id: FixedOptional<number>;
}

// ─── Users and access ─────────────────────────────────────────────────────

export interface UsersTable {
  id: Generated<number>;
  username: Fixed<string>;
  role: Fixed<UserRole>;
  municipality_code: FixedOptional<number>;
  amk: FixedOptional<string>;
  display_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** scrypt, `scrypt$N$r$p$salt$hash` (base64); null for OIDC-only users. */
  password_hash: ColumnType<string | null, string | null | undefined, string | null>;
  oidc_issuer: ColumnType<string | null, string | null | undefined, string | null>;
  oidc_subject: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  disabled_at: LaterTimestamp;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: Fixed<number>;
  /** SHA-256 of the token, hex; the token itself is shown once and never stored. */
  token_hash: Fixed<string>;
  label: FixedOptional<string>;
  created_at: CreatedAt;
  expires_at: FixedOptional<Date | string>;
  revoked_at: LaterTimestamp;
}

export interface SessionsTable {
  /** SHA-256 of the session id, hex; the id itself lives only in the cookie. */
  id_hash: Fixed<string>;
  user_id: Fixed<number>;
  csrf_token: Fixed<string>;
  created_at: CreatedAt;
  expires_at: Fixed<Date | string>;
  revoked_at: LaterTimestamp;
  /** How the session was started (migration 003); an OpenID Connect session is also ended at the provider. */
  login_method: ColumnType<LoginMethod, LoginMethod | undefined, never>;
}

export type LoginMethod = 'password' | 'oidc';

/** Who did what, when — append-only (triggers refuse UPDATE, DELETE, TRUNCATE). */
export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_user_id: FixedOptional<number>;
  /** The username, or `system` / `cli` for work without a user. */
  actor: Fixed<string>;
  action: Fixed<string>;
  /** `ok`, or `refused` when the action was not allowed. */
  outcome: ColumnType<string, string | undefined, never>;
  subject_table: FixedOptional<string>;
  subject_id: FixedOptional<string>;
  municipality_code: FixedOptional<number>;
  /** A person-level read: the person's key in the load (never a CPR number). */
  person_key: FixedOptional<string>;
  reason: FixedOptional<string>;
  details: NullableJson;
}

export interface DatabaseSchema {
  measurement_runs: MeasurementRunsTable;
  measured_focus_measures: MeasuredFocusMeasuresTable;
  measured_minimum_requirements: MeasuredMinimumRequirementsTable;
  measured_benefit_rates: MeasuredBenefitRatesTable;
  benchmark_results: BenchmarkResultsTable;
  assessment_runs: AssessmentRunsTable;
  run_decisions: RunDecisionsTable;
  judgement_resolutions: JudgementResolutionsTable;
  supervision_cases: SupervisionCasesTable;
  case_events: CaseEventsTable;
  imported_statuses: ImportedStatusesTable;
  decisions: DecisionsTable;
  notices: NoticesTable;
  deadlines: DeadlinesTable;
  deadline_fulfilments: DeadlineFulfilmentsTable;
  accounts: AccountsTable;
  recovery_plans: RecoveryPlansTable;
  recovery_plan_milestones: RecoveryPlanMilestonesTable;
  meetings: MeetingsTable;
  letters: LettersTable;
  amk_contacts: AmkContactsTable;
  case_review_samples: CaseReviewSamplesTable;
  case_review_sample_cases: CaseReviewSampleCasesTable;
  passive_case_lists: PassiveCaseListsTable;
  passive_case_list_cases: PassiveCaseListCasesTable;
  review_assignments: ReviewAssignmentsTable;
  review_findings: ReviewFindingsTable;
  users: UsersTable;
  api_tokens: ApiTokensTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type NewAuditLogRow = Insertable<AuditLogTable>;
export type MeasurementRunRow = Selectable<MeasurementRunsTable>;
export type AssessmentRunRow = Selectable<AssessmentRunsTable>;
export type DecisionRow = Selectable<DecisionsTable>;
export type LetterRow = Selectable<LettersTable>;
export type DeadlineRow = Selectable<DeadlinesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
