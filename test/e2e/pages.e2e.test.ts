import { SEED_USERS } from '@regie/local';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from '../support/browser.ts';
import { sweepPages } from '../support/sweep.ts';

/** Browsers sweeping side by side: the stack, the browser and the test runner then keep both cores busy. */
const LANES = 2;

/**
 * Every page a seed user can reach works for that user: in Dutch each area of its own main navigation, every
 * other area by its address (it must say it is not for that user, not fail), the new-agreement form where
 * offered, and one agreement with its sub-pages; in English each area of its navigation. A page fails on an axe
 * violation (WCAG 2.1 A/AA, serious or critical), an error alert, a failed API call (4xx/5xx) or a console error —
 * a page that passes axe can still be broken. The larger variant (both languages in full, four agreements a
 * user) is `BENCH_ONLY=accessibility npm run bench`.
 *
 * The users run two at a time (the e2e project's `maxConcurrency`), each in a browser of its own with its own
 * profile, so one user's sign-in never reaches the other's pages; the sweep only reads.
 */
describe.concurrent('every page of every seed user', () => {
  const webUrl = inject('webUrl');
  let browsers: Awaited<ReturnType<typeof launchBrowser>>[] = [];
  const free: number[] = [];

  beforeAll(async () => {
    browsers = await Promise.all(Array.from({ length: LANES }, () => launchBrowser()));
    free.push(...browsers.keys());
  });
  afterAll(() => Promise.all(browsers.map((b) => b.close())));

  /** A browser no other user's sweep is using now (there are as many as tests run at once). */
  async function lane(): Promise<number> {
    while (free.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    return free.shift()!;
  }

  for (const user of SEED_USERS) {
    // Dutch, the product's first language: everything the user can reach. English: the areas of its navigation
    // (the full English pass is the bench's larger variant), which keeps this test within a few minutes. One
    // sign-in, then the language switch.
    it(`works for ${user.key} (nl, en)`, { timeout: 240_000 }, async () => {
      const index = await lane();
      // A page of its own for each user, so nothing one sweep left running reaches the next.
      const page = await browsers[index]!.context.newPage();
      try {
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
      } finally {
        await page.close();
        free.push(index);
      }
    });
  }
});
