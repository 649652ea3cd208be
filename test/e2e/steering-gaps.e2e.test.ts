import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * The remaining parts of budget and volume bounds in the browser, in Dutch (issue 4, SPEC §4.4): a provider's
 * reporter reports a realisation in its portal and corrects it; the contract manager sees it in the burn-down
 * and per product line; the tenant admin changes the signal thresholds on Beheer and the next entry signals at
 * the new threshold, which a reversal withdraws again; year ceilings and the statement per region member on the
 * region's agreement. Axe (WCAG 2.1 A/AA) on every page visited. The tests run in order, like one session.
 */
describe('steering at a distance: the remaining budget parts in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const thisMonth = new Date().toISOString().slice(0, 7);
  const thisYear = thisMonth.slice(0, 4);

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const section = (name: string) => session.section(name);
  const nav = (name: string) => session.nav(name);

  it('lets kompas.reporter report a realisation in its portal and correct it', async () => {
    await session.logIn('kompas.reporter');
    await nav('Te leveren').click();
    await page.getByRole('heading', { level: 1, name: 'Te leveren' }).waitFor();
    const list = section('Realisaties').getByTestId('deliver-realisations');
    await list.waitFor();
    // Only its own agreements: Kompas is party to ERM-2025-JH01, not to Wijkracht's DVO.
    expect(await list.innerText()).not.toContain('ERM-DVO-2026-01');
    await session.expectAccessible('te leveren with realisations');
    await list.getByRole('link', { name: 'Realisaties van ERM-2025-JH01 doorgeven' }).click();

    const portal = section('Realisaties doorgeven');
    await portal.getByTestId('reported-total').waitFor();
    await portal.getByText('U heeft op deze overeenkomst nog geen realisaties doorgegeven.').waitFor();
    await session.expectAccessible('provider agreement with realisations');

    await portal.getByLabel('Maand', { exact: true }).fill(thisMonth);
    await portal.getByLabel('Bedrag in euro').fill('12.345,67');
    await portal.getByLabel('Volume (niet verplicht)').fill('10');
    await portal.getByLabel('Productregel (niet verplicht)').selectOption({ label: '45A12' });
    await portal.getByRole('button', { name: 'Doorgeven', exact: true }).click();
    await portal
      .getByTestId('reported-outcome')
      .getByText(/^De realisatie van €\s12\.345,67 over .+ is doorgegeven aan Gemeente Ermelo\.$/)
      .waitFor();
    const table = portal.getByTestId('reported-realisations');
    await table.locator('tbody tr').first().getByText('Geldig').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await portal.getByTestId('reported-total').innerText()).toMatch(/€\s12\.345,67/);

    // A typo: the reporter corrects it, with a reason.
    await table.getByRole('button', { name: /^Realisatie van .+ \(€\s12\.345,67\) corrigeren$/ }).click();
    const form = portal.getByTestId('correction-form');
    await form.getByLabel('Bedrag in euro').fill('12.000,00');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await form.getByRole('link', { name: 'Vul de reden van de correctie in.' }).waitFor();
    await form.getByLabel('Reden van de correctie').fill('Eén cliënt dubbel geteld');
    await session.expectAccessible('correction form');
    await form.getByRole('button', { name: 'Correctie opslaan' }).click();
    await portal
      .getByTestId('reported-realisations-outcome')
      .getByText(/is gecorrigeerd naar €\s12\.000,00\./)
      .waitFor();
    await table.getByText('Gecorrigeerd: Eén cliënt dubbel geteld').waitFor();
    expect(await portal.getByTestId('reported-total').innerText()).toMatch(/€\s12\.000,00/);
    expect(await portal.getByTestId('correction-form').count()).toBe(0);

    // KPI values are the provider's to report in the same portal page.
    const kpi = section('Prestatie-indicatoren').getByTestId('kpi-kpi-tevredenheid');
    await kpi.getByLabel('Periode', { exact: true }).fill('2026-H2');
    await kpi.getByLabel('Waarde in cijfer').fill('7,8');
    await kpi.getByRole('button', { name: 'Waarde vastleggen' }).click();
    await section('Prestatie-indicatoren')
      .getByTestId('kpi-outcome')
      .getByText(/^De waarde 7,8 cijfer over .+ is vastgelegd\.$/)
      .waitFor();
    await kpi.getByTestId('kpi-result-kpi-tevredenheid-2026-H2').waitFor();
  });

  it('shows ermelo.contractmanager the provider’s corrected realisation in the burn-down', async () => {
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    const budget = section('Budget en volume');
    await budget.getByTestId('budget-totals').waitFor();
    await budget.getByText('De grafiek als tabel').click();
    const month = budget.getByTestId('burn-down-table').locator('tbody tr').last();
    expect(await month.innerText()).toMatch(/€\s12\.000,00/);
    const line = budget.getByTestId('budget-lines').getByRole('row', { name: /45A12/ });
    expect(await line.innerText()).toMatch(/€\s12\.000,00[\s\S]*\b10\b/);
    const entry = budget.getByTestId('realisations').getByRole('row', { name: /Roos Rapporteur/ });
    expect(await entry.innerText()).toMatch(/€\s12\.000,00[\s\S]*Gecorrigeerd: Eén cliënt dubbel geteld/);
    await session.expectAccessible('agreement budget with the provider’s realisation');
  });

  it('lets ermelo.admin set the signal thresholds on Beheer; the next entry signals at the new one', async () => {
    await session.logIn('ermelo.admin');
    await nav('Beheer').click();
    await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
    const signals = section('Budgetsignalen');
    const field = signals.getByLabel('Signaalgrenzen in procenten');
    await field.waitFor();
    expect(await field.inputValue()).toBe('80, 100');
    await field.fill('80, 80');
    await signals.getByRole('button', { name: 'Signaalgrenzen vastleggen' }).click();
    await signals.getByRole('link', { name: 'Elk percentage mag maar één keer voorkomen.' }).waitFor();
    await field.fill('1, 100');
    await signals.getByRole('button', { name: 'Signaalgrenzen vastleggen' }).click();
    await signals.getByText('De signaalgrenzen zijn opgeslagen: 1%, 100%.').waitFor();
    await session.expectAccessible('beheer with signal thresholds');

    // € 12.000,00 of € 1.250.000,00 is 0,96%; another € 20.000,00 crosses the new 1%.
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    const budget = section('Budget en volume');
    await budget.getByTestId('budget-totals').waitFor();
    await budget.getByLabel('Maand', { exact: true }).fill(thisMonth);
    await budget.getByLabel('Bedrag in euro').fill('20.000,00');
    await budget.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    const outcome = budget.getByTestId('realisation-outcome');
    await outcome.getByText('Signaal: 1% van het plafond is bereikt').waitFor();

    // Entered by mistake: reversing it withdraws the signal, since the spend is under 1% again.
    await budget
      .getByTestId('realisations')
      .getByRole('button', { name: /^Realisatie van .+ \(€\s20\.000,00\) corrigeren$/ })
      .click();
    const form = budget.getByTestId('correction-form');
    await form.getByLabel('Reden van de correctie').fill('Hoort bij een ander contract');
    await form.getByRole('button', { name: 'Terugdraaien' }).click();
    const told = budget.getByTestId('realisations-outcome');
    await told.getByText(/is teruggedraaid; zij telt niet meer mee\./).waitFor();
    expect(await told.innerText()).toContain('Het signaal bij 1% is ingetrokken');
    await budget.getByText('Teruggedraaid: Hoort bij een ander contract').waitFor();
    expect(await budget.getByTestId('budget-spent').innerText()).toMatch(/€\s12\.000,00/);
    await session.expectAccessible('agreement after a reversal');

    // Back to the default thresholds: the other browser tests rely on them.
    await session.logIn('ermelo.admin');
    await nav('Beheer').click();
    const again = section('Budgetsignalen').getByLabel('Signaalgrenzen in procenten');
    await again.fill('80, 100');
    await section('Budgetsignalen').getByRole('button', { name: 'Signaalgrenzen vastleggen' }).click();
    await section('Budgetsignalen').getByText('De signaalgrenzen zijn opgeslagen: 80%, 100%.').waitFor();
  });

  it('sets a year ceiling on the region’s agreement and shows the statement per member', async () => {
    // A region's agreement is changed by the region's own roles only (docs/region-rules.md): its coordinator.
    await session.logIn('noordveluwe.coordinator');
    await page.goto(`${webUrl}/agreements/rnv-ict-01`);
    const budget = section('Budget en volume');
    const years = budget.getByTestId('year-ceilings');
    await years.getByText('Deze overeenkomst heeft geen plafonds per jaar.').waitFor();
    await years.getByRole('button', { name: 'Plafonds per jaar wijzigen' }).click();
    const row = years.getByRole('group', { name: 'Jaarplafond 1' });
    await row.getByLabel('Jaar').fill(thisYear);
    await row.getByLabel('Plafond in euro').fill('600.000,00');
    await session.expectAccessible('year ceilings form');
    await years.getByRole('button', { name: 'Plafonds per jaar opslaan' }).click();
    await years.getByText(/^De plafonds per jaar zijn opgeslagen \(versie \d+\)\.$/).waitFor();
    expect(await years.getByTestId('year-ceilings-table').innerText()).toMatch(
      new RegExp(`${thisYear}\\s+€\\s600\\.000,00`),
    );
    expect(await budget.getByTestId('budget-year-ceiling').innerText()).toMatch(/€\s600\.000,00/);

    const statement = budget.getByTestId('budget-statement');
    await statement.getByRole('heading', { name: `Afrekening per deelnemer in ${thisYear}` }).waitFor();
    const table = statement.getByTestId('statement-table');
    await table.getByRole('rowheader', { name: 'Gemeente Harderwijk' }).waitFor();
    expect(await table.locator('tbody tr').count()).toBe(3);
    // The provisional contributions come from the year's own ceiling and add up to it, to the cent.
    expect(await table.locator('tfoot').innerText()).toMatch(/Totaal\s+€\s600\.000,00/);
    expect(await statement.getByTestId('statement-state').innerText()).toContain(`${thisYear} loopt nog`);
    await session.expectAccessible('region agreement with statement');
  });

  it('signals 80% of a year ceiling while the overall ceiling is far from it, under Sturing too', async () => {
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/erm-wmo-2026`);
    const budget = section('Budget en volume');
    const years = budget.getByTestId('year-ceilings');
    await years.getByRole('button', { name: 'Plafonds per jaar wijzigen' }).click();
    const row = years.getByRole('group', { name: 'Jaarplafond 1' });
    await row.getByLabel('Jaar').fill(thisYear);
    await row.getByLabel('Plafond in euro').fill('10.000,00');
    await years.getByRole('button', { name: 'Plafonds per jaar opslaan' }).click();
    await years.getByText(/^De plafonds per jaar zijn opgeslagen \(versie \d+\)\.$/).waitFor();

    // € 8.500,00 is 85% of this year's € 10.000,00, but under 2% of the overall € 480.000,00.
    await budget.getByLabel('Maand', { exact: true }).fill(thisMonth);
    await budget.getByLabel('Bedrag in euro').fill('8.500,00');
    await budget.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    const outcome = budget.getByTestId('realisation-outcome');
    await outcome.getByText(`80% van het jaarplafond ${thisYear} bereikt`).waitFor();
    expect(await outcome.getByRole('alert').count()).toBe(1);
    expect(await outcome.innerText()).not.toContain('van het plafond is bereikt');
    await session.expectAccessible('agreement with a year ceiling signal');

    await session.nav('Sturing').click();
    await page.getByRole('heading', { level: 1, name: 'Sturing' }).waitFor();
    const signal = section('Signalen').getByTestId(`signal-erm-wmo-2026-${thisYear}-80`);
    await signal.waitFor();
    expect(await signal.innerText()).toMatch(
      new RegExp(
        `ERM-2026-WMO02\\s+Wmo begeleiding individueel\\s+80% van het jaarplafond ${thisYear} bereikt\\s+€\\s8\\.500,00 van €\\s10\\.000,00`,
      ),
    );
    const risk = section('Stuurdashboard')
      .getByTestId('dashboard-GM0233-ceilings')
      .getByRole('listitem')
      .filter({ hasText: 'ERM-2026-WMO02' });
    expect(await risk.innerText()).toContain(`80% van het jaarplafond ${thisYear} bereikt`);
    await session.expectAccessible('steering page with a year ceiling signal');
  });

  it('signals 80% of a product line’s volume ceiling, named by its product code, under Sturing too', async () => {
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/erm-wmo-2026`);
    const budget = section('Budget en volume');
    // Product line 02A01 may deliver 7.000 hours: 5.700 is 81% of it.
    await budget.getByLabel('Maand', { exact: true }).fill(thisMonth);
    await budget.getByLabel('Bedrag in euro').fill('100,00');
    await budget.getByLabel('Volume (niet verplicht)').fill('5700');
    await budget.getByLabel('Productregel (niet verplicht)').selectOption({ label: '02A01' });
    await budget.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    const outcome = budget.getByTestId('realisation-outcome');
    await outcome.getByText('80% van het volumeplafond van productregel 02A01 bereikt').waitFor();
    expect(await outcome.innerText()).toContain('5.700 van 7.000 eenheden');
    await session.expectAccessible('agreement with a product line signal');

    await session.nav('Sturing').click();
    await page.getByRole('heading', { level: 1, name: 'Sturing' }).waitFor();
    const signal = section('Signalen').getByTestId('signal-erm-wmo-2026-wmo-02a01-volume-80');
    await signal.waitFor();
    expect(await signal.innerText()).toMatch(
      /ERM-2026-WMO02\s+Wmo begeleiding individueel\s+80% van het volumeplafond van productregel 02A01 bereikt\s+5\.700 van 7\.000 eenheden/,
    );
  });
});
