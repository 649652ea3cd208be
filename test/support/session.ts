import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { seriousViolations } from './axe.ts';
import { launchBrowser } from './browser.ts';

/** One browser with one page against the e2e stack, and the steps every browser test takes. */
export interface BrowserSession {
  page: Page;
  /** Logs in as a seed user through the login page and waits for the register. */
  logIn(user: string): Promise<void>;
  /** No serious or critical WCAG 2.1 A/AA violation (axe) on the page as it is now. */
  expectAccessible(name: string): Promise<void>;
  /** A page section (a landmark region) by its heading. */
  section(name: string): ReturnType<Page['getByRole']>;
  /** A link of the main navigation. */
  nav(name: string): ReturnType<Page['getByRole']>;
  close(): Promise<void>;
}

/** What each open page of this test file did, for the report of a failed test (test/setup/e2e-failures.ts). */
interface PageLog {
  /** The last API calls (answered or failed), console errors and page errors, oldest first. */
  entries: string[];
  /** API calls still unanswered, with when they were sent. */
  open: Map<object, { what: string; at: number }>;
}
const openPages = new Map<Page, PageLog>();
const LOG_ENTRIES = 40;

/**
 * What a failed browser test leaves behind, per open page: its URL, the alerts it shows, its last API calls with
 * their answers and durations, the calls still unanswered, and console errors. A timeout says only what did not
 * appear; this says what the page did instead.
 */
export async function describeOpenPages(): Promise<string> {
  const parts: string[] = [];
  for (const [page, log] of openPages) {
    if (page.isClosed()) continue;
    const alerts = await page
      .locator('[role="alert"], .utrecht-alert')
      .allInnerTexts()
      .then((texts) => [...new Set(texts.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean))])
      .catch(() => []);
    const now = Date.now();
    parts.push(
      [
        `page ${page.url()}`,
        `alerts: ${alerts.length ? alerts.map((a) => JSON.stringify(a)).join('; ') : 'none'}`,
        'last API calls and errors:',
        ...(log.entries.length ? log.entries.map((entry) => `  ${entry}`) : ['  none']),
        'API calls still unanswered:',
        ...(log.open.size
          ? [...log.open.values()].map(({ what, at }) => `  ${what}, sent ${now - at} ms ago`)
          : ['  none']),
      ].join('\n'),
    );
  }
  return parts.join('\n');
}

/** Records a page's API calls (/trpc, /files, /dev, /ical, /public; not its assets), console and page errors. */
function recordPage(page: Page): PageLog {
  const log: PageLog = { entries: [], open: new Map() };
  const at = () => new Date().toISOString().slice(11, 23);
  const add = (entry: string) => {
    log.entries.push(`${at()} ${entry}`);
    if (log.entries.length > LOG_ENTRIES) log.entries.shift();
  };
  const api = (url: string) => {
    const { pathname } = new URL(url);
    return /^\/(trpc|files|dev|ical|public)\//.test(pathname) ? pathname : null;
  };
  page.on('request', (request) => {
    const path = api(request.url());
    if (path) log.open.set(request, { what: `${request.method()} ${path}`, at: Date.now() });
  });
  page.on('requestfinished', async (request) => {
    const sent = log.open.get(request);
    if (!sent) return;
    log.open.delete(request);
    const response = await request.response().catch(() => null);
    add(`${response?.status() ?? '?'} ${sent.what} after ${Date.now() - sent.at} ms`);
  });
  page.on('requestfailed', (request) => {
    const sent = log.open.get(request);
    log.open.delete(request);
    if (sent)
      add(`failed ${sent.what} after ${Date.now() - sent.at} ms: ${request.failure()?.errorText ?? ''}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') add(`console: ${message.text().slice(0, 200)}`);
  });
  page.on('pageerror', (error) => add(`page error: ${error.message.slice(0, 200)}`));
  return log;
}

export async function openSession(webUrl: string): Promise<BrowserSession> {
  const browser = await launchBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  openPages.set(page, recordPage(page));
  return {
    page,
    async logIn(user) {
      await page.goto(`${webUrl}/login`);
      await page.getByTestId(`login-${user}`).click();
      await page.getByTestId('register-table').waitFor();
    },
    async expectAccessible(name) {
      expect(await seriousViolations(page, name)).toEqual([]);
    },
    section: (name) => page.getByRole('region', { name, exact: true }),
    nav: (name) =>
      page.getByRole('navigation', { name: 'Hoofdnavigatie' }).getByRole('link', { name, exact: true }),
    close: () => {
      openPages.delete(page);
      return browser.close();
    },
  };
}
