import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Issue 7, accessibility by keyboard alone: a keyboard-only user creates an agreement — Tab, Enter and typing only,
 * no mouse — from the login page through the register and the form to seeing it in the register. Axe on every page
 * of every seed user in both languages is test/e2e/pages.e2e.test.ts.
 */
describe('accessibility by keyboard alone', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  /** Presses Tab until `target` has the focus; fails if it is not reached within `max` presses. */
  async function tabTo(target: Locator, max = 150) {
    await target.waitFor();
    for (let i = 0; i < max; i++) {
      if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab did not reach ${target} in ${max} presses`);
  }

  /** Tabs to a form field by its label and types into it (a select takes the option's typed text). */
  async function typeInto(label: string, text: string) {
    await tabTo(page.getByLabel(label, { exact: true }));
    await page.keyboard.type(text);
  }

  it('lets a keyboard-only user log in, create an agreement and find it in the register', async () => {
    const reference = `KBD-${Date.now().toString(36).toUpperCase()}`;
    const title = `Toetsenbord jeugdhulp ${reference}`;
    await page.goto(`${webUrl}/login`);
    await page.getByTestId('login-ermelo.inkoper').waitFor();
    // Nothing below touches the mouse.
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');

    await tabTo(page.getByTestId('login-ermelo.inkoper'));
    await page.keyboard.press('Enter');
    await page.getByTestId('register-table').waitFor();

    await tabTo(page.getByRole('link', { name: 'Nieuwe overeenkomst' }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Nieuwe overeenkomst' }).waitFor();

    await typeInto('Soort', 'Inkoopcontract');
    expect(await page.getByLabel('Soort', { exact: true }).inputValue()).toBe('contract');
    await typeInto('Kenmerk', reference);
    await typeInto('Titel', title);
    await typeInto('Domein', 'Jeugd');
    expect(await page.getByLabel('Domein', { exact: true }).inputValue()).toBe('youth');
    // A date field takes its parts in the browser's order (day and month first in either order here, so the
    // dates are ones that read the same both ways).
    await typeInto('Startdatum', '01012027');
    await typeInto('Einddatum', '12122028');
    expect(await page.getByLabel('Startdatum').inputValue()).toBe('2027-01-01');
    expect(await page.getByLabel('Einddatum').inputValue()).toBe('2028-12-12');

    await tabTo(page.getByRole('button', { name: 'Opslaan', exact: true }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // Back to the register through the main navigation, and the new agreement is in it.
    await tabTo(session.nav('Contractregister'));
    await page.keyboard.press('Enter');
    const row = page.getByTestId('register-table').getByRole('row', { name: new RegExp(reference) });
    await row.waitFor();
    expect(await row.innerText()).toMatch(new RegExp(`${title}[\\s\\S]*Inkoopcontract[\\s\\S]*concept`));
    await session.expectAccessible('register after keyboard-only creation');
  });
});
