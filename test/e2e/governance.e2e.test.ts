import { meetingSchedule } from '@regie/core';
import { SEED_AGREEMENTS } from '@regie/local';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';
import { devToken, mutateAs } from '../support/stack-api.ts';

/**
 * Governance that acts, in the browser and in Dutch (issue 14 point 1): ermelo.contractmanager designs a partner
 * relation for a contract with ERM-2026-JH02's terms (made here, so that the seeded relation and its confirmations,
 * which the relation-confirm test reads, stay as seeded), reviews what it changes — duties to add, change or drop, the KPI level, the meetings,
 * the variants per product line and the warnings with their sources — keeps the quarterly report and skips the
 * half-yearly one, shortens one response time, applies it, and finds the new duties on the agreement and the first
 * meeting under Termijnen.
 */
describe('governance that acts in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const today = new Date().toISOString().slice(0, 10);
  const first = meetingSchedule('bimonthly', today, '2027-12-31')[0]!;
  const apiUrl = inject('apiUrl');
  const reference = `ERM-GOV-${Date.now().toString(36).toUpperCase()}`;
  let id = '';
  // ERM-2026-JH02's terms, without the seeded ids: this contract gets its own duties, KPIs and lines.
  const seeded = SEED_AGREEMENTS.find((a) => a.id === 'erm-jh-2026-samen')!.input;
  const withoutId = <T extends { id?: string }>({ id: _, ...rest }: T) => rest;

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    const token = await devToken(apiUrl, 'ermelo.inkoper');
    id = (
      await mutateAs<{ id: string }, 'agreement.create'>(apiUrl, token, 'agreement.create', {
        kind: 'contract',
        reference,
        title: 'Jeugdhulp gezinsbehandeling (sturing)',
        domain: seeded.domain,
        startDate: seeded.startDate,
        endDate: seeded.endDate,
        valueCeilingCents: seeded.valueCeilingCents,
        parties: seeded.parties,
        duties: seeded.duties?.map(withoutId),
        kpis: seeded.kpis?.map(withoutId),
        productLines: seeded.productLines?.map(withoutId),
      })
    ).id;
  });
  afterAll(() => session?.close());

  const group = (name: string) => page.getByRole('group', { name, exact: false });

  it('lets ermelo.contractmanager review the proposal of a partner relation and apply it', async () => {
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/${id}/relation`);
    await page.getByRole('heading', { level: 1, name: 'Relatie ontwerpen' }).waitFor();
    await group('Hoe complex is de opdracht?').getByLabel('complex en onvoorspelbaar').check();
    await group('Hoeveel wilt u bepalen wát er geleverd wordt?').getByLabel('weinig').check();
    await group('Hoeveel wilt u bepalen hóé het geleverd wordt?').getByLabel('weinig').check();
    await group('In hoeverre lopen de belangen').getByLabel('grotendeels gelijk').check();
    await page.getByRole('button', { name: 'Voorstel bekijken' }).click();
    const proposal = page.getByTestId('proposal');
    expect(await proposal.getByTestId('proposed-type').innerText()).toBe('partner');
    await proposal.getByRole('button', { name: 'Wijzigingen bekijken' }).click();

    const review = page.getByTestId('governance-review');
    await review.getByRole('heading', { name: 'Wat de keuze verandert' }).waitFor();
    const change = (label: string) => review.getByRole('checkbox', { name: label });
    await change('Toevoegen: Halfjaarrapportage').waitFor();
    // Everything proposed is ticked: the partner's half-yearly report, its events, dropping the quarterly report.
    for (const label of [
      'Toevoegen: Halfjaarrapportage',
      'Toevoegen: Melding calamiteit',
      'Toevoegen: Melding wijziging eigendom',
      'Toevoegen: Melding financiële problemen',
      'Laten vervallen: Kwartaalrapportage gezinsbehandeling',
    ])
      expect(await change(label).isChecked(), label).toBe(true);
    expect(await review.getByTestId('governance-kpi').innerText()).toBe(
      'Verwacht niveau: outcome/maatschappelijk effect. Hoogste afgesproken niveau: geen.',
    );
    expect(await review.getByTestId('governance-meetings').getByRole('listitem').count()).toBe(
      meetingSchedule('bimonthly', today, '2027-12-31').length,
    );
    expect(
      await review.getByTestId('governance-variants').getByRole('row', { name: /45A53/ }).innerText(),
    ).toMatch(/outputgericht\s+nee/);
    const depth = review.getByTestId('governance-warning-kpi_depth_not_reached');
    expect(await depth.innerText()).toContain(
      "De relatie vraagt KPI's op niveau outcome/maatschappelijk effect",
    );
    expect(await depth.innerText()).toContain('Bron: DOMAIN.md §(h)');
    await session.expectAccessible('governance review');

    // The user keeps the quarterly report, skips the half-yearly one and shortens one response time.
    await change('Laten vervallen: Kwartaalrapportage gezinsbehandeling').uncheck();
    await change('Toevoegen: Halfjaarrapportage').uncheck();
    const ownership = review
      .getByRole('listitem')
      .filter({ hasText: 'Toevoegen: Melding wijziging eigendom' });
    await ownership.getByLabel('Reactietermijn in werkdagen').fill('0');
    await review.getByRole('button', { name: 'Toepassen' }).click();
    await ownership.getByText('Vul een heel aantal werkdagen in van 1 tot en met 60.').waitFor();
    expect(await ownership.getByLabel('Reactietermijn in werkdagen').getAttribute('aria-invalid')).toBe(
      'true',
    );
    await ownership.getByLabel('Reactietermijn in werkdagen').fill('5');
    await review.getByRole('button', { name: 'Toepassen' }).click();

    await page.getByText('De sturing is opgeslagen.').waitFor();
    const duties = session.section('Informatieplichten');
    await duties.getByText('Melding wijziging eigendom').waitFor();
    const text = await duties.innerText();
    expect(text).toContain('Kwartaalrapportage gezinsbehandeling');
    expect(text).toContain('Melding calamiteit');
    expect(text).toContain('Melding financiële problemen');
    expect(text).not.toContain('Halfjaarrapportage');
    expect(await duties.getByRole('row', { name: /Melding wijziging eigendom/ }).innerText()).toMatch(
      /\b5\b/,
    );
  });

  it('shows the first meeting in Termijnen for the contract manager and the purchaser', async () => {
    await session.nav('Termijnen').click();
    const upcoming = session.section('Komende termijnen');
    await upcoming.getByLabel('Periode').selectOption('365');
    const row = upcoming.getByTestId(`deadline-${id}.${first.key}.${first.date}`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('Overleg met de opdrachtnemer');
    expect(text).toContain(reference);
    expect(text).toContain('contractmanager, inkoper');
  });
});
