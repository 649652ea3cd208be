import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Issue 16 points 5 and 7 in the browser, in Dutch: Ermelo's controller opens "Verbonden partijen" from the main
 * navigation, sees the seeded GR under "Gemeenschappelijke regelingen" with Ermelo's interest and the party's
 * figures, and exports the paragraaf as CSV (the download holds the same row) and as Excel. On the GR's page the
 * controller sees the indicators with baseline, target and realised value next to Ermelo's contribution.
 */
describe('paragraaf verbonden partijen in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  it('lets the controller open the paragraaf and export it', async () => {
    await session.logIn('ermelo.viewer');
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Verbonden partijen' })
      .click();
    await page.getByRole('heading', { name: 'Paragraaf verbonden partijen', level: 1 }).waitFor();
    const group = session.section('Gemeenschappelijke regelingen');
    const row = group.getByTestId('vp-RNV-GR-01');
    await row.waitFor();
    // 27/99 of the equity of € 4.200.000 and € 4.650.000 (seed-pc.ts), the party's debt and result.
    await expect.poll(() => row.innerText()).toMatch(/1\.145\.454,54[\s\S]*1\.268\.181,82/);
    const text = await row.innerText();
    expect(text).toContain('Sociaal Domein Noord-Veluwe (openbaar lichaam)');
    expect(text).toMatch(/4\.200\.000,00[\s\S]*4\.650\.000,00/);
    expect(text).toMatch(/18\.300\.000,00[\s\S]*17\.900\.000,00/);
    expect(text).toContain('definitief');
    await expect
      .poll(() => page.getByTestId('paragraph-complete').innerText())
      .toContain('Alle verplichte velden');
    await session.expectAccessible('Paragraaf verbonden partijen');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteer als CSV' }).click(),
    ]);
    const year = new Date().getUTCFullYear() - 1;
    expect(csv.suggestedFilename()).toBe(`verbonden-partijen-GM0233-${year}.csv`);
    const content = readFileSync((await csv.path())!, 'utf8');
    expect(content).toContain('Financieel belang begin jaar (€)');
    expect(content).toMatch(/Gemeenschappelijke regelingen,RNV-GR-01,.*,1145454\.54,1268181\.82,/);
    await expect.poll(() => page.getByTestId('paragraph-export-outcome').innerText()).toContain('gedownload');

    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteer als Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe(`verbonden-partijen-GM0233-${year}.xlsx`);
    // An XLSX file is a zip archive.
    expect(
      readFileSync((await xlsx.path())!)
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
  });

  it("shows the GR's indicators next to Ermelo's contribution", async () => {
    await page.goto(`${webUrl}/agreements/rnv-gr-01`);
    const section = session.section('Indicatoren (P&C-inhoud)');
    await section.getByTestId('pc-ind-uitstroom').waitFor();
    const uitstroom = await section.getByTestId('pc-ind-uitstroom').innerText();
    expect(uitstroom).toMatch(/Outcome[\s\S]*18,5 \(2023\)[\s\S]*21[\s\S]*22,3[\s\S]*Ja/);
    await expect
      .poll(() => section.getByTestId('pc-agreement').innerText())
      .toContain('Alle deelnemers hebben met deze versie ingestemd');
    const member = section.getByTestId('pc-member');
    await member.waitFor();
    expect(await member.innerText()).toMatch(/Uw gemeente: Gemeente Ermelo[\s\S]*Bijdrage[\s\S]*€/);
  });
});
