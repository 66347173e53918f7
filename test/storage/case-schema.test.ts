import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DATABASE_KINDS, useTestDatabase } from '../support/databases.js';

describe.each(DATABASE_KINDS)('the case system schema (%s)', (kind) => {
  const test = useTestDatabase(kind);

  it('keeps the audit log append-only: update, delete and truncate are refused', async () => {
    const database = test.database;
    await database
      .insertInto('audit_log')
      .values({ actor: 'cli', action: 'probe', details: JSON.stringify({ note: 'første' }) })
      .execute();
    await expect(sql`update audit_log set action = 'changed'`.execute(database)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_log`.execute(database)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(database)).rejects.toThrow(/append-only/);
    const rows = await database.selectFrom('audit_log').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'probe', details: { note: 'første' } });
  });

  it('never changes a record: a correction is a new row pointing at the one it corrects', async () => {
    const database = test.database;
    const supervisionCase = await database
      .insertInto('supervision_cases')
      .values({ municipality_code: 101 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const first = await database
      .insertInto('amk_contacts')
      .values({
        case_id: supervisionCase.id,
        municipality_code: 101,
        amk: 'AMK Øst',
        first_contact_date: '2025-05-02',
        wants_assistance: 'undecided',
        mapping_done: false,
        effort: 'Indledende møde',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await expect(
      sql`update amk_contacts set effort = 'Ændret' where id = ${first.id}`.execute(database),
    ).rejects.toThrow(/never changed/);
    await expect(
      sql`delete from amk_contacts where id = ${first.id}`.execute(database),
    ).rejects.toThrow(/never changed/);
    await database
      .insertInto('amk_contacts')
      .values({
        case_id: supervisionCase.id,
        municipality_code: 101,
        amk: 'AMK Øst',
        first_contact_date: '2025-05-02',
        wants_assistance: 'yes',
        mapping_done: true,
        effort: 'Afdækning gennemført',
        corrects_id: first.id,
      })
      .execute();
    const rows = await database
      .selectFrom('amk_contacts')
      .select(['id', 'wants_assistance', 'corrects_id'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { id: first.id, wants_assistance: 'undecided', corrects_id: null },
      { id: first.id + 1, wants_assistance: 'yes', corrects_id: first.id },
    ]);
  });

  it('refuses a malformed date and an unknown role', async () => {
    const database = test.database;
    await expect(
      database
        .insertInto('supervision_cases')
        .values({ municipality_code: 147 })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then(({ id }) =>
          database
            .insertInto('case_events')
            .values({ case_id: id, kind: 'probe', event_date: '2.5.2025', summary: 'x' })
            .execute(),
        ),
    ).rejects.toThrow(/check constraint/);
    await expect(
      sql`insert into users (username, role) values ('eve', 'public')`.execute(database),
    ).rejects.toThrow(/check constraint/);
  });

  it('lets a user be disabled but never deleted', async () => {
    const database = test.database;
    const user = await database
      .insertInto('users')
      .values({ username: 'revisor1', role: 'auditor' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database
      .updateTable('users')
      .set({ disabled_at: new Date('2025-06-01T00:00:00Z') })
      .where('id', '=', user.id)
      .execute();
    await expect(sql`delete from users where id = ${user.id}`.execute(database)).rejects.toThrow(
      /never deleted/,
    );
  });
});
