/**
 * Migration 001: the supervision case system (issue 10). Every table of
 * `../schema.ts`, for PostgreSQL and PGlite alike.
 *
 * Nothing is deleted or overwritten:
 *
 * - the records of the process refuse UPDATE and DELETE (trigger
 *   `refuse_change`); a correction is a new row with `corrects_id`;
 * - the rows with a life of their own (jobs, users, tokens) refuse DELETE
 *   (trigger `refuse_delete`); sessions may be removed when they expire;
 * - the audit log refuses UPDATE, DELETE and TRUNCATE (row and statement
 *   triggers), whoever asks. Where the application connects with its own
 *   role (`tilsyn_app`, see docs/database.md), that role is also denied the
 *   privileges: `REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC,
 *   tilsyn_app`. Only the owner of the tables (who runs the migrations)
 *   could drop the trigger; the application role cannot.
 *
 * Each statement runs on its own: PGlite's extended protocol takes one
 * statement per query.
 */
import { sql, type Kysely, type Migration } from 'kysely';

const ISO_DATE = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
const YEAR_MONTH = `'^[0-9]{4}-[0-9]{2}$'`;
const date = (column: string, nullable = false) =>
  `${column} text ${nullable ? '' : 'not null'} check (${column} ~ ${ISO_DATE})`;
const month = (column: string) => `${column} text not null check (${column} ~ ${YEAR_MONTH})`;
const id = 'id integer generated always as identity primary key';
const createdAt = 'created_at timestamptz not null default now()';
const user = (column: string) => `${column} integer references users(id)`;
const corrects = (table: string) => `corrects_id integer references ${table}(id)`;

/** Tables whose rows are records of the process: never updated, never deleted. */
export const RECORD_TABLES = [
  'measured_focus_measures',
  'measured_minimum_requirements',
  'measured_benefit_rates',
  'benchmark_results',
  'run_decisions',
  'judgement_resolutions',
  'supervision_cases',
  'case_events',
  'decisions',
  'notices',
  'deadlines',
  'deadline_fulfilments',
  'accounts',
  'recovery_plans',
  'recovery_plan_milestones',
  'meetings',
  'amk_contacts',
  'case_review_samples',
  'case_review_sample_cases',
  'passive_case_lists',
  'passive_case_list_cases',
  'review_assignments',
  'review_findings',
] as const;

/** Tables whose rows change state (a job's progress, a user's disabling) but are never deleted. */
export const STATEFUL_TABLES = [
  'measurement_runs',
  'assessment_runs',
  'users',
  'api_tokens',
] as const;

