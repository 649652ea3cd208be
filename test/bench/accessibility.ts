import { freePort, SEED_USERS, startApiStack, startWeb } from '@regie/local';
import { launchBrowser } from '../support/browser.ts';
import { type Sweep, sweepPages } from '../support/sweep.ts';

/**
 * The larger variant of the page sweep of test/e2e/pages.e2e.test.ts: every seed user, in Dutch and in English,
 * with up to `perUser` agreements each (and their edit, relation and roles pages), on a stack of its own.
 */
export async function accessibilitySweep(
  root: string,
  options: { perUser: number; log: (message: string) => void },
): Promise<Sweep> {
  const apiPort = await freePort();
  const stack = await startApiStack({ dynamoPort: await freePort(), apiPort, tableName: 'bench-a11y' });
  let web: Awaited<ReturnType<typeof startWeb>> | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    web = await startWeb({ root, mode: 'preview', webPort: await freePort(), apiPort });
    browser = await launchBrowser();
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    return await sweepPages(page, web.url, {
      users: SEED_USERS.map((u) => u.key),
      perUser: options.perUser,
      log: options.log,
    });
  } finally {
    await browser?.close();
    await web?.stop();
    await stack.stop();
  }
}
