import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * The Wgr P&C calendar in the browser, in Dutch (issue #5 point 4, SPEC §5.6): the region's coordinator opens the
 * GR Sociaal Domein Noord-Veluwe, sees next year's statutory dates with their articles, sets up the calendar with
 * the draft budget's total, records Harderwijk's council opinion and sees it next to Harderwijk's contribution.
 * Then a member's controller (Ermelo) sees the same calendar read-only. Axe (WCAG 2.1 A/AA) on every page state
 * visited. The tests run in order and build on each other, like one session.
 */
describe('Wgr P&C calendar in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  // The section opens on next year's calendar (Dutch time), as the app decides.
  const year =
    Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()),
    ) + 1;
  const before = year - 1;

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const wgr = () => session.section('P&C-cyclus (Wgr)');
  /** The text as read, with the no-break space Intl puts after the euro sign as a plain space. */
  const textOf = async (locator: ReturnType<Page['locator']>) =>
    (await locator.innerText()).replace(/\s+/g, ' ');

  it('shows the region coordinator next year’s statutory dates before the calendar exists', async () => {
    await session.logIn('noordveluwe.coordinator');
    await page.goto(`${webUrl}/agreements/rnv-gr-01`);
    await wgr()
      .getByTestId('wgr-state')
      .getByText(`Voor ${year} is nog geen P&C-kalender vastgelegd.`, { exact: false })
      .waitFor();
    expect(await wgr().getByLabel('Begrotingsjaar').inputValue()).toBe(String(year));
    const kaderbrief = wgr().getByTestId('wgr-step-kaderbrief');
    expect(await kaderbrief.innerText()).toContain(`30 april ${before}`);
    expect(await kaderbrief.innerText()).toContain('Wgr art. 34b');
    expect(await wgr().getByTestId('wgr-step-budgetToProvince').innerText()).toContain('Wgr art. 34 lid 2');
    // Each participating municipality with its contribution, before any opinion.
    for (const name of ['Gemeente Ermelo', 'Gemeente Harderwijk', 'Gemeente Zeewolde']) {
      await wgr().getByTestId('wgr-members').getByRole('rowheader', { name, exact: true }).waitFor();
    }
    await session.expectAccessible('GR met P&C-kalender (nog niet aangemaakt)');
  });

  it('sets up the calendar with the draft budget’s total', async () => {
    const form = wgr().getByRole('form', { name: 'Planning van het bestuur' });
    await form.getByLabel('Totaal ontwerpbegroting in euro').fill('15.000.000,00');
    await form.getByRole('button', { name: `Kalender ${year} aanmaken` }).click();
    await wgr().getByTestId('wgr-outcome').getByText(`De P&C-kalender voor ${year} is aangemaakt.`).waitFor();
    await wgr().getByTestId('wgr-state').getByText('Versie 1', { exact: false }).waitFor();
    expect(await textOf(wgr().getByTestId('wgr-budget'))).toContain('€ 15.000.000,00');
    // Per inhabitant (49,000 of 99,000), largest remainder: Harderwijk pays € 7.424.242,42.
    expect(await textOf(wgr().getByTestId('wgr-member-GM0243'))).toContain('€ 7.424.242,42');
  });

  it('records Harderwijk’s council opinion and shows it next to Harderwijk’s contribution', async () => {
    const form = wgr().getByRole('form', { name: 'Zienswijze vastleggen' });
    await form.getByLabel('Gemeente', { exact: true }).selectOption({ label: 'Gemeente Harderwijk' });
    // Out of order first: the opinion before the draft was received is refused in the form.
    await form.getByLabel('Ontwerp ontvangen').fill(`${before}-04-08`);
    await form.getByLabel('Zienswijze ingediend').fill(`${before}-04-01`);
    await form.getByLabel('Uitkomst').selectOption({ label: 'Instemming met opmerkingen' });
    await form.getByRole('button', { name: 'Zienswijze vastleggen' }).click();
    await form
      .getByRole('link', {
        name: 'De zienswijze kan niet eerder zijn ingediend dan de ontwerpbegroting werd ontvangen.',
      })
      .waitFor();
    await session.expectAccessible('P&C-kalender met een fout in de zienswijze');

    await form.getByLabel('Zienswijze ingediend').fill(`${before}-06-18`);
    await form
      .getByLabel('Samenvatting van de zienswijze')
      .fill('Akkoord, met zorg over de stijgende kosten jeugdhulp.');
    await form.getByLabel('Beantwoord door het bestuur').fill(`${before}-06-25`);
    await form.getByRole('button', { name: 'Zienswijze vastleggen' }).click();
    await wgr()
      .getByTestId('wgr-outcome')
      .getByText('De zienswijze van Gemeente Harderwijk is vastgelegd.')
      .waitFor();
    await wgr().getByTestId('wgr-state').getByText('Versie 2', { exact: false }).waitFor();
    const row = wgr().getByTestId('wgr-member-GM0243');
    expect(await row.getByTestId('wgr-outcome-GM0243').innerText()).toBe('Instemming met opmerkingen');
    const text = await textOf(row);
    expect(text).toContain('€ 7.424.242,42');
    expect(text).toContain(`18-6-${before}`);
    expect(text).toContain(`25-6-${before}`);
    expect(text).toContain('stijgende kosten jeugdhulp');
    expect(await wgr().getByTestId('wgr-outcome-GM0233').innerText()).toBe('nog niet');
    await session.expectAccessible('P&C-kalender met een vastgelegde zienswijze');
  });

  it('shows a member’s controller the same calendar, read only', async () => {
    await session.logIn('ermelo.viewer');
    await page.goto(`${webUrl}/agreements/rnv-gr-01`);
    await wgr().getByTestId('wgr-state').getByText('Versie 2', { exact: false }).waitFor();
    expect(await wgr().getByTestId('wgr-outcome-GM0243').innerText()).toBe('Instemming met opmerkingen');
    expect(await wgr().getByTestId('wgr-member-GM0233').innerText()).toContain('(uw gemeente)');
    expect(await wgr().getByRole('form').count()).toBe(0);
    await wgr().getByText('U kunt deze kalender inzien.', { exact: false }).waitFor();
    await session.expectAccessible('P&C-kalender voor een lid, alleen lezen');
  });
});
