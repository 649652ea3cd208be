import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Issue 17 point 4: a form in progress survives an expired session. The agreement form keeps its values in the
 * tab, per user, until saved; after logging in again the same person finds them back, another person does not.
 */
describe('een formulier overleeft een verlopen sessie', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const reference = `SESSIE-${Date.now().toString(36).toUpperCase()}`;
  const title = 'Jeugdhulp na een verlopen sessie';

  const drafts = () =>
    page.evaluate<string[]>("Object.keys(sessionStorage).filter((k) => k.startsWith('regie.draft.'))");
  const heading = () => page.getByRole('heading', { level: 1, name: 'Nieuwe overeenkomst' });
  const field = (label: string) => page.getByLabel(label, { exact: true });

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    await session.logIn('ermelo.inkoper');
  });
  afterAll(() => session?.close());

  it('keeps what was entered when saving meets an expired session', async () => {
    await page.getByRole('link', { name: 'Nieuwe overeenkomst' }).click();
    await heading().waitFor();
    await field('Soort').selectOption('contract');
    await field('Kenmerk').fill(reference);
    await field('Titel').fill(title);
    await field('Domein').selectOption('youth');
    await page.getByLabel('Startdatum').fill('2027-01-01');
    await page.getByLabel('Einddatum').fill('2028-12-31');
    expect(await drafts()).toEqual(['regie.draft.GM0233/ermelo.inkoper.agreement.new']);

    // The token expired meanwhile: the API answers 401 to the save, and the app logs out.
    await page.route('**/trpc/agreement.create**', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: { message: 'UNAUTHORIZED', code: -32001, data: { httpStatus: 401 } } }),
      }),
    );
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('Uw sessie is verlopen. Log opnieuw in.').waitFor();
    await page.unroute('**/trpc/agreement.create**');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/agreements/new');
  });

  it('shows another person who logs in on the same tab an empty form', async () => {
    await page.getByTestId('login-ermelo.contractmanager').click();
    await heading().waitFor();
    expect(await field('Titel').inputValue()).toBe('');
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
  });

  it('gives the same person the form back after logging in again, and forgets it once saved', async () => {
    // This session ends too: the token is gone (as when it expires before a reload).
    await page.evaluate("sessionStorage.removeItem('regie.token')");
    await page.reload();
    await page.waitForURL(/\/login\?next=/);
    await page.getByTestId('login-ermelo.inkoper').click();
    await heading().waitFor();
    await page
      .getByTestId('draft-restored')
      .getByText(
        'Wat u eerder in dit formulier had ingevuld maar nog niet had opgeslagen, staat weer klaar.',
        {
          exact: false,
        },
      )
      .waitFor();
    expect(await field('Kenmerk').inputValue()).toBe(reference);
    expect(await field('Titel').inputValue()).toBe(title);
    expect(await field('Soort').inputValue()).toBe('contract');
    expect(await page.getByLabel('Einddatum').inputValue()).toBe('2028-12-31');
    await session.expectAccessible('formulier met teruggezette invoer');

    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await drafts()).toEqual([]);
  });
});
