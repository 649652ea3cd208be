import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Steering in the browser, in Dutch (issue 4, points 1 and 2): the relation designer from three questions to
 * stored governance defaults (changed by the user, and a second round choosing otherwise with a motivation),
 * the RTRA roles form, the tenant-wide role-conflict report across a region, and a read-only user — with an axe
 * check (WCAG 2.1 A/AA) on the designer, the roles form and the report. The tests run in order and build on
 * each other, like one person's session.
 */
describe('steering in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const logIn = (user: string) => session.logIn(user);

  const expectAccessible = (name: string) => session.expectAccessible(name);

  const section = (name: string) => session.section(name);
  const nav = (name: string) => session.nav(name);
  const group = (name: string, exact = false) => page.getByRole('group', { name, exact });
  const steeringItem = (field: string) => section('Sturing').getByTestId(`steering-${field}`);

  it('lets ermelo.contractmanager design the relation: questions, proposal, changed default, stored', async () => {
    await logIn('ermelo.contractmanager');
    await page.getByTestId('register-table').getByRole('link', { name: 'ERM-2026-WMO02' }).click();
    await section('Sturing').getByText('Voor deze overeenkomst is nog geen relatie ontworpen.').waitFor();
    await section('Sturing').getByRole('link', { name: 'Relatie ontwerpen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Relatie ontwerpen' }).waitFor();

    await group('Hoe complex is de opdracht?').getByLabel('complex en onvoorspelbaar').check();
    await group('Hoeveel wilt u bepalen wát er geleverd wordt?').getByLabel('weinig').check();
    await group('Hoeveel wilt u bepalen hóé het geleverd wordt?').getByLabel('weinig').check();
    await group('In hoeverre lopen de belangen').getByLabel('grotendeels gelijk').check();
    await page.getByRole('button', { name: 'Voorstel bekijken' }).click();

    const proposal = page.getByTestId('proposal');
    expect(await proposal.getByTestId('proposed-type').innerText()).toBe('partner');
    // The rationale names, per question, the types the answer supports.
    const rationale = proposal.getByTestId('rationale-table');
    expect(await rationale.getByRole('row', { name: /Hoe complex is de opdracht/ }).innerText()).toMatch(
      /complex en onvoorspelbaar\s+partner$/,
    );
    expect(await rationale.getByRole('row', { name: /hóé het geleverd/ }).innerText()).toMatch(
      /weinig\s+klant$/,
    );
    // The governance defaults of a partner, editable.
    const frequency = proposal.getByLabel('Rapportagefrequentie');
    expect(await frequency.inputValue()).toBe('half_yearly');
    expect(await group('Informatieplichten').getByLabel('calamiteit').isChecked()).toBe(true);
    expect(await group('Informatieplichten').getByLabel('klachten').isChecked()).toBe(false);
    expect(await group('Niveau 1').getByLabel('Termijn in werkdagen').inputValue()).toBe('15');
    await frequency.selectOption({ label: 'per kwartaal' });
    await expectAccessible('relation designer with proposal');
    await proposal.getByRole('button', { name: 'Opslaan', exact: true }).click();

    await page.getByText('De sturing is opgeslagen.').waitFor();
    expect(await steeringItem('type').innerText()).toMatch(/^Relatietype\s+partner\b/);
    expect(await steeringItem('type').innerText()).not.toContain('voorgesteld');
    expect(await steeringItem('reportingFrequency').innerText()).toMatch(/per kwartaal\s*$/);
    expect(await section('Sturing').getByTestId('steering-ladder').innerText()).toMatch(
      /^contractmanager \(15 werkdagen\)\s+regisseur \(15 werkdagen\)\s+directie \(20 werkdagen\)\s+portefeuillehouder \(30 werkdagen\)\s*$/,
    );
  });

  it('asks for a motivation when another type than the proposal is chosen', async () => {
    await section('Sturing').getByRole('link', { name: 'Relatie ontwerpen' }).click();
    // The stored answers come back; so does the stored, changed governance.
    const complex = group('Hoe complex is de opdracht?').getByLabel('complex en onvoorspelbaar');
    await complex.waitFor();
    expect(await complex.isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Voorstel bekijken' }).click();
    const proposal = page.getByTestId('proposal');
    expect(await proposal.getByLabel('Rapportagefrequentie').inputValue()).toBe('quarterly');

    await group('Welk relatietype kiest u?').getByLabel('klant', { exact: true }).check();
    await proposal.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const motivation = proposal.getByLabel('Motivering');
    await proposal.getByText('Licht toe waarom u een ander relatietype kiest dan het voorstel.').waitFor();
    expect(await motivation.getAttribute('aria-invalid')).toBe('true');

    await motivation.fill('De opdrachtnemer is nieuw; eerst resultaten afspreken en daarna samen sturen.');
    await proposal.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('De sturing is opgeslagen.').waitFor();
    expect(await steeringItem('type').innerText()).toMatch(/klant \(voorgesteld: partner\)/);
    expect(await section('Sturing').innerText()).toContain(
      'eerst resultaten afspreken en daarna samen sturen',
    );
  });

  it('records roles and contact persons, with a field error for a wrong e-mail address', async () => {
    await section('Sturing').getByRole('link', { name: 'Rollen wijzigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rollen wijzigen' }).waitFor();
    await group('Opdrachtgever', true).getByLabel('Naam').fill('Team Wmo');
    await group('Opdrachtgever', true).getByLabel('Portefeuillehouder').fill('Wethouder J. Mulder');
    await group('Eigenaar', true).getByLabel('Naam').fill('College van B&W');
    // Same portfolio holder as the opdrachtgever: warned before saving.
    await group('Eigenaar', true).getByLabel('Portefeuillehouder').fill('wethouder j. mulder');
    await page.getByText('Opdrachtgever en eigenaar vallen onder dezelfde portefeuillehouder').waitFor();
    await group('Eigenaar', true).getByLabel('Portefeuillehouder').fill('Wethouder S. de Boer');
    await page.getByRole('button', { name: 'Contactpersoon toevoegen' }).click();
    const contact = group('Contactpersoon 1');
    await contact.getByLabel('Kant').selectOption({ label: 'opdrachtnemer' });
    await contact.getByLabel('Naam', { exact: true }).fill('Fatima el Amrani');
    await contact.getByLabel('Rol', { exact: true }).fill('Accountmanager');
    await contact.getByLabel('E-mailadres (niet verplicht)').fill('fatima-at-wijkracht');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await contact.getByText('Vul een geldig e-mailadres in').waitFor();
    expect(await contact.getByLabel('E-mailadres (niet verplicht)').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await expectAccessible('roles form with an error');

    await contact.getByLabel('E-mailadres (niet verplicht)').fill('f.elamrani@wijkracht.example');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('De sturing is opgeslagen.').waitFor();
    const roles = section('Sturing').getByTestId('steering-roles');
    expect(await roles.innerText()).toMatch(
      /Opdrachtgever\s+Team Wmo \(portefeuillehouder: Wethouder J\. Mulder\)/,
    );
    expect(await roles.innerText()).toMatch(
      /Contactpersonen opdrachtnemer\s+Fatima el Amrani, Accountmanager/,
    );
    // The relation decided before stays as it was.
    expect(await steeringItem('type').innerText()).toMatch(/klant \(voorgesteld: partner\)/);
  });

  it('shows harderwijk.contractmanager the role conflict of the region, on the report and the agreement', async () => {
    await logIn('harderwijk.contractmanager');
    await nav('Sturing').click();
    await page.getByRole('heading', { level: 1, name: 'Sturing' }).waitFor();
    const conflicts = section('Rolconflicten');
    const region = conflicts.getByRole('region', { name: 'Regio Noord-Veluwe' });
    const row = region.getByRole('row', { name: /RNV-GR-01/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/RNV-GR-01\s+.+\s+Wethouder M\. Bakker$/);
    await conflicts
      .getByRole('region', { name: 'Gemeente Harderwijk' })
      .getByText('Geen rolconflicten gevonden.')
      .waitFor();
    expect(await page.getByText('Dit onderdeel volgt.').count()).toBe(0);
    await expectAccessible('steering report');

    await row.getByRole('link', { name: 'RNV-GR-01' }).click();
    await section('Sturing')
      .getByText(
        'Opdrachtgever en eigenaar vallen onder dezelfde portefeuillehouder (Wethouder M. Bakker). Beleg deze rollen bij verschillende portefeuillehouders.',
      )
      .waitFor();
  });

  it('lets harderwijk.contractmanager change only its own roles on the region’s GR', async () => {
    // Still logged in as harderwijk.contractmanager, on RNV-GR-01: the roles editor, not the relation designer.
    await section('Sturing').getByRole('link', { name: 'Rollen wijzigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rollen wijzigen' }).waitFor();
    expect(await page.getByRole('link', { name: 'Relatie ontwerpen' }).count()).toBe(0);
    const own = page.getByRole('group', { name: 'Eigenaar — Gemeente Harderwijk', exact: true });
    await own.waitFor();
    // Only its own row: not the GR's own roles, not the contacts, not another member's row.
    expect(await page.getByRole('group', { name: 'Eigenaar — Gemeente Ermelo', exact: true }).count()).toBe(
      0,
    );
    expect(await page.getByRole('group', { name: 'Eigenaar', exact: true }).count()).toBe(0);
    expect(await page.getByRole('group', { name: 'Contactpersonen', exact: true }).count()).toBe(0);
    await session.expectAccessible('roles form of a GR member');
    await own.getByLabel('Naam (niet verplicht)').fill('Lid algemeen bestuur namens Harderwijk (nieuw)');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText('De sturing is opgeslagen.').waitFor();
  });

  it('shows ermelo.viewer the steering without the editors', async () => {
    await logIn('ermelo.viewer');
    await page.goto(`${webUrl}/agreements/erm-hh-2026`);
    await steeringItem('type').waitFor();
    expect(await steeringItem('type').innerText()).toMatch(/klant/);
    expect(await page.getByRole('link', { name: 'Relatie ontwerpen' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Rollen wijzigen' }).count()).toBe(0);
  });
});
