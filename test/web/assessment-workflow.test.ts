/**
 * The ministry's assessment workflow, the whole way in a real browser, over
 * a synthetic national load in use: it starts a measurement run and is told
 * in Danish why a year without figures cannot be assessed; it starts the
 * assessment of 2024, sees the draft decisions with their reasons and that
 * no run of the year was issued before; takes any decision that "kræver
 * vurdering" with its reason, approves and issues; sees a new run of the
 * year against the issued one; and opens the letter of an issued decision,
 * which is the stored letter, verifies byte for byte, and downloads as the
 * same PDF twice, with the letter's text in it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDanishDate, isoDate } from '../../src/core/calendar/iso-date.js';
import { syntheticCaseLoad, type CaseLoad } from '../support/case-load.js';
import { pdfText } from '../support/pdf-text.js';
import { seriousViolations, startWeb, type WebHarness } from './web-harness.js';

let load: CaseLoad;
let web: WebHarness;

beforeAll(async () => {
  load = await syntheticCaseLoad();
  web = await startWeb({ dataDirectory: load.dataDirectory });
}, 300_000);

afterAll(async () => {
  await web.close();
  await load.remove();
});

/** Waits until the run heading shows `status` (the page follows the job). */
async function runStatus(page: Page, status: RegExp): Promise<void> {
  await page.getByRole('heading', { level: 3, name: status }).waitFor({ timeout: 240_000 });
}

describe('the ministry’s assessment workflow in the browser', () => {
  it('goes from a measurement run to an issued decision’s letter', async () => {
    const page = await web.openAs('ministry', '/opgoerelser');

    // A measurement run of 2024 from the load in use, followed until it is done.
    await page.getByLabel('Fra år').fill('2024');
    await page.getByLabel('Til år').fill('2024');
    await page.getByRole('button', { name: 'Start målekørsel af indlæsningen i brug' }).click();
    await page
      .getByRole('table', { name: 'Målekørsler' })
      .getByRole('cell', { name: 'Færdig' })
      .waitFor({ timeout: 240_000 });

    // A year that cannot be assessed is refused with a clear Danish reason, in the page.
    const start = page.getByRole('button', { name: 'Start vurderingskørsel' });
    await page.getByLabel('Opgørelsesår').fill('2025');
    await start.click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/kan ikke vurdere 2025: december 2025 er ikke målt/);
    await page.getByLabel('Opgørelsesår').fill('to tusind');
    await start.click();
    await page
      .getByRole('alert')
      .getByText(/Opgørelsesåret skal være et årstal/)
      .waitFor();
    await page.getByRole('heading', { level: 1, name: 'Opgørelser' }).waitFor();

    // The assessment of 2024: a draft with each decision's reasons, nothing issued before.
    await page.getByLabel('Opgørelsesår').fill('2024');
    await start.click();
    await runStatus(page, /opgørelsen af 2024 \(Udkast\)/);
    await page.getByText('Der er ikke udstedt en kørsel af 2024 før.').waitFor();
    const decisions = page.getByRole('table', { name: /afgørelser \(kommuner/ });
    await decisions.waitFor();
    const firstRow = decisions.locator('tbody tr').first();
    expect(await firstRow.getByRole('listitem').count()).toBeGreaterThan(0);
    expect(await firstRow.innerText()).toMatch(/Resultatmålet|fokusmål|Fokusmålet/);
    expect(await seriousViolations(page)).toEqual([]);

    // Issuing is refused while a decision requires judgement; each is taken with its reason.
    const judgements = page.getByRole('form', { name: /^Vurdering af / });
    const open = await judgements.count();
    for (let index = 0; index < open; index += 1) {
      const form = judgements.first();
      await form.getByLabel(/^Begrundelse for /).fill('Vurderet ud fra de kendte tal');
      await form.getByRole('button', { name: /^Træf afgørelsen for / }).click();
      await expect.poll(() => judgements.count(), { timeout: 30_000 }).toBe(open - index - 1);
    }
    expect(await judgements.count()).toBe(0);

    // Approve, then issue with the send date.
    await page.getByRole('button', { name: 'Godkend udkastet' }).click();
    await runStatus(page, /opgørelsen af 2024 \(Godkendt\)/);
    await page.getByLabel('Meddelelserne sendes (standard: i dag)').fill('2025-04-28');
    await page.getByRole('button', { name: 'Udsted afgørelserne' }).click();
    await runStatus(page, /opgørelsen af 2024 \(Udstedt\)/);
    const issuedUrl = page.url();

    // A new run of the year is compared with the issued one.
    await page.getByLabel('Opgørelsesår').fill('2024');
    await start.click();
    await runStatus(page, /opgørelsen af 2024 \(Udkast\)/);
    await page.getByText(/^Ingen forskelle til kørsel nr\. \d+\.$/).waitFor();

    // The letter of an issued decision: the stored one, verified, and its PDF.
    await page.goto(issuedUrl);
    const letterLink = page.getByRole('link', { name: /^Brevet til / }).first();
    await letterLink.waitFor();
    const addressee = (await letterLink.innerText()).replace(/^Brevet til /, '');
    const [, name = '', code = ''] = /^(.*) \((\d+)\)$/.exec(addressee) ?? [];
    await letterLink.click();
    await page.getByText('Brevet er gemt med afgørelsen').waitFor();
    const frame = page.frameLocator('iframe.letter-frame');
    await frame.getByText(`${name} (kommunekode ${code})`).waitFor();
    expect(await frame.locator('body').innerText()).toContain(
      formatDanishDate(isoDate('2025-04-28')),
    );
    await page.getByRole('button', { name: 'Kontrollér brevet' }).click();
    await page
      .getByRole('status')
      .getByText(/byte for byte/)
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const pdfUrl = `${web.url}/api/web/municipalities/${code}/letters/2024.pdf`;
    const first = await page.request.get(pdfUrl);
    const second = await page.request.get(pdfUrl);
    expect(first.status()).toBe(200);
    expect(first.headers()['x-tilsyn-letter']).toMatch(/^stored; id=\d+$/);
    const bytes = await first.body();
    expect(Buffer.compare(bytes, await second.body())).toBe(0);
    const text = await pdfText(bytes);
    expect(text).toContain(`${name} (kommunekode ${code})`);
    expect(text).toContain(formatDanishDate(isoDate('2025-04-28')));
    expect(text).toMatch(/Afgørelsen er truffet efter bek\. nr\. \d+/);
  }, 600_000);
});
