import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { loggablePath } from '../../src/http/log-privacy.js';
import type { TilsynApp } from '../../src/http/tilsyn-app.js';
import { openDatabase, type Database } from '../../src/storage/database.js';

const CPR = '0101901234';
const CPR_WITH_DASH = '010190-1234';

describe('the structured logs', () => {
  let app: TilsynApp;
  let database: Database;
  const lines: string[] = [];

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', directory: undefined });
    app = await buildApp({
      database,
      dataDirectory: '/nonexistent',
      log: { level: 'trace', stream: { write: (line) => lines.push(line) } },
    });
    await app.inject({ method: 'GET', url: `/api/health?cpr=${CPR}&reason=sag+om+Jens` });
    await app.inject({ method: 'GET', url: `/api/municipalities/101/persons/${CPR}/explanation` });
    await app.inject({ method: 'GET', url: `/api/somewhere/${CPR_WITH_DASH}` });
    await app.inject({
      method: 'POST',
      url: '/api/health',
      headers: { 'content-type': 'application/json' },
      payload: `{"cpr": "${CPR}", broken`,
    });
    await app.inject({
      method: 'POST',
      url: '/api/nothing',
      payload: { password: 'hemmeligt', cpr: CPR },
    });
    await app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'nogen', password: `hemmeligt-${CPR}` },
    });
  });

  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('are JSON lines that record each request with method, path and status', () => {
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.some((record) => record['msg'] === 'incoming request')).toBe(true);
    const completed = records.filter((record) => record['msg'] === 'request completed');
    expect(completed).toHaveLength(6);
    expect(completed[0]?.['res']).toEqual({ statusCode: 200 });
    expect(records.some((record) => JSON.stringify(record).includes('/api/health'))).toBe(true);
  });

  it('never carry a CPR number, a query string, a person key or a request body', () => {
    const text = lines.join('');
    expect(text).not.toContain(CPR);
    expect(text).not.toContain(CPR_WITH_DASH);
    expect(text).not.toContain('reason');
    expect(text).not.toContain('Jens');
    expect(text).not.toContain('?');
    expect(text).not.toContain('hemmeligt');
    expect(text).toContain('/api/municipalities/101/persons/***/explanation');
  });

  it('mask the person key and CPR-shaped numbers in a logged path', () => {
    expect(loggablePath('/api/municipalities/101/persons/abc/explanation?reason=x')).toBe(
      '/api/municipalities/101/persons/***/explanation',
    );
    expect(loggablePath(`/x/${CPR_WITH_DASH}/y#${CPR}`)).toBe('/x/***/y');
    expect(loggablePath('/api/public/focus-measures')).toBe('/api/public/focus-measures');
  });
});
