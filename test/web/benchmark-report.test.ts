/**
 * The benchmark report in a real browser, over the example aggregates (no
 * load, so no model to fit): first the page says in Danish why there is no
 * benchmark; after a measurement run of a synthetic load it shows the
 * ranking 1–98 from that run — the chart with its caption and description,
 * the best and worst marked in words, Danish numbers — reached from the
 * reports' tabs, the PDF and Excel downloads, and no serious accessibility
 * violations. From a load (as in the demo) the page also ranks each
 * benchmark measure, chosen in a list, and names the clusters.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { caseSystem } from '../../src/cases/case-system.js';
import { runMeasurement } from '../../src/cases/measurement-runs.js';
import { actorOf, addUser } from '../../src/cases/users.js';
import { WebDataSource } from '../../src/cases/views/web-data.js';
import { yearMonth } from '../../src/core/calendar/year-month.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';
import { buildApp } from '../../src/http/app.js';
import type { WebBenchmarkReport } from '../../src/reports/benchmark-report-view.js';
import { syntheticCaseLoad, type CaseLoad } from '../support/case-load.js';
import { pdfText } from '../support/pdf-text.js';
import { seriousViolations, startWeb, type WebHarness } from './web-harness.js';

let web: WebHarness;
let load: CaseLoad;

beforeAll(async () => {
  web = await startWeb();
  load = await syntheticCaseLoad();
}, 300_000);

afterAll(async () => {
  await web.close();
  await load.remove();
});

describe('the benchmark report without a measurement run', () => {
  it('says in Danish why there is no benchmark, with no serious accessibility violations', async () => {
    const page = await web.open('/rapporter/benchmark');
    await page.getByRole('heading', { name: 'Intet benchmark for 2024' }).waitFor();
    expect(await page.getByRole('status').innerText()).toContain('ingen færdig målekørsel');
    expect(await page.getByRole('link', { name: 'Hent som PDF' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('the benchmark report from the latest measurement run', () => {
  let view: WebBenchmarkReport;

  beforeAll(async () => {
    const ministry = actorOf(
      await addUser(web.database, CLI_ACTOR, {
        username: 'maaler',
        role: 'ministry',
        password: 'målerens kodeord',
      }),
    );
    await runMeasurement(
      caseSystem({ database: web.database, dataDirectory: load.dataDirectory }),
      ministry,
      { load: load.loadId, fromYear: 2024, toYear: 2024 },
    );
    const response = await fetch(`${web.url}/api/web/reports/benchmark`);
    view = (await response.json()) as WebBenchmarkReport;
  }, 300_000);

  it('is reached from the reports’ tabs and ranks all 98 municipalities in Danish numbers, best and worst marked in words', async () => {
    if (!view.available) throw new Error(view.reason);
    const page = await web.open('/rapporter');
    await page
      .getByRole('navigation', { name: 'Rapporter' })
      .getByRole('link', { name: 'Benchmark' })
      .click();
    await page.waitForURL((address: URL) => address.pathname === '/rapporter/benchmark');
    await page.getByRole('heading', { level: 1, name: view.report.title }).waitFor();
    const rows = page.locator('section[aria-labelledby="result"] tbody tr');
    expect(await rows.count()).toBe(98);
    const first = view.report.result.rows[0];
    if (first === undefined) throw new Error('no rows');
    const cells = rows.first().locator('td');
    expect(await cells.nth(0).innerText()).toBe(String(first.rank));
    // The expected share with two decimals and a decimal comma.
    expect(await cells.nth(1).innerText()).toBe(first.expectedShare.toFixed(2).replace('.', ','));
    expect(await rows.first().locator('th').innerText()).toBe(
      `${first.municipality.name} (${String(first.municipality.code)})`,
    );
    expect(await cells.nth(5).innerText()).toBe('▲ Blandt de bedste');
    expect(await rows.last().locator('td').nth(5).innerText()).toBe('▼ Blandt de dårligste');
    const best = page.locator('section[aria-labelledby="best-and-worst"] li');
    expect(await best.count()).toBe(
      view.report.result.rows.filter((row) => row.highlight !== null).length,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('has a ranked chart with a caption and a text description naming the best and the worst', async () => {
    if (!view.available) throw new Error(view.reason);
    const page = await web.open('/rapporter/benchmark');
    const figure = page.getByRole('figure', { name: /Placering på resultatmålet 2024/ });
    await figure.waitFor();
    expect(await figure.locator('svg').count()).toBeGreaterThan(0);
    const description = await figure.locator('.chart-description').innerText();
    const first = view.report.result.rows[0];
    const last = view.report.result.rows[view.report.result.rows.length - 1];
    expect(description).toContain(`De bedste (▲, grøn): ${first?.municipality.name ?? '?'}`);
    expect(description).toContain(last?.municipality.name ?? '?');
  });

  it('downloads as a PDF whose text has the title and the first municipality', async () => {
    if (!view.available) throw new Error(view.reason);
    const page = await web.open('/rapporter/benchmark');
    await page.locator('section[aria-labelledby="result"] tbody tr').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent som PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('benchmark-2024.pdf');
    const text = await pdfText(new Uint8Array(await readFile(await download.path())));
    expect(text).toContain('Benchmarking af kommunernes resultater 2024');
    const first = view.report.result.rows[0];
    expect(text).toContain(
      `${first?.municipality.name ?? '?'} (${String(first?.municipality.code)})`,
    );
  });

  it('downloads as an Excel workbook of real numeric cells with Danish number formats', async () => {
    if (!view.available) throw new Error(view.reason);
    const page = await web.open('/rapporter/benchmark');
    await page.locator('section[aria-labelledby="result"] tbody tr').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent som Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('benchmark-2024.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile(await download.path())).buffer);
    const sheet = workbook.getWorksheet('Resultatmål');
    if (sheet === undefined) throw new Error('no sheet Resultatmål');
    const byCode = new Map(view.report.result.rows.map((row) => [row.municipality.code, row]));
    let checked = 0;
    sheet.eachRow((row) => {
      const code = row.getCell(3).value;
      if (typeof code !== 'number') return;
      const shown = byCode.get(code);
      expect(row.getCell(1).value).toBe(shown?.rank);
      expect(row.getCell(6).value).toBe(shown?.differencePoints);
      expect(row.getCell(6).numFmt).toContain('0.00');
      checked += 1;
    });
    expect(checked).toBe(98);
  });
});

describe('the benchmark report from a load, as the demo shows it', () => {
  it('ranks a benchmark measure chosen in the list against the clusters, with no serious accessibility violations', async () => {
    const app = await buildApp({
      database: web.database,
      dataDirectory: load.dataDirectory,
      web: {
        data: new WebDataSource({
          figures: { kind: 'load', dataDirectory: load.dataDirectory },
          month: yearMonth('2024-12'),
          rules: OFFICIAL_RULES,
        }),
      },
    });
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const page = await web.browser.newPage({ locale: 'da-DK' });
      await page.goto(`${url}/rapporter/benchmark`);
      const measures = page.locator('section[aria-labelledby="measures"]');
      await measures.locator('tbody tr').first().waitFor({ timeout: 120_000 });
      const chooser = page.getByLabel('Måling', { exact: true });
      const options = await chooser.locator('option').allInnerTexts();
      expect(options).toHaveLength(6 * 13);
      const chosen = options.find(
        (option) =>
          option.startsWith('Afgang til beskæftigelse inden for 3 måneder') &&
          option.endsWith('– Alle ydelser'),
      );
      if (chosen === undefined) throw new Error(`no such measure among ${options.join(' | ')}`);
      await chooser.selectOption({ label: chosen });
      await expect
        .poll(() => measures.locator('caption').innerText())
        .toContain(
          'Afgang til beskæftigelse inden for 3 måneder (%) — Alle ydelser, 2024-12 (højest er bedst)',
        );
      expect(await measures.locator('tbody tr').count()).toBe(98);
      const best = measures.locator('tbody tr.best').first().locator('td');
      expect(await best.nth(2).innerText()).toBe('▲ Blandt de bedste');
      // The place in the cluster, "n af m".
      expect(await best.nth(6).innerText()).toMatch(/^\d+ af \d+$/);
      expect(await page.getByRole('heading', { name: 'Klyngerne' }).count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await app.close();
    }
  }, 300_000);
});
