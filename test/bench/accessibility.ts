import AxeBuilder from '@axe-core/playwright';
import { freePort, startApiStack, startWeb } from '@regie/local';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

/**
 * The larger variant of the accessibility test (test/e2e/accessibility.e2e.test.ts): every seed user, in Dutch and
 * in English, visits every area of its own main navigation, the new-agreement form where it has one, and the
 * agreement pages behind up to `perUser` rows of its register (detail and, where offered, edit, relation and
 * roles); axe (WCAG 2.1 A/AA) runs on each page as it is once its data has arrived.
 */
export interface Sweep {
  users: number;
  /** Pages checked (a page per user and language). */
  pages: number;
  /** Serious or critical violations, as `page: rule (nodes)`. */
  violations: string[];
  /** Other (minor or moderate) violations, counted. */
  minor: number;
}

const USERS = [
  'ermelo.inkoper',
  'ermelo.contractmanager',
  'ermelo.admin',
  'ermelo.approver',
  'ermelo.viewer',
  'harderwijk.inkoper',
  'harderwijk.contractmanager',
  'utrecht.inkoper',
  'zeewolde.inkoper',
  'noordveluwe.coordinator',
  'kompas.signer',
  'kompas.reporter',
  'wijkracht.signer',
  'wijkracht.reporter',
];

const LANGUAGE = { nl: 'Nederlands', en: 'English' } as const;
const NAV = { nl: 'Hoofdnavigatie', en: 'Main navigation' } as const;

export async function accessibilitySweep(
  root: string,
  options: { perUser: number; log: (message: string) => void },
): Promise<Sweep> {
  const apiPort = await freePort();
  const stack = await startApiStack({ dynamoPort: await freePort(), apiPort, tableName: 'bench-a11y' });
  let web: Awaited<ReturnType<typeof startWeb>> | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  const sweep: Sweep = { users: 0, pages: 0, violations: [], minor: 0 };
  try {
    web = await startWeb({ root, mode: 'preview', webPort: await freePort(), apiPort });
    browser = await launchBrowser();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
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
    };
    for (const user of USERS) {
      for (const language of ['nl', 'en'] as const) {
        options.log(`accessibility: ${user} (${language})`);
        await page.goto(`${web.url}/login`);
        await page.getByRole('button', { name: LANGUAGE[language], exact: true }).click();
        await page.getByTestId(`login-${user}`).click();
        await page.waitForURL((url) => !url.pathname.startsWith('/login'));
        await check(`${user} ${language} landing ${new URL(page.url()).pathname}`);
        const seen = new Set<string>([new URL(page.url()).pathname]);
        const visit = async (path: string) => {
          if (seen.has(path)) return;
          seen.add(path);
          await page.goto(`${web!.url}${path}`);
          await check(`${user} ${language} ${path}`);
        };
        const nav = page.getByRole('navigation', { name: NAV[language] });
        for (const href of await hrefs(page, nav.getByRole('link'))) await visit(href);
        await visit('/register');
        const agreements = (await hrefs(page, page.locator('a[href^="/agreements/"]')))
          .filter((h) => /^\/agreements\/[^/]+$/.test(h) && h !== '/agreements/new')
          .slice(0, options.perUser);
        if ((await page.locator('a[href="/agreements/new"]').count()) > 0) await visit('/agreements/new');
        for (const detail of agreements) {
          await visit(detail);
          // The agreement's own sub-pages this user is offered.
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
    await browser?.close();
    await web?.stop();
    await stack.stop();
  }
}

/** The distinct paths the matched links point to, in page order. */
async function hrefs(page: Page, links: ReturnType<Page['locator']>): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  const all = await links.evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
  return [...new Set(all.filter((h) => h.startsWith('/')).map((h) => h.split(/[?#]/)[0]!))];
}
