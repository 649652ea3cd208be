import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryUrl } from '../support/procedures.ts';
import { type BrowserSession, openSession } from '../support/session.ts';
import { devToken, mutateAs } from '../support/stack-api.ts';

/**
 * The service catalogue in the browser, in Dutch (issue 16 point 1): zeewolde.inkoper opens a DVO draft, adds a
 * service with a service level and a base-plus-per-unit price in the edit form, saves, and reads the service, its
 * level in one line and its yearly price on the agreement page. A mistake in the price is named at its field
 * first. Zeewolde, so that no other browser test's view of the shared seed changes. Axe on both pages.
 */
describe('the services of a DVO in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let id = '';
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const reference = `ZWD-DVO-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    // The draft is set up through the API; the services are added in the browser.
    const token = await devToken(apiUrl, 'zeewolde.inkoper');
    id = (
      await mutateAs<{ id: string }, 'agreement.create'>(apiUrl, token, 'agreement.create', {
        kind: 'service_agreement',
        reference,
        title: 'DVO werkplekbeheer Zeewolde',
        domain: 'ict',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
      })
    ).id;
  });
  afterAll(() => session?.close());

  it('adds a service with a service level and a base-plus-per-unit price, and names a wrong amount first', async () => {
    await session.logIn('zeewolde.inkoper');
    await page.getByTestId('register-table').getByRole('link', { name: reference }).click();
    // The draft has no services yet: the section says so.
    await page.getByRole('heading', { name: 'Diensten en serviceniveaus' }).waitFor();
    await page.getByText('Deze overeenkomst heeft nog geen diensten.').waitFor();
    await page.getByRole('link', { name: 'Wijzigen', exact: true }).click();

    await page.getByRole('button', { name: 'Dienst toevoegen' }).click();
    const service = page.getByRole('group', { name: 'Dienst 1', exact: true });
    await service.getByLabel('Naam van de dienst').fill('Werkplekbeheer');
    const level = service.getByRole('group', { name: 'Serviceniveau 1', exact: true });
    await level.getByLabel('Wat wordt gemeten').fill('Oplostijd incidenten');
    await level.getByLabel('Richting').selectOption({ label: 'maximaal (≤)' });
    await level.getByLabel('Norm').fill('8');
    await level.getByLabel('Eenheid').selectOption({ label: 'werkuren' });
    await level.getByLabel('Voor % van de gevallen (optioneel)').fill('95');
    await level.getByLabel('Per', { exact: true }).selectOption({ label: 'maand' });
    const price = service.getByRole('group', { name: 'Prijsmodel van dienst 1' });
    await price.getByLabel('Prijsmodel').selectOption({ label: 'Basisbedrag plus prijs per eenheid' });
    await price.getByLabel('Vast basisbedrag per jaar (euro)').fill('12.000');
    await price.getByLabel('Prijs per', { exact: true }).selectOption({ label: 'werkplek' });
    await price.getByLabel('Prijs per eenheid (euro)').fill('veel');
    await price.getByLabel('Aantal per jaar (optioneel)').fill('120');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();

    // The wrong amount is named at its field, in Dutch, and nothing is saved.
    const unitPrice = price.getByLabel('Prijs per eenheid (euro)');
    await page.getByText('Vul een bedrag in euro in, bijvoorbeeld 1.234,56.').first().waitFor();
    expect(await unitPrice.getAttribute('aria-invalid')).toBe('true');
    await session.expectAccessible('the DVO edit form with its services');

    await unitPrice.fill('450,50');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.getByText('De overeenkomst is opgeslagen.').waitFor();
  });

  it('shows the service with its level and its yearly price on the agreement page', async () => {
    const table = page.getByTestId('services-table');
    const row = table.getByRole('row', { name: /Werkplekbeheer/ });
    // € 12.000 + 120 × € 450,50 = € 66.060,00 a year.
    await expect
      .poll(() => row.innerText())
      .toMatch(
        /Werkplekbeheer\s+Oplostijd incidenten ≤ 8 werkuren voor 95% per maand\s+€\s12\.000,00 \+ €\s450,50 per werkplek × 120\s+€\s66\.060,00/,
      );
    expect(await page.getByTestId('services-total').innerText()).toMatch(/€\s66\.060,00/);
    await page
      .getByRole('navigation', { name: 'Op deze pagina' })
      .getByRole('link', { name: 'Diensten en serviceniveaus' })
      .waitFor();
    await session.expectAccessible('the DVO page with its services');

    // The same catalogue through the API: one new version, the service and its level stored with ids.
    const token = await devToken(apiUrl, 'zeewolde.inkoper');
    const stored = await fetch(`${apiUrl}${queryUrl('agreement.get', { id })}`, {
      headers: { authorization: `Bearer ${token}` },
    }).then((r) => r.json() as Promise<{ result: { data: { version: number; services: unknown[] } } }>);
    const agreement = stored.result.data;
    expect(agreement.version).toBe(2);
    expect(agreement.services).toEqual([
      expect.objectContaining({
        id: expect.any(String),
        name: 'Werkplekbeheer',
        price: {
          model: 'basePlusUnit',
          baseYearlyCents: 1_200_000,
          unit: 'workstation',
          unitPriceCents: 45_050,
          quantity: 120,
        },
      }),
    ]);
  });
});
