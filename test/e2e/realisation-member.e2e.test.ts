import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';
import { devToken, mutateAs } from '../support/stack-api.ts';

/**
 * The member of a realisation in the browser, in Dutch (issue 16 point 4): on a region's agreement the form
 * "Realisatie vastleggen" offers the region's member municipalities; Ermelo's contract manager records an amount
 * for Harderwijk, sees the member in the realisations table, and a correction keeps it. On a municipality's own
 * agreement the form has no such field. A fresh region agreement (made by the coordinator through the API), so no
 * other browser test's figures of the seeded RNV-ICT-01 change.
 */
describe('the member of a realisation on a region’s agreement', () => {
  let session: BrowserSession;
  let page: Page;
  let id = '';
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const reference = `RNV-ICT-M-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    const token = await devToken(apiUrl, 'noordveluwe.coordinator');
    const created = await mutateAs<{ id: string }, 'agreement.create'>(apiUrl, token, 'agreement.create', {
      kind: 'service_agreement',
      space: 'RGNOORDVELUWE',
      reference,
      title: 'Regionale werkplekken',
      domain: 'ict',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      valueCeilingCents: 10_000_000,
    });
    id = created.id;
  });
  afterAll(() => session?.close());

  const budget = () => session.section('Budget en volume');

  it('records an amount for a member municipality and keeps the member on a correction', async () => {
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/${id}`);
    const form = budget().getByRole('form', { name: 'Realisatie vastleggen' });
    const member = form.getByLabel('Gemeente (niet verplicht)');
    await member.waitFor();
    expect(await member.locator('option').allTextContents()).toEqual([
      'Geen gemeente (de regio als geheel)',
      'Gemeente Ermelo',
      'Gemeente Harderwijk',
      'Gemeente Zeewolde',
    ]);
    await form.getByLabel('Maand', { exact: true }).fill('2026-03');
    await form.getByLabel('Bedrag in euro').fill('1.250,00');
    await member.selectOption({ label: 'Gemeente Harderwijk' });
    await session.expectAccessible('the realisation form with its member field');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await budget()
      .getByTestId('realisation-outcome')
      .getByText(/^De realisatie van €\s1\.250,00 over .+ is vastgelegd\.$/)
      .waitFor();
    const table = budget().getByTestId('realisations');
    const row = table.locator('tbody tr').first();
    await row.getByText('Gemeente Harderwijk').waitFor();
    expect(await table.getByRole('columnheader', { name: 'Gemeente' }).count()).toBe(1);
    // The form starts afresh: the next entry names no member unless one is chosen.
    expect(await member.inputValue()).toBe('');

    await row.getByRole('button', { name: /^Realisatie van .+ corrigeren$/ }).click();
    const correction = budget().getByRole('form', { name: /^Realisatie van .+ corrigeren$/ });
    expect(await correction.getByLabel('Gemeente (niet verplicht)').inputValue()).toBe('GM0243');
    await correction.getByLabel('Bedrag in euro').fill('1.300,00');
    await correction.getByLabel('Reden van de correctie').fill('Factuur Harderwijk gecorrigeerd');
    await correction.getByRole('button', { name: 'Correctie opslaan' }).click();
    await page.getByText(/is gecorrigeerd naar €\s1\.300,00\./).waitFor();
    await row.getByText('Gecorrigeerd: Factuur Harderwijk gecorrigeerd').waitFor();
    expect(await row.innerText()).toContain('Gemeente Harderwijk');
  });

  it('offers no member on a municipality’s own agreement', async () => {
    await page.goto(`${webUrl}/agreements/erm-dvo-2026`);
    const form = budget().getByRole('form', { name: 'Realisatie vastleggen' });
    await form.getByLabel('Bedrag in euro').waitFor();
    expect(await form.getByLabel('Gemeente (niet verplicht)').count()).toBe(0);
  });
});
