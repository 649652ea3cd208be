import type { Page, Request } from 'playwright-core';
import { analyze } from './axe.ts';

/**
 * The page sweep shared by the browser test (test/e2e/pages.e2e.test.ts) and the benchmark's larger variant
 * (test/bench/accessibility.ts): each user, in each language, visits every area of its own main navigation, the
 * other areas by their address, the new-agreement form and the register import where they are offered, and the
 * agreement pages behind up to `perUser` rows of its register (detail and the edit, relation, roles and simulation pages
 * it is offered). A page that passes axe can still be broken, so each page also counts as a problem when it shows an
 * error alert, when one of its API calls fails (4xx/5xx), or when the browser logs an error.
 *
 * A user signs in once; the sweep then moves inside the app as a click on a link does (the router's
 * `history.pushState`), and switches language with the header's language switch. A full page load per page cost
 * the app's start-up (scripts, the user's profile, the areas' queries) again each time.
 */
export interface Sweep {
  users: number;
  /** Pages checked (a page per user and language). */
  pages: number;
  /** The same, by language. */
  pagesIn: Record<Language, number>;
  /** Serious or critical axe violations (WCAG 2.1 A/AA), as `page: rule (nodes)`. */
  violations: string[];
  /** Other (minor or moderate) violations, counted. */
  minor: number;
  /** Error alerts, failed API calls and console errors, as `page: what`. */
  problems: string[];
}

export type Language = 'nl' | 'en';

/** Every area of the app, whether or not the user's navigation offers it. */
const AREA_PATHS = [
  '/register',
  '/deliver',
  '/steering',
  '/steering/conflicts',
  '/signing',
  '/deadlines',
  '/subsidies',
  '/regions',
  '/regions/RGNOORDVELUWE/benchmark',
  '/verbonden-partijen',
  '/organisations',
  '/admin',
  '/admin/people',
];
const LANGUAGE = { nl: 'Nederlands', en: 'English' } as const;
const NAV = { nl: 'Hoofdnavigatie', en: 'Main navigation' } as const;
/** What `go` uses of the page's window (the test project compiles without the DOM library). */
interface InPage {
  history: { pushState(state: unknown, unused: string, url: string): void };
  requestAnimationFrame(callback: () => void): number;
}
/** The network is taken as settled after this long without a request starting or ending. */
const QUIET_MS = 250;

