import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Every party its own, in the browser (issue 11): on ERM-2026-JH02, one contract with Jeugdhulp Kompas and
 * Stichting Wijkracht, both providers deliver the quarterly report in their own portal; each sees only its own
 * report on the agreement, and the contract manager sees both, each labelled with its provider. In Dutch, with
 * axe on the provider's and the contract manager's view.
 */
describe('two providers report on one contract', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const stamp = Date.now().toString(36);
  const summaries = {
    kompas: `Kompas: twaalf gezinnen in behandeling (${stamp}).`,
    wijkracht: `Wijkracht: negen gezinnen in behandeling (${stamp}).`,
  };

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  /** The delivered reports on the agreement page, as the logged-in user sees them. */
  async function deliveredOnAgreement(): Promise<string[]> {
    await page.goto(`${webUrl}/agreements/erm-jh-2026-samen`);
    const list = session.section('Informatieplichten').getByTestId('delivered-reports');
    await list.waitFor();
    await page.waitForLoadState('networkidle');
    return list.locator(':scope > li').allInnerTexts();
  }

  for (const provider of ['kompas', 'wijkracht'] as const) {
    it(`lets ${provider}.reporter deliver its own report in its portal`, async () => {
      await session.logIn(`${provider}.reporter`);
      await session.nav('Te leveren').click();
      await page.getByRole('heading', { level: 1, name: 'Te leveren' }).waitFor();
      // Its own due only: one row for the duty, for its own organisation.
      const row = page.getByTestId('deliver-table').getByTestId('due-erm-jh-2026-samen-gb-kwartaal');
      await row.waitFor();
      await row.getByRole('link', { name: /^Rapportage indienen/ }).click();
      await page.getByRole('heading', { level: 1, name: 'Rapportage indienen' }).waitFor();
      await page.getByLabel('Samenvatting').fill(summaries[provider]);
      await page.getByRole('button', { name: 'Indienen', exact: true }).click();
      await page.getByText(/De rapportage over .+ voor ERM-2026-JH02 is ingediend\./).waitFor();
    });
  }

  for (const [provider, other] of [
    ['kompas', 'wijkracht'],
    ['wijkracht', 'kompas'],
  ] as const) {
    it(`shows ${provider}.reporter only its own report on the agreement`, async () => {
      await session.logIn(`${provider}.reporter`);
      const reports = await deliveredOnAgreement();
      expect(reports.some((r) => r.includes(summaries[provider]))).toBe(true);
      expect(reports.some((r) => r.includes(summaries[other]))).toBe(false);
      expect(await page.content()).not.toContain(summaries[other]);
      await session.expectAccessible(`${provider} agreement`);
    });
  }

  it('shows ermelo.contractmanager both reports, each with its provider', async () => {
    await session.logIn('ermelo.contractmanager');
    const reports = await deliveredOnAgreement();
    const kompas = reports.find((r) => r.includes(summaries.kompas));
    const wijkracht = reports.find((r) => r.includes(summaries.wijkracht));
    expect(kompas).toMatch(/Jeugdhulp Kompas B\.V\./);
    expect(wijkracht).toMatch(/Stichting Wijkracht Noord-Veluwe/);
    await session.expectAccessible('contract manager agreement with both reports');
  });
});
