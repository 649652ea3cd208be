import { describe, expect, it } from 'vitest';

/**
 * The layers inside web/src (ARCHITECTURE.md): a feature imports `ui/` and `lib/` (and i18n), never another
 * feature; `ui/` builds on `lib/` only; `lib/` on nothing of the app's; only `pages/` and the app's root compose
 * features. Biome's noRestrictedImports cannot say "any feature but your own" in one rule, so this test does.
 */
// Every module's text, by path from web/src (`features/budget/BudgetSection.tsx`); Vite reads them, so the
// test needs no node: modules (web/src is browser code, and the linter says so).
const sources = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>(['./**/*.ts', './**/*.tsx', '!./layers.test.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, text]) => [path.slice(2), text]),
);

/** A module's layer: `features/<name>`, `pages`, `ui`, `lib`, `i18n`, or `app` for the files at the root. */
export function layerOf(path: string): string {
  const [top, second] = path.split('/');
  if (top === 'features' && second) return `features/${second}`;
  return path.includes('/') ? top! : 'app';
}

/** Why `from` may not import `to` (both paths relative to web/src), or null when it may. */
export function refusal(from: string, to: string): string | null {
  const a = layerOf(from);
  const b = layerOf(to);
  if (a === b || b === 'i18n') return null;
  if (a.startsWith('features/')) {
    if (b === 'ui' || b === 'lib') return null;
    return b.startsWith('features/')
      ? `${a} imports ${b}: features import ui/ and lib/, not each other (move shared code to ui/ or lib/, or compose in pages/)`
      : `${a} imports ${b}`;
  }
  if (a === 'ui') return b === 'lib' ? null : `ui/ imports ${b}: the kit builds on lib/ only`;
  if (a === 'lib') return `lib/ imports ${b}: lib builds on nothing of the app's`;
  if (a === 'i18n') return `i18n imports ${b}`;
  return null; // pages/ and the app root compose everything
}

/** The relative imports in a source text: static, re-exports and dynamic `import('…')`. */
export function importSpecs(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)'/gm))
    specs.push(m[1]!);
  return specs;
}

/** `a/b/../c/./d` → `a/c/d` (paths inside web/src; a path climbing out of it keeps its `..`). */
export function normalise(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '.' || part === '') continue;
    if (part === '..' && out.length > 0 && out.at(-1) !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** The module (path from web/src) a spec names from a module, trying the extensions and a folder's index. */
function resolveSpec(from: string, spec: string): string {
  const base = normalise(`${from.split('/').slice(0, -1).join('/')}/${spec}`);
  const hit = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'].find((ext) => sources[base + ext] !== undefined);
  return hit === undefined ? base : base + hit;
}

function edges(): [string, string][] {
  return Object.entries(sources).flatMap(([file, text]) =>
    importSpecs(text).map((spec): [string, string] => [file, resolveSpec(file, spec)]),
  );
}

describe('web/src layers', () => {
  it('reads the imports it checks', () => {
    const all = edges();
    expect(all).toContainEqual(['pages/AgreementDetailPage.tsx', 'features/budget/BudgetSection.tsx']);
    expect(all).toContainEqual(['features/budget/BudgetSection.tsx', 'ui/Section.tsx']);
    expect(normalise('features/kpis/../../lib/./format')).toBe('lib/format');
    expect(importSpecs("const P = lazy(() => import('./features/x/P'));\nexport { y } from '../y';")).toEqual(
      ['./features/x/P', '../y'],
    );
  });

  it('refuses a feature importing another feature, and ui or lib importing a feature', () => {
    expect(refusal('features/kpis/KpiSection.tsx', 'features/reports/model.ts')).toMatch(/not each other/);
    expect(refusal('ui/Section.tsx', 'features/agreements/model.ts')).toMatch(/lib\/ only/);
    expect(refusal('lib/format.ts', 'ui/Section.tsx')).toMatch(/nothing of the app's/);
    expect(refusal('lib/agreements/model.ts', 'features/agreements/Cockpit.tsx')).not.toBeNull();
  });

  it('lets a feature use ui/, lib/, i18n and itself, and pages compose features', () => {
    expect(refusal('features/kpis/KpiSection.tsx', 'features/kpis/model.ts')).toBeNull();
    expect(refusal('features/kpis/KpiSection.tsx', 'ui/Section.tsx')).toBeNull();
    expect(refusal('features/kpis/KpiSection.tsx', 'lib/reports/model.ts')).toBeNull();
    expect(refusal('features/kpis/KpiSection.tsx', 'i18n/index.ts')).toBeNull();
    expect(refusal('ui/Section.tsx', 'lib/form.tsx')).toBeNull();
    expect(refusal('pages/SteeringPage.tsx', 'features/budget/SignalsSection.tsx')).toBeNull();
    expect(refusal('app.tsx', 'features/auth/LoginPage.tsx')).toBeNull();
  });

  it('holds for every import in web/src', () => {
    const broken = edges().flatMap(([from, to]) => {
      const why = refusal(from, to);
      return why ? [`${from} → ${to}: ${why}`] : [];
    });
    expect(broken).toEqual([]);
  });
});
