import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';

/**
 * The walking skeleton (issue 2, point 5): log in as ermelo.inkoper, create a contract, see it in the
 * register; log in as utrecht.inkoper and not see it — in a real Chromium against the real local stack.
 */
describe('walking skeleton in the browser', () => {
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let context: BrowserContext;
  let page: Page;
  const webUrl = inject('webUrl');
  const reference = `E2E-${Date.now()}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    context = browser.context;
    page = context.pages()[0] ?? (await context.newPage());
  });
  afterAll(() => browser?.close());

  async function logIn(user: string) {
    await page.goto(`${webUrl}/login`);
    await page.getByTestId(`login-${user}`).click();
    await page.getByTestId('register-table').waitFor();
  }

  it('redirects an anonymous visitor to the Dutch login page listing the seed users', async () => {
    await page.goto(webUrl);
    await page.waitForURL(/\/login/);
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');
    // The list arrives from /dev/users after the page renders: wait for it, then look.
    await page.getByTestId('login-ermelo.inkoper').waitFor();
    expect(await page.getByTestId('login-utrecht.inkoper').isVisible()).toBe(true);
    expect(await page.getByTestId('login-kompas.signer').isVisible()).toBe(true);
  });

  it('lets ermelo.inkoper create a contract and see it in the register', async () => {
    await logIn('ermelo.inkoper');
    await page.getByRole('link', { name: 'Nieuwe overeenkomst' }).click();
    await page.getByLabel('Soort').selectOption('contract');
    await page.getByLabel('Kenmerk').fill(reference);
    await page.getByLabel('Titel').fill('Ambulante jeugdhulp Noord');
    await page.getByLabel('Domein').selectOption('youth');
    await page.getByLabel('Startdatum').fill('2027-01-01');
    await page.getByLabel('Einddatum').fill('2028-12-31');
    await page.getByLabel('Plafond').fill('1.234.567,89');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('€ 1.234.567,89').first().waitFor();

    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Contractregister' })
      .click();
    const row = page.getByTestId('register-table').getByRole('row', { name: new RegExp(reference) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(
      /Ambulante jeugdhulp Noord[\s\S]*Inkoopcontract[\s\S]*concept[\s\S]*31-12-2028/,
    );
  });

  it('does not show that contract to utrecht.inkoper', async () => {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForURL(/\/login/);
    await logIn('utrecht.inkoper');
    const table = page.getByTestId('register-table');
    await table.getByText('UTR-2025-BW01').waitFor();
    expect(await table.innerText()).not.toContain(reference);
    expect(await table.innerText()).not.toContain('ERM-2025-JH01');
  });
});
