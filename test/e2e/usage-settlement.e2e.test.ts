import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Usage-based settlement in the browser, in Dutch (issue 16 point 4): the region's coordinator opens RNV-ICT-01,
 * records March's usage for each member and sees each member's definitive settlement change; then Ermelo's viewer
 * sees its own statement with its exports, and of the others only that they count in the region's totals.
 */
describe('usage-based settlement in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const definitive = (member: string) => page.getByTestId(`usage-definitive-${member}`);

  it('lets the coordinator record a month’s usage and shows each member’s settlement change', async () => {
    await session.logIn('noordveluwe.coordinator');
    await page.goto(`${webUrl}/agreements/rnv-ict-01`);
    const section = session.section('Gebruik en afrekening');
    await section.waitFor();
    // January and February of the seed: Ermelo € 6.666,68 base + € 5.827,50 usage + € 4.000 module.
    await definitive('GM0233').getByText('€ 16.494,18').waitFor();
    await definitive('GM0243').getByText('€ 17.471,68').waitFor();

    const march = [
      // March: base € 3.333,34 (January to April carry the extra cent) + 190 × € 150 / 12 + 64 × € 120 / 12
      // + € 2.000 module = € 8.348,34 more.
      { member: 'GM0233', name: 'Gemeente Ermelo', basis: '190', zaak: '64', after: '€ 24.842,52' },
      // € 3.333,34 + 220 × € 150 / 12 + 70 × € 120 / 12 + € 2.000 = € 8.783,34 more.
      { member: 'GM0243', name: 'Gemeente Harderwijk', basis: '220', zaak: '70', after: '€ 26.255,02' },
      { member: 'GM0050', name: 'Gemeente Zeewolde', basis: '100', zaak: '20', after: null },
    ];
    for (const m of march) {
      const before = await definitive(m.member).innerText();
      await section.getByLabel('Gemeente', { exact: true }).last().selectOption({ label: m.name });
      await section.getByLabel('Maand (jjjj-mm)').fill('2026-03');
      await section.getByLabel('Aantal Basispakket').fill(m.basis);
      await section.getByLabel('Aantal Plusmodule Zaakgericht werken').fill(m.zaak);
      if (m.member === 'GM0233') await session.expectAccessible('the usage section with its form');
      await section.getByRole('button', { name: 'Gebruik opslaan' }).click();
      await page.getByText(`Het gebruik van ${m.name} over 2026-03 is opgeslagen.`).waitFor();
      if (m.after) await definitive(m.member).getByText(m.after).waitFor();
      // Zeewolde's figure depends on its take-up (the take-up test may add a module): it must change.
      await expect.poll(() => definitive(m.member).innerText()).not.toBe(before);
      await page
        .getByTestId(`usage-statement-${m.member}`)
        .getByText(/2026-03: Basispakket/)
        .waitFor();
    }
  });

  it('shows a member its own statement with exports, and of the others only the region totals', async () => {
    await session.logIn('ermelo.viewer');
    await page.goto(`${webUrl}/agreements/rnv-ict-01`);
    const section = session.section('Gebruik en afrekening');
    await section.getByText('U ziet het gebruik en de afrekening van uw eigen gemeente').waitFor();
    await definitive('GM0233').getByText('€ 24.842,52').waitFor();
    await page.getByTestId('usage-GM0243').getByText('Alleen in de regiototalen').waitFor();
    expect(await page.getByTestId('usage-statement-GM0243').count()).toBe(0);
    expect(await section.getByRole('button', { name: 'Gebruik opslaan' }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('button', { name: 'Afrekening Gemeente Ermelo als Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^afrekening-RNV-ICT-01-Gemeente_Ermelo-2026\.xlsx$/);
    await page.getByText('De afrekening is gedownload.').waitFor();
  });
});
