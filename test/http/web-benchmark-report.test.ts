/**
 * The benchmark report over HTTP, as the web application's figures from
 * aggregated files give it: the reason in Danish (and a 404 for the
 * downloads) before any measurement run, then the latest run's ranking as
 * data, a PDF and an Excel workbook with the same numbers; a year before the
 * regime is refused by the schema.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { caseSystem } from '../../src/cases/case-system.js';
import { runMeasurement } from '../../src/cases/measurement-runs.js';
import { actorOf, addUser } from '../../src/cases/users.js';
import type { WebBenchmarkReport } from '../../src/reports/benchmark-report-view.js';
import { useTestApi, exampleWebOptions } from '../support/api.js';
import { syntheticCaseLoad, type CaseLoad } from '../support/case-load.js';
import { pdfText } from '../support/pdf-text.js';

let load: CaseLoad;

beforeAll(async () => {
  load = await syntheticCaseLoad();
}, 300_000);

afterAll(async () => {
  await load.remove();
});

describe('GET /api/web/reports/benchmark', () => {
  const api = useTestApi('pglite', exampleWebOptions());

  it('says in Danish why there is no benchmark, and the downloads answer 404 with the same reason', async () => {
    const response = await api.app.inject({ method: 'GET', url: '/api/web/reports/benchmark' });
    expect(response.statusCode).toBe(200);
    const view = response.json<WebBenchmarkReport>();
    expect(view).toMatchObject({ available: false, year: 2024 });
    if (view.available) return;
    expect(view.reason).toContain('ingen færdig målekørsel');
    for (const format of ['pdf', 'xlsx']) {
      const download = await api.app.inject({
        method: 'GET',
        url: `/api/web/reports/benchmark.${format}`,
      });
      expect(download.statusCode).toBe(404);
      expect(download.json<{ message: string }>().message).toBe(view.reason);
    }
  });

  it('refuses a year before the regime', async () => {
    const response = await api.app.inject({
      method: 'GET',
      url: '/api/web/reports/benchmark?year=2019',
    });
    expect(response.statusCode).toBe(400);
  });

  it('after a measurement run, gives the ranking as data, PDF and Excel with the same numbers', async () => {
    const database = api.database.database;
    const ministry = actorOf(
      await addUser(database, CLI_ACTOR, {
        username: 'styrelsen',
        role: 'ministry',
        password: 'styrelsens kodeord',
      }),
    );
    const run = await runMeasurement(
      caseSystem({ database, dataDirectory: load.dataDirectory }),
      ministry,
      { load: load.loadId, fromYear: 2024, toYear: 2024 },
    );
    expect(run.status).toBe('done');

    const response = await api.app.inject({
      method: 'GET',
      url: '/api/web/reports/benchmark?year=2024',
    });
    expect(response.statusCode).toBe(200);
    const view = response.json<WebBenchmarkReport>();
    if (!view.available) throw new Error(view.reason);
    const rows = view.report.result.rows;
    expect(rows).toHaveLength(98);
    const stored = await database
      .selectFrom('benchmark_results')
      .select(['municipality_code', 'expected_share', 'actual_share'])
      .where('measurement_run_id', '=', run.id)
      .where('year', '=', 2024)
      .execute();
    for (const row of stored) {
      const shown = rows.find((candidate) => candidate.municipality.code === row.municipality_code);
      expect(shown?.expectedShare).toBe(row.expected_share);
      expect(shown?.actualShare).toBe(row.actual_share);
    }

    const pdf = await api.app.inject({
      method: 'GET',
      url: '/api/web/reports/benchmark.pdf?year=2024',
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="benchmark-2024.pdf"');
    const text = await pdfText(new Uint8Array(pdf.rawPayload));
    expect(text).toContain('Benchmarking af kommunernes resultater 2024');
    const first = rows[0];
    if (first === undefined) throw new Error('no rows');
    expect(text).toContain(`${first.municipality.name} (${String(first.municipality.code)})`);

    const xlsx = await api.app.inject({
      method: 'GET',
      url: '/api/web/reports/benchmark.xlsx?year=2024',
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="benchmark-2024.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.rawPayload).buffer);
    const sheet = workbook.getWorksheet('Resultatmål');
    if (sheet === undefined) throw new Error('no sheet Resultatmål');
    const cells: { code: unknown; expected: unknown; format: string | undefined }[] = [];
    sheet.eachRow((row) => {
      cells.push({
        code: row.getCell(3).value,
        expected: row.getCell(4).value,
        format: row.getCell(4).numFmt,
      });
    });
    const data = cells.filter((cell) => typeof cell.code === 'number');
    expect(data).toHaveLength(98);
    for (const cell of data) {
      const shown = rows.find((candidate) => candidate.municipality.code === cell.code);
      expect(cell.expected).toBe(shown?.expectedShare);
      expect(cell.format).toBe('#,##0.00');
    }
  }, 300_000);
});
