/**
 * The annual assessment report in a real browser: the page of a year with
 * every municipality and Danish numbers, a year chosen in the selector,
 * the PDF and Excel downloads, and no serious accessibility violations.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.js';
import { seriousViolations, startWeb, type WebHarness } from './web-harness.js';

let web: WebHarness;

beforeAll(async () => {
  web = await startWeb();
});

afterAll(async () => {
  await web.close();
});

describe('the annual assessment report', () => {
  it('shows every municipality with its result goal in Danish numbers and its decision', async () => {
    const page = await web.open('/rapporter/opgoerelse');
    await page.getByRole('link', { name: 'Aarhus (751)' }).waitFor();
    const rows = page.locator('section[aria-labelledby="municipalities"] tbody tr');
    expect(await rows.count()).toBe(98);
    expect(await rows.first().locator('td').first().innerText()).toMatch(/^\d{1,2},\d$/);
    expect(await page.getByLabel('Opgørelsesår').inputValue()).toBe('2024');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('marks the notable rows in words, not by colour alone: selected, extended and ended', async () => {
    const rowOf = (page: Page, name: string) =>
      page
        .locator('section[aria-labelledby="municipalities"] tbody tr')
        .filter({ has: page.getByRole('link', { name, exact: true }) });
    const page = await web.open('/rapporter/opgoerelse');
    await page.getByRole('link', { name: 'Aarhus (751)' }).waitFor();
    expect(await rowOf(page, 'Ishøj (183)').locator('.mark').innerText()).toBe('Udtages');
    expect(await rowOf(page, 'Faaborg-Midtfyn (430)').locator('.mark').innerText()).toBe(
      'Administration ophører',
    );
    expect(await rowOf(page, 'Slagelse (330)').locator('.mark').innerText()).toBe(
      'Fortsat administration',
    );
    // Every notable row has its word and its bar; no other row has a mark.
    const rows = page.locator('section[aria-labelledby="municipalities"] tbody tr');
    const notable = page.locator('section[aria-labelledby="municipalities"] tbody tr.notable');
    expect(await notable.count()).toBeGreaterThan(0);
    expect(await notable.locator('.mark').count()).toBe(await notable.count());
    expect(await rows.locator('.mark').count()).toBe(await notable.count());
    const bar = await page.evaluate<string>(
      `getComputedStyle(document.querySelector('section[aria-labelledby="municipalities"] a[href="/kommuner/183"]').closest('th')).borderLeftWidth`,
    );
    expect(bar).toBe('4px');
    expect(await page.locator('#marks-legend').innerText()).toMatch(/Udtages/);

    await page.getByLabel('Opgørelsesår').selectOption('2022');
    await expect
      .poll(() => rowOf(page, 'Brøndby (153)').locator('.mark').innerText())
      .toBe('Tilsyn ophører');
    expect(await rowOf(page, 'Faaborg-Midtfyn (430)').locator('.mark').innerText()).toBe(
      'Forlænges',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows an earlier year chosen in the selector, and downloads that year', async () => {
    const page = await web.open('/rapporter/opgoerelse');
    await page.getByRole('link', { name: 'Aarhus (751)' }).waitFor();
    await page.getByLabel('Opgørelsesår').selectOption('2022');
    await expect
      .poll(() => page.getByRole('link', { name: 'Hent som PDF' }).getAttribute('href'))
      .toBe('/api/web/reports/assessment.pdf?year=2022');
    expect(await page.getByLabel('Opgørelsesår').inputValue()).toBe('2022');
  });

  it('downloads as a PDF whose text names the municipalities', async () => {
    const page = await web.open('/rapporter/opgoerelse');
    await page.getByRole('link', { name: 'Aarhus (751)' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent som PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('opgoerelse-2024.pdf');
    const text = await pdfText(new Uint8Array(await readFile(await download.path())));
    expect(text).toContain('Aarhus');
  });

  it('downloads as an Excel workbook of real numeric cells', async () => {
    const page = await web.open('/rapporter/opgoerelse');
    await page.getByRole('link', { name: 'Aarhus (751)' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent som Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('opgoerelse-2024.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile(await download.path())).buffer);
    let numeric = 0;
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          if (typeof cell.value === 'number') numeric += 1;
        });
      });
    expect(numeric).toBeGreaterThan(98);
  });
});
