import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** Every module the browser entry reaches, following its relative imports and re-exports. */
function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)].map(
      (m) => m[1]!,
    );
    seen.set(file, specifiers);
    for (const s of specifiers) if (s.startsWith('.')) visit(resolve(dirname(file), s));
  };
  visit(entry);
  return seen;
}

describe('the browser entry of core', () => {
  const entry = fileURLToPath(new URL('./browser.ts', import.meta.url));

  it('reaches no node: module and nothing outside core but zod', () => {
    const graph = reachable(entry);
    expect(graph.size).toBeGreaterThan(1);
    for (const [file, specifiers] of graph) {
      for (const s of specifiers) {
        expect(s.startsWith('.') || s === 'zod' || s.startsWith('zod/'), `${file} imports ${s}`).toBe(true);
      }
    }
  });
});
