import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Issue 15 point 3 in the browser, in Dutch: on the seeded ERM-2026-JH05 (a quarterly duty with a data
 * specification, three quarters delivered) kompas.reporter delivers the next quarter, types a waiting time with two
 * decimals, sees the field's error in Dutch (named by the input's aria-describedby), corrects it and delivers; then
 * ermelo.contractmanager finds the new point in the table of the chart under "Gegevensleveringen", and the KPI taken
 * from the waiting time marked "bron: levering". Axe on the form with the error and on the agreement page.
 */
describe('structured data deliveries in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const agreementPath = '/agreements/erm-jh-2026-levering';

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  it('lets kompas.reporter correct a bad figure and deliver the quarter', async () => {
    await session.logIn('kompas.reporter');
    await page.goto(`${webUrl}/agreements/erm-jh-2026-levering/report/lv-kwartaal/2026-Q4`);
    await page.getByRole('heading', { level: 1, name: 'Rapportage indienen' }).waitFor();
    const data = page.getByRole('group', { name: 'Gegevens volgens de specificatie' });
    await data.waitFor();

    await page.getByLabel('Samenvatting').fill('Vierde kwartaal: meer cliënten, kortere wachttijd.');
    const clients = page.getByLabel('Cliënten in zorg (cliënten)', { exact: true });
    const wait = page.getByLabel('Gemiddelde wachttijd (weken)', { exact: true });
    await clients.fill('47');
    await wait.fill('4,75');
    await page.getByRole('button', { name: 'Indienen', exact: true }).click();

    const error = 'Vul een getal in met hooguit één cijfer achter de komma.';
    await data.getByText(error).waitFor();
    // The error is the input's own description, and the summary links to it.
    const describedBy = (await wait.getAttribute('aria-describedby')) ?? '';
    expect(describedBy).toContain('report-data-wachttijd-error');
    expect(await page.locator('#report-data-wachttijd-error').innerText()).toContain(error);
    await page.getByRole('link', { name: error }).waitFor();
    await session.expectAccessible('Rapportage met een fout in een gegevensveld');

    await wait.fill('4,5');
    await page.getByRole('button', { name: 'Indienen', exact: true }).click();
    await page.waitForURL(`${webUrl}/deliver`);
  });

  it('shows ermelo.contractmanager the delivered point in the chart’s table and the KPI’s source', async () => {
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}${agreementPath}`);
    const section = session.section('Gegevensleveringen');
    const clients = section.getByTestId('delivery-lv-kwartaal-clienten');
    await clients.getByRole('img').waitFor();
    expect(await clients.getByRole('img').getAttribute('aria-label')).toBe(
      'Cliënten in zorg: 4 periodes geleverd, laatste waarde 47.',
    );
    await clients.getByText('De grafiek als tabel').click();
    const row = clients.getByRole('row').filter({ hasText: '4e kwartaal 2026' });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Jeugdhulp Kompas B\.V\.\s+47/);
    const wait = section.getByTestId('delivery-lv-kwartaal-wachttijd');
    await wait.getByText('De grafiek als tabel').click();
    expect(await wait.getByRole('row').filter({ hasText: '4e kwartaal 2026' }).innerText()).toContain('4,5');

    const kpi = session.section('Prestatie-indicatoren').getByTestId('kpi-kpi-lv-wachttijd');
    expect(await kpi.getByTestId('kpi-source-kpi-lv-wachttijd').innerText()).toBe(
      'bron: levering (Kwartaallevering dagbehandeling, Gemiddelde wachttijd)',
    );
    await kpi.getByTestId('kpi-result-kpi-lv-wachttijd-2026-Q4').waitFor();
    expect(await kpi.getByRole('button', { name: 'Waarde vastleggen' }).count()).toBe(0);
    await session.expectAccessible('Overeenkomst met gegevensleveringen');
  });
});
