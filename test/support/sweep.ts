import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/**
 * The page sweep shared by the browser test (test/e2e/pages.e2e.test.ts) and the benchmark's larger variant
 * (test/bench/accessibility.ts): each user, in each language, visits every area of its own main navigation, the
 * other areas by their address, the new-agreement form where it is offered, and the agreement pages behind up to `perUser` rows of its register
 * (detail and the edit, relation and roles pages it is offered). A page that passes axe can still be broken, so
 * each page also counts as a problem when it shows an error alert, when one of its API calls fails (4xx/5xx),
 * or when the browser logs an error.
 */
export interface Sweep {
  users: number;
  /** Pages checked (a page per user and language). */
  pages: number;
  /** Serious or critical axe violations (WCAG 2.1 A/AA), as `page: rule (nodes)`. */
  violations: string[];
  /** Other (minor or moderate) violations, counted. */
  minor: number;
  /** Error alerts, failed API calls and console errors, as `page: what`. */
  problems: string[];
}

/** Every area of the app, whether or not the user's navigation offers it. */
const AREA_PATHS = [
  '/register',
  '/deliver',
  '/steering',
  '/signing',
  '/deadlines',
  '/subsidies',
  '/regions',
  '/organisations',
  '/admin',
];
const LANGUAGE = { nl: 'Nederlands', en: 'English' } as const;
const NAV = { nl: 'Hoofdnavigatie', en: 'Main navigation' } as const;

export async function sweepPages(
  page: Page,
  webUrl: string,
  options: {
    users: readonly string[];
    languages?: readonly ('nl' | 'en')[];
    perUser: number;
    /** Only the areas of the user's own navigation (the quick pass the browser test makes in English). */
    navOnly?: boolean;
    log?: (message: string) => void;
  },
): Promise<Sweep> {
  const sweep: Sweep = { users: 0, pages: 0, violations: [], minor: 0, problems: [] };
  // What went wrong since the last page was checked: failed API calls and console errors.
  let pending: string[] = [];
  const onResponse = (response: { url(): string; status(): number; request(): { method(): string } }) => {
    const url = new URL(response.url());
    if (url.origin !== new URL(webUrl).origin || url.pathname.startsWith('/assets/')) return;
    if (response.status() >= 400) pending.push(`${response.status()} ${url.pathname}`);
  };
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') pending.push(`console: ${message.text().slice(0, 200)}`);
  };
  const onPageError = (error: Error) => pending.push(`page error: ${error.message.slice(0, 200)}`);
  page.on('response', onResponse);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);

  const check = async (name: string) => {
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
    await page.waitForLoadState('networkidle');
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    sweep.pages++;
    for (const v of results.violations) {
      if (v.impact === 'serious' || v.impact === 'critical')
        sweep.violations.push(`${name}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      else sweep.minor++;
    }
    const alerts = await page.locator('.utrecht-alert--error, p[role="alert"]').allInnerTexts();
    for (const alert of alerts)
      pending.push(`error alert: ${alert.replace(/\s+/g, ' ').trim().slice(0, 200)}`);
    sweep.problems.push(...pending.map((p) => `${name}: ${p}`));
    pending = [];
  };

  try {
    for (const user of options.users) {
      for (const language of options.languages ?? (['nl', 'en'] as const)) {
        options.log?.(`sweep: ${user} (${language})`);
        await page.goto(`${webUrl}/login`);
        await page.getByRole('button', { name: LANGUAGE[language], exact: true }).click();
        await page.getByTestId(`login-${user}`).click();
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        await check(`${user} ${language} landing ${new URL(page.url()).pathname}`);
        const seen = new Set<string>([new URL(page.url()).pathname]);
        const visit = async (path: string) => {
          if (seen.has(path)) return;
          seen.add(path);
          await page.goto(`${webUrl}${path}`);
          await check(`${user} ${language} ${path}`);
        };
        const nav = page.getByRole('navigation', { name: NAV[language] });
        for (const href of await hrefs(page, nav.getByRole('link'))) await visit(href);
        if (options.navOnly) continue;
        // Areas outside the user's navigation, reached by address: a plain answer that they are not for this
        // user, never an error.
        for (const area of AREA_PATHS) await visit(area);
        // The agreements come from the register, which the user may have seen first (landing) and not again.
        await page.goto(`${webUrl}/register`);
        await page.getByTestId('register-table').waitFor();
        const agreements = (await hrefs(page, page.locator('a[href^="/agreements/"]')))
          .filter((h) => /^\/agreements\/[^/]+$/.test(h) && h !== '/agreements/new')
          .slice(0, options.perUser);
        if ((await page.locator('a[href="/agreements/new"]').count()) > 0) await visit('/agreements/new');
        for (const detail of agreements) {
          await visit(detail);
          const subPages = (await hrefs(page, page.locator(`a[href^="${detail}/"]`))).filter((h) =>
            /\/(edit|relation|roles)$/.test(h),
          );
          for (const sub of subPages) await visit(sub);
        }
      }
      sweep.users++;
    }
    return sweep;
  } finally {
    page.off('response', onResponse);
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
  }
}

/** The distinct paths the matched links point to, in page order. */
async function hrefs(page: Page, links: ReturnType<Page['locator']>): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const all = await links.evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
  return [...new Set(all.filter((h) => h.startsWith('/')).map((h) => h.split(/[?#]/)[0]!))];
}
