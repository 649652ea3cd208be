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

export async function openSession(webUrl: string): Promise<BrowserSession> {
  const browser = await launchBrowser();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
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
    close: () => browser.close(),
  };
}
