import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import type { TilsynApp } from '../../src/http/tilsyn-app.js';
import { openDatabase, type Database } from '../../src/storage/database.js';

describe('the HTTP API', () => {
  let app: TilsynApp;
  let database: Database;

  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', directory: undefined });
    app = await buildApp({ database, dataDirectory: '/nonexistent' });
  });

  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('answers the health check with 200', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('serves an OpenAPI 3 document that describes its routes', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toContain('/api/health');
  });

  it('answers an unknown address with a Danish 404 that does not echo the address', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: 'not_found', message: 'Adressen findes ikke.' });
  });
});
