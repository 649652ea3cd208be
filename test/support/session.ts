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

/** The pages of the sessions open in this test file, for the report of a failed test (test/setup/e2e-failures.ts). */
const openPages = new Map<Page, string[]>();
const LOG_ENTRIES = 40;

/**
 * What a failed browser test leaves behind, per open page: its URL, the alerts it shows, and its last API answers
 * of 400 and up, failed requests, slow answers and console errors. A timeout says only what did not appear; this
 * says what the page did instead.
 */
export async function describeOpenPages(): Promise<string> {
  const parts: string[] = [];
  for (const [page, log] of openPages) {
    if (page.isClosed()) continue;
    const alerts = await page
      .locator('[role="alert"], .utrecht-alert')
      .allInnerTexts()
      .then((texts) => [...new Set(texts.map((text) => text.replace(/\s+/g, ' ').trim()))])
      .catch(() => []);
    parts.push(
      [
        `page ${page.url()}`,
        `alerts: ${alerts.length ? alerts.map((a) => JSON.stringify(a)).join('; ') : 'none'}`,
        ...(log.length
          ? log.map((entry) => `  ${entry}`)
          : ['  (no failed, slow or refused request, no console error)']),
      ].join('\n'),
    );
  }
  return parts.join('\n');
}

/** Keeps a page's last API answers of 400 and up, failed requests, answers over 3 s and console errors. */
function recordTrouble(page: Page): string[] {
  const log: string[] = [];
  const started = new WeakMap<object, number>();
  const at = () => new Date().toISOString().slice(11, 23);
  const add = (entry: string) => {
    log.push(`${at()} ${entry}`);
    if (log.length > LOG_ENTRIES) log.shift();
  };
  const pathOf = (url: string) => new URL(url).pathname;
  page.on('request', (request) => started.set(request, Date.now()));
  page.on('response', (response) => {
    const request = response.request();
    const ms = Date.now() - (started.get(request) ?? Date.now());
    if (pathOf(response.url()).startsWith('/assets/')) return;
    if (response.status() >= 400 || ms > 3_000)
      add(`${response.status()} ${request.method()} ${pathOf(response.url())} after ${ms} ms`);
  });
  page.on('requestfailed', (request) =>
    add(`failed ${request.method()} ${pathOf(request.url())}: ${request.failure()?.errorText ?? ''}`),
  );
  page.on('console', (message) => {
    if (message.type() === 'error') add(`console: ${message.text().slice(0, 200)}`);
  });
  page.on('pageerror', (error) => add(`page error: ${error.message.slice(0, 200)}`));
  return log;
}

export async function openSession(webUrl: string): Promise<BrowserSession> {
  const browser = await launchBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  openPages.set(page, recordTrouble(page));
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
