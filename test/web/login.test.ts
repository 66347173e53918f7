/**
 * The login page in a real browser: with OpenID Connect set up on the
 * server it offers "Log ind med … (OpenID Connect)", a link to the login at
 * the identity provider, beside the password form; without it, only the
 * form. No serious accessibility violations either way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations, startWeb, type WebHarness } from './web-harness.js';

const OIDC_ENV = {
  // Discovery happens only when someone clicks, so no provider needs to run.
  TILSYN_OIDC_ISSUER: 'http://127.0.0.1:9/udbyder',
  TILSYN_OIDC_CLIENT_ID: 'tilsyn',
  TILSYN_OIDC_CLIENT_SECRET: 'en-hemmelig-klientnoegle',
  TILSYN_OIDC_REDIRECT_URL: 'http://127.0.0.1:8080/api/session/oidc/callback',
  TILSYN_OIDC_NAME: 'Statens Log-in',
};

describe('the login page of a server with OpenID Connect', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb({ env: OIDC_ENV });
  });

  afterAll(async () => {
    await web.close();
  });

  it('offers the identity provider by name beside the password form', async () => {
    const page = await web.open('/log-ind');
    const provider = page.getByRole('link', {
      name: 'Log ind med Statens Log-in (OpenID Connect)',
    });
    await provider.waitFor();
    expect(await provider.getAttribute('href')).toBe('/api/session/oidc');
    expect(await page.getByLabel('Brugernavn').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Log ind', exact: true }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('the login page of a server without OpenID Connect', () => {
  let web: WebHarness;

  beforeAll(async () => {
    web = await startWeb();
  });

  afterAll(async () => {
    await web.close();
  });

  it('offers the password form only', async () => {
    const page = await web.open('/log-ind');
    await page.getByLabel('Brugernavn').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.getByText('OpenID Connect').count()).toBe(0);
  });
});
