import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Beheer → Mensen in the browser, in Dutch (issue 13 point 2): Ermelo's administrator invites a colleague as
 * contractmanager, who then signs in with that e-mail address and works as a contractmanager (no Beheer); the
 * administrator changes the colleague's roles and disables them, after which the address no longer signs in; the
 * last administrator cannot take away its own admin role. Kompas's own administrator sees only Kompas's people and
 * can offer only provider roles. Axe (WCAG 2.1 A/AA) on every page state visited. The tests run in order and build
 * on each other, like one session; the addresses are new on each run.
 */
describe('people of an organisation in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const run = Date.now().toString(36);
  const colleague = { name: `Carla Collega ${run}`, email: `carla.${run}@ermelo.example` };

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const row = (email: string) => page.getByTestId(`person-${email}`);
  const cells = async (email: string) => (await row(email).innerText()).replace(/\s+/g, ' ').trim();
  const navLinks = async () =>
    (await page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link').allInnerTexts()).map(
      (t) => t.trim(),
    );
  async function signOut() {
    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  }
  async function signInWithEmail(email: string) {
    await page.goto(`${webUrl}/login`);
    await page.getByLabel('E-mailadres', { exact: true }).fill(email);
    await page.getByRole('button', { name: 'Inloggen met e-mailadres' }).click();
  }
  async function toPeople() {
    await session.nav('Mensen').click();
    await page.getByRole('heading', { level: 1, name: 'Mensen' }).waitFor();
    await page.getByTestId('people-table').waitFor();
  }

  it('shows the admin the people of Ermelo with their roles, and says when a role change applies', async () => {
    await session.logIn('ermelo.admin');
    await toPeople();
    expect(await cells('ermelo.inkoper')).toMatch(/^Inge Inkoper .*inkoper actief/);
    expect(await page.getByTestId('people-next-sign-in').innerText()).toContain(
      'volgende keer dat die persoon inlogt',
    );
    // Only Ermelo's people, and no way to disable oneself.
    const table = await page.getByTestId('people-table').innerText();
    expect(table).not.toContain('Hanna Inkoper');
    expect(table).not.toContain('Kees Ondertekenaar');
    expect(
      await row('ermelo.admin')
        .getByRole('button', { name: /Uitschakelen/ })
        .count(),
    ).toBe(0);
    // Municipal roles only: no region coordinator, no provider roles.
    const invite = session.section('Iemand uitnodigen');
    const offered = await invite.getByRole('group', { name: 'Rollen' }).getByRole('checkbox').count();
    expect(offered).toBe(5);
    for (const role of ['inkoper', 'contractmanager', 'budgethouder', 'raadpleger', 'beheerder'])
      await invite.getByRole('checkbox', { name: role, exact: true }).waitFor();
    expect(await invite.getByRole('checkbox', { name: 'ondertekenaar' }).count()).toBe(0);
    await session.expectAccessible('Mensen (gemeente)');
  });

  it('invites a colleague as contractmanager, after checking the form', async () => {
    const invite = session.section('Iemand uitnodigen');
    await invite.getByRole('button', { name: 'Uitnodigen' }).click();
    await invite.getByText('Kies ten minste één rol.').first().waitFor();
    await expect.poll(() => page.locator('.regie-error-summary:focus').count()).toBe(1);
    await session.expectAccessible('Uitnodigen met fouten');

    await invite.getByLabel('Naam').fill(colleague.name);
    await invite.getByLabel('E-mailadres', { exact: true }).fill(colleague.email.toUpperCase());
    await invite.getByRole('checkbox', { name: 'contractmanager', exact: true }).check();
    await invite.getByRole('button', { name: 'Uitnodigen' }).click();
    await page
      .getByTestId('invite-outcome')
      .getByText(
        `${colleague.name} is uitgenodigd als contractmanager en kan inloggen met ${colleague.email}.`,
      )
      .waitFor();
    await row(colleague.email).waitFor();
    expect(await cells(colleague.email)).toContain(`${colleague.email} contractmanager actief`);

    // The same address again: refused with the reason, nothing added.
    await invite.getByLabel('Naam').fill('Carla Dubbel');
    await invite.getByLabel('E-mailadres', { exact: true }).fill(colleague.email);
    await invite.getByRole('checkbox', { name: 'inkoper', exact: true }).check();
    await invite.getByRole('button', { name: 'Uitnodigen' }).click();
    await invite.getByText('Er is al een gebruiker met dit e-mailadres.').first().waitFor();
    expect(await page.getByTestId('people-table').innerText()).not.toContain('Carla Dubbel');
    await session.expectAccessible('Uitnodigen met een bestaand adres');
  });

  it('lets the colleague sign in with that e-mail address as contractmanager, without Beheer', async () => {
    await signOut();
    await signInWithEmail(colleague.email);
    await page.getByTestId('register-table').waitFor();
    await expect.poll(() => page.locator('.regie-user').innerText()).toContain(colleague.name);
    const links = await navLinks();
    expect(links).toEqual([
      'Contractregister',
      'Sturing',
      'Ondertekening',
      'Termijnen',
      'Subsidieregelingen',
      "Regio's",
      'Verbonden partijen',
      'Organisaties',
    ]);
    // A contractmanager drafts agreements.
    await page.locator('a[href="/agreements/new"]').first().waitFor();
    await page.goto(`${webUrl}/admin/people`);
    await page.getByText('Alleen de beheerder van uw organisatie beheert hier mensen').waitFor();
    expect(await page.getByTestId('people-table').count()).toBe(0);
  });

  it('changes the colleague’s roles; the last admin cannot drop its own', async () => {
    await signOut();
    await session.logIn('ermelo.admin');
    await toPeople();
    await row(colleague.email)
      .getByRole('button', { name: /Rollen wijzigen/ })
      .click();
    const editor = session.section(`Rollen van ${colleague.name}`);
    await editor.getByText('volgende keer dat die persoon inlogt').waitFor();
    await editor.getByRole('checkbox', { name: 'budgethouder', exact: true }).check();
    await session.expectAccessible('Rollen wijzigen');
    await editor.getByRole('button', { name: 'Rollen opslaan' }).click();
    await page
      .getByTestId('people-outcome')
      .getByText(`De rollen van ${colleague.name} zijn gewijzigd: contractmanager, budgethouder.`)
      .waitFor();
    await expect.poll(() => cells(colleague.email)).toContain('contractmanager, budgethouder actief');

    // Ermelo has one admin: taking its own admin role away is refused, and nothing changes.
    await row('ermelo.admin')
      .getByRole('button', { name: /Rollen wijzigen/ })
      .click();
    const own = session.section('Rollen van Ahmed Beheerder');
    await own.getByRole('checkbox', { name: 'raadpleger', exact: true }).check();
    await own.getByRole('checkbox', { name: 'beheerder', exact: true }).uncheck();
    await own.getByRole('button', { name: 'Rollen opslaan' }).click();
    await page
      .getByTestId('roles-error')
      .getByText(/laatste actieve beheerder/)
      .waitFor();
    await session.expectAccessible('Laatste beheerder');
    await own.getByRole('button', { name: 'Annuleren' }).click();
    // Focus goes back to the button that opened the editor.
    await expect
      .poll(() => row('ermelo.admin').locator('button:focus').innerText())
      .toContain('Rollen wijzigen');
    expect(await cells('ermelo.admin')).toContain('beheerder actief');
    expect(await cells('ermelo.admin')).not.toContain('raadpleger');
  });

  it('disables the colleague after asking, who can then no longer sign in', async () => {
    await row(colleague.email)
      .getByRole('button', { name: /Uitschakelen/ })
      .click();
    const dialog = page.getByRole('dialog', { name: `${colleague.name} uitschakelen?` });
    await dialog.waitFor();
    await session.expectAccessible('Uitschakelen bevestigen');
    // The safe answer first: cancelling changes nothing.
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await cells(colleague.email)).toContain('actief');

    await row(colleague.email)
      .getByRole('button', { name: /Uitschakelen/ })
      .click();
    await dialog.getByRole('button', { name: 'Ja, uitschakelen' }).click();
    await page
      .getByTestId('people-outcome')
      .getByText(`${colleague.name} is uitgeschakeld en kan niet meer inloggen.`)
      .waitFor();
    await expect.poll(() => cells(colleague.email)).toContain('uitgeschakeld');
    await row(colleague.email)
      .getByRole('button', { name: /Weer inschakelen/ })
      .waitFor();
    await session.expectAccessible('Uitgeschakelde gebruiker');

    await signOut();
    await signInWithEmail(colleague.email);
    await page.getByTestId('login-email-failed').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await session.expectAccessible('Inloggen geweigerd');
  });

  it('shows Kompas’s own admin only Kompas’s people and only provider roles', async () => {
    await session.logIn('kompas.admin');
    expect(await navLinks()).toContain('Mensen');
    expect(await navLinks()).not.toContain('Beheer');
    await toPeople();
    const table = await page.getByTestId('people-table').innerText();
    for (const name of ['Kees Ondertekenaar', 'Roos Rapporteur', 'Karin Beheerder'])
      expect(table).toContain(name);
    for (const name of ['Ahmed Beheerder', 'Inge Inkoper', 'Wim Ondertekenaar', colleague.name])
      expect(table).not.toContain(name);
    const invite = session.section('Iemand uitnodigen');
    const labels = await invite.getByRole('group', { name: 'Rollen' }).locator('label').allInnerTexts();
    expect(labels.map((l) => l.trim())).toEqual(['ondertekenaar', 'rapporteur', 'beheerder']);
    await session.expectAccessible('Mensen (aanbieder)');
  });
});
