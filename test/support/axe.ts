import axe, { type AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

/** The rules every browser test holds a page to: WCAG 2.1 A and AA. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The test project compiles without the DOM library: what these page functions use of `window`, typed here.
type AxeWindow = { axe?: typeof axe; document: unknown };

/**
 * axe on the page as it is now, with the rules of WCAG 2.1 A/AA.
 *
 * The same analysis `new AxeBuilder({ page }).withTags(…).analyze()` makes, without its two costs per call: it
 * evaluates axe's 500 KB source again each time, and it opens a blank tab to merge the per-frame results. The app
 * has no frames, so one `axe.run` in the page gives the same result; the source goes in once per document, which
 * a sweep that navigates inside the app reuses from page to page.
 */
export async function analyze(page: Page): Promise<AxeResults> {
  const loaded = await page.evaluate(
    () => typeof (globalThis as unknown as AxeWindow).axe?.run === 'function',
  );
  if (!loaded) {
    await page.evaluate(axe.source);
    await page.evaluate(() =>
      (globalThis as unknown as AxeWindow).axe!.configure({
        allowedOrigins: ['<same_origin>'],
        branding: { application: 'playwright' },
      }),
    );
  }
  return page.evaluate((tags) => {
    const w = globalThis as unknown as AxeWindow;
    // Violations in full; passes and the rest only as a rule summary — nothing here reads their nodes, and
    // collecting them for every element is most of a run's cost on a large page.
    return w.axe!.run(w.document as never, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
  }, WCAG_21_AA);
}

/** The serious and critical violations, as `name: rule (help) at targets`. */
export async function seriousViolations(page: Page, name: string): Promise<string[]> {
  const results = await analyze(page);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${name}: ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
