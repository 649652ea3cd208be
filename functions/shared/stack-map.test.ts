import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { createStackMapper, withMappedStack } from './stack-map.ts';

/** A minified ESM bundle with a linked map and no sources content, as the Lambda bundles are built. */
const dir = mkdtempSync(join(tmpdir(), 'regie-stack-map-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundled(withMap: boolean) {
  const source = join(dir, 'thrower.ts');
  writeFileSync(
    source,
    [
      'export function padding(): number {',
      '  return 1;',
      '}',
      'export function fail(): never {',
      "  throw new Error('boom');",
      '}',
      '',
    ].join('\n'),
  );
  const outfile = join(dir, withMap ? 'with-map.mjs' : 'no-map.mjs');
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    minify: true,
    sourcemap: withMap ? 'linked' : false,
    sourcesContent: false,
    logLevel: 'error',
  });
  const url = pathToFileURL(outfile).href;
  // In a Node process of its own without source-map support, as in Lambda (the test runner maps stacks itself).
  const stack = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const m = await import(${JSON.stringify(url)}); try { m.fail(); } catch (e) { process.stdout.write(e.stack); }`,
    ],
    { env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' },
  );
  return { url, stack };
}

describe('stack traces mapped when logged', () => {
  it('names the TypeScript source and line of a frame in the bundle', async () => {
    const { url, stack } = await bundled(true);
    expect(stack).toMatch(/with-map\.mjs:1:\d+/); // minified: everything on line 1
    const mapped = createStackMapper(url)(stack);
    expect(mapped).toMatch(/thrower\.ts:5:\d+/);
    expect(mapped).not.toContain('with-map.mjs');
    // Frames outside the bundle are left alone.
    const other = `${stack}\n    at elsewhere (file:///var/task/other.mjs:1:10)`;
    expect(createStackMapper(url)(other)).toContain('file:///var/task/other.mjs:1:10');
  });

  it('leaves a stack as it is when the bundle has no map', async () => {
    const { url, stack } = await bundled(false);
    expect(createStackMapper(url)(stack)).toBe(stack);
  });

  it('maps only the stack of the log details', async () => {
    const { url, stack } = await bundled(true);
    const details = withMappedStack(createStackMapper(url), { stack, path: 'agreement.get' });
    expect(details).toMatchObject({ path: 'agreement.get', stack: expect.stringMatching(/thrower\.ts:5/) });
    expect(withMappedStack(createStackMapper(url), { path: 'x' })).toEqual({ path: 'x' });
  });
});
