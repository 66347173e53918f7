import { describe, expect, it } from 'vitest';
import { addTestToken, addTestUser, useTestApi } from '../support/api.js';

const URL = '/api/municipalities/101/persons/p-77/explanation?month=2024-06&reason=sagsbehandling';

describe('the person-level explanation', () => {
  const api = useTestApi('pglite');

  const refusals = () =>
    api.database.database
      .selectFrom('audit_log')
      .select(['actor', 'outcome', 'person_key', 'reason', 'municipality_code'])
      .where('action', '=', 'person.explanation')
      .orderBy('id')
      .execute();

  it('answers 401 without a login and writes the refusal to the audit log', async () => {
    const response = await api.app.inject({ method: 'GET', url: URL });
    expect(response.statusCode).toBe(401);
    expect(await refusals()).toEqual([
      {
        actor: 'anonym',
        outcome: 'refused',
        person_key: 'p-77',
        reason: 'sagsbehandling',
        municipality_code: 101,
      },
    ]);
  });

  it('answers 403 to another municipality and to an auditor, audited with who asked', async () => {
    for (const user of [
      { username: 'aarhus', role: 'municipality' as const, municipality: 751 },
      { username: 'revisoren', role: 'auditor' as const },
    ]) {
      await addTestUser(api.database.database, user);
      const token = await addTestToken(api.database.database, user.username);
      const response = await api.app.inject({
        method: 'GET',
        url: URL,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode).toBe(403);
    }
    expect((await refusals()).slice(1).map((row) => [row.actor, row.outcome])).toEqual([
      ['aarhus', 'refused'],
      ['revisoren', 'refused'],
    ]);
  });

  it('requires a reason', async () => {
    await addTestUser(api.database.database, {
      username: 'kbh',
      role: 'municipality',
      municipality: 101,
    });
    const token = await addTestToken(api.database.database, 'kbh');
    const response = await api.app.inject({
      method: 'GET',
      url: '/api/municipalities/101/persons/p-77/explanation?month=2024-06',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(400);
  });

  it('says so when the persons behind a measure are asked without person-level data, and audits it', async () => {
    await addTestUser(api.database.database, {
      username: 'kbh-liste',
      role: 'municipality',
      municipality: 101,
    });
    const token = await addTestToken(api.database.database, 'kbh-liste');
    const response = await api.app.inject({
      method: 'GET',
      url: '/api/municipalities/101/persons?month=2024-06&goal=offers&scope=all&reason=opf%C3%B8lgning',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json<{ error: string; message: string }>()).toMatchObject({
      error: 'no_person_data',
      message: expect.stringMatching(/kun aggregerede filer/) as unknown,
    });
    const audited = await api.database.database
      .selectFrom('audit_log')
      .select(['actor', 'outcome', 'reason', 'municipality_code'])
      .where('action', '=', 'person.list')
      .execute();
    expect(audited).toEqual([
      { actor: 'kbh-liste', outcome: 'refused', reason: 'opfølgning', municipality_code: 101 },
    ]);
  });
});
