import { allocate } from '@regie/core';
import { SEED_AGREEMENTS } from '@regie/local';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * The agreement register in the browser, in Dutch (issue 3, point 8): create with a party and a product line,
 * edit and see the version diff, move through approval by two people, read and verify the audit trail, search,
 * the region's shares, the organisations register, and a provider's party view — with an axe check (WCAG 2.1
 * A/AA) on every page kind. The tests run in order and build on each other, like one person's session.
 */
describe('agreement register in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const suffix = Date.now().toString(36).toUpperCase();
  const reference = `E2E-REG-${suffix}`;
  const title = `Jeugdhulp Kraanvogel ${suffix}`;
  const newTitle = `Jeugdhulp Kraanvogel ${suffix} (gewijzigd)`;
  let agreementPath = '';

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const logIn = (user: string) => session.logIn(user);

  const expectAccessible = (name: string) => session.expectAccessible(name);

  const section = (name: string) => session.section(name);
  const nav = (name: string) => session.nav(name);

  it('lets ermelo.inkoper create an agreement with a party and a product line', async () => {
    await logIn('ermelo.inkoper');
    await expectAccessible('register');

    await page.getByRole('link', { name: 'Nieuwe overeenkomst' }).click();
    await page.getByLabel('Soort', { exact: true }).selectOption('contract');
    await page.getByLabel('Kenmerk', { exact: true }).fill(reference);
    await page.getByLabel('Titel', { exact: true }).fill(title);
    await page.getByLabel('Domein', { exact: true }).selectOption('youth');
    await page.getByLabel('Startdatum').fill('2027-01-01');
    await page.getByLabel('Einddatum').fill('2028-12-31');
    await page.getByLabel('Opzegtermijn in maanden (niet verplicht)').fill('3');
    await page.getByLabel('Aantal verlengingsopties').fill('2');
    await page.getByLabel('Maanden per verlenging').fill('12');

    await page.getByRole('button', { name: 'Partij toevoegen' }).click();
    const party = page.getByRole('group', { name: 'Partij 1' });
    await party.getByLabel('Organisatie').selectOption('org-kompas');
    await party.getByLabel('Rol').selectOption('contractor');

    await page.getByRole('button', { name: 'Productregel toevoegen' }).click();
    const line = page.getByRole('group', { name: 'Productregel 1' });
    await line.getByLabel('Categorie', { exact: true }).fill('45');
    await line.getByLabel('Productcode', { exact: true }).fill('45A99');
    await line.getByLabel('Uitvoeringsvariant').selectOption('output');
    await line.getByLabel('Eenheid').selectOption('piece');
    await line.getByLabel('Frequentie').selectOption('per_month');
    await line.getByLabel('Tarief in euro').fill('100,00');
    await expectAccessible('new agreement form');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();

    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    agreementPath = new URL(page.url()).pathname;
    expect(agreementPath).toMatch(/^\/agreements\/[0-9a-z-]+$/);
    expect(await section('Partijen').innerText()).toMatch(
      /Jeugdhulp Kompas B\.V\.\s+opdrachtnemer\s+81234567/,
    );
    expect(await page.getByTestId('lines-table').innerText()).toMatch(
      /45\s+45A99[\s\S]*outputgericht\s+stuks\s+per maand\s+€\s100,00/,
    );
    expect(await section('Gegevens').innerText()).toMatch(/Verlengingsopties\s+0 van 2 gebruikt/);
    expect(await page.getByTestId('current-status').innerText()).toBe('concept');
    await expectAccessible('agreement detail');
  });

  it('edits the title and shows the new version with what changed', async () => {
    await page.getByRole('link', { name: 'Wijzigen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Overeenkomst wijzigen' }).waitFor();
    const titleBox = page.getByLabel('Titel', { exact: true });
    expect(await titleBox.inputValue()).toBe(title);
    // The stored product line and party are in the form as they were saved.
    expect(
      await page.getByRole('group', { name: 'Productregel 1' }).getByLabel('Tarief in euro').inputValue(),
    ).toBe('100,00');
    await expectAccessible('edit form');
    await titleBox.fill(newTitle);
    await page.getByRole('button', { name: 'Wijzigingen opslaan' }).click();

    await page.getByRole('heading', { level: 1, name: newTitle }).waitFor();
    await page.getByText('De overeenkomst is opgeslagen.').waitFor();
    const diff = page.getByTestId('version-2').getByTestId('diff-2');
    await diff.waitFor();
    const row = diff.getByRole('row', { name: /Titel/ });
    expect((await row.innerText()).split('\t').map((cell) => cell.trim())).toEqual([
      'Titel',
      title,
      newTitle,
    ]);
    expect(await diff.getByRole('row').count()).toBe(2); // header + the one changed field
    expect(await page.getByTestId('version-1').innerText()).toContain('Versie 1');
  });

  it('moves the draft to approval, and the budget holder approves it', async () => {
    const status = section('Status');
    await status.getByLabel('Toelichting (niet verplicht)').fill('Graag beoordelen');
    await status.getByRole('button', { name: 'Ter goedkeuring aanbieden' }).click();
    await status.getByText('De status is gewijzigd naar: in goedkeuring.').waitFor();
    expect(await page.getByTestId('current-status').innerText()).toBe('in goedkeuring');
    // The purchaser cannot approve their own draft: no move is offered to them now.
    expect(await status.getByRole('button', { name: 'Goedkeuren' }).count()).toBe(0);

    await logIn('ermelo.approver');
    await page.goto(`${webUrl}${agreementPath}`);
    await section('Status').getByRole('button', { name: 'Afwijzen' }).waitFor();
    await section('Status').getByRole('button', { name: 'Goedkeuren' }).click();
    await section('Status').getByText('De status is gewijzigd naar: goedgekeurd.').waitFor();
    expect(await page.getByTestId('current-status').innerText()).toBe('goedgekeurd');
    // An approver does not edit terms.
    expect(await page.getByRole('link', { name: 'Wijzigen', exact: true }).count()).toBe(0);
  });

  it('shows the audit trail with hashes and verifies the chain', async () => {
    const audit = page.getByTestId('audit-table');
    await audit.getByRole('row').nth(4).waitFor();
    const rows = (await audit.getByRole('row').allInnerTexts()).slice(1);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/^1\s[\s\S]*Inge Inkoper\s+Aangemaakt/);
    expect(rows[1]).toMatch(/^2\s[\s\S]*Gewijzigd\s+Titel/);
    expect(rows[2]).toMatch(
      /^3\s[\s\S]*Status gewijzigd[\s\S]*concept → in goedkeuring[\s\S]*Graag beoordelen/,
    );
    expect(rows[3]).toMatch(
      /^4\s[\s\S]*Bea Budgethouder\s+Status gewijzigd[\s\S]*in goedkeuring → goedgekeurd/,
    );
    // Each hash is shortened, with the full 64 hex digits one click away.
    const firstHash = audit.locator('details').first();
    expect(await firstHash.locator('summary code').innerText()).toMatch(/^[0-9a-f]{12}…$/);
    await firstHash.locator('summary').click();
    expect(await firstHash.locator('dd code').first().innerText()).toMatch(/^[0-9a-f]{64}$/);

    await section('Audittrail').getByRole('button', { name: 'Audittrail controleren' }).click();
    await page.getByTestId('verify-result').getByText('Keten intact (4 gebeurtenissen)').waitFor();
    await expectAccessible('agreement detail with audit trail');
  });

  it('finds the agreement in the register by a word of its title', async () => {
    await logIn('ermelo.inkoper');
    await page.getByLabel('Zoeken op kenmerk, titel of partij').fill('kraanvogel');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.waitForURL(/[?&]q=kraanvogel/);
    const table = page.getByTestId('register-table');
    await table.getByRole('link', { name: reference }).waitFor();
    await page.getByText('1 overeenkomst getoond.').waitFor();
    const text = await table.innerText();
    expect(text).toContain('Jeugdhulp Kompas B.V.');
    expect(text).not.toContain('ERM-2025-JH01');
  });

  it('registers an organisation with Dutch messages for wrong identifiers', async () => {
    await nav('Organisaties').click();
    await page.getByRole('heading', { level: 1, name: 'Organisaties' }).waitFor();
    await page.getByTestId('organisations-table').getByText('Jeugdhulp Kompas B.V.').waitFor();
    await expectAccessible('organisations');

    await page.getByLabel('Soort', { exact: true }).selectOption('provider');
    await page.getByLabel('Naam', { exact: true }).fill(`Zorg Kraanvogel ${suffix}`);
    await page.getByLabel('KvK-nummer').fill('1234567');
    await page.getByLabel('AGB-code (niet verplicht)').fill('42001234');
    await page.getByLabel('IBAN (niet verplicht)').fill('NL21INGB0001234567');
    await page.getByRole('button', { name: 'Registreren' }).click();
    const form = page.locator('form.regie-form');
    await form.getByText('Een KvK-nummer heeft 8 cijfers').waitFor();
    await form
      .getByText('Een AGB-code heeft 8 cijfers en begint met 41 (organisatie) of 91 (zorgverlener)')
      .waitFor();
    await form.getByText('Dit IBAN klopt niet (controlegetal)').waitFor();
    expect(await page.getByLabel('KvK-nummer').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('KvK-nummer').fill('12345678');
    await page.getByLabel('AGB-code (niet verplicht)').fill('41009999');
    await page.getByLabel('IBAN (niet verplicht)').fill('NL20 INGB 0001 2345 67');
    await page.getByRole('button', { name: 'Registreren' }).click();
    await page.getByText(`Zorg Kraanvogel ${suffix} is geregistreerd bij Gemeente Ermelo.`).waitFor();
    await page.getByTestId('organisations-table').getByText(`Zorg Kraanvogel ${suffix}`).waitFor();
  });

  it("shows zeewolde.inkoper the region's agreements with Zeewolde's own share", async () => {
    const gr = SEED_AGREEMENTS.find((a) => a.id === 'rnv-gr-01')?.input;
    if (!gr?.allocationKey || gr.valueCeilingCents === undefined || gr.valueCeilingCents === null) {
      throw new Error('the seed has no GR with an allocation key and a ceiling');
    }
    const cents = allocate(gr.valueCeilingCents, gr.allocationKey).find((s) => s.space === 'GM0050')?.cents;
    if (cents === undefined) throw new Error('Zeewolde has no share of the GR in the seed');
    const expected = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' }).format(
      cents / 100,
    );

    await logIn('zeewolde.inkoper');
    await nav("Regio's").click();
    await page.getByRole('heading', { level: 2, name: 'Regio Noord-Veluwe' }).waitFor();
    const own = page.getByTestId('own-share-RNV-GR-01');
    await own.waitFor();
    expect(await own.innerText()).toBe(expected);
    const header = await page.getByTestId('region-table-RGNOORDVELUWE').getByRole('row').first().innerText();
    expect(header).toMatch(/Uw aandeel\s+Gemeente Zeewolde/);
    // The region names all its members, Harderwijk included.
    expect(header).toMatch(/Gemeente Harderwijk/);
    await expectAccessible('regions');
  });

  it('lists a framework contract’s call-offs on its page', async () => {
    await logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    const callOffs = section('Deelovereenkomsten');
    await callOffs.getByRole('link', { name: 'ERM-2026-JH01-D1' }).waitFor();
    await callOffs.getByRole('link', { name: 'ERM-2026-JH01-D1' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Deelovereenkomst jeugdhulp ambulant Ermelo-Noord' })
      .waitFor();
  });

  it('shows kompas.signer only its party views, without internal parts', async () => {
    await logIn('kompas.signer');
    const table = page.getByTestId('register-table');
    await table.getByRole('link', { name: 'ERM-2025-JH01' }).waitFor();
    expect(await table.innerText()).not.toContain('ERM-2026-WMO02');
    expect(await table.getByRole('columnheader', { name: 'Opdrachtgever' }).count()).toBe(1);
    expect(await table.innerText()).toContain('Gemeente Ermelo');
    expect(await page.getByRole('link', { name: 'Nieuwe overeenkomst' }).count()).toBe(0);
    // Once the header knows who is logged in, the municipal areas are not offered.
    await page.getByRole('banner').getByText('Jeugdhulp Kompas B.V.').waitFor();
    expect(await nav("Regio's").count()).toBe(0);
    expect(await nav('Organisaties').count()).toBe(0);

    await table.getByRole('link', { name: 'ERM-2025-JH01' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jeugdhulp ambulant 2025–2027' }).waitFor();
    await section('Productregels').getByText('45A13').waitFor();
    expect(await section('Gegevens').innerText()).toMatch(/Opdrachtgever\s+Gemeente Ermelo/);
    for (const internal of ['Audittrail', 'Versies', 'Status', 'Verdeling']) {
      expect(await page.getByRole('heading', { name: internal, exact: true }).count()).toBe(0);
    }
    expect(await page.getByRole('button', { name: 'Audittrail controleren' }).count()).toBe(0);
  });
});
