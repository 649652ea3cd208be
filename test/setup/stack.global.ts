import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freePort, startApiStack, startWeb } from '@regie/local';
import type { TestProject } from 'vitest/node';
import '../support/provided.ts';

/**
 * The whole local stack for browser tests: in-memory DynamoDB Local with the seed, the API with dev
 * auth, and the built web app served by `vite preview` with its /trpc proxy — all on free ports.
 */
export default async function setup(project: TestProject) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  if (!existsSync(`${root}/web/dist/index.html`)) {
    throw new Error('web/dist is missing: run `npm run build` first (npm test does)');
  }
  const apiPort = await freePort();
  const api = await startApiStack({ dynamoPort: await freePort(), apiPort, tableName: 'e2e' });
  try {
    const web = await startWeb({ root, mode: 'preview', webPort: await freePort(), apiPort });
    project.provide('webUrl', web.url);
    project.provide('apiUrl', api.apiUrl);
    return async () => {
      await web.stop();
      await api.stop();
    };
  } catch (error) {
    await api.stop();
    throw error;
  }
}
