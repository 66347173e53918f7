/**
 * The invitation letter of a meeting, as the case's readers open it: the
 * ministry invites Aarhus (under supervision) to a meeting; the letter
 * stored with the meeting is served as its stored HTML and as the PDF
 * rendered from its stored input, both naming the meeting date in Danish
 * and the municipality; the case view links the meeting to its letter; a
 * user of another municipality is refused, and a meeting of another
 * municipality is not found under this one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../src/cases/actor.js';
import { sha256 } from '../../src/cases/letters.js';
import { appendCaseEvent, caseIdOf } from '../../src/cases/supervision-cases.js';
import type { CaseView } from '../../src/cases/views/case-view.js';
import { addTestToken, addTestUser, useTestApi, exampleWebOptions } from '../support/api.js';
import { pdfText } from '../support/pdf-text.js';

const AARHUS = 751;
const KOEBENHAVN = 101;

describe('the invitation letter of a meeting', () => {
  const api = useTestApi('pglite', exampleWebOptions());
  const tokens = { ministry: '', aarhus: '', koebenhavn: '' };
  let meetingId = 0;
  let letterUrl = '';

  const get = (url: string, token: string) =>
    api.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    const database = api.database.database;
    await addTestUser(database, { username: 'ministeriet', role: 'ministry' });
    await addTestUser(database, { username: 'aarhus', role: 'municipality', municipality: AARHUS });
    await addTestUser(database, {
      username: 'koebenhavn',
      role: 'municipality',
      municipality: KOEBENHAVN,
    });
    tokens.ministry = await addTestToken(database, 'ministeriet');
    tokens.aarhus = await addTestToken(database, 'aarhus');
    tokens.koebenhavn = await addTestToken(database, 'koebenhavn');
    // Aarhus is under supervision, as an issued selection leaves its case.
    await appendCaseEvent(database, SYSTEM_ACTOR, {
      caseId: await caseIdOf(database, AARHUS),
      kind: 'decision_issued',
      eventDate: '2025-04-30',
      statusAfter: 'supervised',
      summary: 'Omfattet af skærpet tilsyn efter opgørelsen af 2024.',
    });
    const invited = await api.app.inject({
      method: 'POST',
      url: `/api/municipalities/${String(AARHUS)}/meetings`,
      headers: { authorization: `Bearer ${tokens.ministry}` },
      payload: { invitationDate: '2025-05-01', meetingDate: '2025-05-20' },
    });
    expect(invited.statusCode, invited.body).toBe(201);
    meetingId = invited.json<{ id: number }>().id;
    letterUrl = `/api/web/municipalities/${String(AARHUS)}/meetings/${String(meetingId)}/letter`;
  });

  it('is linked from the meeting in the case view by its stored letter’s id', async () => {
    const response = await get(`/api/web/municipalities/${String(AARHUS)}/case`, tokens.aarhus);
    expect(response.statusCode).toBe(200);
    const meeting = response.json<CaseView>().meetings.find((row) => row.id === meetingId);
    const stored = await api.database.database
      .selectFrom('letters')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(meeting?.letterId).toBe(stored.id);
  });

  it('is the stored HTML, with the meeting date in Danish and the municipality’s name', async () => {
    const response = await get(`${letterUrl}.html`, tokens.aarhus);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    const stored = await api.database.database
      .selectFrom('letters')
      .select(['id', 'html'])
      .where('meeting_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(response.body).toBe(stored.html);
    expect(response.headers['x-tilsyn-letter']).toBe(`stored; id=${String(stored.id)}`);
    expect(response.body).toContain('20. maj 2025');
    expect(response.body).toContain('Aarhus');
  });

  it('is a PDF with the stored hash, whose text names the meeting date and the municipality', async () => {
    const response = await get(`${letterUrl}.pdf`, tokens.ministry);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const stored = await api.database.database
      .selectFrom('letters')
      .select('pdf_sha256')
      .where('meeting_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(sha256(response.rawPayload)).toBe(stored.pdf_sha256);
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('20. maj 2025');
    expect(text).toContain('Aarhus');
  });

  it('is refused to a user of another municipality', async () => {
    const response = await get(`${letterUrl}.html`, tokens.koebenhavn);
    expect(response.statusCode).toBe(403);
  });

  it('is not found under another municipality, even for the ministry', async () => {
    const response = await get(
      `/api/web/municipalities/${String(KOEBENHAVN)}/meetings/${String(meetingId)}/letter.html`,
      tokens.ministry,
    );
    expect(response.statusCode).toBe(404);
  });
});
