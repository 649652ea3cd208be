import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Result-linked payment in the browser, in Dutch (issue 15 point 2): on ERM-2025-JH01 (seed-incentives.ts) the
 * contract manager reads per period the bonus, the capped bonus and the missing result with their reasons,
 * settles the first quarter of 2025 and finds it in the burn-down of 2025 as a series of its own; the provider's
 * signer sees the same figures and no settle button. Settling touches only 2025, which no other browser test reads.
 */
describe('prestatiebekostiging in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  const section = (name: string) => session.section(name);
  const row = (period: string, kpi: string, kind: string) =>
    section('Prestatiebekostiging').getByTestId(`incentive-${period}-${kpi}-${kind}`);

  it('shows ermelo.contractmanager the periods with bonus, cap and missing result, and settles one', async () => {
    await session.logIn('ermelo.contractmanager');
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    const incentives = section('Prestatiebekostiging');
    await incentives.getByTestId('incentive-periods').waitFor();
    expect(await incentives.getByTestId('incentive-rules').innerText()).toMatch(
      /Gemiddelde wachttijd tot start hulp\s+bonus\s+€\s1\.500,00\s+€\s2\.000,00/,
    );
    expect(await row('2025-Q1', 'kpi-wachttijd', 'bonus').innerText()).toMatch(
      /1e kwartaal 2025\s+Gemiddelde wachttijd tot start hulp\s+bonus\s+5 weken\s+€\s1\.500,00\s+nog niet afgerekend\s+doel gehaald$/,
    );
    expect(await row('2025-Q2', 'kpi-wachttijd', 'bonus').innerText()).toMatch(
      /€\s500,00\s+nog niet afgerekend\s+doel gehaald; begrensd door het jaarmaximum \(berekend €\s1\.500,00\)/,
    );
    expect(await row('2025-Q3', 'kpi-wachttijd', 'bonus').innerText()).toMatch(
      /geen resultaat\s+€\s0,00\s+nog niet afgerekend\s+geen resultaat vastgelegd: geen bonus/,
    );
    expect(await row('2025-H1', 'kpi-tevredenheid', 'malus').innerText()).toMatch(
      /6,9 cijfer\s+(-€\s1\.000,00|€\s-1\.000,00)\s+nog niet afgerekend\s+doel niet gehaald/,
    );
    await session.expectAccessible('agreement with result-linked payment');

    await incentives.getByRole('button', { name: 'Periode 1e kwartaal 2025 afrekenen' }).click();
    await incentives
      .getByTestId('incentive-outcome')
      .getByText(/^Periode 1e kwartaal 2025 is afgerekend: €\s1\.500,00\.$/)
      .waitFor();
    await expect
      .poll(() => row('2025-Q1', 'kpi-wachttijd', 'bonus').innerText())
      .toMatch(/€\s1\.500,00\s+€\s1\.500,00\s+doel gehaald$/);
    expect(await incentives.getByRole('button', { name: 'Periode 1e kwartaal 2025 afrekenen' }).count()).toBe(
      0,
    );

    const budget = section('Budget en volume');
    await budget.getByLabel('Jaar', { exact: true }).selectOption('2025');
    await budget
      .getByTestId('budget-incentives')
      .getByText(/^€\s1\.500,00; besteding inclusief prestatiebekostiging €\s1\.500,00$/)
      .waitFor();
    await budget.getByText('De grafiek als tabel').click();
    const march = budget.getByTestId('burn-down-table').getByRole('row', { name: /maart 2025/ });
    expect(await march.innerText()).toMatch(/€\s1\.500,00\s+€\s1\.500,00$/);
  });

  it('shows kompas.signer the same figures, settled, without a settle button', async () => {
    await session.logIn('kompas.signer');
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    const incentives = section('Prestatiebekostiging');
    await incentives.getByTestId('incentive-periods').waitFor();
    expect(await row('2025-Q1', 'kpi-wachttijd', 'bonus').innerText()).toMatch(
      /5 weken\s+€\s1\.500,00\s+€\s1\.500,00\s+doel gehaald$/,
    );
    expect(await row('2025-Q2', 'kpi-wachttijd', 'bonus').innerText()).toMatch(
      /€\s500,00\s+nog niet afgerekend/,
    );
    expect(await incentives.getByRole('button', { name: /afrekenen/ }).count()).toBe(0);
    expect(await incentives.getByRole('button', { name: 'Afspraken wijzigen' }).count()).toBe(0);
    await session.expectAccessible('provider view of result-linked payment');
  });
});
