import { SEED_USERS } from '@regie/local';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { type BrowserSession, openSession } from '../support/session.ts';
import { sweepPages } from '../support/sweep.ts';

/**
 * Every page a seed user can reach works for that user: in Dutch each area of its own main navigation, every
 * other area by its address (it must say it is not for that user, not fail), the new-agreement form where
 * offered, and one agreement with its sub-pages; in English each area of its navigation. A page fails on an axe
 * violation (WCAG 2.1 A/AA, serious or critical), an error alert, a failed API call (4xx/5xx) or a console error —
 * a page that passes axe can still be broken. The larger variant (both languages in full, four agreements a
 * user) is `BENCH_ONLY=accessibility npm run bench`.
 */
describe('every page of every seed user', () => {
  let session: BrowserSession;
  let page: Page;
  const webUrl = inject('webUrl');

  beforeAll(async () => {
    session = await openSession(webUrl);
  });
  afterAll(() => session?.close());
  // A page of its own for each user, so nothing one sweep left running reaches the next.
  beforeEach(async () => {
    page = await session.page.context().newPage();
  });
  afterEach(() => page?.close());

  for (const user of SEED_USERS) {
    // Dutch, the product's first language: everything the user can reach. English: the areas of its navigation
    // (the full English pass is the bench's larger variant), which keeps this test within a few minutes. One
    // sign-in, then the language switch.
    it(`works for ${user.key} (nl, en)`, { timeout: 180_000 }, async () => {
      const sweep = await sweepPages(page, webUrl, {
        users: [user.key],
        languages: ['nl', 'en'],
        perUser: 1,
        navOnly: ['en'],
      });
      expect(sweep.pagesIn.nl).toBeGreaterThanOrEqual(10);
      expect(sweep.pagesIn.en).toBeGreaterThanOrEqual(2);
      expect(sweep.violations).toEqual([]);
      expect(sweep.problems).toEqual([]);
    });
  }
});
