/**
 * An auditor in a real browser: the review page (/revision) shows only the
 * review assigned to it, by municipality and case (the person's key, never
 * a CPR number); it records a finding for a case and sees it saved. A review
 * not assigned to it is not shown, and its cases answer 403 through the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/cases/actor.js';
import { assignAuditor, recordCaseReview } from '../../src/cases/case-reviews.js';
import { caseSystem } from '../../src/cases/case-system.js';
import { seriousViolations, startWeb, type WebHarness } from './web-harness.js';

let web: WebHarness;
let unassigned: number;

beforeAll(async () => {
  web = await startWeb();
  const system = caseSystem({ database: web.database, dataDirectory: process.cwd() });
  const assigned = await recordCaseReview(system, CLI_ACTOR, {
    kind: 'sample',
    municipality: 751,
    drawnOn: '2024-12-31',
    description: 'Stikprøve af passive sager',
    cases: [{ personKey: 'P-AARHUS-1', details: { ydelse: 'kontanthjælp' } }],
  });
  await assignAuditor(system, CLI_ACTOR, {
    kind: 'sample',
    reviewId: assigned,
    auditorUsername: 'revisor',
  });
  unassigned = await recordCaseReview(system, CLI_ACTOR, {
    kind: 'sample',
    municipality: 183,
    drawnOn: '2024-12-31',
    description: 'Stikprøve uden revisor',
    cases: [{ personKey: 'P-ISHOEJ-1', details: { ydelse: 'dagpenge' } }],
  });
});

afterAll(async () => {
  await web.close();
});

describe('an auditor', () => {
  it('sees only its assigned review and records a finding per case', async () => {
    const page = await web.openAs('auditor', '/revision');
    await page.getByRole('heading', { level: 2, name: 'Aarhus (751)' }).waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Sag P-AARHUS-1');
    expect(main).not.toContain('P-ISHOEJ-1');
    expect(main).not.toContain('Ishøj');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Nej').check();
    await page.getByLabel('Fund', { exact: true }).fill('Ingen samtale i tre måneder.');
    await page.getByRole('button', { name: 'Gem fund' }).click();
    await page.getByText('Fundet er gemt.').waitFor();
    await page.getByText('Registreret fund: ikke i orden – Ingen samtale i tre måneder.').waitFor();

    expect(
      (
        await page.request.get(`${web.url}/api/reviews/sample/${String(unassigned)}/cases`)
      ).status(),
    ).toBe(403);
  });
});
