import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyLines } from '../../scripts/verify-audit.ts';
import { type BrowserSession, openSession } from '../support/session.ts';

/**
 * Issue 5, point 7 in the browser: the register, filtered to contracts, downloads as CSV with exactly those
 * rows; an agreement's audit trail downloads as JSON lines that the offline verifier accepts. Axe on the pages.
 */
describe('exports in the browser', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    session = await openSession(webUrl);
    page = session.page;
  });
  afterAll(() => session?.close());

  it('downloads the filtered register as CSV', async () => {
    await session.logIn('ermelo.viewer');
    await page.getByLabel('Soort').selectOption('contract');
    await expect.poll(() => page.url()).toContain('kind=contract');
    await page.getByTestId('register-table').waitFor();
    await session.expectAccessible('Register met exportknoppen');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exporteer als CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^register-GM0233-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('ERM-2025-JH01');
    expect(csv).not.toContain('Subsidie');
    await expect.poll(() => page.getByTestId('export-outcome').innerText()).toContain('gedownload');
  });

  it('downloads an audit trail that verifies offline', async () => {
    await page.goto(`${webUrl}/agreements/erm-jh-2025`);
    const audit = session.section('Audittrail');
    await audit.waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      audit.getByRole('button', { name: 'Download auditspoor (JSON lines)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('audit-erm-jh-2025.jsonl');
    const result = verifyLines(readFileSync((await download.path())!, 'utf8'));
    expect(result.valid).toBe(true);
    expect(result.events).toBeGreaterThan(1);
  });
});
