/**
 * CSV for Excel users as an option of every list the web offers
 * (`?format=csv`): the bytes begin with the UTF-8 byte-order mark, fields are
 * separated by `;`, headers are Danish, municipalities are named, and the
 * numbers are the JSON form's numbers with the decimal comma. Without the
 * option the JSON stays as it is.
 */
import { describe, expect, it } from 'vitest';
import type { AmkAlertsView } from '../../src/cases/views/amk-alerts.js';
import type { MunicipalityMeasures } from '../../src/cases/views/municipality-measures.js';
import type { OverviewResponse } from '../../src/cases/views/overview-types.js';
import { addTestToken, addTestUser, useTestApi, exampleWebOptions } from '../support/api.js';

const BOM = [0xef, 0xbb, 0xbf];

/** The rows of a CSV for Excel (no quoted separators in the cells read here). */
function table(body: Buffer): string[][] {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(body).replace(/^\uFEFF/, '');
  return text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';'));
}

/** The cell of `row` under `header`. */
function cell(rows: string[][], row: string[] | undefined, header: string): string | undefined {
  const index = (rows[0] ?? []).indexOf(header);
  if (index < 0) throw new Error(`no column "${header}" in ${JSON.stringify(rows[0])}`);
  return row?.[index];
}

const comma = (value: number, decimals: number) => value.toFixed(decimals).replace('.', ',');

describe('the web lists as CSV for Excel', () => {
  const api = useTestApi('pglite', exampleWebOptions());

  const get = (url: string, token?: string) =>
    api.app.inject({
      method: 'GET',
      url,
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });

  it('gives the national overview with the BOM, Danish headers, names and the JSON’s numbers with a decimal comma', async () => {
    const json = (await get('/api/web/overview')).json<OverviewResponse>();
    const response = await get('/api/web/overview?format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="landsoversigt-2024-12.csv"',
    );
    expect([...response.rawPayload.subarray(0, 3)]).toEqual(BOM);
    const rows = table(response.rawPayload);
    expect(rows[0]?.slice(0, 5)).toEqual([
      'Kommunekode',
      'Kommune',
      'AMK',
      'Status',
      'Tilbud mv.: andel passive december 2024 (%)',
    ]);
    expect(rows).toHaveLength(99);
    const aarhus = json.municipalities.find((row) => row.code === 751);
    const row = rows.find((candidate) => candidate[0] === '751');
    expect(row?.slice(0, 3)).toEqual(['751', 'Aarhus', 'AMK Midt-Nord']);
    const average = aarhus?.goals.offers.average;
    if (average === null || average === undefined) throw new Error('Aarhus has no average');
    expect(cell(rows, row, 'Tilbud mv.: gns. de seneste 12 mdr. (%)')).toBe(comma(average, 1));
    expect(rows.find((candidate) => candidate[0] === '825')?.[1]).toBe('Læsø');
  });

  it('gives a municipality’s months with its code and name and the counts and shares of the JSON', async () => {
    const json = (await get('/api/web/municipalities/751/measures')).json<MunicipalityMeasures>();
    const response = await get('/api/web/municipalities/751/measures?format=csv');
    expect([...response.rawPayload.subarray(0, 3)]).toEqual(BOM);
    const rows = table(response.rawPayload);
    expect(rows).toHaveLength(json.months.length + 1);
    const last = json.months[json.months.length - 1];
    const row = rows[rows.length - 1];
    expect(row?.slice(0, 3)).toEqual(['751', 'Aarhus', 'december 2024']);
    const figures = last?.goals.conversations;
    if (figures?.target == null || figures.share === null) throw new Error('no figures');
    expect(cell(rows, row, 'Samtaler: målgruppe (personer)')).toBe(String(figures.target));
    expect(cell(rows, row, 'Samtaler: andel passive (%)')).toBe(comma(figures.share, 1));
    expect(cell(rows, row, 'Samtaler: andel passive (%)')).toMatch(/^\d+,\d$/);
  });

  it('gives the status report and the assessment report through their own Excel CSV', async () => {
    for (const [url, first] of [
      ['/api/web/reports/status?format=csv', 'Kommunekode;Kommune;Tilbud mv.: andel passive'],
      ['/api/web/reports/assessment?format=csv', 'Opgørelsesår;Regler;Kommunekode;Kommune'],
    ] as const) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect([...response.rawPayload.subarray(0, 3)]).toEqual(BOM);
      const text = response.rawPayload.toString('utf8').slice(1);
      expect(text.startsWith(first)).toBe(true);
      expect(text).toContain(';Aarhus;');
    }
    const json = await get('/api/web/reports/status');
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });

  it('gives an AMK its region’s alerts, and says the early effort needs a load', async () => {
    await addTestUser(api.database.database, {
      username: 'amk-midt',
      role: 'amk',
      amk: 'AMK Midt-Nord',
    });
    const token = await addTestToken(api.database.database, 'amk-midt');
    const json = (await get('/api/web/amk/alerts', token)).json<AmkAlertsView>();
    expect(json.available).toBe(false);
    expect(json.amks).toEqual(['AMK Midt-Nord']);
    expect(json.municipalities).toHaveLength(30);
    const response = await get('/api/web/amk/alerts?format=csv', token);
    expect([...response.rawPayload.subarray(0, 3)]).toEqual(BOM);
    const rows = table(response.rawPayload);
    expect(rows[0]?.slice(0, 5)).toEqual([
      'Kommunekode',
      'Kommune',
      'AMK',
      'Varsel',
      'Varsel siden',
    ]);
    expect(rows.map((row) => row[1])).toContain('Aarhus');
    expect(rows.map((row) => row[1])).not.toContain('København');
    expect((await get('/api/web/amk/alerts?format=csv')).statusCode).toBe(401);
  });
});
