import type { PcView } from '@regie/core';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryUrl } from '../support/procedures.ts';
import { type BrowserSession, openSession } from '../support/session.ts';
import { devToken, mutateAs } from '../support/stack-api.ts';

/**
 * Issue 16 point 5 in the browser, in Dutch: what the paragraaf verbonden partijen needs and Regie does not know is
 * entered on the arrangement. The region's coordinator edits the GR's indicator set (core's schema refuses an
 * outcome indicator without a baseline at its field, before anything is sent), the verbonden-partij profile (a
 * save by someone else meanwhile makes the page's stale: the reload alert) and the figures of the last year; Ermelo's
 * controller then sees the new figures in its paragraaf. A member's user sees no edit controls.
 *
 * The set itself is not saved here: a new version would ask every member to agree again, which the other browser
 * tests of the GR read. The figures changed are ones they do not read (the result, the risks, the governance text).
 */
describe('the P&C forms of a GR in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const year = new Date().getUTCFullYear() - 1;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    page.on('console', (message) => {
      // The deliberate stale save answers 409, which the browser itself logs as a failed resource.
      if (message.type() === 'error' && !/status of 409/.test(message.text()))
        consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(error.message));
  });
  afterAll(() => session?.close());

  const pc = (on: Page = page) => on.getByRole('region', { name: 'Indicatoren (P&C-inhoud)', exact: true });

  it('checks a new outcome indicator with core’s rules before anything is sent', async () => {
    await session.logIn('noordveluwe.coordinator');
    await page.goto(`${webUrl}/agreements/rnv-gr-01`);
    const form = pc().getByRole('form', { name: 'Indicatorenset bewerken' });
    await form.getByRole('group', { name: 'Indicator 4' }).waitFor();
    expect(
      await form.getByRole('group', { name: 'Indicator 3' }).getByLabel('Nulmeting (waarde)').inputValue(),
    ).toBe('18,5');
    await form.getByRole('button', { name: 'Indicator toevoegen' }).click();
    const added = form.getByRole('group', { name: 'Indicator 5' });
    await added.getByLabel('Naam', { exact: true }).fill('Cliënttevredenheid');
    await added.getByLabel('Eenheid', { exact: true }).fill('%');
    await added.getByLabel('Soort', { exact: true }).selectOption('outcome');
    await form.getByRole('button', { name: 'Indicatorenset opslaan' }).click();
    const message = 'Een outcome-indicator heeft een nulmeting nodig (waarde en jaar).';
    await form.getByRole('link', { name: message }).waitFor();
    await added.getByText(message).waitFor();
    // Nothing was sent: the set is still version 2 of the seed, agreed by every member.
    expect(await pc().getByTestId('pc-agreement').innerText()).toContain(
      'Alle deelnemers hebben met deze versie ingestemd',
    );
    await added.getByRole('button', { name: /Verwijderen/ }).click();
    await expect.poll(() => form.getByRole('group', { name: 'Indicator 5' }).count()).toBe(0);
  });

  it('shows the reload alert when the profile was changed by someone else meanwhile', async () => {
    // Someone else (the same region, through the API) saves the profile after this page loaded it.
    const token = await devToken(apiUrl, 'noordveluwe.coordinator');
    const response = await fetch(`${apiUrl}${queryUrl('pc.get', { agreementId: 'rnv-gr-01', year })}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const view = ((await response.json()) as { result: { data: PcView } }).result.data;
    await mutateAs(apiUrl, token, 'pc.setProfile', {
      agreementId: 'rnv-gr-01',
      expectedVersion: view.version,
      profile: {
        ...view.profile!,
        governanceInterest: 'Elke gemeente één zetel in het algemeen bestuur (elders).',
      },
    });

    const form = pc().getByRole('form', { name: 'Profiel verbonden partij' });
    await form.getByLabel('Bestuurlijk belang').fill('Een stale wijziging');
    await form.getByRole('button', { name: 'Profiel opslaan' }).click();
    await form.getByText('Iemand anders heeft dit intussen gewijzigd.', { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await expect
      .poll(() =>
        pc()
          .getByRole('form', { name: 'Profiel verbonden partij' })
          .getByLabel('Bestuurlijk belang')
          .inputValue(),
      )
      .toBe('Elke gemeente één zetel in het algemeen bestuur (elders).');
    await session.expectAccessible('GR met de P&C-formulieren');
  });

  it('saves the year’s figures, which Ermelo’s paragraaf then shows', async () => {
    const form = pc().getByRole('form', { name: `Cijfers ${year}` });
    expect(await form.getByLabel(`Eigen vermogen begin ${year}`).inputValue()).toBe('4.200.000,00');
    await form.getByLabel(`Resultaat ${year}`).fill('veel');
    await form.getByRole('button', { name: 'Cijfers opslaan' }).click();
    await form
      .getByRole('link', { name: 'Vul een bedrag in euro’s in, bijvoorbeeld 1.234.567,89.' })
      .waitFor();
    await form.getByLabel(`Resultaat ${year}`).fill('-250.000,00');
    await form
      .getByLabel('Niet-afgedekte risico’s')
      .fill('Tekort op de jeugdzorg boven het weerstandsvermogen.');
    await form.getByRole('button', { name: 'Cijfers opslaan' }).click();
    await pc().getByTestId('pc-forms-outcome').getByText(`De cijfers van ${year} zijn opgeslagen.`).waitFor();
    expect(consoleErrors).toEqual([]);

    await session.logIn('ermelo.viewer');
    await page.goto(`${webUrl}/verbonden-partijen`);
    const row = session.section('Gemeenschappelijke regelingen').getByTestId('vp-RNV-GR-01');
    await row.waitFor();
    await expect
      .poll(() => row.innerText())
      .toContain('Tekort op de jeugdzorg boven het weerstandsvermogen.');
    const text = await row.innerText();
    expect(text).toMatch(/[-−]\s?250\.000,00/);
    expect(text).toContain('Elke gemeente één zetel in het algemeen bestuur (elders).');
    expect(text).toContain('definitief');
    expect(consoleErrors).toEqual([]);
  });

  it('gives a member’s user no edit controls, only its agreement', async () => {
    await session.logIn('ermelo.inkoper');
    await page.goto(`${webUrl}/agreements/rnv-gr-01`);
    await pc().getByTestId('pc-agreement').waitFor();
    await pc().getByTestId('pc-indicators').waitFor();
    for (const name of ['Indicatorenset bewerken', 'Profiel verbonden partij', `Cijfers ${year}`])
      expect(await pc().getByRole('form', { name }).count()).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
