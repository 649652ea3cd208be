import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Agreed by both sides, in the browser and in Dutch (issue 14 point 2). On ERM-2026-JH02 (Kompas and Wijkracht) the
 * seed's customer relation has a change asked by Wijkracht; the contract manager re-decides it as partner, which
 * asks both parties again; Kompas's signer sees the relation on its agreement, is told to give a reason before
 * asking a change, and confirms; the contract manager then sees "Bevestigd door aanbieder" for Kompas. The region's
 * GR shows its board's confirmation. The tests run in order, like one session.
 */
describe('relation agreed by both sides', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const motivation = `Op verzoek van Wijkracht sturen we samen op resultaat (${Date.now().toString(36)}).`;

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const steering = () => session.section('Sturing');
  const partyState = (party: string) => steering().getByTestId(`relation-party-${party}`);
  const relation = () => session.section('Relatie en afspraken');

  it('lets ermelo.contractmanager see the change asked and re-decide the relation', async () => {
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/erm-jh-2026-samen`);
    await partyState('PV40123456').waitFor();
    expect(await partyState('PV40123456').innerText()).toMatch(/Stichting Wijkracht.*Wijziging gevraagd/);
    expect(await partyState('PV40123456').innerText()).toContain('partnerrelatie');
    expect(await partyState('PV81234567').innerText()).toMatch(/Voorgesteld/);

    await steering().getByRole('link', { name: 'Relatie ontwerpen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Relatie ontwerpen' }).waitFor();
    await page.getByRole('button', { name: 'Voorstel bekijken' }).click();
    const proposal = page.getByTestId('proposal');
    await page
      .getByRole('group', { name: 'Welk relatietype kiest u?' })
      .getByLabel('partner', { exact: true })
      .check();
    await proposal.getByLabel('Motivering').fill(motivation);
    await proposal.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('De sturing is opgeslagen.').waitFor();
    // A new round: both parties are asked again.
    await partyState('PV40123456').getByText('Voorgesteld').waitFor();
    expect(await partyState('PV81234567').innerText()).toMatch(/Voorgesteld \(ronde 2\)/);
    expect(await steering().getByTestId('relation-history').innerText()).toMatch(
      /ronde 2 geopend: relatie partner vastgesteld door Karim/,
    );
  });

  it('shows kompas.signer the relation on its agreement, asks a reason for a change, and confirms', async () => {
    await session.logIn('kompas.signer');
    await page.goto(`${webUrl}/agreements/erm-jh-2026-samen`);
    await relation().getByTestId('relation-type').waitFor();
    expect(await relation().getByTestId('relation-type').innerText()).toMatch(/^Relatietype\s+partner\b/);
    expect(await relation().innerText()).toContain(motivation);
    expect(await relation().getByTestId('relation-state').innerText()).toBe('Stand: Voorgesteld (ronde 2)');
    // Roles and both sides' contact persons; nothing of the co-party's own request.
    expect(await relation().getByTestId('steering-roles').innerText()).toMatch(/Contractmanager/);
    expect(await relation().innerText()).not.toContain('partnerrelatie');

    await relation().getByRole('button', { name: 'Wijziging vragen' }).click();
    await relation().getByRole('button', { name: 'Verzoek versturen' }).click();
    const reason = relation().getByLabel('Reden van uw wijzigingsverzoek');
    await relation().getByText('Geef de reden van uw wijzigingsverzoek.').first().waitFor();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await reason.getAttribute('aria-describedby')).toContain('-error');
    await session.expectAccessible('relation change request with an error');
    await relation().getByRole('button', { name: 'Annuleren' }).click();

    await relation().getByRole('button', { name: 'Bevestigen' }).click();
    await relation().getByText('U heeft de relatie bevestigd.').waitFor();
    await relation().getByTestId('relation-state').getByText('Bevestigd door aanbieder').waitFor();
    await session.expectAccessible('relation confirmed by the provider');
  });

  it('shows ermelo.contractmanager "Bevestigd door aanbieder" for Kompas', async () => {
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/erm-jh-2026-samen`);
    await partyState('PV81234567').getByText('Bevestigd door aanbieder').waitFor();
    expect(await partyState('PV40123456').innerText()).toMatch(/Voorgesteld \(ronde 2\)/);
    await session.expectAccessible('confirmations per party');
  });

  it('shows the GR confirmed by its board', async () => {
    await page.goto(`${webUrl}/agreements/rnv-gr-01`);
    await partyState('org-sdnv').waitFor();
    const text = await partyState('org-sdnv').innerText();
    expect(text).toMatch(
      /^Sociaal Domein Noord-Veluwe \(openbaar lichaam\): Bevestigd door het bestuur \(ronde 1\)/,
    );
    expect(text).toContain('Bevestigd door het bestuur (besluit AB-besluit 2026-14 van 12 maart 2026)');
  });
});
