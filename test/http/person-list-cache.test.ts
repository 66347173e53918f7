/**
 * The persons behind a measure, asked twice: a synthetic national load is
 * in use; København's own user lists the persons of June 2024 twice and
 * gets the same list both times (the second from the evaluated target group
 * kept in memory), each request written to the audit log with its reason;
 * another goal of the same month lists the same target group; and the
 * permission is still checked once the list is kept — another
 * municipality's user is refused and audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonList } from '../../src/cases/person-lists.js';
import { addTestToken, addTestUser, useTestApi } from '../support/api.js';
import { syntheticCaseLoad } from '../support/case-load.js';

const load = await syntheticCaseLoad();

afterAll(async () => {
  await load.remove();
});

const KOEBENHAVN = 101;
const LIST = `/api/municipalities/${String(KOEBENHAVN)}/persons?month=2024-06&scope=all`;

describe('the persons behind a measure, asked again', () => {
  const api = useTestApi('pglite', { dataDirectory: load.dataDirectory });
  const tokens = { own: '', other: '' };

  const get = (url: string, token: string) =>
    api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  const audited = () =>
    api.database.database
      .selectFrom('audit_log')
      .select(['action', 'outcome', 'reason', 'municipality_code'])
      .where('action', '=', 'person.list')
      .orderBy('id')
      .execute();

  beforeAll(async () => {
    const database = api.database.database;
    await addTestUser(database, {
      username: 'koebenhavn',
      role: 'municipality',
      municipality: KOEBENHAVN,
    });
    await addTestUser(database, { username: 'aarhus', role: 'municipality', municipality: 751 });
    tokens.own = await addTestToken(database, 'koebenhavn');
    tokens.other = await addTestToken(database, 'aarhus');
  });

  it('gives the same list the second time, and audits both requests with their reasons', async () => {
    const first = await get(`${LIST}&goal=offers&reason=f%C3%B8rste`, tokens.own);
    expect(first.statusCode, first.body).toBe(200);
    const second = await get(`${LIST}&goal=offers&reason=anden`, tokens.own);
    expect(second.statusCode, second.body).toBe(200);
    const list = first.json<PersonList>();
    expect(list.loadId).toBe(load.loadId);
    expect(list.persons.length).toBeGreaterThan(0);
    expect(second.json<PersonList>()).toEqual(list);
    expect(await audited()).toEqual([
      { action: 'person.list', outcome: 'ok', reason: 'første', municipality_code: KOEBENHAVN },
      { action: 'person.list', outcome: 'ok', reason: 'anden', municipality_code: KOEBENHAVN },
    ]);
  });

  it('lists the same target group for the other goal of the month, passive for that goal', async () => {
    const offers = (await get(`${LIST}&goal=offers&reason=tilbud`, tokens.own)).json<PersonList>();
    const conversations = await get(`${LIST}&goal=conversations&reason=samtaler`, tokens.own);
    expect(conversations.statusCode, conversations.body).toBe(200);
    const listed = conversations.json<PersonList>();
    expect(listed.goal).toBe('conversations');
    expect(listed.target).toBe(offers.target);
    expect(listed.persons.map((person) => person.personKey).sort()).toEqual(
      offers.persons.map((person) => person.personKey).sort(),
    );
  });

  it('still refuses another municipality’s user once the list is kept, and audits the refusal', async () => {
    const refused = await get(`${LIST}&goal=offers&reason=nysgerrig`, tokens.other);
    expect(refused.statusCode).toBe(403);
    expect((await audited()).at(-1)).toEqual({
      action: 'person.list',
      outcome: 'refused',
      reason: 'nysgerrig',
      municipality_code: KOEBENHAVN,
    });
  });
});