export async function sweepPages(
  page: Page,
  webUrl: string,
  options: {
    users: readonly string[];
    languages?: readonly Language[];
    perUser: number;
    /** Only the areas of the user's own navigation, in every language or in those named. */
    navOnly?: boolean | readonly Language[];
    log?: (message: string) => void;
  },
): Promise<Sweep> {
  const sweep: Sweep = {
    users: 0,
    pages: 0,
    pagesIn: { nl: 0, en: 0 },
    violations: [],
    minor: 0,
    problems: [],
  };
  const watch = watchPage(page, webUrl);

  const check = async (name: string, language: Language) => {
    await watch.settled();
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15_000 });
    await watch.settled();
    const results = await analyze(page);
    sweep.pages++;
    sweep.pagesIn[language]++;
    for (const v of results.violations) {
      if (v.impact === 'serious' || v.impact === 'critical')
        sweep.violations.push(`${name}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
      else sweep.minor++;
    }
    const alerts = await page.locator('.utrecht-alert--error, p[role="alert"]').allInnerTexts();
    const found = [
      ...watch.take(),
      ...alerts.map((alert) => `error alert: ${alert.replace(/\s+/g, ' ').trim().slice(0, 200)}`),
    ];
    sweep.problems.push(...found.map((p) => `${name}: ${p}`));
  };
  /** To a page of the app as its links go there: the router's pushState, no reload. */
  const go = async (path: string) => {
    watch.touch();
    await page.evaluate(async (to) => {
      const w = globalThis as unknown as InPage;
      w.history.pushState(null, '', to);
      // Until the router has rendered the new page and its effects have started their requests.
      await new Promise((resolve) => w.requestAnimationFrame(() => setTimeout(resolve, 0)));
    }, path);
  };
  const pathname = () => new URL(page.url()).pathname;
  const navOnlyIn = (language: Language) =>
    options.navOnly === true || (Array.isArray(options.navOnly) && options.navOnly.includes(language));

  try {
    for (const user of options.users) {
      const languages = options.languages ?? (['nl', 'en'] as const);
      let landing = '';
      for (const [index, language] of languages.entries()) {
        options.log?.(`sweep: ${user} (${language})`);
        const label = `${user} ${language}`;
        const seen = new Set<string>();
        if (index === 0) {
          // The one sign-in of this user: its landing page is the first page checked.
          await page.goto(`${webUrl}/login`);
          await page.getByRole('button', { name: LANGUAGE[language], exact: true }).click();
          await page.getByTestId(`login-${user}`).click();
          await page.waitForURL((url) => !url.pathname.startsWith('/login'));
          landing = pathname();
          seen.add(landing);
          await check(`${label} landing ${landing}`, language);
        } else {
          await page.getByRole('button', { name: LANGUAGE[language], exact: true }).click();
          await go(landing);
          seen.add(landing);
          await check(`${label} landing ${landing}`, language);
        }
        const visit = async (path: string) => {
          if (seen.has(path)) return;
          seen.add(path);
          await go(path);
          await check(`${label} ${path}`, language);
        };
        const nav = page.getByRole('navigation', { name: NAV[language] });
        for (const href of await hrefs(nav.getByRole('link'))) await visit(href);
        if (navOnlyIn(language)) continue;
        // Areas outside the user's navigation, reached by address: a plain answer that they are not for this
        // user, never an error.
        for (const area of AREA_PATHS) await visit(area);
        // The agreements come from the register, which the user may have seen first (landing) and not again.
        if (pathname() !== '/register') await go('/register');
        await page.getByTestId('register-table').waitFor();
        await watch.settled();
        const agreements = (await hrefs(page.locator('a[href^="/agreements/"]')))
          .filter((h) => /^\/agreements\/[^/]+$/.test(h) && h !== '/agreements/new')
          .slice(0, options.perUser);
        if ((await page.locator('a[href="/agreements/new"]').count()) > 0) await visit('/agreements/new');
        // The register import, for the roles the register offers it to (issue 13).
        if ((await page.locator('a[href="/register/import"]').count()) > 0) await visit('/register/import');
        for (const detail of agreements) {
          await visit(detail);
          const subPages = (await hrefs(page.locator(`a[href^="${detail}/"]`))).filter((h) =>
            /\/(edit|relation|roles|simulation)$/.test(h),
          );
          for (const sub of subPages) await visit(sub);
        }
      }
      sweep.users++;
    }
    // Anything that went wrong after the last page was checked.
    sweep.problems.push(...watch.take().map((p) => `after the last page: ${p}`));
    return sweep;
  } finally {
    watch.stop();
  }
}

/**
 * What the page does on the network and in its console: failed API calls and console errors since the last
 * `take()`, and when the network last settled (no request open, none started or ended for `QUIET_MS`).
 */
function watchPage(page: Page, webUrl: string) {
  const origin = new URL(webUrl).origin;
  let pending: string[] = [];
  const open = new Set<Request>();
  let lastActivity = Date.now();
  const onRequest = (request: Request) => {
    open.add(request);
    lastActivity = Date.now();
  };
  const onDone = (request: Request) => {
    open.delete(request);
    lastActivity = Date.now();
  };
  const onResponse = (response: { url(): string; status(): number }) => {
    const url = new URL(response.url());
    if (url.origin !== origin || url.pathname.startsWith('/assets/')) return;
    if (response.status() >= 400) pending.push(`${response.status()} ${url.pathname}`);
  };
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') pending.push(`console: ${message.text().slice(0, 200)}`);
  };
  const onPageError = (error: Error) => pending.push(`page error: ${error.message.slice(0, 200)}`);
  page.on('request', onRequest);
  page.on('requestfinished', onDone);
  page.on('requestfailed', onDone);
  page.on('response', onResponse);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  return {
    /** A navigation starts now: the quiet period counts from here. */
    touch() {
      lastActivity = Date.now();
    },
    async settled(timeout = 15_000) {
      const start = Date.now();
      while (open.size > 0 || Date.now() - lastActivity < QUIET_MS) {
        if (Date.now() - start > timeout) {
          const urls = [...open].map((r) => r.url());
          throw new Error(`network still busy after ${timeout} ms: ${urls.join(', ')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    take() {
      const taken = pending;
      pending = [];
      return taken;
    },
    stop() {
      page.off('request', onRequest);
      page.off('requestfinished', onDone);
      page.off('requestfailed', onDone);
      page.off('response', onResponse);
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
    },
  };
}

/** The distinct paths the matched links point to, in page order. */
async function hrefs(links: ReturnType<Page['locator']>): Promise<string[]> {
  const all = await links.evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
  return [...new Set(all.filter((h) => h.startsWith('/')).map((h) => h.split(/[?#]/)[0]!))];
}
