import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { freePort, startApiStack, startWeb } from '@regie/local';
import { launchBrowser } from '../support/browser.ts';
import { loadAgreements } from './load.ts';

/** The JavaScript the built web app's index.html loads before anything else: entry and module preloads. */
export function initialJavaScript(root: string): { files: string[]; bytes: number; gzipBytes: number } {
  const dist = join(root, 'web', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1]!);
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const code = readFileSync(join(dist, file.replace(/^\//, '')));
    bytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
  }
  return { files, bytes, gzipBytes };
}

/** In the page: the register shows rows, and only subsidies (the kind filter has answered). */
const FILTERED = `(() => {
  const rows = [...document.querySelectorAll('[data-testid="register-table"] tbody tr')];
  return rows.length > 0 && rows.every((row) => row.textContent.includes('Subsidie'));
})()`;

export interface UsableRegister {
  /** Navigation start → the first page's 50 rows rendered, ms (page clock). */
  rows: number[];
  /** Navigation start → a kind filter chosen after that has answered with filtered rows, ms. */
  usable: number[];
  loadRate: number;
}

/**
 * Time to a usable register in headless Chromium: the whole local stack (its own DynamoDB Local, the seed, the
 * API, the built web app), `count` agreements in Harderwijk's register, logged in; then per run a fresh
 * navigation with the HTTP cache off, until the first page of rows is on screen and a filter answers.
 */
export async function usableRegister(root: string, count: number, runs: number): Promise<UsableRegister> {
  const apiPort = await freePort();
  const stack = await startApiStack({ dynamoPort: await freePort(), apiPort, tableName: 'bench-web' });
  let web: Awaited<ReturnType<typeof startWeb>> | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    const loadRate = await loadAgreements(stack.db, 'harderwijk.inkoper', count, 'WEB');
    web = await startWeb({ root, mode: 'preview', webPort: await freePort(), apiPort });
    browser = await launchBrowser();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(`${web.url}/login`);
    await page.getByTestId('login-harderwijk.inkoper').click();
    await page.getByTestId('register-table').waitFor();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });

    const out: UsableRegister = { rows: [], usable: [], loadRate };
    const rows = page.locator('[data-testid="register-table"] tbody tr');
    for (let run = 0; run < runs + 1; run++) {
      await page.goto(`${web.url}/register`, { waitUntil: 'commit' });
      await rows.nth(49).waitFor();
      const rendered = await page.evaluate(() => performance.now());
      await page.getByLabel('Soort', { exact: true }).selectOption('subsidy');
      await page.waitForFunction(FILTERED);
      const answered = await page.evaluate(() => performance.now());
      if (run === 0) continue; // the first navigation warms the API process, not the browser cache (off)
      out.rows.push(rendered);
      out.usable.push(answered);
    }
    return out;
  } finally {
    await browser?.close();
    await web?.stop();
    await stack.stop();
  }
}
