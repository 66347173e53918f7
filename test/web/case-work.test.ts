/**
 * The work on a case in a real browser: the ministry invites Aarhus (under
 * supervision) to a meeting and is told the one-week rule before it submits
 * and refused with shorter notice, and then opens the invitation letter
 * stored with the meeting from the case; the AMK of the region records its contact
 * with the municipality; the municipality itself sees neither form.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, startWeb, type WebHarness } from './web-harness.js';

let web: WebHarness;

beforeAll(async () => {
  web = await startWeb();
});

afterAll(async () => {
  await web.close();
});

describe('the ministry', () => {
  it('is told the earliest meeting date, is refused with six days’ notice, may invite with seven and then opens the invitation letter', async () => {
    const page = await web.openAs('ministry', '/kommuner/751');
    await page.getByRole('heading', { name: 'Indkald til møde' }).waitFor();
    await page.getByLabel('Indkaldelsesdato').fill('2025-05-01');
    await page.getByText('Mødet skal varsles mindst 7 dage: tidligst 8. maj 2025').waitFor();
    await page.getByLabel('Mødedato').fill('2025-05-07');
    await page.getByRole('button', { name: 'Indkald' }).click();
    const refusal = page.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/varslet er 6 dage.*mindst 7 dages varsel/);
    expect(await page.getByText('Ingen møder.').count()).toBe(1);

    await page.getByLabel('Mødedato').fill('2025-05-08');
    await page.getByRole('button', { name: 'Indkald' }).click();
    await page.getByText(/Indkaldelsen til mødet 8\. maj 2025 er registreret/).waitFor();
    await page.getByText(/Møde 8\. maj 2025, indkaldt 1\. maj 2025/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Indkaldelsen (brev)' }).click();
    await page.waitForURL(/\/api\/web\/municipalities\/751\/meetings\/\d+\/letter\.html$/);
    const letter = await page.locator('body').innerText();
    expect(letter).toContain('8. maj 2025');
    expect(letter).toContain('Aarhus');
  });
});

describe('the AMK of the region', () => {
  it('records its contact with the municipality, which the case then lists', async () => {
    const page = await web.openAs('amk', '/kommuner/751');
    await page.getByRole('heading', { name: 'Registrér kontakt' }).waitFor();
    await page.getByLabel('Første kontakt').fill('2025-05-12');
    await page.getByLabel('Ja', { exact: true }).check();
    await page.getByLabel('Afdækning foretaget').check();
    await page.getByLabel('Indsats i kommunen').fill('Fælles gennemgang af de passive sager.');
    await page.getByRole('button', { name: 'Registrér' }).click();
    await page.getByText(/Kontakten 12\. maj 2025 er registreret/).waitFor();
    const contact = page.getByText(/AMK Midt-Nord: første kontakt 12\. maj 2025/);
    await contact.waitFor();
    expect(await contact.innerText()).toMatch(/ønsker bistand: Ja, afdækning foretaget/);
    expect(await page.getByRole('heading', { name: 'Indkald til møde' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('the municipality itself', () => {
  it('sees neither the meeting form nor the contact form', async () => {
    const page = await web.openAs('municipality', '/kommuner/751');
    await page.getByRole('heading', { level: 2, name: /^Sagen: / }).waitFor();
    expect(await page.getByRole('heading', { name: 'Indkald til møde' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Registrér kontakt' }).count()).toBe(0);
  });
});
