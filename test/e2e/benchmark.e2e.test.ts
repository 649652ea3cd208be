import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * The regional benchmark in the browser, in Dutch (issue 15 points 4 and 5): the coordinator of Regio Noord-Veluwe
 * opens the benchmark from the region page and sees the tariff spread of 45A12 with Jeugdhulp Kompas across Ermelo
 * and Harderwijk (the seed opted both in), and nothing of Zeewolde, which has a Kompas 45A12 contract of its own but
 * did not opt in. Zeewolde's user is told to opt in first. Axe on the page. Reads only: no other test's view changes.
 */
describe('the regional benchmark in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  it('shows the coordinator the 45A12 tariff spread across Ermelo and Harderwijk, and nothing of Zeewolde', async () => {
    await session.logIn('noordveluwe.coordinator');
    await page.goto(`${webUrl}/regions`);
    await page.getByRole('link', { name: 'Regionale benchmark van Regio Noord-Veluwe' }).click();
    await page.getByRole('heading', { level: 1, name: 'Regionale benchmark Regio Noord-Veluwe' }).waitFor();
    await page
      .getByTestId('benchmark-as-of')
      .getByText('Stand per 1 december 2026, berekend door de dagelijkse taak.')
      .waitFor();
    await page
      .getByTestId('benchmark-inhabitants')
      .getByText(/CBS StatLine 03759ned.*peildatum 1 januari 2026.*RNV-GR-01/)
      .waitFor();
    const kompas = page.getByTestId('benchmark-45A12-81234567');
    await kompas.getByText('Aanbieder: Jeugdhulp Kompas B.V. (KvK 81234567)').waitFor();
    expect(await page.getByTestId('benchmark-spread-45A12').innerText()).toMatch(
      /^Tarief: laagste €\s995,00, mediaan €\s1\.017,50, hoogste €\s1\.040,00\.$/,
    );
    const table = kompas.getByRole('table', { name: '45A12 bij Jeugdhulp Kompas B.V.: per gemeente' });
    // Ermelo: € 995, 54 realised, 2,0 per 1.000 inhabitants, € 1,99 per inhabitant; Harderwijk: € 1.040, 98, 2,0, € 2,08.
    expect(await table.getByRole('row', { name: /Gemeente Ermelo/ }).innerText()).toMatch(
      /Gemeente Ermelo\s+€\s995,00\s+54\s+2\s+€\s1,99\s+Cliënttevredenheid: 7[^\n]*Gemiddelde wachttijd tot start hulp: 7,5 weken/,
    );
    expect(await table.getByRole('row', { name: /Gemeente Harderwijk/ }).innerText()).toMatch(
      /Gemeente Harderwijk\s+€\s1\.040,00\s+98\s+2\s+€\s2,08\s+Gemiddelde wachttijd tot start hulp: 5,5 weken/,
    );
    expect(await table.getByRole('row').count()).toBe(3); // the header and the two members that share
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('Zeewolde');
    expect(text).not.toContain('877,00'); // Zeewolde's 45A12 tariff
    // The chart has its list alternative.
    await kompas.getByText('De grafiek als lijst').click();
    await kompas.getByText('Gemeente Harderwijk: €\u00a01.040,00').waitFor();
    await session.expectAccessible('regional benchmark');
  });

  it('tells a member that does not share figures to opt in, and shows it no figures', async () => {
    await session.logIn('zeewolde.inkoper');
    await page.goto(`${webUrl}/regions/RGNOORDVELUWE/benchmark`);
    await page.getByText('Uw gemeente deelt geen cijfers met deze regio').waitFor();
    expect(await page.getByTestId('benchmark-spread-45A12').count()).toBe(0);
    expect(await page.locator('main').innerText()).not.toContain('1.040,00');
  });
});
