import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mutationUrl, type ProcedureInput } from '../support/procedures.ts';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Role conflicts across agreements in the browser, in Dutch (issue 14 point 4, SPEC §4.2): Zeewolde contracts the
 * region's GR in a DVO with the GR's eigenaar (Wethouder M. Bakker, in the seed) as its opdrachtgever; the
 * purchaser finds the conflict from Sturing, with both agreements as links. Zeewolde, so that no other browser
 * test's view of the shared seed changes. Axe (WCAG 2.1 A/AA) on the page.
 */
describe('role conflicts across agreements in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const reference = `ZWD-DVO-${Date.now().toString(36).toUpperCase()}`;

  async function call<T>(path: string, token: string, body: unknown): Promise<T> {
    const response = await fetch(`${apiUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { result: { data: T } }).result.data;
  }

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    // The DVO and its roles are set up through the API (the forms have browser tests of their own).
    const token = (
      (await (
        await fetch(`${apiUrl}/dev/token`, {
          method: 'POST',
          body: JSON.stringify({ user: 'zeewolde.inkoper' }),
        })
      ).json()) as { token: string }
    ).token;
    const body = await call<{ id: string }>(mutationUrl('organisation.create'), token, {
      kind: 'joint_body',
      name: 'Sociaal Domein Noord-Veluwe',
      kvkNumber: '62345678',
    } satisfies ProcedureInput<'organisation.create'>);
    const dvo = await call<{ id: string }>(mutationUrl('agreement.create'), token, {
      kind: 'service_agreement',
      reference,
      title: 'DVO uitvoering participatie Zeewolde',
      domain: 'participation',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
      parties: [{ organisationId: body.id, role: 'contractor' }],
    } satisfies ProcedureInput<'agreement.create'>);
    await call(mutationUrl('steering.update'), token, {
      agreementId: dvo.id,
      expectedVersion: 0,
      roles: { opdrachtgever: { name: 'Team Werk en Inkomen', portfolioHolder: 'Wethouder M. Bakker' } },
    } satisfies ProcedureInput<'steering.update'>);
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
});
