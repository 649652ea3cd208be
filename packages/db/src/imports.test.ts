import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const modules = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));

/** The sibling modules a module imports; `typeOnly` false leaves out `import type` / `export type` (erased). */
function importsOf(file: string, typeOnly: boolean): string[] {
  const source = readFileSync(join(here, file), 'utf8');
  const out: string[] = [];
  for (const m of source.matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+'\.\/([\w-]+\.ts)';/gms)) {
    if (m[2] && !typeOnly) continue;
    out.push(m[3]!);
  }
  return out;
}

/** The first cycle found among the modules, as a path of file names, or null. */
function findCycle(typeOnly: boolean): string[] | null {
  const graph = new Map(modules.map((f) => [f, importsOf(f, typeOnly)]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'open') return [...path.slice(path.indexOf(file)), file];
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of modules) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('packages/db module graph', () => {
  it('reads the imports it checks', () => {
    expect(importsOf('index.ts', false)).toContain('inbox.ts');
    expect(importsOf('signal-job.ts', false)).toContain('inbox.ts');
  });

  it('has no runtime import cycle', () => {
    expect(findCycle(false)).toBeNull();
  });

  it('has no import cycle even counting type-only imports', () => {
    expect(findCycle(true)).toBeNull();
  });
});
