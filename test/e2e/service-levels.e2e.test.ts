import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';
import { devToken, mutateAs } from '../support/stack-api.ts';

/**
 * Service-level reports in the browser, in Dutch (issue 16 points 2 and 7): Ermelo's DVO with Wijkracht is set up
 * through the API and shared with the provider; wijkracht.reporter reports October and November in the form, the
 * availability (≥ 99,5% per maand) missed in both; ermelo.contractmanager then sees the signal under Sturing, in
 * the dashboard's tile *Serviceniveaus niet gehaald*, and escalates in one step — the escalation appears on the
 * agreement at its ladder's first level. A mistyped period is named at its field first. Then the reporter corrects
 * November's value (*Corrigeren*, `service.correct`): a value that is no number is named at its field, the corrected
 * value shows as met and corrected, and the signal is gone for both sides; the contract manager is offered no
 * correction. Axe on the forms and on Sturing. A fresh agreement, so no other browser test's view of the shared seed
 * changes.
 */
describe('service-level reports in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let id = '';
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const reference = `ERM-DVO-SL-${Date.now().toString(36).toUpperCase()}`;
  const measure = 'Beschikbaarheid klantportaal';

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    const token = await devToken(apiUrl, 'ermelo.inkoper');
    const created = await mutateAs<{ id: string; version: number }, 'agreement.create'>(
      apiUrl,
      token,
      'agreement.create',
      {
        kind: 'service_agreement',
        reference,
        title: 'DVO klantportaal',
        domain: 'participation',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        parties: [{ organisationId: 'org-wijkracht', role: 'contractor' }],
        services: [
          {
            name: 'Klantportaal',
            levels: [{ measure, unit: 'percent', target: 99.5, direction: 'at_least', period: 'month' }],
            price: { model: 'fixed', yearlyCents: 1_200_000 },
          },
        ],
      },
    );
    id = created.id;
    await mutateAs(apiUrl, token, 'agreement.share', {
      id,
      expectedVersion: created.version,
      shared: true,
    });
  });
  afterAll(() => session?.close());

  it('lets the provider report a missed availability twice, naming a wrong period first', async () => {
    await session.logIn('wijkracht.reporter');
    await page.goto(`${webUrl}/agreements/${id}`);
    const form = page.getByRole('form', { name: 'Serviceniveaus rapporteren' });
    await form.waitFor();
    await form.getByLabel('Periode', { exact: true }).fill('oktober');
    await form.getByLabel(`Gemeten waarde ${measure} (Klantportaal)`).fill('99,1');
    await form.getByRole('button', { name: 'Rapportage versturen' }).click();
    await form.getByRole('link', { name: 'Vul de periode in als 2026-12, 2026-Q4 of 2026.' }).waitFor();
    await session.expectAccessible('the service-level report form with an error');

    for (const [period, value] of [
      ['2026-10', '99,1'],
      ['2026-11', '98,7'],
    ] as const) {
      await form.getByLabel('Periode', { exact: true }).fill(period);
      await form.getByLabel(`Gemeten waarde ${measure} (Klantportaal)`).fill(value);
      await form.getByRole('button', { name: 'Rapportage versturen' }).click();
      await form.getByText(`De rapportage over ${period} is verstuurd.`).waitFor();
    }
    const row = page.getByTestId('service-levels-table').getByRole('row', { name: new RegExp(measure) });
    await row.getByText('98,7 niet gehaald').waitFor();
    // The provider sees the same signal; escalating is the contract manager's step here.
    await page.getByText(`${measure}: 2 keer op rij niet gehaald (2026-10, 2026-11).`).waitFor();
  });

  it('shows the contract manager the signal on the dashboard, who escalates in one step', async () => {
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/steering`);
    const tile = page.getByTestId('dashboard-GM0233-service-levels');
    const signal = tile.getByTestId(new RegExp(`^dashboard-service-level-${id}-`));
    await signal
      .getByText(`${measure} (Klantportaal) 2 keer op rij niet gehaald: 2026-10, 2026-11`)
      .waitFor();
    expect(await tile.getByRole('link', { name: reference }).count()).toBe(1);
    await session.expectAccessible('Sturing with the service-level signal');
    await signal.getByRole('button', { name: 'Escaleren' }).click();
    await page.getByRole('dialog', { name: 'Serviceniveau escaleren?' }).waitFor();
    await page.getByRole('button', { name: 'Escalatie openen' }).click();
    await signal.getByText('De escalatie is geopend; zie Escalaties.').waitFor();

    await tile.getByRole('link', { name: reference }).click();
    const escalation = session
      .section('Escalaties')
      .getByRole('article', { name: `Serviceniveau niet gehaald: ${measure}`, exact: true });
    await escalation.waitFor();
    expect(await escalation.innerText()).toMatch(/Status\s+open/);
  });

  it('lets the provider correct a reported value, after which the signal is recomputed', async () => {
    await session.logIn('wijkracht.reporter');
    await page.goto(`${webUrl}/agreements/${id}`);
    const signal = page.getByText(`${measure}: 2 keer op rij niet gehaald (2026-10, 2026-11).`);
    await signal.waitFor();
    const row = page.getByTestId('service-levels-table').getByRole('row', { name: new RegExp(measure) });
    await row.getByRole('button', { name: `Corrigeren: ${measure} 2026-11` }).click();
    const form = page.getByRole('form', { name: 'Waarde corrigeren' });
    await form.getByText(`${measure} (Klantportaal), periode 2026-11: nu 98,7.`).waitFor();
    expect(await form.getByLabel('Nieuwe waarde').inputValue()).toBe('98,7');

    await form.getByLabel('Nieuwe waarde').fill('veel');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await form
      .getByRole('link', { name: 'Vul een getal in van 0 tot en met 1.000.000, bijvoorbeeld 99,5.' })
      .waitFor();
    await session.expectAccessible('the service-level correction form with an error');

    await form.getByLabel('Nieuwe waarde').fill('99,7');
    await form.getByLabel('Reden van de correctie').fill('Storingsvenster ten onrechte meegeteld');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await page.getByText(`De waarde van ${measure} over 2026-11 is gecorrigeerd naar 99,7.`).waitFor();
    expect(await form.count()).toBe(0);
    await row.getByText('99,7 gehaald').waitFor();
    await row.getByText('gecorrigeerd').waitFor();
    // November is met now: one missed period at the end no longer reaches the threshold of two.
    await expect.poll(() => signal.count()).toBe(0);
    expect(await row.getByText('99,1 niet gehaald').count()).toBe(1);
  });

  it('shows the contract manager the corrected figure, no signal and no correction button', async () => {
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/${id}`);
    const row = page.getByTestId('service-levels-table').getByRole('row', { name: new RegExp(measure) });
    await row.getByText('99,7 gehaald').waitFor();
    expect(await page.getByText(`${measure}: 2 keer op rij niet gehaald`, { exact: false }).count()).toBe(0);
    expect(await row.getByRole('button', { name: /^Corrigeren/ }).count()).toBe(0);
    expect(await row.getByText('gecorrigeerd').count()).toBe(1);
  });
});
