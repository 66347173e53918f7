/**
 * Person-level data and the AMK's alerts in a real browser, over a stored
 * synthetic load: a municipality user gives a reason, sees the persons
 * behind a measure and a person's explanation, and the audit log holds the
 * reason (never the address bar); another municipality's persons are
 * refused by link and by API; the AMK sees its region's early-effort
 * alerts, alerted first, with a link to the contact form.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AmkAlertsView } from '../../src/cases/views/amk-alerts.js';
import { OFFICIAL_RULES } from '../../src/core/rules/official-rules.js';
import { withOverrides } from '../../src/core/rules/rule-book.js';
import { parseRuleOverrides } from '../../src/core/rules/rule-overrides.js';
import { syntheticCaseLoad, type CaseLoad } from '../support/case-load.js';
import { seriousViolations, startWeb, type WebHarness } from './web-harness.js';

let load: CaseLoad;
let web: WebHarness;

beforeAll(async () => {
  load = await syntheticCaseLoad();
  // The test load is 1 % of the country: no benefit group reaches the letter's
  // 10 citizens, so the minimum cohort is lowered to 2 by an override (as a
  // reform simulation sets one) for the region to have alerts to show.
  web = await startWeb({
    dataDirectory: load.dataDirectory,
    figuresFromLoad: true,
    rules: withOverrides(
      OFFICIAL_RULES,
      parseRuleOverrides(OFFICIAL_RULES, ['early_effort.alerts.set_2021.minimum_cohort=2']),
    ),
  });
}, 300_000);

afterAll(async () => {
  await web.close();
  await load.remove();
});

const REASON = 'Opfølgning på sag 2024-17 om passive forløb';

const audit = (action: string) =>
  web.database
    .selectFrom('audit_log')
    .select(['actor', 'outcome', 'municipality_code', 'person_key', 'reason'])
    .where('action', '=', action)
    .orderBy('id')
    .execute();

describe('the persons behind a measure', () => {
  it('are shown to the municipality after it gives a reason, with a person’s explanation, and the reason is audited', async () => {
    const page = await web.openAs('municipality', '/kommuner/751');
    const section = page.getByRole('region', { name: 'Personerne bag målene' });
    await section.waitFor();
    expect(await page.getByRole('table', { name: /Personerne i målgruppen/ }).count()).toBe(0);
    await section.getByLabel('Fokusmål').selectOption('offers');
    await section.getByLabel('Begrundelse for opslaget').fill(REASON);
    await section.getByRole('button', { name: 'Vis personer' }).click();
    const table = page.getByRole('table', { name: /Personerne i målgruppen, december 2024/ });
    await table.waitFor({ timeout: 120_000 });
    const status = await page.getByText(/passive af .* i målgruppen/).innerText();
    const [, passive = '', target = ''] =
      /: ([\d.]+) passive af ([\d.]+) i målgruppen/.exec(status) ?? [];
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(Number(target.replace(/\./g, '')));
    expect(await table.locator('tbody tr td:nth-child(3)', { hasText: 'Ja' }).count()).toBe(
      Number(passive.replace(/\./g, '')),
    );
    const personKey = await rows.first().locator('th').innerText();
    await rows
      .first()
      .getByRole('button', { name: /^Forklar/ })
      .click();
    await page.getByRole('heading', { name: `Forklaring for ${personKey}` }).waitFor();
    expect(await page.locator('pre.explanation').innerText()).toMatch(
      /^Forklaring for 2024-12: opgørelsesdato R = /,
    );
    expect(page.url()).not.toContain('reason');
    expect(page.url()).not.toContain(encodeURIComponent(REASON));
    expect(await seriousViolations(page)).toEqual([]);

    expect(await audit('person.list')).toEqual([
      {
        actor: 'aarhus',
        outcome: 'ok',
        municipality_code: 751,
        person_key: null,
        reason: REASON,
      },
    ]);
    expect(await audit('person.explanation')).toEqual([
      {
        actor: 'aarhus',
        outcome: 'ok',
        municipality_code: 751,
        person_key: personKey,
        reason: REASON,
      },
    ]);
  }, 240_000);

  it('of another municipality are refused by link and by API, and the refusals are audited', async () => {
    const page = await web.openAs('municipality', '/kommuner/183');
    await page.getByRole('heading', { name: 'Sagen' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Personerne bag målene' }).count()).toBe(0);
    const statuses = await page.evaluate(async () => {
      const query = 'month=2024-12&goal=offers&scope=all&reason=nysgerrighed';
      const list = await fetch(`/api/municipalities/183/persons?${query}`);
      const one = await fetch(
        '/api/municipalities/183/persons/p-1/explanation?month=2024-12&reason=nysgerrighed',
      );
      return [list.status, one.status];
    });
    expect(statuses).toEqual([403, 403]);
    const refused = [...(await audit('person.list')), ...(await audit('person.explanation'))]
      .filter((row) => row.outcome === 'refused')
      .map((row) => [row.actor, row.municipality_code, row.reason]);
    expect(refused).toEqual([
      ['aarhus', 183, 'nysgerrighed'],
      ['aarhus', 183, 'nysgerrighed'],
    ]);
  });
});

describe('the AMK’s early-effort alerts', () => {
  it('list the region’s municipalities, alerted first, with why and a link to the contact form', async () => {
    const page = await web.openAs('amk', '/amk');
    await page
      .getByRole('heading', { name: 'Varsler om den tidlige indsats – AMK Midt-Nord' })
      .waitFor({ timeout: 120_000 });
    const alerts = await page.evaluate(async (): Promise<AmkAlertsView> => {
      const response = await fetch('/api/web/amk/alerts');
      return (await response.json()) as AmkAlertsView;
    });
    expect(alerts.available).toBe(true);
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(30);
    const raised = alerts.municipalities.filter((row) => row.raised);
    // The synthetic region has alerted municipalities and others (so "first" means something).
    expect(raised.map((row) => row.name)).toContain('Aarhus');
    expect(raised.length).toBeLessThan(30);
    const firsts = await rows.locator('th a').allInnerTexts();
    expect(firsts.slice(0, raised.length)).toEqual(
      raised.map((row) => `${row.name} (${String(row.code)})`),
    );
    for (const [index, municipality] of raised.entries()) {
      const alert = municipality.alerts[0];
      if (alert === undefined) throw new Error('a raised municipality without an alert');
      expect(await rows.nth(index).innerText()).toContain(alert.reason);
    }
    await page
      .getByText(/STAR, orientering af 4\. maj 2021/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Registrér kontakt med Aarhus' }).click();
    await page.getByRole('heading', { name: 'Registrér kontakt' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/kommuner/751');
  }, 240_000);

  it('are refused to a municipality user', async () => {
    const page = await web.openAs('municipality', '/kommuner/751');
    const status = await page.evaluate(async () => (await fetch('/api/web/amk/alerts')).status);
    expect(status).toBe(403);
  });
});

describe('CSV for Excel from the pages', () => {
  it('downloads from "Hent CSV (Excel)" with the BOM, Danish headers and municipality names', async () => {
    for (const [path, file, header] of [
      ['/amk', 'varsler-tidlig-indsats-2024-12.csv', 'Kommunekode;Kommune;AMK;Varsel;'],
      ['/kommuner/751', 'fokusmaal-751-2024-12.csv', 'Kommunekode;Kommune;Måned;'],
    ] as const) {
      const page = await web.openAs('amk', path);
      const button = page.getByRole('link', { name: 'Hent CSV (Excel)' });
      await button.waitFor({ timeout: 120_000 });
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      expect(download.suggestedFilename()).toBe(file);
      const bytes = await readFile(await download.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8').slice(1);
      expect(text.startsWith(header)).toBe(true);
      expect(text).toContain('751;Aarhus;');
    }
  }, 240_000);
});
