import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Information duties and budget bounds in the browser, in Dutch (issue 4, points 3 and 4): a provider delivers
 * its quarterly report in its own portal and the contract manager reads it on the agreement; realisations
 * against a ceiling, the second crossing 80% and raising a signal that shows on the agreement, under Sturing
 * and on the register row; a provider's signer sees what is due but cannot submit. Axe (WCAG 2.1 A/AA) on
 * "Te leveren", the report form, the agreement with its budget section and the steering page. The tests run
 * in order and build on each other, like one session.
 */
describe('reports and budget in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const summary = `Productie volgens plan; wachttijd gemiddeld 5 weken (${Date.now().toString(36)}).`;
  // Read from the row in "Te leveren" by the first test: the period the quarterly duty expects now.
  let period = '';
  let overdue = false;

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const logIn = (user: string) => session.logIn(user);

  const expectAccessible = (name: string) => session.expectAccessible(name);

  const section = (name: string) => session.section(name);
  const nav = (name: string) => session.nav(name);
  /** `2026-Q3` → `3e kwartaal 2026`, as the page names a quarter. */
  const quarterInWords = (key: string) => key.replace(/^(\d{4})-Q([1-4])$/, '$2e kwartaal $1');
  const thisMonth = new Date().toISOString().slice(0, 7);

  it('shows kompas.reporter what is due, late first, and lets it deliver the quarterly report', async () => {
    await logIn('kompas.reporter');
    await nav('Te leveren').click();
    await page.getByRole('heading', { level: 1, name: 'Te leveren' }).waitFor();
    const table = page.getByTestId('deliver-table');
    const row = table.getByTestId('due-erm-jh-2025-jh-kwartaal');
    await row.waitFor();
    expect(await row.getByRole('rowheader').innerText()).toBe('ERM-2025-JH01');

    // The period comes from the row's own link: the one the duty expects now.
    const link = row.getByRole('link', { name: /^Rapportage indienen/ });
    const href = (await link.getAttribute('href')) ?? '';
    period = /\/report\/jh-kwartaal\/(\d{4}-Q[1-4])$/.exec(href)?.[1] ?? '';
    expect(period).not.toBe('');
    const text = await row.innerText();
    expect(text).toContain(quarterInWords(period));
    expect(text).toMatch(/Kwartaalrapportage productie en wachttijden/);
    overdue = text.includes('Te laat');
    if (!overdue) expect(text).toContain('Verwacht');
    // Late reports come first.
    const statuses = (await table.locator('tbody tr').allInnerTexts()).map((r) => r.includes('Te laat'));
    expect(statuses).toEqual([...statuses].sort((a, b) => Number(b) - Number(a)));
    await expectAccessible('te leveren');

    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Rapportage indienen' }).waitFor();
    await page
      .getByText(`Kwartaalrapportage productie en wachttijden over ${quarterInWords(period)}`)
      .waitFor();
    // Nothing filled in: the error summary names the summary, and the field says it is wrong.
    await page.getByRole('button', { name: 'Indienen', exact: true }).click();
    await page.getByRole('link', { name: 'Vul een samenvatting in.' }).waitFor();
    expect(await page.getByLabel('Samenvatting').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Samenvatting').fill(summary);
    await page.getByRole('button', { name: 'Cijfer toevoegen' }).click();
    const figure = page.getByRole('group', { name: 'Cijfer 1' });
    await figure.getByLabel('Omschrijving').fill('Wachttijd (weken)');
    await figure.getByLabel('Waarde').fill('5');
    await expectAccessible('report form');
    await page.getByRole('button', { name: 'Indienen', exact: true }).click();

    await page
      .getByText(`De rapportage over ${quarterInWords(period)} voor ERM-2025-JH01 is ingediend.`)
      .waitFor();
    expect(new URL(page.url()).pathname).toBe('/deliver');
    // The duty now expects the next quarter, and the list says so at once.
    expect(await table.getByTestId('due-erm-jh-2025-jh-kwartaal').innerText()).not.toContain(
      quarterInWords(period),
    );
  });

  it('shows ermelo.contractmanager the delivered report on the agreement, from the provider', async () => {
    await logIn('ermelo.contractmanager');
    await page
      .getByTestId('register-table')
      .getByRole('link', { name: 'ERM-2025-JH01', exact: true })
      .click();
    const duties = section('Informatieplichten');
    const report = duties.getByTestId(`report-jh-kwartaal-${period}`);
    await report.waitFor();
    const text = await report.innerText();
    expect(text).toContain(`Kwartaalrapportage productie en wachttijden, ${quarterInWords(period)}`);
    expect(text).toMatch(/Ingediend namens\s+aanbieder, Jeugdhulp Kompas B\.V\./);
    expect(text).toMatch(/Roos Rapporteur/);
    expect(text).toContain(summary);
    expect(text).toMatch(/Wachttijd \(weken\)\s+5/);
    expect(text).toMatch(overdue ? /Tijdigheid\s+te laat/ : /Tijdigheid\s+op tijd/);
    // The event duties are listed with their response times.
    expect(await duties.getByTestId('duty-jh-calamiteit').innerText()).toMatch(
      /calamiteit\s+melden binnen 1 werkdag/,
    );
  });

  it('records realisations on ERM-DVO-2026-01: the second crosses 80% and raises a signal', async () => {
    await page.goto(`${webUrl}/agreements/erm-dvo-2026`);
    const budget = section('Budget en volume');
    await budget.getByTestId('budget-level').getByText('binnen budget').waitFor();
    expect(await budget.getByLabel('Maand', { exact: true }).inputValue()).toBe(thisMonth);

    await budget.getByLabel('Bedrag in euro').fill('70.000,00');
    await budget.getByRole('button', { name: 'Vastleggen' }).click();
    const outcome = budget.getByTestId('realisation-outcome');
    await outcome.getByText(/^De realisatie van €\s70\.000,00 over .+ is vastgelegd\.$/).waitFor();
    expect(await outcome.getByText(/^Signaal/).count()).toBe(0);
    await budget
      .getByTestId('budget-spent')
      .getByText(/€\s70\.000,00 \(72,91% van het plafond\)/)
      .waitFor();

    await budget.getByLabel('Bedrag in euro').fill('8.000,00');
    await budget.getByRole('button', { name: 'Vastleggen' }).click();
    await outcome.getByRole('alert').getByText('Signaal: 80% van het plafond is bereikt').waitFor();
    await budget.getByTestId('budget-level').getByText('80% bereikt').waitFor();
    expect(await budget.getByTestId('budget-spent').innerText()).toMatch(
      /€\s78\.000,00 \(81,25% van het plafond\)/,
    );
    // The burn-down: an image with its conclusion in words, and the same numbers as a table.
    const chart = budget.getByRole('img', { name: /^Grafiek: besteding per maand/ });
    expect(await chart.getAttribute('aria-label')).toMatch(/€\s78\.000,00 besteed, 81,25% van het plafond/);
    await budget.getByText('De grafiek als tabel').click();
    const lastMonth = budget.getByTestId('burn-down-table').locator('tbody tr').last();
    // Both entries are in this month: € 78.000,00 in it, and so far.
    expect(await lastMonth.innerText()).toMatch(/€\s78\.000,00\s+€\s78\.000,00\s+81,25%/);
    expect(await budget.getByTestId('realisations').locator('tbody tr').count()).toBe(2);
    await expectAccessible('agreement with budget section and signal');
  });

  it('shows the signal under Sturing and the level on the register row', async () => {
    await nav('Sturing').click();
    await page.getByRole('heading', { level: 1, name: 'Sturing' }).waitFor();
    const signal = section('Signalen').getByTestId('signal-erm-dvo-2026-80');
    await signal.waitFor();
    expect(await signal.innerText()).toMatch(
      /ERM-DVO-2026-01\s+DVO schuldhulpverlening\s+80% van het plafond bereikt\s+€\s78\.000,00 van €\s96\.000,00/,
    );
    // What Ermelo expects: the quarterly report of ERM-2025-JH01 has moved on to the next quarter.
    const due = section('Informatieplichten')
      .getByTestId('due-table-GM0233')
      .getByTestId('due-erm-jh-2025-jh-kwartaal');
    await due.waitFor();
    expect(await due.innerText()).not.toContain(quarterInWords(period));
    await expectAccessible('steering page');

    await nav('Contractregister').click();
    const row = page.getByTestId('register-table').getByRole('row', { name: /ERM-DVO-2026-01/ });
    await row.getByTestId('budget-badge').getByText('80% bereikt').waitFor();
  });

  it('shows kompas.signer what is due, without the action to submit', async () => {
    await logIn('kompas.signer');
    await nav('Te leveren').click();
    const row = page.getByTestId('deliver-table').getByTestId('due-erm-jh-2025-jh-kwartaal');
    await row.waitFor();
    await page.getByText('Alleen een rapporteur van uw organisatie kan rapportages indienen.').waitFor();
    expect(await page.getByRole('link', { name: /Rapportage indienen/ }).count()).toBe(0);
  });
});
