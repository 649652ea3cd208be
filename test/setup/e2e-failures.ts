import { beforeEach } from 'vitest';
import { describeOpenPages } from '../support/session.ts';

/**
 * Every browser test: when it fails, the open pages say what they showed and which requests went wrong
 * (test/support/session.ts), next to the assertion that timed out.
 */
beforeEach(({ onTestFailed }) => {
  onTestFailed(async () => {
    const report = await describeOpenPages();
    if (report) console.error(`What the browser showed when the test failed:\n${report}`);
  });
});
