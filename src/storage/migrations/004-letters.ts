/**
 * Migration 004: the letters stored with their decisions and meetings
 * (issue 11). Append-only like every record of the process (migration 001):
 *
 * - `letters`: one row per letter sent — the letter's input (the snapshot
 *   of every fact it states, with the template it was written from and the
 *   template's version) and the rendered letter as HTML and text, with the
 *   SHA-256 of the HTML, the text and the PDF. The PDF is rendered again
 *   from the snapshot when asked for; its hash says it is the same. A letter
 *   re-dated (the notice's real send date recorded later) is a new row whose
 *   `corrects_id` points at the letter it replaces.
 * - `run_decisions.letter_inputs`: the letter inputs an assessment run
 *   computes with its draft decisions, one per decision a person may take
 *   (more than one where the decision requires judgement), so that issuing
 *   writes the letter from the facts the run assessed, never from a new
 *   computation. Null for runs computed before this migration.
 *
 * The letters table refuses UPDATE, DELETE and TRUNCATE through the
 * `refuse_change` function migration 001 created. Migration 001 is never
 * edited: a database migrated by it gets this migration on its next start.
 */
import { sql, type Kysely, type Migration } from 'kysely';

const ISO_DATE = `'^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`;
const SHA256 = `'^[0-9a-f]{64}$'`;

const STATEMENTS: readonly string[] = [
  `alter table run_decisions add column letter_inputs jsonb`,
  `create table letters (
    id integer generated always as identity primary key,
    case_id integer not null references supervision_cases(id),
    municipality_code integer not null,
    decision_id integer references decisions(id),
    meeting_id integer references meetings(id),
    notice_id integer references notices(id),
    kind text not null,
    template text not null,
    template_version text not null,
    letter_date text not null check (letter_date ~ ${ISO_DATE}),
    input jsonb not null,
    html text not null,
    html_sha256 text not null check (html_sha256 ~ ${SHA256}),
    text text not null,
    text_sha256 text not null check (text_sha256 ~ ${SHA256}),
    pdf_sha256 text not null check (pdf_sha256 ~ ${SHA256}),
    created_at timestamptz not null default now(),
    created_by integer references users(id),
    corrects_id integer references letters(id),
    check ((decision_id is null) <> (meeting_id is null))
  )`,
  `create index letters_decision on letters (decision_id) where decision_id is not null`,
  `create index letters_meeting on letters (meeting_id) where meeting_id is not null`,
  `create index letters_municipality on letters (municipality_code)`,
  `create trigger letters_refuse_change before update or delete on letters
    for each row execute function refuse_change()`,
  `create trigger letters_refuse_truncate before truncate on letters
    for each statement execute function refuse_change()`,
];

export const lettersMigration: Migration = {
  async up(database: Kysely<unknown>): Promise<void> {
    for (const statement of STATEMENTS) await sql.raw(statement).execute(database);
  },
};
