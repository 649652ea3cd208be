import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';
import { devToken, mutateAs } from '../support/stack-api.ts';

/**
 * Subsidies under the Awb in the browser, in Dutch (issue 5 point 5): Ermelo's purchaser sees the regulations with
 * their ceiling and room left, records an application under the regulation whose ceiling is nearly used, and a
 * grant beyond the ceiling is refused with the room left shown (Awb 4:25); within the room it is granted. The
 * phase-out warning (Awb 4:51) shows on a recipient's fourth year. Axe (WCAG 2.1 A/AA) on every page visited.
 * The tests run in order and build on each other, like one session.
 */
describe('subsidies in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const reference = `E2E-SUB-${Date.now().toString(36)}`.toUpperCase();
  let agreementId = '';

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    // The subsidy itself is made through the API; its Awb decisions through the page.
    const token = await devToken(apiUrl, 'ermelo.inkoper');
    agreementId = (
      await mutateAs<{ id: string }, 'agreement.create'>(apiUrl, token, 'agreement.create', {
        kind: 'subsidy',
        reference,
        title: 'Buurtsportcoach-activiteiten 2026',
        domain: 'wmo',
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        valueCeilingCents: 2_000_000,
        parties: [{ organisationId: 'org-kompas', role: 'recipient' }],
      })
    ).id;
  });
  afterAll(() => session?.close());

  const regulationRow = () => page.getByTestId('regulation-erm-regl-welzijn-2026');
  /** Text as read: Dutch money formats put a no-break space after the euro sign. */
  const textOf = async (locator: ReturnType<Page['getByTestId']>) =>
    (await locator.innerText()).replace(/[\s\u00a0\u202f]+/g, ' ').trim();

  it('shows the regulations with ceiling, granted and room left', async () => {
    await session.logIn('ermelo.inkoper');
    await session.nav('Subsidieregelingen').click();
    await page.getByRole('heading', { level: 1, name: 'Subsidieregelingen' }).waitFor();
    await regulationRow().waitFor();
    const row = await textOf(regulationRow());
    expect(row).toContain('Subsidieregeling welzijn en mantelzorg 2026');
    expect(row).toContain('€ 400.000,00');
    expect(row).toContain('€ 385.000,00');
    expect(await textOf(page.getByTestId('regulation-room-erm-regl-welzijn-2026'))).toBe('€ 15.000,00');
    expect(row).toContain('96,25% van het plafond verleend');
    await session.expectAccessible('subsidieregelingen');
  });

  it('refuses a grant beyond the ceiling and shows the room left', async () => {
    await page.goto(`${webUrl}/agreements/${agreementId}`);
    const subsidy = session.section('Subsidie (Awb)');
    await subsidy.getByText('De aanvraag is nog niet vastgelegd').waitFor();
    await session.expectAccessible('subsidie zonder aanvraag');

    await subsidy.getByLabel('Subsidieregeling').selectOption('erm-regl-welzijn-2026');
    await subsidy.getByLabel('Aanvraag ontvangen op').fill('2025-09-15');
    await subsidy.getByLabel('Aangevraagd bedrag in euro').fill('20.000,00');
    await subsidy.getByRole('button', { name: 'Aanvraag vastleggen' }).click();
    await page.getByTestId('subsidy-outcome').getByText('De aanvraag is vastgelegd.').waitFor();
    expect(await textOf(page.getByTestId('subsidy-ceiling'))).toContain('nog beschikbaar: € 15.000,00');

    await subsidy.getByLabel('Te verlenen bedrag in euro').fill('20.000,00');
    await subsidy.getByRole('button', { name: 'Subsidie verlenen' }).click();
    const refused = page.getByTestId('grant-refused');
    await refused.waitFor();
    expect(await textOf(refused)).toContain('Verlening geweigerd: het subsidieplafond van de regeling');
    expect(await textOf(page.getByTestId('grant-room-left'))).toBe(
      'Nog beschikbaar onder Subsidieregeling welzijn en mantelzorg 2026: € 15.000,00.',
    );
    // The server's refusal in Dutch, from its reason key (subsidy.ceilingExceeded), not its English message.
    expect(await textOf(refused)).toContain('er is nog € 15.000,00 ruimte');
    expect(await textOf(refused)).not.toContain('room left');
    // Nothing was granted: still requested.
    expect(await page.getByTestId('current-status').innerText()).toBe('aangevraagd');
    await session.expectAccessible('verlening geweigerd');
  });

  it('grants within the room left, and the regulation shows the ceiling used', async () => {
    const subsidy = session.section('Subsidie (Awb)');
    await subsidy.getByLabel('Te verlenen bedrag in euro').fill('15.000,00');
    await subsidy.getByRole('button', { name: 'Subsidie verlenen' }).click();
    await page.getByTestId('subsidy-outcome').getByText('De subsidie is verleend: € 15.000,00.').waitFor();
    await page.getByTestId('subsidy-granted').waitFor();
    expect(await page.getByTestId('current-status').innerText()).toBe('verleend');
    await session.expectAccessible('subsidie verleend');

    await session.nav('Subsidieregelingen').click();
    await page.getByRole('heading', { level: 1, name: 'Subsidieregelingen' }).waitFor();
    await page.getByTestId('regulation-room-erm-regl-welzijn-2026').getByText('€ 0,00').waitFor();
  });

  it('pays advances on the grant, never more than the grant in all (Awb 4:95)', async () => {
    await page.goto(`${webUrl}/agreements/${agreementId}`);
    const subsidy = session.section('Subsidie (Awb)');
    const form = subsidy.getByRole('form', { name: 'Voorschot verstrekken' });
    await form.getByText('Nog als voorschot te verstrekken: € 15.000,00').waitFor();
    await form.getByLabel('Datum van betaling').fill('2026-01-15');
    await form.getByLabel('Bedrag in euro').fill('10.000,00');
    await form.getByLabel('Omschrijving (niet verplicht)').fill('Eerste voorschot');
    await form.getByRole('button', { name: 'Voorschot vastleggen' }).click();
    await page
      .getByTestId('subsidy-outcome')
      .getByText('Het voorschot is vastgelegd. Verstrekt: € 10.000,00; nog mogelijk: € 5.000,00.')
      .waitFor();
    expect(await textOf(page.getByTestId('subsidy-advances'))).toMatch(
      /€ 10\.000,00 op 15 januari 2026 — Eerste voorschot\s*Samen € 10\.000,00\./,
    );
    // More than is left: said at the field, in Dutch, before anything is sent (the server refuses it too).
    const again = subsidy.getByRole('form', { name: 'Voorschot verstrekken' });
    await again.getByLabel('Bedrag in euro').fill('6.000,00');
    await again.getByRole('button', { name: 'Voorschot vastleggen' }).click();
    await again
      .getByText(
        'De voorschotten zijn samen nooit meer dan de verlening: er kan nog € 5.000,00 worden verstrekt.',
      )
      .first()
      .waitFor();
    expect(await textOf(page.getByTestId('subsidy-advances'))).toContain('Samen € 10.000,00.');
    await session.expectAccessible('subsidie met voorschot');
  });

  it('warns before cutting a subsidy the recipient has had for three years (Awb 4:51)', async () => {
    await page.goto(`${webUrl}/agreements/erm-sub-2027`);
    const warning = page.getByTestId('subsidy-phase-out');
    await warning.waitFor();
    const text = await textOf(warning);
    expect(text).toContain('al 3 jaar achtereen subsidie (2024, 2025, 2026)');
    expect(text).toContain('afbouwtermijn');
    await session.expectAccessible('afbouwwaarschuwing');
  });
  it('shows the recipient its grant in the portal, without who decided', async () => {
    await session.logIn('wijkracht.signer');
    await page.goto(`${webUrl}/agreements/erm-sub-2026`);
    const granted = page.getByTestId('recipient-granted');
    await granted.waitFor();
    expect(await textOf(granted)).toMatch(/^Verleend\s+€ 385\.000,00 \(\d{1,2} \w+ 20\d\d\)$/);
    expect(await textOf(page.getByTestId('recipient-subsidy'))).not.toContain('ermelo.');
    expect(await page.getByRole('button', { name: 'Voorschot vastleggen' }).count()).toBe(0);
    await session.expectAccessible('subsidie in het portaal van de ontvanger');
  });
});
