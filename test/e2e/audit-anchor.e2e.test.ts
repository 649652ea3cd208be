import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';
import { devToken, mutateAs } from '../support/stack-api.ts';

/**
 * The anchored audit in the browser, in Dutch (issue 17 point 2): zeewolde.inkoper verifies a new draft's audit
 * trail and reads that it is intact but not yet anchored; after the daily anchor job ran (the local stack's dev
 * route, as EventBridge runs it in AWS) the same check reads that the chain is anchored up to its last event and
 * that the stored agreement matches the chain. Zeewolde and its own draft, so no other test's view of the seed changes.
 */
describe('the anchored audit trail in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  let id = '';
  const webUrl = inject('webUrl');
  const apiUrl = inject('apiUrl');
  const reference = `ZWD-ANK-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
    const token = await devToken(apiUrl, 'zeewolde.inkoper');
    id = (
      await mutateAs<{ id: string }, 'agreement.create'>(apiUrl, token, 'agreement.create', {
        kind: 'contract',
        reference,
        title: 'Verankerde audittrail Zeewolde',
        domain: 'youth',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
      })
    ).id;
  });
  afterAll(() => session?.close());

  const verify = async () => {
    const audit = session.section('Audittrail');
    await audit.getByRole('button', { name: 'Audittrail controleren' }).click();
    return page.getByTestId('verify-result');
  };

  it('says "not yet anchored" before the daily run, and "anchored" after it', async () => {
    await session.logIn('zeewolde.inkoper');
    await page.goto(`${webUrl}/agreements/${id}`);
    await page.getByRole('heading', { level: 1, name: 'Verankerde audittrail Zeewolde' }).waitFor();
    let result = await verify();
    await result.getByText('Keten intact (1 gebeurtenis)').waitFor();
    await result
      .getByText('Nog niet verankerd: de dagelijkse verankering heeft deze keten nog niet ondertekend.')
      .waitFor();
    await result.getByText('De opgeslagen overeenkomst komt overeen met de keten.').waitFor();

    const run = await fetch(`${apiUrl}/dev/jobs/anchors`, { method: 'POST' });
    expect(run.status).toBe(200);
    expect(((await run.json()) as { refused: unknown[] }).refused).toEqual([]);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Verankerde audittrail Zeewolde' }).waitFor();
    result = await verify();
    await result.getByText('Keten intact (1 gebeurtenis)').waitFor();
    await result.getByText(/^Verankerd tot en met de laatste gebeurtenis \(1\) op /).waitFor();
    expect(await result.innerText()).not.toContain('Nog niet verankerd');
  });
});
