/**
 * The public's web application in a real browser: the national overview
 * and a municipality's page without logging in, the quarterly status report
 * with its PDF and Excel downloads, keyboard use, no serious accessibility
 * violations, and no person-level data anywhere.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
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

describe('the national overview for the public', () => {
  it('lists all 98 municipalities by name and code with Danish numbers, sortable and filterable', async () => {
    const page = await web.open('/');
    await page.getByRole('heading', { level: 1, name: 'Landsoversigt' }).waitFor();
    const rows = page.locator('table').first().locator('tbody tr');
    expect(await rows.count()).toBe(98);
    await expect.poll(() => page.getByText('98 af 98 kommuner').count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Aarhus (751)' }).count()).toBe(1);
    const firstAverage = await rows.first().locator('td').nth(3).innerText();
    expect(firstAverage).toMatch(/^\d{1,2},\d/);

    await page.getByLabel('Kommune (navn eller kode)').fill('Aarhus');
    expect(await rows.count()).toBe(1);
    await page.getByLabel('Kommune (navn eller kode)').fill('');

    const sortByOffers = page.getByRole('button', { name: /Tilbud mv\., 12 mdr\. gns\./ });
    await sortByOffers.focus();
    await page.keyboard.press('Enter');
    const header = page.locator('th[aria-sort]');
    expect(await header.getAttribute('aria-sort')).toBe('descending');
    const values = await rows.locator('td:nth-child(7)').allInnerTexts();
    const numbers = values.map((text) => Number(text.replace(/[^\d,]/g, '').replace(',', '.')));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });

  it('draws the ranked chart with a text description and no serious accessibility violations', async () => {
    const page = await web.open('/');
    await page.locator('figure.chart svg').first().waitFor();
    expect(await page.locator('figure.chart figcaption').first().innerText()).toContain(
      'rangeret efter 12 måneders gennemsnit',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('answers the overview API without a session and without any person', async () => {
    const response = await fetch(`${web.url}/api/web/overview`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/personKey|person_id|"persons"|cpr/i);
    const overview = JSON.parse(text) as { municipalities: unknown[]; month: string };
    expect(overview.municipalities).toHaveLength(98);
    expect(overview.month).toBe('2024-12');
  });
});

describe('a municipality page for the public', () => {
  it('opens by link, shows the measures against the thresholds and says how December is projected', async () => {
    const page = await web.open('/kommuner/751');
    await page.getByRole('heading', { level: 1, name: 'Aarhus (751)' }).waitFor();
    expect(await page.locator('figure.chart svg').count()).toBeGreaterThanOrEqual(2);
    const text = await page.locator('main').innerText();
    expect(text).toContain('Fremskrevet december 2024');
    expect(text).toMatch(/12 mdr\. gns\. mod grænsen 30,0 %/);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses a code that is not a municipality', async () => {
    expect((await fetch(`${web.url}/api/web/municipalities/999/measures`)).status).toBe(404);
  });
});

describe('the quarterly status report', () => {
  it('is a web page with Figure 1, Tables 1–3, the appendix and the source', async () => {
    const page = await web.open('/rapporter');
    await page
      .getByRole('heading', {
        level: 1,
        name: 'Opfølgning på kommunernes afgivelse af samtaler og tilbud mv.',
      })
      .waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Figur 1.');
    expect(text).toContain('Tabel 3.');
    expect(text).toContain('Bilag 1.');
    expect(text).toContain('Kilde:');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('downloads as a PDF whose text is the report', async () => {
    const page = await web.open('/rapporter');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent som PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('status-2024-12.pdf');
    const text = await pdfText(new Uint8Array(await readFile(await download.path())));
    expect(text).toContain('Opfølgning på kommunernes afgivelse af samtaler og tilbud mv.');
    expect(text).toContain('Status for december 2024');
  });

  it('downloads as an Excel workbook of real cells with Danish number formats', async () => {
    const page = await web.open('/rapporter');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Hent som Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('status-2024-12.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await readFile(await download.path())).buffer);
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names.length).toBeGreaterThanOrEqual(4);
    const numericCells: ExcelJS.Cell[] = [];
    for (const sheet of workbook.worksheets)
      sheet.eachRow((row) => {
        row.eachCell((cell) => {
          if (typeof cell.value === 'number') numericCells.push(cell);
        });
      });
    expect(numericCells.length).toBeGreaterThan(98);
    expect(numericCells.some((cell) => cell.numFmt === '#,##0.0')).toBe(true);
  });
});
