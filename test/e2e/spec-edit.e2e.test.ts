import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';
import { devToken, mutateAs } from '../support/stack-api.ts';

/**
 * Issue 15 point 3 in the agreement form, in Dutch: on a draft with a quarterly duty and a quarterly KPI (set up
 * through the API), zeewolde.inkoper adds a field to the duty's data specification (its code derived from the name),
 * saves, and the agreement shows "Gegevensleveringen"; then chooses the new field as the KPI's source ("Bron") and
 * the KPI reads "bron: levering (…)". Axe on the form with the editor open.
 */
describe('editing a duty’s data specification and a KPI’s source in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let id = '';
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const reference = `ZEE-SPEC-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    const token = await devToken(apiUrl, 'zeewolde.inkoper');
    id = (
      await mutateAs<{ id: string }, 'agreement.create'>(apiUrl, token, 'agreement.create', {
        kind: 'contract',
        reference,
        title: 'Dagbehandeling Zeewolde (gegevens)',
        domain: 'youth',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        parties: [{ organisationId: 'org-kompas', role: 'contractor' }],
        duties: [{ kind: 'periodic', title: 'Kwartaallevering', frequency: 'quarterly', dueDays: 30 }],
        kpis: [
          { name: 'Cliënten', unit: 'cliënten', target: 40, direction: 'higher', frequency: 'quarterly' },
        ],
      })
    ).id;
  });
  afterAll(() => session?.close());

  it('adds a field to the periodic duty’s specification and shows the deliveries section', async () => {
    await session.logIn('zeewolde.inkoper');
    await page.goto(`${webUrl}/agreements/${id}/edit`);
    const duty = page.getByRole('group', { name: 'Informatieplicht 1: periodieke rapportage' });
    const spec = duty.getByRole('group', { name: 'Gegevensspecificatie' });
    await spec.waitFor();
    await spec.getByRole('button', { name: 'Gegevensveld toevoegen' }).click();
    const field = spec.getByRole('group', { name: 'Gegevensveld 1' });
    // Saving without a name or type names both at their inputs.
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await field.getByText('Vul de naam van het veld in.').waitFor();
    await field.getByText('Kies de soort.').waitFor();
    await field.getByLabel('Naam', { exact: true }).fill('Cliënten in zorg');
    await field.getByLabel('Eenheid (niet verplicht)').fill('cliënten');
    await field.getByLabel('Soort', { exact: true }).selectOption({ label: 'aantal' });
    await session.expectAccessible('Overeenkomstformulier met een gegevensspecificatie');
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.waitForURL((url) => url.pathname === `/agreements/${id}`);
    await session.section('Gegevensleveringen').waitFor();

    // The stored field comes back in the form with the code derived from its name.
    await page.goto(`${webUrl}/agreements/${id}/edit`);
    const stored = page.getByRole('group', { name: 'Gegevensveld 1' });
    await stored.getByLabel('Code (niet verplicht)').waitFor();
    expect(await stored.getByLabel('Code (niet verplicht)').inputValue()).toBe('clienten_in_zorg');
  });

  it('takes the KPI’s values from the new field', async () => {
    const kpi = page.getByRole('group', { name: 'Indicator 1' });
    const source = kpi.getByLabel('Bron', { exact: true });
    await source.selectOption({ label: 'Kwartaallevering – Cliënten in zorg' });
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();
    await page.waitForURL((url) => url.pathname === `/agreements/${id}`);
    await session
      .section('Prestatie-indicatoren')
      .getByText('bron: levering (Kwartaallevering, Cliënten in zorg)')
      .waitFor();
  });
});
