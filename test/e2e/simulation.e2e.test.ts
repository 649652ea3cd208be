import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';
import { devToken, mutateAs } from '../support/stack-api.ts';

/**
 * The volume-incentive simulator in the browser, in Dutch (issue 15 point 1): zeewolde.inkoper opens the simulator
 * on a draft whose only product line pays per unit without any cap, sees that flagged, sets the expected volume and
 * reads the +25% scenario's exposure; then adds a volume cap in the edit form and sees the flag go and the payment
 * stop at the cap. Zeewolde, so that no other browser test's view of the shared seed changes. Axe on the page.
 */
describe('the volume-incentive simulator in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let id = '';
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const reference = `ZWD-SIM-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    // The draft is set up through the API (the agreement form has browser tests of its own).
    const token = await devToken(apiUrl, 'zeewolde.inkoper');
    id = (
      await mutateAs<{ id: string }, 'agreement.create'>(apiUrl, token, 'agreement.create', {
        kind: 'contract',
        reference,
        title: 'Ambulante jeugdhulp Zeewolde (simulatie)',
        domain: 'youth',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        parties: [{ organisationId: 'org-kompas', role: 'contractor' }],
        productLines: [
          {
            category: '45',
            productCode: '45A12',
            variant: 'output',
            unit: 'piece',
            frequency: 'total',
            tariffCents: 100_000,
          },
        ],
      })
    ).id;
  });
  afterAll(() => session?.close());

  const row = (change: string) => page.getByTestId('scenario-table').getByRole('row', { name: change });

  it('flags the uncapped line and shows the +25% exposure for the expected volume', async () => {
    await session.logIn('zeewolde.inkoper');
    await page.getByTestId('register-table').getByRole('link', { name: reference }).click();
    await page.getByRole('link', { name: 'Volumeprikkels simuleren' }).click();
    await page.getByRole('heading', { level: 1, name: `Volumeprikkels: ${reference}` }).waitFor();
    await page
      .getByTestId('flag-uncapped_per_unit_line')
      .getByText('Productregel 45A12 betaalt per eenheid zonder volume- of geldplafond')
      .waitFor();

    await page.getByLabel('Verwacht volume 45A12').fill('40');
    await page.getByRole('button', { name: 'Berekenen' }).click();
    await page.getByText('De grafiek als tabel').click();
    // 50 units (40 + 25%) at € 1.000 each, nothing above a cap: € 50.000,00.
    await expect.poll(() => row('+25%').innerText()).toMatch(/50\s+€\s50\.000,00\s+€\s50\.000,00\s+0$/);
    await session.expectAccessible('volume-incentive simulator');
    // The same table as a spreadsheet, next to the CSV, with the expected volume given above.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Scenariotabel downloaden (Excel)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^simulatie-${reference}-\\d{4}-\\d{2}-\\d{2}\\.xlsx$`),
    );
    await page.getByText('De scenariotabel is gedownload.').waitFor();
  });

  it('refuses a scenario list it cannot read, with the error at the field', async () => {
    await page.getByLabel('Scenario’s').fill('10; veel');
    await page.getByRole('button', { name: 'Berekenen' }).click();
    await page.getByText('Geef 1 tot 8 hele getallen tussen −100 en 500').waitFor();
    expect(await page.getByLabel('Scenario’s').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Scenario’s').fill('-10; 0; 10; 25; 50');
  });

  it('drops the flag once the line has a cap, and stops paying at it', async () => {
    await page.goto(`${webUrl}/agreements/${id}/edit`);
    await page.getByRole('group', { name: 'Productregel 1' }).getByLabel('Volumeplafond').fill('40');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.waitForURL((url) => url.pathname === `/agreements/${id}`);
    await page.getByRole('link', { name: 'Volumeprikkels simuleren' }).click();
    await page
      .getByText('Geen signalen: elke productregel per eenheid heeft een plafond dat begrenst.')
      .waitFor();
    expect(await page.getByTestId('simulation-flags').count()).toBe(0);
    await page.getByText('De grafiek als tabel').click();
    // Expected volume is now the cap (40); +25% is 50 units, of which 10 earn nothing.
    await expect.poll(() => row('+25%').innerText()).toMatch(/50\s+€\s40\.000,00\s+€\s40\.000,00\s+10$/);
  });
});
