/**
 * One server and one headless Chromium per browser test file: the real
 * application (buildApp with the web routes and dist/web) over an embedded
 * database and the example aggregates, driven by playwright-core with the
 * system's /usr/bin/chromium (never a downloaded browser). A test that
 * fails leaves a screenshot in test-results/web/.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';
import { hashPassword } from '../../src/cases/users.js';
import { SYSTEM_ACTOR } from '../../src/cases/actor.js';
import { appendCaseEvent, caseIdOf } from '../../src/cases/supervision-cases.js';
import { WebDataSource } from '../../src/cases/views/web-data.js';
import { yearMonth } from '../../src/core/calendar/year-month.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';
import type { RuleBook } from '../../src/core/rules/rule-book.js';
import { buildApp } from '../../src/http/app.js';
import type { TilsynApp } from '../../src/http/tilsyn-app.js';
import { WEB_CLIENT_FOLDER } from '../../src/http/web-client.js';
import { openDatabase, type Database } from '../../src/storage/database.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
];
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'web');
/** The month the example aggregates are shown at. */
export const WEB_MONTH = '2024-12';

export interface WebHarness {
  readonly url: string;
  readonly app: TilsynApp;
  readonly database: Database;
  readonly browser: Browser;
  /** A new page (own cookies) at `path`; its screenshot is kept if the running test fails. */
  open(path: string): Promise<Page>;
  /** A new page logged in as `user` through the login form, then at `path`. */
  openAs(user: keyof typeof USERS, path: string): Promise<Page>;
  close(): Promise<void>;
}

/** The users every browser test can log in as (password {@link PASSWORD}). */
export const USERS = {
  ministry: { username: 'styrelsen', role: 'ministry', municipality: null, amk: null },
  amk: { username: 'amk-midt-nord', role: 'amk', municipality: null, amk: 'AMK Midt-Nord' },
  municipality: { username: 'aarhus', role: 'municipality', municipality: 751, amk: null },
  otherMunicipality: { username: 'ishoej', role: 'municipality', municipality: 183, amk: null },
  auditor: { username: 'revisor', role: 'auditor', municipality: null, amk: null },
} as const;
export const PASSWORD = 'demo-adgangskode';

export interface WebOptions {
  /** A data directory with a stored load in use (default: an empty one, no load). */
  readonly dataDirectory?: string;
  /**
   * Whether the pages' figures are measured from that load (person-level
   * reads then use it too); by default they are the example aggregates
   * (no person-level data).
   */
  readonly figuresFromLoad?: boolean;
  /** The rule book of the pages (default: the official rules). */
  readonly rules?: RuleBook;
  /** The server's environment (e.g. the OpenID Connect settings). */
  readonly env?: Readonly<Record<string, string>>;
}

export async function startWeb(options: WebOptions = {}): Promise<WebHarness> {
  if (!existsSync(join(WEB_CLIENT_FOLDER, 'index.html')))
    throw new Error('The web application is not built: run `npm run build` first.');
  const root = await mkdtemp(join(tmpdir(), 'tilsyn-web-'));
  const database = await openDatabase({ kind: 'pglite', directory: undefined });
  const passwordHash = await hashPassword(PASSWORD);
  for (const user of Object.values(USERS))
    await database
      .insertInto('users')
      .values({
        username: user.username,
        role: user.role,
        municipality_code: user.municipality,
        amk: user.amk,
        password_hash: passwordHash,
      })
      .execute();
  // Aarhus is under supervision, as an issued selection leaves its case.
  await appendCaseEvent(database, SYSTEM_ACTOR, {
    caseId: await caseIdOf(database, USERS.municipality.municipality),
    kind: 'decision_issued',
    eventDate: '2025-04-30',
    statusAfter: 'supervised',
    summary: 'Omfattet af skærpet tilsyn efter opgørelsen af 2024.',
  });
  const app = await buildApp({
    database,
    dataDirectory: options.dataDirectory ?? root,
    ...(options.env === undefined ? {} : { env: options.env }),
    web: {
      data: new WebDataSource({
        figures:
          options.dataDirectory === undefined || options.figuresFromLoad !== true
            ? {
                kind: 'files',
                focus: 'examples/aggregates/focus_measures.csv',
                rates: 'examples/aggregates/expected_rates.csv',
              }
            : { kind: 'load', dataDirectory: options.dataDirectory },
        month: yearMonth(WEB_MONTH),
        rules: options.rules ?? OFFICIAL_RULES,
      }),
    },
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const pages: Page[] = [];
  const harness: WebHarness = {
    url,
    app,
    database,
    browser,
    async open(path: string) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: 'da-DK',
        acceptDownloads: true,
      });
      const page = await context.newPage();
      pages.push(page);
      onTestFailed(async ({ task }) => {
        await mkdir(SCREENSHOTS, { recursive: true });
        const name = task.name.replace(/[^a-zæøå0-9]+/gi, '-').slice(0, 80);
        await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      });
      await page.goto(url + path);
      return page;
    },
    async openAs(user, path) {
      const page = await harness.open(`/log-ind?n%C3%A6ste=${encodeURIComponent(path)}`);
      await page.getByLabel('Brugernavn').fill(USERS[user].username);
      await page.getByLabel('Adgangskode').fill(PASSWORD);
      await page.getByRole('button', { name: 'Log ind' }).click();
      await page.getByRole('button', { name: 'Log ud' }).waitFor();
      await page.waitForURL((address: URL) => address.pathname === path.split('?')[0]);
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
      await database.destroy();
      await rm(root, { recursive: true, force: true });
    },
  };
  return harness;
}

const require = createRequire(import.meta.url);
const AXE_SOURCE_FILE = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

/** The serious and critical accessibility violations axe-core finds on the page (WCAG 2 A and AA). */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_SOURCE_FILE });
  const options = {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  };
  // Evaluated in the page, where axe-core is now loaded.
  const violations = await page.evaluate<AxeViolation[]>(
    `axe.run(document, ${JSON.stringify(options)}).then((result) => result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.map((node) => ({ target: node.target })) })))`,
  );
  return violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}
