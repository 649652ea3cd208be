import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';
import { devToken, mutateAs } from '../support/stack-api.ts';

/**
 * Role conflicts across agreements in the browser, in Dutch (issue 14 point 4, SPEC §4.2): Zeewolde contracts the
 * region's GR in a DVO with the GR's eigenaar (Wethouder M. Bakker, in the seed) as its opdrachtgever; the
 * purchaser finds the conflict from Sturing, with both agreements as links, and records an authority with an
 * amount on the DVO's roles. Ermelo sees the seed's own conflict: its eigenaar on the GR (per member) is
 * opdrachtgever of its DVO. Zeewolde, so that no other browser
 * test's view of the shared seed changes. Axe (WCAG 2.1 A/AA) on the page.
 */
describe('role conflicts across agreements in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let dvoId = '';
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const reference = `ZWD-DVO-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    // The DVO and its roles are set up through the API (the forms have browser tests of their own).
    const token = await devToken(apiUrl, 'zeewolde.inkoper');
    const body = await mutateAs<{ id: string }, 'organisation.create'>(apiUrl, token, 'organisation.create', {
      kind: 'joint_body',
      name: 'Sociaal Domein Noord-Veluwe',
      kvkNumber: '62345678',
    });
    const dvo = await mutateAs<{ id: string }, 'agreement.create'>(apiUrl, token, 'agreement.create', {
      kind: 'service_agreement',
      reference,
      title: 'DVO uitvoering participatie Zeewolde',
      domain: 'participation',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      parties: [{ organisationId: body.id, role: 'contractor' }],
    });
    dvoId = dvo.id;
    await mutateAs(apiUrl, token, 'steering.update', {
      agreementId: dvo.id,
      expectedVersion: 0,
      roles: { opdrachtgever: { name: 'Team Werk en Inkomen', portfolioHolder: 'Wethouder M. Bakker' } },
    });
  });
  afterAll(() => session?.close());

  it('shows zeewolde.inkoper the wethouder with both agreements, from Sturing', async () => {
    await session.logIn('zeewolde.inkoper');
    await session.nav('Sturing').click();
    await page.getByRole('link', { name: 'Alle rolconflicten tussen overeenkomsten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rolconflicten tussen overeenkomsten' }).waitFor();
    const table = page.getByTestId('cross-conflicts');
    await table.waitFor();
    const row = table.locator('tbody tr').filter({ hasText: reference });
    expect(await row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('Wethouder M. Bakker');
    expect(text).toContain('Team Werk en Inkomen');
    expect(text).toContain('Lid algemeen bestuur');
    expect(text).toContain('De regeling voert deze DVO zelf uit');
    await page.getByText('1 rolconflict', { exact: true }).waitFor();
    await session.expectAccessible('role conflicts across agreements');
    await row.getByRole('link', { name: 'RNV-GR-01' }).click();
    await page.getByRole('heading', { level: 1, name: 'GR Sociaal Domein Noord-Veluwe' }).waitFor();
  });

  it('shows ermelo.viewer the seeded conflict: its GR eigenaar as opdrachtgever of its own DVO, and why', async () => {
    await session.logIn('ermelo.viewer');
    await session.nav('Sturing').click();
    await page.getByRole('link', { name: 'Alle rolconflicten tussen overeenkomsten' }).click();
    const table = page.getByTestId('cross-conflicts');
    await table.waitFor();
    const row = table.locator('tbody tr').filter({ hasText: 'ERM-DVO-2026-01' });
    await row.waitFor();
    expect(await row.count()).toBe(1);
    const text = await row.innerText();
    expect(text).toContain('Wethouder R. Jansen');
    expect(text).toContain('Team Schuldhulpverlening');
    expect(text).toContain('Lid algemeen bestuur namens Ermelo');
    expect(text).toContain('namens Gemeente Ermelo');
    expect(text).toContain('Andere overeenkomst');
    expect(text).toContain(
      'opdrachtgever en eigenaar horen niet onder dezelfde portefeuillehouder te vallen',
    );
    expect(text).toContain('SPEC §4.2; DOMAIN.md §(h)');
    // Both agreements are links.
    await row.getByRole('link', { name: 'RNV-GR-01' }).waitFor();
    await row.getByRole('link', { name: 'ERM-DVO-2026-01' }).click();
    await page.getByRole('heading', { level: 1, name: 'DVO schuldhulpverlening' }).waitFor();
  });

  it('lets zeewolde.inkoper add and edit an authority with an amount, with the error on the field', async () => {
    await session.logIn('zeewolde.inkoper');
    const rolesPage = async () => {
      await page.goto(`${webUrl}/agreements/${encodeURIComponent(dvoId)}/roles`);
      await page.getByRole('heading', { level: 1, name: 'Rollen wijzigen' }).waitFor();
      return page.getByRole('group', { name: 'Opdrachtgever', exact: true });
    };
    let client = await rolesPage();
    await client.getByRole('button', { name: 'Taak toevoegen' }).click();
    await client.getByLabel('Taak 1').fill('Stelt de jaaropdracht aan de regeling vast');
    await client.getByRole('button', { name: 'Bevoegdheid toevoegen' }).click();
    const authority = client.getByRole('group', { name: 'Bevoegdheid 1' });
    await authority.getByLabel('Mag besluiten over').fill('Meerwerk opdragen');
    const amount = authority.getByLabel('Tot een bedrag in euro’s (niet verplicht)');
    await amount.fill('vijfduizend');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await authority.getByText('Vul een bedrag in euro’s in, bijvoorbeeld 25.000 of 1.234,56.').waitFor();
    expect(await amount.getAttribute('aria-invalid')).toBe('true');
    expect(await amount.getAttribute('aria-describedby')).toContain('-error');
    await session.expectAccessible('roles form with an authority error');
    await amount.fill('25.000');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('De sturing is opgeslagen.').waitFor();

    // Stored in cents, shown the Dutch way; edited and stored again.
    client = await rolesPage();
    const stored = client.getByRole('group', { name: 'Bevoegdheid 1' });
    expect(await stored.getByLabel('Tot een bedrag in euro’s (niet verplicht)').inputValue()).toBe(
      '25.000,00',
    );
    expect(await client.getByLabel('Taak 1').inputValue()).toBe('Stelt de jaaropdracht aan de regeling vast');
    await stored.getByLabel('Tot een bedrag in euro’s (niet verplicht)').fill('1.234,5');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('De sturing is opgeslagen.').waitFor();
    client = await rolesPage();
    expect(
      await client
        .getByRole('group', { name: 'Bevoegdheid 1' })
        .getByLabel('Tot een bedrag in euro’s (niet verplicht)')
        .inputValue(),
    ).toBe('1.234,50');
    // The portfolio holder was kept: the conflict across agreements is still there.
    await page.goto(`${webUrl}/steering/conflicts`);
    await page.getByTestId('cross-conflicts').locator('tbody tr').filter({ hasText: reference }).waitFor();
  });
});
