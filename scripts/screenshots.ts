/**
 * `npm run screenshots`: the web application's main pages as PNG files in
 * docs/images/ (web-overview, web-municipality, web-status-report,
 * web-letter), taken in headless Chromium (/usr/bin/chromium, driven by
 * playwright-core) from the real application over the example aggregates
 * of December 2024. Needs `npm run build` first.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { hashPassword } from '../src/cases/users.js';
import { WebDataSource } from '../src/cases/views/web-data.js';
import { yearMonth } from '../src/core/calendar/year-month.js';
import { OFFICIAL_RULES } from '../src/core/rules/official-rules.js';
import { buildApp } from '../src/http/app.js';
import { openDatabase } from '../src/storage/database.js';

const OUT = join(process.cwd(), 'docs', 'images');
const PASSWORD = 'skaermbilleder';

const root = await mkdtemp(join(tmpdir(), 'tilsyn-screenshots-'));
const database = await openDatabase({ kind: 'pglite', directory: undefined });
await database
  .insertInto('users')
  .values({ username: 'styrelsen', role: 'ministry', password_hash: await hashPassword(PASSWORD) })
  .execute();
const app = await buildApp({
  database,
  dataDirectory: root,
  web: {
    data: new WebDataSource({
      figures: {
        kind: 'files',
        focus: 'examples/aggregates/focus_measures.csv',
        rates: 'examples/aggregates/expected_rates.csv',
      },
      month: yearMonth('2024-12'),
      rules: OFFICIAL_RULES,
    }),
  },
});
const url = await app.listen({ port: 0, host: '127.0.0.1' });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    locale: 'da-DK',
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const shoot = async (path: string, ready: string, file: string, height = 1000) => {
    await page.goto(url + path);
    await page.locator(ready).first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({
      path: join(OUT, file),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height },
    });
    process.stdout.write(`${join('docs', 'images', file)}\n`);
  };
  await shoot('/', 'figure.chart svg', 'web-overview.png', 1100);
  await shoot('/kommuner/183', 'figure.chart svg', 'web-municipality.png', 1500);
  await shoot('/rapporter', 'figure.chart svg', 'web-status-report.png', 1500);
  await page.goto(`${url}/log-ind`);
  await page.getByLabel('Brugernavn').fill('styrelsen');
  await page.getByLabel('Adgangskode').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: 'Log ud' }).waitFor();
  await page.goto(`${url}/kommuner/183/brev/2024`);
  await page.frameLocator('iframe.letter-frame').getByText(/Ishøj/).first().waitFor();
  await shoot('/kommuner/183/brev/2024', 'iframe.letter-frame', 'web-letter.png', 1100);
} finally {
  await browser.close();
  await app.close();
  await database.destroy();
  await rm(root, { recursive: true, force: true });
}
