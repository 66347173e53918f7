/**
 * The reform simulation in a real browser: the ministry changes a focus
 * goal threshold and sees whose decisions change (and a refused value next
 * to its field), with no serious accessibility violation; the other roles
 * have no menu item and the API refuses them.
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

const OFFERS_LABEL = 'Fokusmål om tilbud: passivandelen skal i gennemsnit være under (%)';

async function simulate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Simulér' }).click();
}

describe('the ministry', () => {
  it('finds the simulation in its menu, changes the offers threshold to 20 % and sees Lolland selected instead in 2023', async () => {
    const page = await web.openAs('ministry', '/');
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Reformsimulering' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Reformsimulering' }).waitFor();
    expect(await page.locator('main').innerText()).toContain(
      'En simulering gemmes ikke og ændrer aldrig en sag',
    );
    const offers = page.getByLabel(OFFERS_LABEL, { exact: true });
    expect(await offers.inputValue()).toBe('30');
    const hint = await page
      .locator(`#${(await offers.getAttribute('aria-describedby'))?.split(' ')[0] ?? ''}`)
      .innerText();
    expect(hint).toContain('Gældende for opgørelsen af 2024: 30 %');
    expect(hint).toContain('bek. nr. 301 af 20/03/2023 § 5, nr. 1');
    expect(hint).toContain('skal være mindre end 30 pct.');
    await offers.fill('20');
    await simulate(page);
    await page.getByRole('heading', { level: 2, name: 'Resultat af simuleringen' }).waitFor();
    // The example files: Lolland (360) in 2023 and one more municipality change (test/cli/simulation.test.ts).
    const section2023 = page.locator('section[aria-labelledby="simulering-2023"]');
    expect(await section2023.locator('p').first().innerText()).toBe(
      '2 kommuner får en anden afgørelse.',
    );
    const firstRows = (await section2023.locator('tbody tr').allInnerTexts()).slice(0, 3);
    expect(firstRows.filter((row) => row.includes('Ændret:'))).toHaveLength(2);
    const lolland = section2023.locator('tbody tr', { hasText: 'Lolland (360)' });
    const cells = await lolland.locator('th, td').allInnerTexts();
    expect(cells.slice(0, 4)).toEqual([
      'Lolland (360)',
      '◆ Ændret: udvælges i stedet',
      'Omfattes ikke af skærpet tilsyn',
      'Omfattes af skærpet tilsyn',
    ]);
    expect(cells[5]).toBe('22,0 %, grænse 30 % → 20 %: opfyldt → ikke opfyldt');
    expect(await page.locator('.result-count').innerText()).toMatch(
      /^\d+ afgørelser? ændres i opgørelserne 2021–2024\.$/,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('sees a value out of range refused in Danish next to the field, naming the rule', async () => {
    const page = await web.openAs('ministry', '/simulering');
    const offers = page.getByLabel(OFFERS_LABEL, { exact: true });
    await offers.waitFor();
    await offers.fill('120');
    await simulate(page);
    const error = page.locator('.field-error');
    await error.waitFor();
    expect(await error.innerText()).toBe(
      'Fokusmål om tilbud: passivandelen skal i gennemsnit være under (focus.offers.threshold) skal være fra 0 til 100, ikke 120.',
    );
    expect(await offers.getAttribute('aria-invalid')).toBe('true');
    expect(await offers.getAttribute('aria-describedby')).toContain(
      (await error.getAttribute('id')) ?? 'none',
    );
    expect(
      await page.evaluate<string | null>("document.activeElement?.getAttribute('name') ?? null"),
    ).toBe('focus.offers.threshold');
    // A Danish decimal comma is read as the analyst means it.
    await offers.fill('24,8');
    await simulate(page);
    await page.getByRole('heading', { level: 2, name: 'Resultat af simuleringen' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('24,80 % på alle datoer');
    expect(await page.locator('.field-error').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    // Another last year shows the values in force for its assessment and keeps what was typed.
    const lastYear = page.getByLabel('Til opgørelsesår');
    await lastYear.focus();
    await lastYear.selectOption('2021');
    const hint = page.locator(
      `#${(await offers.getAttribute('aria-describedby'))?.split(' ')[0] ?? ''}`,
    );
    await hint.getByText('Gældende for opgørelsen af 2021: 20 %').waitFor();
    expect(await offers.inputValue()).toBe('24,8');
    expect(await page.evaluate<string | null>('document.activeElement?.id ?? null')).toBe(
      'simulering-til-aar',
    );
  });
});

describe('the other roles', () => {
  it('have no simulation in the menu, and the API refuses them', async () => {
    for (const user of ['amk', 'municipality', 'auditor'] as const) {
      const page = await web.openAs(user, '/');
      await page.getByRole('navigation', { name: 'Hovedmenu' }).waitFor();
      expect(
        await page
          .getByRole('navigation', { name: 'Hovedmenu' })
          .getByRole('link', { name: 'Reformsimulering' })
          .count(),
      ).toBe(0);
      expect((await page.request.get(`${web.url}/api/web/simulation/rules`)).status()).toBe(403);
      const session = (await (await page.request.get(`${web.url}/api/session`)).json()) as {
        csrfToken: string;
      };
      const refused = await page.request.post(`${web.url}/api/web/simulation`, {
        data: {
          fromYear: 2024,
          toYear: 2024,
          overrides: [{ id: 'focus.offers.threshold', value: '20' }],
        },
        headers: { 'x-csrf-token': session.csrfToken },
      });
      expect(refused.status()).toBe(403);
      await page.context().close();
    }
  });

  it('the public sees no simulation either, and an opened link says it has no access', async () => {
    const page = await web.open('/simulering');
    await page.getByRole('heading', { level: 1, name: 'Reformsimulering' }).waitFor();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toBe('Log ind for at se dette.');
    expect(await page.getByRole('link', { name: 'Reformsimulering' }).count()).toBe(0);
  });
});
