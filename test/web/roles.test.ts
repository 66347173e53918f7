/**
 * Each role in a real browser: it logs in through the form and sees what it
 * may and nothing else — a municipality its own case and not another's (by
 * link or by the API), an AMK its region, an auditor and the public no case
 * at all — and a municipality submits its account and recovery plan with
 * milestones, which the case then shows against the measures.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, startWeb, type WebHarness } from './web-harness.js';

let web: WebHarness;

beforeAll(async () => {
  web = await startWeb();
});

afterAll(async () => {
  await web.close();
});

/** The status of a GET of the API with the page's cookies (the user's session). */
async function apiStatus(page: Page, path: string): Promise<number> {
  return (await page.request.get(web.url + path)).status();
}

describe('a municipality user', () => {
  it('sees its own case and may submit its account and recovery plan with milestones', async () => {
    const page = await web.openAs('municipality', '/kommuner/751');
    await page.getByRole('heading', { level: 2, name: /^Sagen: / }).waitFor();
    await page
      .getByLabel('Redegørelse', { exact: true })
      .fill('Samtalerne blev ikke holdt til tiden i 2024.');
    await page
      .getByLabel('Genopretningsplan', { exact: true })
      .fill('Flere sagsbehandlere og faste samtaleforløb.');
    await page.getByLabel('Fokusmål').selectOption('offers');
    await page.getByLabel('Måned').fill('2024-12');
    await page.getByLabel('Andel passive (%)').fill('14,5');
    await page.getByRole('button', { name: 'Indsend' }).click();
    await page.getByText(/Redegørelse og genopretningsplan er indsendt/).waitFor();
    await page.getByText(/milepæle mod de faktiske 12 mdr\. gns\./).waitFor();
    const milestoneRow = page.locator('tr', { hasText: 'december 2024' }).filter({
      hasText: 'Tilbud mv.',
    });
    expect(await milestoneRow.first().innerText()).toMatch(/14,5/);
    expect(await page.locator('main').innerText()).toContain(
      'Flere sagsbehandlere og faste samtaleforløb.',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('cannot open another municipality’s case, by link or by the API', async () => {
    const page = await web.openAs('municipality', '/kommuner/183');
    await page.getByRole('heading', { level: 1, name: 'Ishøj (183)' }).waitFor();
    await page.getByText(/Sagen \(afgørelser, frister, planer og personer\) kan kun ses/).waitFor();
    expect(await page.getByRole('heading', { name: /^Sagen: / }).count()).toBe(0);
    expect(await apiStatus(page, '/api/web/municipalities/183/case')).toBe(403);
    expect(await apiStatus(page, '/api/web/municipalities/751/case')).toBe(200);
    const session = (await (await page.request.get(`${web.url}/api/session`)).json()) as {
      csrfToken: string;
    };
    const refused = await page.request.post(`${web.url}/api/municipalities/183/recovery-plans`, {
      data: {
        submittedOn: '2025-01-10',
        description: 'En andens plan',
        milestones: [{ goal: 'offers', month: '2025-06', targetPassiveShare: 10 }],
      },
      headers: { 'x-csrf-token': session.csrfToken },
    });
    expect(refused.status()).toBe(403);
  });
});

describe('an AMK user', () => {
  it('sees its region in the overview and the cases of its region only', async () => {
    const page = await web.openAs('amk', '/');
    await page.getByRole('heading', { level: 1, name: 'Oversigt for AMK Midt-Nord' }).waitFor();
    const amkCells = await page
      .locator('table')
      .first()
      .locator('tbody tr td:nth-child(2)')
      .allInnerTexts();
    expect(amkCells.length).toBeGreaterThan(10);
    expect(new Set(amkCells)).toEqual(new Set(['AMK Midt-Nord']));
    expect(await apiStatus(page, '/api/web/municipalities/751/case')).toBe(200);
    expect(await apiStatus(page, '/api/web/municipalities/183/case')).toBe(403);
  });
});

describe('a ministry user', () => {
  it('sees every municipality and any case', async () => {
    const page = await web.openAs('ministry', '/kommuner/183');
    await page.getByRole('heading', { level: 2, name: /^Sagen: / }).waitFor();
    expect(await page.getByRole('link', { name: 'Opgørelser' }).count()).toBe(1);
    expect(await apiStatus(page, '/api/web/municipalities/751/case')).toBe(200);
  });
});

describe('an auditor and the public', () => {
  it('an auditor sees no municipality’s case', async () => {
    const page = await web.openAs('auditor', '/kommuner/751');
    await page.getByRole('heading', { level: 1, name: 'Aarhus (751)' }).waitFor();
    expect(await page.getByRole('heading', { name: /^Sagen: / }).count()).toBe(0);
    expect(await apiStatus(page, '/api/web/municipalities/751/case')).toBe(403);
  });

  it('the public is asked to log in for a case', async () => {
    const page = await web.open('/kommuner/751');
    await page.getByRole('heading', { level: 1, name: 'Aarhus (751)' }).waitFor();
    expect(await apiStatus(page, '/api/web/municipalities/751/case')).toBe(401);
  });
});

describe('the letter of a decision', () => {
  it('shows the letter of the municipality’s decision and downloads it as the same PDF twice', async () => {
    const page = await web.openAs('ministry', '/kommuner/183/brev/2024');
    const frame = page.frameLocator('iframe.letter-frame');
    await frame.getByText(/Ishøj/).first().waitFor();
    const text = await frame.locator('body').innerText();
    expect(text).toMatch(/§/);
    // No decision of 2024 is issued in the case system here: the letter is composed, and says so.
    await page.getByText('Sammensat ved visningen.').waitFor();
    expect(text).toContain('Dette brev er ikke gemt med afgørelsen');
    const first = await page.request.get(`${web.url}/api/web/municipalities/183/letters/2024.pdf`);
    const second = await page.request.get(`${web.url}/api/web/municipalities/183/letters/2024.pdf`);
    expect(first.status()).toBe(200);
    expect(first.headers()['x-tilsyn-letter']).toBe('composed');
    expect(Buffer.compare(await first.body(), await second.body())).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('is refused to a municipality that is not the letter’s', async () => {
    const page = await web.openAs('municipality', '/');
    expect(await apiStatus(page, '/api/web/municipalities/183/letters/2024.html')).toBe(403);
  });
});

describe('the assessment workflow page', () => {
  it('is the ministry’s: it lists the runs and says clearly why a run cannot start', async () => {
    const page = await web.openAs('ministry', '/opgoerelser');
    await page.getByRole('heading', { level: 2, name: 'Målekørsler' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Vurderingskørsler' }).waitFor();
    expect(await page.getByRole('button', { name: 'Start vurderingskørsel' }).isDisabled()).toBe(
      true,
    );
    await page.getByRole('button', { name: 'Start målekørsel af indlæsningen i brug' }).click();
    const error = page.getByRole('alert').first();
    await error.waitFor();
    expect((await error.innerText()).length).toBeGreaterThan(10);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('is refused to everyone else by the API', async () => {
    const page = await web.openAs('municipality', '/');
    expect(await apiStatus(page, '/api/assessment-runs')).toBe(403);
  });
});
