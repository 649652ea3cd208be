import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * Stack traces of a bundled function mapped back to the TypeScript sources when an error is logged, instead of
 * `NODE_OPTIONS=--enable-source-maps` (issue 17 point 7). That flag makes Node read and parse the bundle's whole
 * source map when the module loads, on every cold start, for the rare error that needs it (measured in
 * docs/benchmarks.md); here the map (`<bundle>.map`, shipped beside it) is read on the first logged stack only.
 *
 * Frames outside the bundle stay as they are; without a readable map (local runs from source, where the stack
 * already names the sources) the stack is returned unchanged.
 */
export function createStackMapper(bundleUrl: string): (stack: string) => string {
  const bundle = bundleUrl.startsWith('file:') ? fileURLToPath(bundleUrl) : bundleUrl;
  let map: SourceMap | null | undefined;
  const load = () => {
    if (map === undefined) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
      } catch {
        map = null;
      }
    }
    return map;
  };
  const escaped = bundle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const frame = new RegExp(`(?:file://)?${escaped}:(\\d+):(\\d+)`, 'g');
  return (stack) => {
    if (!stack.includes(bundle)) return stack;
    const sourceMap = load();
    if (!sourceMap) return stack;
    return stack.replace(frame, (whole, line: string, column: string) => {
      const entry = sourceMap.findEntry(Number(line) - 1, Number(column) - 1) as {
        originalSource?: string;
        originalLine?: number;
        originalColumn?: number;
      };
      if (entry.originalSource === undefined || entry.originalLine === undefined) return whole;
      const source = entry.originalSource.replace(/^(\.\.\/)+/, '');
      return `${source}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
    });
  };
}

/** Log details with their `stack` mapped (the shape the apps' `logError` hands over). */
export function withMappedStack(
  mapStack: (stack: string) => string,
  details: Record<string, unknown>,
): Record<string, unknown> {
  return typeof details.stack === 'string' ? { ...details, stack: mapStack(details.stack) } : details;
}
