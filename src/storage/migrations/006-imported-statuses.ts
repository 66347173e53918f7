/**
 * Migration 006: the statuses a municipality already had when the system
 * was taken into use (regime.md; `tilsyn cases import`). Each imported line
 * is a record of its own, never changed (a correction is a new line that
 * points at it), and its case event says where it came from: `source` is
 * `import` for an event made by an import and `case_system` for every other.
 */
import { sql, type Kysely, type Migration } from 'kysely';

const STATEMENTS = [
  `alter table case_events add column source text not null default 'case_system'
    check (source in ('case_system', 'import'))`,
  `create table imported_statuses (
    id integer generated always as identity primary key,
    case_id integer not null references supervision_cases(id),
    municipality_code integer not null,
    status text not null check (status in ('none', 'supervised', 'extended', 'administration')),
    from_date text not null check (from_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
    selected_year integer,
    baseline_offers double precision,
    baseline_conversations double precision,
    file text not null,
    line integer not null,
    created_by integer references users(id),
    created_at timestamptz not null default now(),
    corrects_id integer references imported_statuses(id),
    check (status <> 'none' or (selected_year is null and baseline_offers is null and baseline_conversations is null))
  )`,
  `create trigger imported_statuses_refuse_change before update or delete on imported_statuses
    for each row execute function refuse_change()`,
  `create trigger imported_statuses_refuse_truncate before truncate on imported_statuses
    for each statement execute function refuse_change()`,
];

export const importedStatusesMigration: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(database);
  },
};
