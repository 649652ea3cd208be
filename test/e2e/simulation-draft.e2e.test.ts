import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { queryUrl } from '../support/procedures.ts';
import { type BrowserSession, openSession } from '../support/session.ts';
import { devToken } from '../support/stack-api.ts';

/**
 * The volume-incentive simulator on a draft while it is typed, in Dutch (issue 15 point 5): zeewolde.inkoper
 * starts a new agreement, adds a per-unit product line without any cap, opens the simulator under the product
 * lines, sees the uncapped line flagged and the +25% scenario's exposure for the volume she expects; she adds a
 * volume cap and sees the flag go and the +25% exposure stop at the cap. Nothing is saved: the draft is never
 * submitted, and the simulator writes nothing. Axe on the open simulator.
 */
describe('the volume-incentive simulator on a draft', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const reference = `ZWD-SIMD-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const line = () => page.getByRole('group', { name: 'Productregel 1' });
  const simulator = () => page.getByTestId('draft-simulation');
  const row = (change: string) =>
    simulator().getByTestId('scenario-table').getByRole('row', { name: change });

  it('flags the uncapped per-unit line and shows the +25% exposure of the typed tariff and volume', async () => {
    await session.logIn('zeewolde.inkoper');
    await page.getByRole('link', { name: 'Nieuwe overeenkomst' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nieuwe overeenkomst' }).waitFor();
    await page.getByLabel('Soort', { exact: true }).selectOption('contract');
    await page.getByLabel('Kenmerk', { exact: true }).fill(reference);
    await page.getByLabel('Titel', { exact: true }).fill('Jeugdhulp met uren (simulatie)');
    await page.getByLabel('Domein', { exact: true }).selectOption('youth');
    await page.getByLabel('Startdatum').fill('2027-01-01');
    await page.getByLabel('Einddatum').fill('2028-12-31');

    await page.getByRole('button', { name: 'Productregel toevoegen' }).click();
    await line().getByLabel('Categorie', { exact: true }).fill('45');
    await line().getByLabel('Productcode', { exact: true }).fill('45A12');
    await line().getByLabel('Uitvoeringsvariant').selectOption('effort');
    await line().getByLabel('Eenheid').selectOption('hour');
    await line().getByLabel('Frequentie').selectOption('total');
    await line().getByLabel('Tarief in euro').fill('85,50');

    await page.getByRole('button', { name: 'Volumeprikkels simuleren' }).click();
    expect(await page.getByRole('button', { name: 'Simulatie sluiten' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    await simulator()
      .getByTestId('flag-uncapped_per_unit_line')
      .getByText('Productregel 45A12 betaalt per eenheid zonder volume- of geldplafond')
      .waitFor();

    await simulator().getByLabel('Verwacht volume 45A12').fill('1.200');
    await simulator().getByText('De grafiek als tabel').click();
    // 1,200 hours + 25% = 1,500 hours at € 85,50, no cap: € 128.250,00, nothing unpaid.
    await expect
      .poll(() => row('+25%').innerText())
      .toMatch(/^\+25%\s+1\.500\s+€\s128\.250,00\s+€\s128\.250,00\s+0$/);
    await expect
      .poll(() => simulator().getByTestId('line-scenarios-45A12').innerText())
      // Per line, −10% … +50%: 1,080 to 1,800 hours at € 85,50.
      .toMatch(/^45A12\t€\s92\.340,00\t€\s102\.600,00\t€\s112\.860,00\t€\s128\.250,00\t€\s153\.900,00$/);
    await session.expectAccessible('the simulator on a draft');
  });

  it('drops the flag once the line has a cap, and the +25% exposure stops at it', async () => {
    await line().getByLabel('Volumeplafond').fill('1300');
    await simulator()
      .getByText('Geen signalen: elke productregel per eenheid heeft een plafond dat begrenst.')
      .waitFor();
    expect(await simulator().getByTestId('simulation-flags').count()).toBe(0);
    // Still 1,500 hours at +25% (the typed expectation), paid up to the cap: 1,300 × € 85,50, 200 unpaid.
    await expect
      .poll(() => row('+25%').innerText())
      .toMatch(/^\+25%\s+1\.500\s+€\s111\.150,00\s+€\s111\.150,00\s+200$/);
    // The expected volume, unchanged, still pays in full: 1,200 × € 85,50.
    await expect.poll(() => row('0% (verwacht)').innerText()).toMatch(/€\s102\.600,00/);
  });

  it('wrote nothing: the draft that was never saved is not in the register', async () => {
    const token = await devToken(apiUrl, 'zeewolde.inkoper');
    const response = await fetch(`${apiUrl}${queryUrl('agreement.find', { q: reference })}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    const found = (await response.json()) as { result: { data: { items: unknown[] } } };
    expect(found.result.data.items).toEqual([]);
    expect(new URL(page.url()).pathname).toBe('/agreements/new');
  });
});
