/**
 * `npm run screenshots`: the web application's main pages as PNG files in
 * docs/images/ (web-overview, web-municipality, web-status-report,
 * web-letter), taken in headless Chromium (/usr/bin/chromium, driven by
 * playwright-core) from the real application over the example aggregates
 * of December 2024. Needs `npm run build` first.
 *
 * `npm run screenshots -- --url http://127.0.0.1:PORT` takes the pages of a
 * running demonstration instead (`npm start`, logged in as the demo's
 * ministry user): docs/images/demo-*.png — the overview, a municipality
 * with its case, the status report, a stored letter, the assessment
 * workflow, the annual assessment and benchmark reports, the reform
 * simulation and the early-effort alerts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { hashPassword } from '../src/cases/users.js';
import { WebDataSource } from '../src/cases/views/web-data.js';
import { yearMonth } from '../src/core/calendar/year-month.js';
import { OFFICIAL_RULES } from '../src/core/rules/official-rules.js';
import { buildApp } from '../src/http/app.js';
import { openDatabase } from '../src/storage/database.js';

const OUT = join(process.cwd(), 'docs', 'images');
const PASSWORD = 'skaermbilleder';
const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    username: { type: 'string', default: 'demo-ministerie' },
    password: { type: 'string', default: 'demo-kodeord' },
    municipality: { type: 'string', default: '561' },
  },
});

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});

/** Opens `path`, waits for `ready`, and keeps the top `height` pixels as `file`. */
function shooter(page: Page, url: string) {
  return async (path: string, ready: string, file: string, height = 1000) => {
    await page.goto(url + path);
    await page.locator(ready).first().waitFor({ timeout: 120_000 });
    await page.waitForTimeout(500);
    await page.screenshot({
      path: join(OUT, file),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height },
    });
    process.stdout.write(`${join('docs', 'images', file)}\n`);
  };
}

async function logIn(page: Page, url: string, username: string, password: string) {
  await page.goto(`${url}/log-ind`);
  await page.getByLabel('Brugernavn').fill(username);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.getByRole('button', { name: 'Log ud' }).waitFor();
}

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 1000 },
    locale: 'da-DK',
    deviceScaleFactor: 1,
  });
  return context.newPage();
}

if (values.url !== undefined) {
  const url = values.url.replace(/\/$/, '');
  const code = values.municipality;
  try {
    const page = await newPage();
    const shoot = shooter(page, url);
    await logIn(page, url, values.username, values.password);
    await shoot('/', 'figure.chart svg', 'demo-overview.png', 1100);
    await shoot(`/kommuner/${code}`, '#case-heading', 'demo-municipality.png', 2600);
    await shoot('/rapporter', 'figure.chart svg', 'demo-status-report.png', 1500);
    await page.goto(`${url}/kommuner/${code}/brev/2023`);
    await page.frameLocator('iframe.letter-frame').locator('body').first().waitFor();
    await shoot(`/kommuner/${code}/brev/2023`, 'iframe.letter-frame', 'demo-letter.png', 1300);
    await shoot('/opgoerelser', 'main h1', 'demo-assessment-workflow.png', 1300);
    await shoot('/rapporter/opgoerelse', 'main table', 'demo-assessment-report.png', 1300);
    await shoot('/rapporter/benchmark', 'figure.chart svg', 'demo-benchmark-report.png', 1500);
    await shoot('/simulering', 'main form', 'demo-simulation.png', 1300);
    await shoot('/amk', 'main table', 'demo-amk-alerts.png', 1100);
  } finally {
    await browser.close();
  }
} else {
  const root = await mkdtemp(join(tmpdir(), 'tilsyn-screenshots-'));
  const database = await openDatabase({ kind: 'pglite', directory: undefined });
  await database
    .insertInto('users')
    .values({
      username: 'styrelsen',
      role: 'ministry',
      password_hash: await hashPassword(PASSWORD),
    })
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
  try {
    const page = await newPage();
    const shoot = shooter(page, url);
    await shoot('/', 'figure.chart svg', 'web-overview.png', 1100);
    await shoot('/kommuner/183', 'figure.chart svg', 'web-municipality.png', 1500);
    await shoot('/rapporter', 'figure.chart svg', 'web-status-report.png', 1500);
    await logIn(page, url, 'styrelsen', PASSWORD);
    await page.goto(`${url}/kommuner/183/brev/2024`);
    await page.frameLocator('iframe.letter-frame').getByText(/Ishøj/).first().waitFor();
    await shoot('/kommuner/183/brev/2024', 'iframe.letter-frame', 'web-letter.png', 1100);
  } finally {
    await browser.close();
    await app.close();
    await database.destroy();
    await rm(root, { recursive: true, force: true });
  }
}