const STATEMENTS: readonly string[] = [
  // ─── users and access ───
  `create table users (
    ${id},
    username text not null unique check (username ~ '^[A-Za-z0-9._@-]{1,100}$'),
    role text not null check (role in ('ministry', 'amk', 'municipality', 'auditor')),
    municipality_code integer,
    amk_region text,
    display_name text,
    password_hash text,
    oidc_issuer text,
    oidc_subject text,
    ${createdAt},
    disabled_at timestamptz,
    check (role <> 'municipality' or municipality_code is not null),
    check (role <> 'amk' or amk_region is not null),
    unique (oidc_issuer, oidc_subject)
  )`,
  `create table api_tokens (
    ${id},
    user_id integer not null references users(id),
    token_hash text not null unique,
    label text,
    ${createdAt},
    expires_at timestamptz,
    revoked_at timestamptz
  )`,
  `create table sessions (
    id_hash text primary key,
    user_id integer not null references users(id),
    csrf_token text not null,
    ${createdAt},
    expires_at timestamptz not null,
    revoked_at timestamptz
  )`,
  `create index sessions_user on sessions (user_id)`,
  `create table audit_log (
    ${id},
    at timestamptz not null default now(),
    actor_user_id integer references users(id),
    actor text not null,
    action text not null,
    outcome text not null default 'ok' check (outcome in ('ok', 'refused')),
    subject_table text,
    subject_id text,
    municipality_code integer,
    person_key text,
    reason text,
    details jsonb
  )`,
  `create index audit_log_at on audit_log (at)`,
  `create index audit_log_subject on audit_log (subject_table, subject_id)`,

  // ─── measurement ───
  `create table measurement_runs (
    ${id},
    load_id text not null,
    rules_version text not null,
    ${month('from_month')},
    ${month('to_month')},
    status text not null default 'queued' check (status in ('queued', 'running', 'done', 'failed')),
    progress double precision not null default 0 check (progress >= 0 and progress <= 1),
    progress_text text,
    error text,
    ${user('created_by')},
    ${createdAt},
    started_at timestamptz,
    finished_at timestamptz
  )`,
  `create table measured_focus_measures (
    measurement_run_id integer not null references measurement_runs(id),
    municipality_code integer not null,
    ${month('month')},
    goal text not null,
    scope text not null,
    target integer not null,
    passive integer not null,
    passive_share double precision,
    primary key (measurement_run_id, municipality_code, month, goal, scope)
  )`,
  `create table measured_minimum_requirements (
    measurement_run_id integer not null references measurement_runs(id),
    municipality_code integer not null,
    ${month('month')},
    requirement text not null,
    target integer not null,
    met integer not null,
    share double precision,
    required double precision not null,
    fulfilled boolean not null,
    legal_basis jsonb not null,
    primary key (measurement_run_id, municipality_code, month, requirement)
  )`,
  `create table measured_benefit_rates (
    measurement_run_id integer not null references measurement_runs(id),
    municipality_code integer not null,
    period text not null,
    year integer not null,
    benefit_days double precision not null,
    days_in_period integer not null,
    full_time_persons double precision not null,
    residents double precision,
    actual_share double precision,
    primary key (measurement_run_id, municipality_code, period)
  )`,

  // ─── assessment ───
  `create table assessment_runs (
    ${id},
    measurement_run_id integer references measurement_runs(id),
    year integer not null,
    rules_version text not null,
    inputs jsonb not null,
    status text not null default 'queued'
      check (status in ('queued', 'running', 'failed', 'draft', 'approved', 'issued')),
    progress double precision not null default 0 check (progress >= 0 and progress <= 1),
    progress_text text,
    error text,
    results jsonb,
    ${user('created_by')},
    ${createdAt},
    started_at timestamptz,
    finished_at timestamptz,
    ${user('approved_by')},
    approved_at timestamptz,
    ${user('issued_by')},
    issued_at timestamptz
  )`,
  `create index assessment_runs_year on assessment_runs (year, status)`,
  `create table benchmark_results (
    ${id},
    measurement_run_id integer not null references measurement_runs(id),
    assessment_run_id integer references assessment_runs(id),
    municipality_code integer not null,
    year integer not null,
    expected_share double precision,
    actual_share double precision,
    details jsonb not null,
    ${createdAt}
  )`,
  `create index benchmark_results_run on benchmark_results (measurement_run_id, year)`,
  `create table run_decisions (
    ${id},
    assessment_run_id integer not null references assessment_runs(id),
    municipality_code integer not null,
    year integer not null,
    decision text not null,
    status_before text not null,
    status_after text,
    legal_basis jsonb,
    details jsonb not null,
    unique (assessment_run_id, municipality_code)
  )`,
  `create table judgement_resolutions (
    ${id},
    run_decision_id integer not null references run_decisions(id),
    decision text not null check (decision <> 'requires_judgement'),
    reason text not null check (length(trim(reason)) > 0),
    ${user('resolved_by')},
    ${createdAt},
    ${corrects('judgement_resolutions')}
  )`,

  // ─── supervision cases ───
  `create table supervision_cases (
    ${id},
    municipality_code integer not null unique,
    ${createdAt}
  )`,
  `create table case_events (
    ${id},
    case_id integer not null references supervision_cases(id),
    kind text not null,
    ${date('event_date')},
    status_after text check (status_after in ('none', 'supervised', 'extended', 'administration')),
    summary text not null,
    subject_table text,
    subject_id integer,
    ${user('actor_user_id')},
    ${createdAt},
    ${corrects('case_events')}
  )`,
  `create index case_events_case on case_events (case_id, id)`,
  `create table decisions (
    ${id},
    case_id integer not null references supervision_cases(id),
    municipality_code integer not null,
    assessment_run_id integer not null references assessment_runs(id),
    run_decision_id integer not null references run_decisions(id),
    year integer not null,
    decision text not null check (decision <> 'requires_judgement'),
    status_before text not null,
    status_after text not null,
    legal_basis jsonb,
    judgement_reason text,
    details jsonb not null,
    ${user('issued_by')},
    ${createdAt},
    ${corrects('decisions')}
  )`,
  `create index decisions_municipality on decisions (municipality_code, year)`,
  `create table notices (
    ${id},
    decision_id integer not null references decisions(id),
    case_id integer not null references supervision_cases(id),
    municipality_code integer not null,
    ${date('send_date')},
    ${user('created_by')},
    ${createdAt},
    ${corrects('notices')}
  )`,
  `create table deadlines (
    ${id},
    notice_id integer not null references notices(id),
    decision_id integer not null references decisions(id),
    case_id integer not null references supervision_cases(id),
    municipality_code integer not null,
    kind text not null,
    ${date('due_date')},
    legal_basis jsonb not null,
    ${createdAt},
    ${corrects('deadlines')}
  )`,
  `create index deadlines_due on deadlines (due_date)`,
  `create index deadlines_municipality on deadlines (municipality_code, due_date)`,
  `create table deadline_fulfilments (
    ${id},
    deadline_id integer not null references deadlines(id),
    ${date('fulfilled_on')},
    note text,
    subject_table text,
    subject_id integer,
    ${user('created_by')},
    ${createdAt},
    ${corrects('deadline_fulfilments')}
  )`,
  `create table accounts (
    ${id},
    case_id integer not null references supervision_cases(id),
    municipality_code integer not null,
    decision_id integer references decisions(id),
    ${date('submitted_on')},
    summary text not null,
    ${user('submitted_by')},
    ${createdAt},
    ${corrects('accounts')}
  )`,
  `create table recovery_plans (
    ${id},
    case_id integer not null references supervision_cases(id),
    municipality_code integer not null,
    account_id integer references accounts(id),
    ${date('submitted_on')},
    description text not null,
    ${user('submitted_by')},
    ${createdAt},
    ${corrects('recovery_plans')}
  )`,
  `create table recovery_plan_milestones (
    ${id},
    recovery_plan_id integer not null references recovery_plans(id),
    goal text not null check (goal in ('offers', 'conversations')),
    ${month('month')},
    target_passive_share double precision not null
      check (target_passive_share >= 0 and target_passive_share <= 100),
    unique (recovery_plan_id, goal, month)
  )`,
  `create table meetings (
    ${id},
    case_id integer not null references supervision_cases(id),
    municipality_code integer not null,
    ${date('invitation_date')},
    ${date('meeting_date')},
    notice_days integer not null,
    minimum_notice_days integer not null,
    legal_basis jsonb not null,
    note text,
    ${user('created_by')},
    ${createdAt},
    ${corrects('meetings')},
    check (notice_days >= minimum_notice_days)
  )`,
  `create table amk_contacts (
    ${id},
    case_id integer not null references supervision_cases(id),
    municipality_code integer not null,
    amk_region text not null,
    ${date('first_contact_date')},
    wants_assistance text not null check (wants_assistance in ('yes', 'no', 'undecided')),
    mapping_done boolean not null,
    effort text not null,
    ${user('created_by')},
    ${createdAt},
    ${corrects('amk_contacts')}
  )`,

  // ─── case reviews ───
  `create table case_review_samples (
    ${id},
    case_id integer not null references supervision_cases(id),
    municipality_code integer not null,
    ${date('drawn_on')},
    load_id text,
    description text not null,
    ${user('created_by')},
    ${createdAt}
  )`,
  `create table case_review_sample_cases (
    ${id},
    sample_id integer not null references case_review_samples(id),
    person_key text not null,
    details jsonb not null,
    unique (sample_id, person_key)
  )`,
  `create table passive_case_lists (
    ${id},
    case_id integer not null references supervision_cases(id),
    municipality_code integer not null,
    ${date('as_of')},
    load_id text,
    description text not null,
    ${user('created_by')},
    ${createdAt}
  )`,
  `create table passive_case_list_cases (
    ${id},
    list_id integer not null references passive_case_lists(id),
    person_key text not null,
    details jsonb not null,
    unique (list_id, person_key)
  )`,
  `create table review_assignments (
    ${id},
    sample_id integer references case_review_samples(id),
    list_id integer references passive_case_lists(id),
    auditor_user_id integer not null references users(id),
    ${user('assigned_by')},
    ${createdAt},
    ${corrects('review_assignments')},
    check ((sample_id is null) <> (list_id is null))
  )`,
  `create table review_findings (
    ${id},
    sample_case_id integer references case_review_sample_cases(id),
    list_case_id integer references passive_case_list_cases(id),
    compliant boolean,
    finding text not null,
    ${user('auditor_user_id')},
    ${createdAt},
    ${corrects('review_findings')},
    check ((sample_case_id is null) <> (list_case_id is null))
  )`,
  // One finding per case; a correction is a new row that points at it.
  `create unique index review_findings_one_per_sample_case
    on review_findings (sample_case_id) where corrects_id is null and sample_case_id is not null`,
  `create unique index review_findings_one_per_list_case
    on review_findings (list_case_id) where corrects_id is null and list_case_id is not null`,

  // ─── nothing is deleted or overwritten ───
  `create function refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception 'tilsyn: % on % is not allowed: records are never changed or deleted; write a correction (corrects_id) instead', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
    end
  $$`,
  `create function refuse_delete() returns trigger language plpgsql as $$
    begin
      raise exception 'tilsyn: % on % is not allowed: rows are never deleted', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
    end
  $$`,
  `create function refuse_audit_change() returns trigger language plpgsql as $$
    begin
      raise exception 'tilsyn: the audit log is append-only (% refused)', tg_op
        using errcode = 'insufficient_privilege';
    end
  $$`,
  ...RECORD_TABLES.flatMap((table) => [
    `create trigger ${table}_refuse_change before update or delete on ${table}
      for each row execute function refuse_change()`,
    `create trigger ${table}_refuse_truncate before truncate on ${table}
      for each statement execute function refuse_change()`,
  ]),
  ...STATEFUL_TABLES.flatMap((table) => [
    `create trigger ${table}_refuse_delete before delete on ${table}
      for each row execute function refuse_delete()`,
    `create trigger ${table}_refuse_truncate before truncate on ${table}
      for each statement execute function refuse_delete()`,
  ]),
  `create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function refuse_audit_change()`,
  `create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function refuse_audit_change()`,
  `revoke update, delete, truncate on audit_log from public`,
  // The application's own role, when the installation has one (docs/database.md).
  `do $$
    begin
      if exists (select 1 from pg_roles where rolname = 'tilsyn_app') then
        revoke update, delete, truncate on audit_log from tilsyn_app;
        grant select, insert on audit_log to tilsyn_app;
      end if;
    end
  $$`,
];

export const caseSystemMigration: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(database);
  },
};
