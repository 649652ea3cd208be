import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as browser from './browser.ts';

/**
 * Every module an entry reaches, following its relative imports: `import … from`, `export … from`, bare
 * `import '…'` (side effects) and `import('…')`. Type-only imports are followed too, which is stricter than a
 * bundler needs.
 */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [
      ...source.matchAll(/(?:^|[\s;])(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g),
      ...source.matchAll(/(?:^|[\s;])import\s*\(?\s*['"]([^'"]+)['"]/g),
    ].map((m) => m[1]!);
    seen.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith('.')) visit(resolve(dirname(file), s));
  };
  visit(entry);
  return seen;
}

/** The specifiers a graph imports from outside core that a browser cannot load. */
function foreign(graph: Map<string, string[]>): string[] {
  return [...graph].flatMap(([file, specifiers]) =>
    specifiers
      .filter((s) => !(s.startsWith('.') || s === 'zod' || s.startsWith('zod/')))
      .map((s) => `${file.slice(file.lastIndexOf('/') + 1)} imports ${s}`),
  );
}

describe('the browser entry of core', () => {
  const entry = fileURLToPath(new URL('./browser.ts', import.meta.url));

  it('reaches no node: module and nothing outside core but zod', () => {
    const graph = reachable(entry);
    // The agreement's schemas and their modules are in it.
    expect(graph.size).toBeGreaterThan(10);
    expect(foreign(graph)).toEqual([]);
  });

  it('would notice a node: module: the server entry reaches node:crypto (ids.ts, audit.ts)', () => {
    const server = reachable(fileURLToPath(new URL('./index.ts', import.meta.url)));
    expect(foreign(server)).toEqual(
      expect.arrayContaining(['ids.ts imports node:crypto', 'audit.ts imports node:crypto']),
    );
  });

  it('holds what the agreement form validates with', () => {
    for (const name of [
      'agreementCreateInput',
      'agreementTermsPatch',
      'checkProductLines',
      'repeatedParties',
      'AGREEMENT_KINDS',
      'AGREEMENT_STATUSES',
      'DOMAINS',
      'isIban',
      'isKvkNumber',
      'isAgbCode',
      'isCbsMunicipalityCode',
      'normaliseIban',
    ]) {
      expect(browser, name).toHaveProperty(name);
    }
  });
});
