import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Take-up per member in the browser, in Dutch (issue 16 point 3): the region's coordinator opens RNV-ICT-01, reads
 * every member's take-up, adds Informatiebeveiliging to Zeewolde's and sees its yearly price change; then Ermelo's
 * controller sees Ermelo's own modules and only the totals of the others — until the coordinator shares the take-up
 * with the members, then Ermelo sees every member's modules. Axe on the section with its form and its switch.
 */
describe('take-up per member in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const row = (name: string) => page.getByTestId('takeup-table').getByRole('row', { name: new RegExp(name) });

  it('lets the coordinator record a member’s take-up and shows its new yearly price', async () => {
    await session.logIn('noordveluwe.coordinator');
    await page.goto(`${webUrl}/agreements/rnv-ict-01`);
    const section = session.section('Afname per gemeente');
    await section.waitFor();
    await row('Ermelo').getByText('€ 98.200,00').waitFor();
    await row('Harderwijk').getByText('€ 105.400,00').waitFor();

    await section.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Gemeente Zeewolde' });
    await section.getByLabel('Aantal Basispakket').fill('100');
    await section.getByLabel('Aantal Plusmodule Zaakgericht werken').fill('20');
    await section.getByLabel('Neemt Plusmodule Informatiebeveiliging af').check();
    await session.expectAccessible('the take-up section with its form');
    await section.getByRole('button', { name: 'Afname opslaan' }).click();
    await page.getByText('De afname van Gemeente Zeewolde is opgeslagen.').waitFor();
    // € 40.000 + 100 × € 150 + 20 × € 120 + € 24.000 = € 81.400
    await row('Zeewolde').getByText('€ 81.400,00').waitFor();
    await row('Zeewolde').getByText('Plusmodule Informatiebeveiliging').waitFor();
  });

  it('shows a member its own take-up in full and the others only as totals', async () => {
    await session.logIn('ermelo.viewer');
    await page.goto(`${webUrl}/agreements/rnv-ict-01`);
    const section = session.section('Afname per gemeente');
    await section.getByText('U ziet de afname van uw eigen gemeente').waitFor();
    await row('Ermelo').getByText('Basispakket × 180').waitFor();
    await row('Harderwijk').getByText('Alleen het totaal').waitFor();
    await row('Zeewolde').getByText('€ 81.400,00').waitFor();
    if ((await section.getByRole('button', { name: 'Afname opslaan' }).count()) !== 0)
      throw new Error('a member is offered the take-up form');
  });

  it('lets the coordinator share the take-up with the members, and switch it off again', async () => {
    await session.logIn('noordveluwe.coordinator');
    await page.goto(`${webUrl}/agreements/rnv-ict-01`);
    const section = session.section('Afname per gemeente');
    const share = section.getByRole('switch', { name: 'Afname delen met de gemeenten' });
    await share.check();
    await page.getByText('De afname wordt nu gedeeld met de gemeenten.').waitFor();
    await session.expectAccessible('the take-up section with the sharing switch on');

    // Ermelo now sees Harderwijk's and Zeewolde's modules and quantities, not just their totals.
    await session.logIn('ermelo.viewer');
    await page.goto(`${webUrl}/agreements/rnv-ict-01`);
    await session
      .section('Afname per gemeente')
      .getByText('De regio deelt de afname van alle gemeenten')
      .waitFor();
    await row('Harderwijk').getByText('Basispakket × 220').waitFor();
    await row('Zeewolde').getByText('Plusmodule Zaakgericht werken × 20').waitFor();
    if ((await row('Harderwijk').getByText('Alleen het totaal').count()) !== 0)
      throw new Error('shared take-up still shows only the total');

    await session.logIn('noordveluwe.coordinator');
    await page.goto(`${webUrl}/agreements/rnv-ict-01`);
    await session
      .section('Afname per gemeente')
      .getByRole('switch', { name: 'Afname delen met de gemeenten' })
      .uncheck();
    await page.getByText('De afname wordt niet meer gedeeld').waitFor();
    await session.logIn('ermelo.viewer');
    await page.goto(`${webUrl}/agreements/rnv-ict-01`);
    await row('Harderwijk').getByText('Alleen het totaal').waitFor();
  });

  it('lets Ermelo’s inkoper create its own DVO with its take-up pre-filled', async () => {
    const reference = `ERM-DVO-ICT-${Date.now().toString(36).toUpperCase()}`;
    await session.logIn('ermelo.inkoper');
    await page.goto(`${webUrl}/agreements/rnv-ict-01`);
    const section = session.section('Afname per gemeente');
    const form = section.getByRole('form', { name: 'Eigen DVO aanmaken' });
    await form.getByRole('button', { name: 'DVO aanmaken' }).click();
    await form.getByRole('link', { name: /Vul een kenmerk in/ }).waitFor();
    await session.expectAccessible('the take-up section with the own-DVO form');
    await form.getByLabel('Kenmerk van de DVO').fill(reference);
    await form.getByRole('button', { name: 'DVO aanmaken' }).click();
    // The new draft opens: Ermelo's own register, its services and quantities from its take-up.
    await page
      .getByRole('heading', { name: 'Regionale ICT-dienstverlening sociaal domein – Gemeente Ermelo' })
      .waitFor();
    await page.getByText(`· ${reference}`).waitFor();
    const services = page.getByTestId('services-table');
    // € 40.000 + 180 × € 150 = € 67.000; 60 × € 120 = € 7.200; € 24.000 fixed: € 98.200 as in the take-up.
    await services
      .getByRole('row', { name: /Basispakket/ })
      .getByText('€ 67.000,00')
      .waitFor();
    await services
      .getByRole('row', { name: /Zaakgericht werken/ })
      .getByText('€ 7.200,00')
      .waitFor();
    await services.getByText('€ 98.200,00').waitFor();
  });
});
